import { createHmac, randomBytes } from 'node:crypto';
import type { EntityType, Finding } from './types.ts';

/** Numbers per finding in a packed entry: start, end, type index, detector index, score. */
const FIELDS = 5;

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
  readonly #names: string[] = [];
  readonly #nameIndex = new Map<string, number>();
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

  /** Type names and detector ids are a small, fixed vocabulary: each gets a number once. */
  #indexOf(name: string): number {
    let index = this.#nameIndex.get(name);
    if (index === undefined) {
      index = this.#names.length;
      this.#names.push(name);
      this.#nameIndex.set(name, index);
    }
    return index;
  }

  #pack(findings: readonly Finding[]): Float64Array {
    const packed = new Float64Array(findings.length * FIELDS);
    findings.forEach((finding, i) => {
      const at = i * FIELDS;
      packed[at] = finding.start;
      packed[at + 1] = finding.end;
      packed[at + 2] = this.#indexOf(finding.type);
      packed[at + 3] = this.#indexOf(finding.detector);
      packed[at + 4] = finding.score;
    });
    return packed;
  }

  #unpack(packed: Float64Array): readonly Finding[] {
    const findings: Finding[] = [];
    for (let at = 0; at < packed.length; at += FIELDS) {
      findings.push(
        Object.freeze({
          start: packed[at]!,
          end: packed[at + 1]!,
          type: this.#names[packed[at + 2]!] as EntityType,
          detector: this.#names[packed[at + 3]!]!,
          score: packed[at + 4]!,
        }),
      );
    }
    return Object.freeze(findings);
  }
}
