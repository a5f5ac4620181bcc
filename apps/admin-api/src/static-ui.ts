import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

export const UI_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Serves files under `dir`; unknown paths without an extension get index.html (client-side routes). */
export function createStaticUi(dir: string) {
  const root = resolve(dir);
  const file = async (path: string) => {
    const target = resolve(root, `.${path}`);
    if (target !== root && !target.startsWith(root + sep)) return undefined;
    try {
      const s = await stat(target);
      if (s.isDirectory()) return file(`${path.replace(/\/$/, '')}/index.html`);
      return { path: target, body: await readFile(target) };
    } catch {
      return undefined;
    }
  };
  return async (c: Context) => {
    let path: string;
    try {
      path = decodeURIComponent(c.req.path);
    } catch {
      return c.notFound();
    }
    if (path.includes('\0')) return c.notFound();
    const found = (await file(path)) ?? (extname(path) === '' ? await file('/index.html') : undefined);
    if (!found) return c.notFound();
    const type = TYPES[extname(found.path).toLowerCase()] ?? 'application/octet-stream';
    return c.body(new Uint8Array(found.body), 200, {
      'content-type': type,
      'content-security-policy': UI_CSP,
      'cache-control': extname(found.path) === '.html' ? 'no-cache' : 'public, max-age=300',
    });
  };
}
