import type { DetectContext, Detector } from './detector.ts';
import { FindingCache } from './finding-cache.ts';
import { normalizeText } from './normalize.ts';
import type { DetectionOffload } from './offload/detection-pool.ts';
import { withoutQuietEntities } from './quiet-regions.ts';
import { resolveOverlaps } from './resolve-overlaps.ts';
import { type SegmentedToken, segmentChinese } from './segmentation/chinese-segmenter.ts';
import { createAllowFilter, createDenyTermDetector } from './terms.ts';
import type { EntityType, Finding, Language } from './types.ts';
import { warmUpTexts } from './warm-up/warm-up-texts.ts';

export interface DetectionEngineOptions {
  detectors: readonly Detector[];
  /** Terms always masked, reported as type `custom`. */
  denyTerms?: readonly string[];
  /** Terms never masked, whatever detector found them. */
  allowTerms?: readonly string[];
  /** Only these types are reported (default: all the detectors produce). */
  enabledTypes?: readonly EntityType[];
  /** Entries in the repeat-text cache; 0 disables it. Default 20,000. */
  cacheEntries?: number;
  /** Texts shorter than this skip the cache: detecting them is cheaper than hashing. Default 48. */
  cacheMinLength?: number;
  /**
   * Where `detectMany` sends texts it has not seen (worker threads). It must run the same detectors with
   * the same terms and types as this engine, so its findings can be cached as this engine's own.
   */
  offload?: DetectionOffload;
  /**
   * `detectMany` detects batches with fewer new characters than this on the calling thread: handing them
   * to a worker costs more than it saves. Default 1,024.
   */
  offloadMinChars?: number;
  /**
   * Asked before each offload: false keeps the batch on the calling thread. Waking an idle worker and then
   * the event loop again costs 0.1–0.6 ms on some virtual machines, and an idle worker detects with cold
   * caches, so a lightly loaded server answers faster without the hop. Default: always offload.
   */
  offloadWhen?: () => boolean;
}

export interface DetectOptions {
  lang?: Language;
}

export interface DetectionEngine {
  /** Findings with offsets into `text`, overlap-resolved and sorted by start. Never throws. */
  detect(text: string, options?: DetectOptions): readonly Finding[];
  /**
   * Findings for each text, in order, as `detect` reports them. Texts not in the cache go to the offload
   * in one batch when there is one (and enough new text to be worth it); if the offload fails, they are
   * detected here instead, so this never rejects.
   */
  detectMany(texts: readonly string[], options?: DetectOptions): Promise<(readonly Finding[])[]>;
  readonly detectors: readonly Detector[];
  /**
   * Detects `texts` (by default the built-in synthetic warm-up texts) twice, bypassing the cache, so the
   * detectors' code is compiled before real traffic arrives. Returns the milliseconds it took.
   */
  warmUp(texts?: readonly string[]): number;
  cacheStats(): { hits: number; misses: number; size: number };
  /** Batches `detectMany` handed to the offload, and how many of them failed and were detected here. */
  offloadStats(): { batches: number; failures: number; kept: number };
}

const HAS_CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const WARM_UP_PASSES = 2;

function createContext(text: string, lang: Language | undefined): DetectContext {
  let tokens: SegmentedToken[] | undefined;
  return {
    lang,
    hasCjk: HAS_CJK.test(text),
    chineseTokens() {
      tokens ??= segmentChinese(text);
      return tokens;
    },
  };
}

export function createDetectionEngine(options: DetectionEngineOptions): DetectionEngine {
  const denyDetector = createDenyTermDetector((options.denyTerms ?? []).map((t) => normalizeText(t).text));
  const detectors = denyDetector ? [...options.detectors, denyDetector] : [...options.detectors];
  const allowFilter = createAllowFilter((options.allowTerms ?? []).map((t) => normalizeText(t).text));
  const enabled = options.enabledTypes ? new Set<EntityType>([...options.enabledTypes, 'custom']) : undefined;
  const cache = new FindingCache(options.cacheEntries ?? 20_000);
  // Without a cache there is nothing to key: hashing every text would only cost time.
  const caching = (options.cacheEntries ?? 20_000) > 0;
  const cacheMinLength = options.cacheMinLength ?? 48;

  function detectUncached(text: string, lang: Language | undefined): Finding[] {
    const normalized = normalizeText(text);
    const context = createContext(normalized.text, lang);
    let raw: Finding[] = [];
    let quiet: number[] | undefined;
    for (const detector of detectors) {
      let found: Finding[];
      if (detector.inspect) {
        const inspection = detector.inspect(normalized.text, context);
        found = inspection.findings;
        if (inspection.quiet.length > 0) quiet = quiet ? quiet.concat(inspection.quiet) : inspection.quiet;
      } else found = detector.detect(normalized.text, context);
      for (const finding of found) {
        if (enabled && !enabled.has(finding.type)) continue;
        if (allowFilter && !allowFilter(normalized.text, finding)) continue;
        raw.push(finding);
      }
    }
    if (quiet) raw = withoutQuietEntities(raw, quiet);
    const resolved = resolveOverlaps(raw);
    // `bounded` only ranks overlaps; findings leave the engine without it (worker results carry none either).
    // Copied only where set: most texts have no such finding, and a copy of every finding is garbage.
    for (let i = 0; i < resolved.length; i++) {
      const f = resolved[i] as Finding;
      if (f.bounded)
        resolved[i] = { start: f.start, end: f.end, type: f.type, detector: f.detector, score: f.score };
    }
    if (normalized.identity) return resolved;
    return resolved.map((f) => {
      const [start, end] = normalized.toOriginal(f.start, f.end);
      return { ...f, start, end };
    });
  }

  const cacheKey = (text: string, lang: Language | undefined) =>
    cache.keyOf(lang ? `${lang}\u0000${text}` : text);

  function detectAndCache(
    text: string,
    lang: Language | undefined,
    key: string | undefined,
  ): readonly Finding[] {
    const findings = Object.freeze(detectUncached(text, lang));
    if (key !== undefined) cache.set(key, findings);
    return findings;
  }

  function detect(text: string, detectOptions?: DetectOptions): readonly Finding[] {
    if (text.length === 0) return [];
    const lang = detectOptions?.lang;
    if (!caching || text.length < cacheMinLength) return detectUncached(text, lang);
    const key = cacheKey(text, lang);
    return cache.get(key) ?? detectAndCache(text, lang, key);
  }

  const offload = options.offload;
  const offloadMinChars = options.offloadMinChars ?? 1024;
  const offloadWhen = options.offloadWhen ?? (() => true);
  /** `kept`: batches big enough to offload that `offloadWhen` kept on this thread. */
  const offloadStats = { batches: 0, failures: 0, kept: 0 };

  async function detectMany(
    texts: readonly string[],
    detectOptions?: DetectOptions,
  ): Promise<(readonly Finding[])[]> {
    if (offload === undefined) return texts.map((text) => detect(text, detectOptions));
    const lang = detectOptions?.lang;
    // Short texts are detected here at once; long ones are looked up in the cache, and the rest offloaded.
    const keys = texts.map((text) =>
      caching && text.length >= cacheMinLength ? cacheKey(text, lang) : undefined,
    );
    const results = texts.map((text, i): readonly Finding[] | undefined => {
      if (text.length < cacheMinLength) return detectUncached(text, lang);
      const key = keys[i];
      return key === undefined ? undefined : cache.get(key);
    });
    const missing = results.flatMap((found, i) => (found === undefined ? [i] : []));
    const missingChars = missing.reduce((sum, i) => sum + texts[i]!.length, 0);
    const worthOffloading = missing.length > 0 && missingChars >= offloadMinChars;
    if (worthOffloading && !offloadWhen()) offloadStats.kept++;
    else if (worthOffloading) {
      offloadStats.batches++;
      try {
        const batch = missing.map((i) => texts[i]!);
        const found = await offload.detectMany(
          batch,
          batch.map(() => lang),
        );
        missing.forEach((textIndex, i) => {
          const findings = Object.freeze(found[i]!);
          const key = keys[textIndex];
          if (key !== undefined) cache.set(key, findings);
          results[textIndex] = findings;
        });
      } catch {
        // The worker died or the pool is closed: the texts are detected here below, never left unscanned.
        offloadStats.failures++;
      }
    }
    return results.map((found, i) => found ?? detectAndCache(texts[i]!, lang, keys[i]));
  }

  function warmUp(texts: readonly string[] = warmUpTexts()): number {
    const started = performance.now();
    // A second pass brings more hot functions to the call counts at which V8 optimizes them: the first 1000
    // messages after it read p99 1.15-1.2 ms instead of 1.3-1.7 ms here, for ~0.25 s more at start.
    for (let pass = 0; pass < WARM_UP_PASSES; pass++)
      for (const text of texts) detectUncached(text, undefined);
    return performance.now() - started;
  }

  return {
    detectors,
    detect,
    detectMany,
    warmUp,
    cacheStats: () => ({ hits: cache.hits, misses: cache.misses, size: cache.size }),
    offloadStats: () => ({ ...offloadStats }),
  };
}
