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
   * Domains of the provider the payload is sent to (e.g. `anthropic.com`). Inside `rejectIfSensitive`
   * subtrees an email address at one of them or a subdomain (an agent vendor's `noreply@anthropic.com`
   * commit trailer in a tool description) is the recipient's own address, not the caller's data: it neither
   * rejects the payload nor is reported.
   */
  ownDomains?: readonly string[];
  /**
   * Names of the provider and its products (e.g. `Anthropic`, `Claude`). A person or organization finding
   * that is exactly one of them (case-insensitive) is neither masked nor reported anywhere in the payload:
   * the recipient's own name hides nothing from it, and an agent's system prompt ("You are Claude, built on
   * Anthropic's …") reaches it as written. A longer name that contains one ("Claude Dupont") is still masked.
   */
  ownNames?: readonly string[];
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

/** Whether an email address belongs to one of `domains` (or a subdomain of one), compared case-insensitively. */
export function ownDomainMatcher(domains: readonly string[] | undefined): (email: string) => boolean {
  const own = (domains ?? []).map((d) => d.toLowerCase());
  if (own.length === 0) return () => false;
  return (email) => {
    const at = email.lastIndexOf('@');
    if (at < 0) return false;
    const host = email.slice(at + 1).toLowerCase();
    return own.some((d) => host === d || host.endsWith(`.${d}`));
  };
}
