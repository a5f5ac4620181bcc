import type { DetectContext, Detector } from './detector.ts';
import { FindingCache } from './finding-cache.ts';
import { normalizeText } from './normalize.ts';
import { resolveOverlaps } from './resolve-overlaps.ts';
import { type SegmentedToken, segmentChinese } from './segmentation/chinese-segmenter.ts';
import { createAllowFilter, createDenyTermDetector } from './terms.ts';
import type { EntityType, Finding, Language } from './types.ts';

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
}

export interface DetectOptions {
  lang?: Language;
}

export interface DetectionEngine {
  /** Findings with offsets into `text`, overlap-resolved and sorted by start. Never throws. */
  detect(text: string, options?: DetectOptions): readonly Finding[];
  readonly detectors: readonly Detector[];
  cacheStats(): { hits: number; misses: number; size: number };
}

const HAS_CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

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
  const cacheMinLength = options.cacheMinLength ?? 48;

  function detectUncached(text: string, lang: Language | undefined): Finding[] {
    const normalized = normalizeText(text);
    const context = createContext(normalized.text, lang);
    const raw: Finding[] = [];
    for (const detector of detectors) {
      for (const finding of detector.detect(normalized.text, context)) {
        if (enabled && !enabled.has(finding.type)) continue;
        if (allowFilter && !allowFilter(normalized.text, finding)) continue;
        raw.push(finding);
      }
    }
    const resolved = resolveOverlaps(raw);
    if (normalized.identity) return resolved;
    return resolved.map((f) => {
      const [start, end] = normalized.toOriginal(f.start, f.end);
      return { ...f, start, end };
    });
  }

  return {
    detectors,
    detect(text, detectOptions) {
      if (text.length === 0) return [];
      const lang = detectOptions?.lang;
      if (text.length < cacheMinLength) return detectUncached(text, lang);
      const key = cache.keyOf(lang ? `${lang}\u0000${text}` : text);
      const cached = cache.get(key);
      if (cached) return cached;
      const findings = Object.freeze(detectUncached(text, lang));
      cache.set(key, findings);
      return findings;
    },
    cacheStats: () => ({ hits: cache.hits, misses: cache.misses, size: cache.size }),
  };
}
