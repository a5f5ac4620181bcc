import {
  formatPlaceholder,
  labelFor,
  MAX_PLACEHOLDER_LENGTH,
  NONCE_LENGTH,
  randomNonce,
} from './placeholder.ts';

/** `[[` + a one-letter label + `_` + nonce + `]]`. */
const MIN_PLACEHOLDER_LENGTH = 2 + 1 + 1 + NONCE_LENGTH + 2;

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
  readonly #byPlaceholder = new Map<string, { value: string; type: string }>();

  constructor(snapshot?: VaultSnapshot) {
    for (const [placeholder, value, type] of snapshot?.entries ?? [])
      this.#remember(placeholder, value, type);
  }

  #remember(placeholder: string, value: string, type: string): void {
    let values = this.#byValue.get(type);
    if (!values) {
      values = new Map();
      this.#byValue.set(type, values);
    }
    values.set(value, placeholder);
    this.#byPlaceholder.set(placeholder, { value, type });
  }

  /** The placeholder for this value, minting one on first sight. */
  placeholderFor(type: string, value: string): string {
    const existing = this.#byValue.get(type)?.get(value);
    if (existing) return existing;
    let placeholder: string;
    do placeholder = formatPlaceholder(labelFor(type), randomNonce());
    while (this.#byPlaceholder.has(placeholder));
    this.#remember(placeholder, value, type);
    return placeholder;
  }

  /** True for a placeholder this vault minted (case-insensitive, as models may change case). */
  has(placeholder: string): boolean {
    return this.#byPlaceholder.has(placeholder.toUpperCase());
  }

  get size(): number {
    return this.#byPlaceholder.size;
  }

  /** Placeholders minted so far; used to decide how much of a stream tail might still be one. */
  placeholders(): IterableIterator<string> {
    return this.#byPlaceholder.keys();
  }

  /** Replaces every placeholder this vault minted with its value; anything else is left as it is. */
  rehydrate(text: string, options: RehydrateOptions = {}): string {
    if (this.#byPlaceholder.size === 0 || !text.includes('[[')) return text;
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
    if (this.#byPlaceholder.size === 0 || !text.includes('[[')) return 0;
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
          ? this.#lookup(text.slice(at, end))
          : undefined;
      if (entry) {
        found(at, end, entry);
        at = text.indexOf('[[', end);
      } else {
        at = text.indexOf('[[', at + 1);
      }
    }
  }

  /** Minted placeholders are upper case; a model that changed the case costs a second lookup. */
  #lookup(candidate: string): { value: string } | undefined {
    return this.#byPlaceholder.get(candidate) ?? this.#byPlaceholder.get(candidate.toUpperCase());
  }

  export(): VaultSnapshot {
    return {
      entries: [...this.#byPlaceholder.entries()].map(([placeholder, { value, type }]) => [
        placeholder,
        value,
        type,
      ]),
    };
  }
}

export function createVault(snapshot?: VaultSnapshot): Vault {
  return new Vault(snapshot);
}
