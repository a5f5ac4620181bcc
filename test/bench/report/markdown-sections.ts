/**
 * Generated parts of a hand-written Markdown page live between marker comments:
 *
 *   <!-- bench:begin w1 -->
 *   …generated…
 *   <!-- bench:end w1 -->
 *
 * Everything outside the markers is left byte for byte as it was.
 */

const NAME = /^[a-z0-9][a-z0-9-]*$/;

export function beginMarker(name: string): string {
  return `<!-- bench:begin ${name} -->`;
}

export function endMarker(name: string): string {
  return `<!-- bench:end ${name} -->`;
}

/** Names of the generated sections, in page order. */
export function sectionNames(markdown: string): string[] {
  return [...markdown.matchAll(/<!-- bench:begin ([a-z0-9-]+) -->/g)].map((m) => m[1]!);
}

/**
 * Replaces what is between the markers of section `name` with `content` (surrounded by one blank line).
 * Throws when the markers are missing, repeated or out of order, so a page is never silently half-updated.
 */
export function replaceSection(markdown: string, name: string, content: string): string {
  if (!NAME.test(name)) throw new Error(`invalid section name ${JSON.stringify(name)}`);
  const begin = beginMarker(name);
  const end = endMarker(name);
  const start = markdown.indexOf(begin);
  const stop = markdown.indexOf(end);
  if (start < 0 || stop < 0) throw new Error(`section ${name}: markers not found`);
  if (markdown.indexOf(begin, start + 1) >= 0 || markdown.indexOf(end, stop + 1) >= 0)
    throw new Error(`section ${name}: markers appear more than once`);
  if (stop < start) throw new Error(`section ${name}: end marker before begin marker`);
  return `${markdown.slice(0, start + begin.length)}\n\n${content.trim()}\n\n${markdown.slice(stop)}`;
}
