/** A location inside a JSON payload: object keys and array indexes from the root. */
export type JsonPath = ReadonlyArray<string | number>;

/** `messages[2].content[0].text` — the form reported in findings and audit rows. */
export function formatJsonPath(path: JsonPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out || '$';
}

/**
 * Path patterns, written like `messages.*.role` or `tools.**`: `*` matches one key or index, `**`
 * matches any number (including none) of segments. Compiled once per spec.
 */
export interface PathPattern {
  readonly source: string;
  matches(path: JsonPath): boolean;
}

export function compilePathPattern(source: string): PathPattern {
  const parts = source.split('.').filter((p) => p.length > 0);
  function matchFrom(path: JsonPath, pi: number, si: number): boolean {
    if (pi === parts.length) return si === path.length;
    const part = parts[pi]!;
    if (part === '**') {
      for (let k = si; k <= path.length; k++) if (matchFrom(path, pi + 1, k)) return true;
      return false;
    }
    if (si >= path.length) return false;
    if (part !== '*' && part !== String(path[si])) return false;
    return matchFrom(path, pi + 1, si + 1);
  }
  return { source, matches: (path) => matchFrom(path, 0, 0) };
}

const compiledLists = new WeakMap<readonly string[], (path: JsonPath) => boolean>();
const NEVER = () => false;

/** Compiles a pattern list once; specs are long-lived objects, so the result is cached per list. */
export function compilePathPatterns(sources: readonly string[] = []): (path: JsonPath) => boolean {
  if (sources.length === 0) return NEVER;
  let compiled = compiledLists.get(sources);
  if (!compiled) {
    const patterns = sources.map(compilePathPattern);
    compiled = (path) => patterns.some((p) => p.matches(path));
    compiledLists.set(sources, compiled);
  }
  return compiled;
}
