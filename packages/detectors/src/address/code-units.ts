/** Texts up to this many code units share one buffer; longer ones get a buffer of their own. */
const KEPT_CODES = 1 << 16;
let codeBuffer = new Uint16Array(8192);
let codeBytes = Buffer.from(codeBuffer.buffer);

/**
 * The text's UTF-16 code units (lone surrogates included) in a typed array, followed by two zeros: a load
 * from it costs a fraction of a charCodeAt call (which dispatches on the string's representation each
 * time), and the anchor-point scan reads every character of every window. Entries past
 * `text.length + 2` are stale; the array is overwritten by the next call (the same scheme as the English
 * entity tokenizer's).
 */
export function codeUnits(text: string): Uint16Array {
  const size = text.length + 2;
  let codes = codeBuffer;
  let bytes = codeBytes;
  if (size > codes.length) {
    codes = new Uint16Array(
      size > KEPT_CODES ? size : Math.min(KEPT_CODES, Math.max(size, 2 * codes.length)),
    );
    bytes = Buffer.from(codes.buffer);
    if (codes.length <= KEPT_CODES) {
      codeBuffer = codes;
      codeBytes = bytes;
    }
  }
  bytes.write(text, 0, 'utf16le');
  codes[text.length] = 0;
  codes[text.length + 1] = 0;
  return codes;
}
