import {
  labelFor,
  MAX_PLACEHOLDER_LENGTH,
  mintPlaceholder,
  NONCE_LENGTH,
  nonceValueAt,
  randomNonceValue,
} from './placeholder.ts';

/** `[[` + a one-letter label + `_` + nonce + `]]`. */
const MIN_PLACEHOLDER_LENGTH = 2 + 1 + 1 + NONCE_LENGTH + 2;

interface Entry {
  readonly placeholder: string;
  readonly value: string;
  readonly type: string;
}

/** In-memory copy of a vault's mappings, for carrying one scope across websocket turns. Never persist it. */
export interface VaultSnapshot {
  readonly entries: ReadonlyArray<readonly [placeholder: string, value: string, type: string]>;
}

export interface RehydrateOptions {
  /** Escape restored values for insertion inside a JSON string literal (tool-call arguments). */
  jsonEscape?: boolean;
  /** Incremented once per placeholder restored (telemetry without a second scan). */
  stats?: { restored: number };
}

/**
 * Remembers value ↔ placeholder for one scope (a request, or a websocket turn chain). The same
 * (type, value) always gets the same placeholder within the scope; only placeholders this vault
 * minted are ever rehydrated.
 */
export class Vault {
  // Keyed by type, then value: a joined `type + value` key would be a fresh concatenated string on every
  // lookup, which V8 must flatten and hash each time.
  readonly #byValue = new Map<string, Map<string, string>>();
  /**
   * Keyed by the nonce's numeric value: finding a placeholder in a model's answer then reads ten characters
   * in place instead of cutting, upper-casing and hashing a substring. The entry's placeholder is compared too.
   */
  readonly #byNonce = new Map<number, Entry>();

  constructor(snapshot?: VaultSnapshot) {
    for (const [placeholder, value, type] of snapshot?.entries ?? []) {
      const nonce = nonceValueAt(placeholder, placeholder.length - 2 - NONCE_LENGTH);
      if (nonce >= 0) this.#remember(placeholder.toUpperCase(), nonce, value, type);
    }
  }

  #remember(placeholder: string, nonce: number, value: string, type: string): void {
    let values = this.#byValue.get(type);
    if (!values) {
      values = new Map();
      this.#byValue.set(type, values);
    }
    values.set(value, placeholder);
    this.#byNonce.set(nonce, { placeholder, value, type });
  }

  /** The placeholder for this value, minting one on first sight. */
  placeholderFor(type: string, value: string): string {
    const existing = this.#byValue.get(type)?.get(value);
    if (existing) return existing;
    let nonce: number;
    do nonce = randomNonceValue();
    while (this.#byNonce.has(nonce));
    const placeholder = mintPlaceholder(labelFor(type), nonce);
    this.#remember(placeholder, nonce, value, type);
    return placeholder;
  }

  /** True for a placeholder this vault minted (case-insensitive, as models may change case). */
  has(placeholder: string): boolean {
    return this.#entryAt(placeholder, 0, placeholder.length) !== undefined;
  }

  get size(): number {
    return this.#byNonce.size;
  }

  /** Placeholders minted so far; used to decide how much of a stream tail might still be one. */
  *placeholders(): IterableIterator<string> {
    for (const entry of this.#byNonce.values()) yield entry.placeholder;
  }

  /** Replaces every placeholder this vault minted with its value; anything else is left as it is. */
  rehydrate(text: string, options: RehydrateOptions = {}): string {
    if (this.#byNonce.size === 0 || !text.includes('[[')) return text;
    const stats = options.stats;
    let out = '';
    let cursor = 0;
    this.#scan(text, (start, end, entry) => {
      out +=
        text.slice(cursor, start) +
        (options.jsonEscape ? JSON.stringify(entry.value).slice(1, -1) : entry.value);
      cursor = end;
      if (stats) stats.restored++;
    });
    return cursor === 0 ? text : out + text.slice(cursor);
  }

  /** Counts how many minted placeholders occur in `text` (for rehydration telemetry). */
  countPlaceholders(text: string): number {
    if (this.#byNonce.size === 0 || !text.includes('[[')) return 0;
    let count = 0;
    this.#scan(text, () => count++);
    return count;
  }

  /**
   * Calls `found` for each minted placeholder, left to right, as PLACEHOLDER_SHAPE would find them. An
   * indexOf scan instead of the regex: minted placeholders hold no `[[` or `]]` inside, so the first `]]`
   * after a `[[` closes the only candidate there, and a miss resumes one character later.
   */
  #scan(text: string, found: (start: number, end: number, entry: { value: string }) => void): void {
    let at = text.indexOf('[[');
    while (at !== -1) {
      const close = text.indexOf(']]', at + 2);
      if (close === -1) return;
      const end = close + 2;
      const length = end - at;
      const entry =
        length >= MIN_PLACEHOLDER_LENGTH && length <= MAX_PLACEHOLDER_LENGTH
          ? this.#entryAt(text, at, end)
          : undefined;
      if (entry) {
        found(at, end, entry);
        at = text.indexOf('[[', end);
      } else {
        at = text.indexOf('[[', at + 1);
      }
    }
  }

  /**
   * The entry minted as exactly text[start, end), ignoring case (minted placeholders are upper case; a model
   * that changed the case costs one upper-cased copy).
   */
  #entryAt(text: string, start: number, end: number): Entry | undefined {
    const nonce = nonceValueAt(text, end - 2 - NONCE_LENGTH);
    if (nonce < 0) return undefined;
    const entry = this.#byNonce.get(nonce);
    if (entry === undefined || entry.placeholder.length !== end - start) return undefined;
    if (text.startsWith(entry.placeholder, start)) return entry;
    return text.slice(start, end).toUpperCase() === entry.placeholder ? entry : undefined;
  }

  export(): VaultSnapshot {
    return {
      entries: [...this.#byNonce.values()].map(({ placeholder, value, type }) => [placeholder, value, type]),
    };
  }
}

export function createVault(snapshot?: VaultSnapshot): Vault {
  return new Vault(snapshot);
}
