/**
 * Whether an identifier names a secret (`AWS_SECRET_ACCESS_KEY`, `oktaApiToken`, `db-password`) or
 * something merely about secrets (`key_id`, `keySize`, `credentialsId`, `public_key`). The LAST word
 * decides, as in `api_key` vs `api_key_name`; shared by the assignment and the proximity detectors.
 */

/** Splits `AWS_SECRET_ACCESS_KEY`, `oktaApiToken`, `client-secret`, `doc.KeySize` into lowercase words. */
export function splitWords(identifier: string): string[] {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

const SECRET_LAST_WORD =
  /^(?:[a-z]*(?:key|secret|token|passwd|password|pwd|passphrase|credentials?)|pass|pw|auth|login|apikey|accesskey|secretkey)$/;

/** Names that hold public or descriptive values even though they contain a secret word. */
const NON_SECRET_WORDS = new Set([
  'public',
  'pub',
  'publishable',
  'csrf',
  'xsrf',
  // Rails' name for its CSRF token.
  'authenticity',
  'monkey',
  'hotkey',
  'keyboard',
  'primary',
  'foreign',
  'sort',
  'partition',
  'cache',
  'idempotency',
  'sequence',
  'schema',
  'bucket',
  'next',
  'page',
  'continuation',
]);

export function isSecretName(words: readonly string[]): boolean {
  const last = words[words.length - 1];
  if (last === undefined || !SECRET_LAST_WORD.test(last)) return false;
  for (const w of words) if (NON_SECRET_WORDS.has(w)) return false;
  return true;
}

/** Name-specific value rules on top of "looks random". */
export function fitsNamedFormat(words: readonly string[], value: string): boolean {
  // AWS secret access keys are exactly 40 chars; other lengths here are encrypted blobs or ids.
  if (words.includes('aws') && words.includes('secret') && value.length !== 40) return false;
  return true;
}

/** Names of things a person types (passwords) rather than generates (keys, tokens). */
const TYPED_SECRET = /^(?:[a-z]*(?:passwd|password|pwd|passphrase)|pass|pw|login)$/;

export function namesTypedSecret(words: readonly string[]): boolean {
  return TYPED_SECRET.test(words[words.length - 1] ?? '');
}
