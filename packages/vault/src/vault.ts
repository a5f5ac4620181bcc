import { formatPlaceholder, labelFor, PLACEHOLDER_SHAPE, randomNonce } from './placeholder.ts';

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
  readonly #byValue = new Map<string, string>();
  readonly #byPlaceholder = new Map<string, { value: string; type: string }>();

  constructor(snapshot?: VaultSnapshot) {
    for (const [placeholder, value, type] of snapshot?.entries ?? [])
      this.#remember(placeholder, value, type);
  }

  #remember(placeholder: string, value: string, type: string): void {
    this.#byValue.set(`${type}\u0000${value}`, placeholder);
    this.#byPlaceholder.set(placeholder, { value, type });
  }

  /** The placeholder for this value, minting one on first sight. */
  placeholderFor(type: string, value: string): string {
    const key = `${type}\u0000${value}`;
    const existing = this.#byValue.get(key);
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
    return text.replace(PLACEHOLDER_SHAPE, (token) => {
      const entry = this.#byPlaceholder.get(token.toUpperCase());
      if (!entry) return token;
      if (stats) stats.restored++;
      return options.jsonEscape ? JSON.stringify(entry.value).slice(1, -1) : entry.value;
    });
  }

  /** Counts how many minted placeholders occur in `text` (for rehydration telemetry). */
  countPlaceholders(text: string): number {
    if (this.#byPlaceholder.size === 0 || !text.includes('[[')) return 0;
    let count = 0;
    for (const match of text.matchAll(PLACEHOLDER_SHAPE)) if (this.has(match[0])) count++;
    return count;
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
