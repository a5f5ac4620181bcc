import { compilePathPatterns, type JsonPath } from './json-path.ts';
import { BASE64_MEDIA, BOUNDED_TOKEN, type PayloadSpec } from './payload-spec.ts';

/** Shorter strings are detected where they are met: a worker round trip costs more than they do. */
const MIN_OFFLOAD_LENGTH = 16;

/**
 * The distinct strings (values and keys) of `payload` that maskPayload reads with the full detector set,
 * in first-seen order: everything except bounded tokens at structural paths, inline base64 media and
 * opaque keys, which are read with the definitive detectors only. Stops below `maxDepth`, where
 * maskPayload refuses the payload anyway.
 */
export function collectDetectableTexts(payload: unknown, spec: PayloadSpec, maxDepth: number): Set<string> {
  const isStructural = compilePathPatterns(spec.structural);
  const hasOpaqueKeys = compilePathPatterns(spec.opaqueKeys);
  const isBinary = compilePathPatterns(spec.binary);
  const texts = new Set<string>();
  const visit = (value: unknown, path: JsonPath, depth: number): void => {
    if (depth > maxDepth) return;
    if (typeof value === 'string') {
      if (value.length < MIN_OFFLOAD_LENGTH) return;
      if (isBinary(path) && BASE64_MEDIA.test(value)) return;
      if (isStructural(path) && BOUNDED_TOKEN.test(value)) return;
      texts.add(value);
    } else if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) visit(value[index], [...path, index], depth + 1);
    } else if (value !== null && typeof value === 'object') {
      const scanKeys = !hasOpaqueKeys(path);
      for (const [key, child] of Object.entries(value)) {
        if (scanKeys && key.length >= MIN_OFFLOAD_LENGTH && !BOUNDED_TOKEN.test(key)) texts.add(key);
        visit(child, [...path, key], depth + 1);
      }
    }
  };
  visit(payload, [], 0);
  return texts;
}
