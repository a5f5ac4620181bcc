import { createHmac, randomBytes } from 'node:crypto';
import { FINDING_FIELDS, NameTable, readFinding, writeFinding } from './packed-findings.ts';
import type { Finding } from './types.ts';

/**
 * A bounded LRU of detection results for texts seen before (resent chat history). Keys are an HMAC
 * of the text under a per-process random key, so the cache holds no raw text and its keys cannot be
 * matched against guessed values by anyone who reads memory dumps or metrics without the key.
 *
 * Entries are packed into one Float64Array each (types and detector ids interned), not kept as finding
 * objects: a full cache of objects is about a million small objects that every major GC must mark, which
 * showed up as 100+ ms pauses once new text kept the cache churning. A hit unpacks fresh objects.
 */
export class FindingCache {
  readonly #key = randomBytes(32);
  readonly #entries = new Map<string, Float64Array>();
  readonly #maxEntries: number;
  readonly #names = new NameTable();
  hits = 0;
  misses = 0;

  constructor(maxEntries: number) {
    this.#maxEntries = maxEntries;
  }

  keyOf(text: string): string {
    return createHmac('sha256', this.#key).update(text).digest('base64');
  }

  get(key: string): readonly Finding[] | undefined {
    const packed = this.#entries.get(key);
    if (packed === undefined) {
      this.misses++;
      return undefined;
    }
    // Re-insert to mark as most recently used.
    this.#entries.delete(key);
    this.#entries.set(key, packed);
    this.hits++;
    return this.#unpack(packed);
  }

  set(key: string, findings: readonly Finding[]): void {
    if (this.#maxEntries <= 0) return;
    this.#entries.delete(key);
    this.#entries.set(key, this.#pack(findings));
    if (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }

  get size(): number {
    return this.#entries.size;
  }

  #pack(findings: readonly Finding[]): Float64Array {
    const packed = new Float64Array(findings.length * FINDING_FIELDS);
    for (let i = 0; i < findings.length; i++)
      writeFinding(packed, i * FINDING_FIELDS, findings[i]!, this.#names);
    return packed;
  }

  #unpack(packed: Float64Array): readonly Finding[] {
    const findings: Finding[] = [];
    for (let at = 0; at < packed.length; at += FINDING_FIELDS)
      findings.push(Object.freeze(readFinding(packed, at, this.#names.names)));
    return Object.freeze(findings);
  }
}
