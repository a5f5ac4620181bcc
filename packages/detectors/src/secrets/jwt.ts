import type { Detector } from '../detector.ts';
import type { Finding } from '../types.ts';

/**
 * JSON Web Tokens (JWS `header.payload.signature`, unsigned `header.payload.`, and 5-part JWE).
 * The header always starts with `eyJ` (base64url of `{"`); the payload must also be JSON (`eyJ`) unless
 * the decoded header names an algorithm, which covers JWE whose second part is an encrypted key.
 * Parsed by hand so a long `eyJeyJeyJ…` run costs one pass, not one regex attempt per `eyJ`.
 */

function isSegmentChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    code === 45
  );
}

function isAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** End of a base64url segment starting at `i`, including up to two `=` pads. */
function segmentEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && isSegmentChar(text.charCodeAt(j))) j++;
  let pads = 0;
  while (pads < 2 && text.charCodeAt(j) === 61) {
    j++;
    pads++;
  }
  return j;
}

function decodeSegment(segment: string): string {
  try {
    return Buffer.from(segment.replace(/=+$/, ''), 'base64url').toString('latin1');
  } catch {
    return '';
  }
}

export function isPlausibleJwt(header: string, payload: string): boolean {
  if (payload.length < 8) return false;
  if (payload.startsWith('eyJ')) return true;
  return /"(?:alg|enc|typ)"/.test(decodeSegment(header));
}

export const jwtDetector: Detector = {
  id: 'secret.jwt',
  types: ['jwt'],
  detect(text) {
    const findings: Finding[] = [];
    let from = 0;
    for (let start = text.indexOf('eyJ', from); start !== -1; start = text.indexOf('eyJ', from)) {
      const headerEnd = segmentEnd(text, start);
      from = headerEnd;
      // Inside a longer word (`…QeyJ…`) it is a base64 blob, not a token start; `_` joins prefixes.
      if (start > 0 && isAlnum(text.charCodeAt(start - 1))) continue;
      if (headerEnd - start < 10 || text.charCodeAt(headerEnd) !== 46) continue;
      const payloadEnd = segmentEnd(text, headerEnd + 1);
      if (text.charCodeAt(payloadEnd) !== 46) continue;
      let end = segmentEnd(text, payloadEnd + 1);
      // JWE has five parts.
      if (text.charCodeAt(end) === 46 && isSegmentChar(text.charCodeAt(end + 1))) {
        const fourth = segmentEnd(text, end + 1);
        if (text.charCodeAt(fourth) === 46) end = segmentEnd(text, fourth + 1);
      }
      const header = text.slice(start, headerEnd);
      const payload = text.slice(headerEnd + 1, payloadEnd);
      if (!isPlausibleJwt(header, payload)) continue;
      findings.push({ start, end, type: 'jwt', detector: this.id, score: 0.95 });
      from = end;
    }
    return findings;
  },
};
