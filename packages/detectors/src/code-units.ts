/** Texts up to this many code units share a reader's buffer; longer ones get a buffer of their own. */
const KEPT_CODES = 1 << 16;

/**
 * A function that copies a text's UTF-16 code units (lone surrogates included) into a typed array,
 * followed by two zeros. Loads from it cost a fraction of a charCodeAt call (which dispatches on the
 * string's representation each time), so the scanners read every character from it. Entries past
 * `text.length + 2` are stale, and the array is overwritten by the reader's next call: each detector keeps
 * a reader of its own, so one detector's copy is never overwritten by another's while in use.
 */
export function codeUnitReader(): (text: string) => Uint16Array {
  let codes = new Uint16Array(8192);
  let bytes = Buffer.from(codes.buffer);
  return (text) => {
    const size = text.length + 2;
    if (size > KEPT_CODES) {
      // Zero-filled, so the two trailing zeros are there already; not kept once the caller lets go.
      const own = new Uint16Array(size);
      Buffer.from(own.buffer).write(text, 0, 'utf16le');
      return own;
    }
    if (size > codes.length) {
      codes = new Uint16Array(Math.min(KEPT_CODES, Math.max(size, 2 * codes.length)));
      bytes = Buffer.from(codes.buffer);
    }
    bytes.write(text, 0, 'utf16le');
    codes[text.length] = 0;
    codes[text.length + 1] = 0;
    return codes;
  };
}
