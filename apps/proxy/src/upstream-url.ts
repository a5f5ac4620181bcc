/** `{base}{path}`: the upstream base URL keeps its own path prefix (`/v1`, an Azure deployment path, …). */
export function joinUrl(base: URL, path: string): URL {
  const url = new URL(base.href);
  url.pathname = `${base.pathname.replace(/\/+$/, '')}${path}`;
  return url;
}
