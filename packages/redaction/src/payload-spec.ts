/**
 * Says how to read one kind of JSON payload. Everything not declared structural is text and gets
 * scanned, so a field nobody anticipated is never a silent bypass.
 */
export interface PayloadSpec {
  /**
   * Paths whose string values are structural (model, role, type, ids, enums). While they look like bounded
   * tokens only definitive findings (a card number, a key) count there; any other value is scanned like text.
   */
  structural?: readonly string[];
  /**
   * Subtrees where any finding that is not `allow` rejects the whole payload instead of masking it
   * (e.g. tool descriptions and schema defaults: masking them would silently change the tool).
   */
  rejectIfSensitive?: readonly string[];
  /**
   * Object keys are scanned too; under these paths (e.g. JSON-schema property names) they are never changed,
   * and a definitive value written as a key refuses the payload instead.
   */
  opaqueKeys?: readonly string[];
  /**
   * Paths that carry binary media (base64 image or audio data). Such a value is passed unscanned only
   * when it really is base64 (or a base64 `data:` URL); anything else there is scanned as text.
   */
  binary?: readonly string[];
}

/** Pure base64, or a base64 `data:` URL: media bytes, not language the model reads as text. */
export const BASE64_MEDIA =
  /^(?:data:[\w.+-]+\/[\w.+-]+(?:;[\w.+-]+=[\w.+-]+)*;base64,)?[A-Za-z0-9+/\r\n]+={0,2}$/;

/** A structural value (or key) looking like this is read for definitive findings only: short, no spaces, no `@`. */
export const BOUNDED_TOKEN = /^[A-Za-z0-9_.:\-/+]{0,128}$/;
