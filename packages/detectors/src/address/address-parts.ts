/**
 * Characters that bound the comma- or line-separated parts of an address, shared by the readers that walk back
 * from a postcode (postcode-address.ts, japanese-postcode.ts).
 */

/** Spaces, tabs and carriage returns inside a part. */
export function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

/** `,` and a line break separate the parts of one address. */
export function isSeparator(c: number): boolean {
  return c === 44 || c === 10;
}

/**
 * `:`, `;`, `(`, `[` and an opening quote end a part too ("Office: 1 Poultry", a quoted CSV cell), but never
 * join two parts of an address.
 */
export function isPartEnd(c: number): boolean {
  return c === 58 || c === 59 || c === 40 || c === 91 || c === 34 || c === 0x201c;
}
