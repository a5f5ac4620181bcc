import type { Detector } from '../detector.ts';
import type { Finding } from '../types.ts';
import { shannonEntropy } from './entropy.ts';

/**
 * PEM / OpenSSH / PGP private key blocks, reported whole (BEGIN line to END line). Keys pasted into
 * JSON carry literal `\n` escapes, so the body tolerates them. Blocks whose body is a stand-in
 * (`xxx`, `***`, `...`, a short sample) are skipped.
 */
const BEGIN = /-----BEGIN[ A-Z0-9]{0,40} PRIVATE KEY(?: BLOCK)?-----/g;
const END = /-----END[ A-Z0-9]{0,40} PRIVATE KEY(?: BLOCK)?-----/g;
/** Armor headers such as `Proc-Type: 4,ENCRYPTED` or `Version: GnuPG v2` are not key material. */
const ARMOR_HEADER = /^(?:Proc-Type|DEK-Info|Version|Comment|Hash):[^\n\\]*$/gm;
const MAX_BLOCK = 40_000;
const MIN_BODY = 50;

function bodyIsKeyMaterial(body: string): boolean {
  const material = body
    .replace(/\\r|\\n/g, '\n')
    .replace(ARMOR_HEADER, '')
    .replace(/[\s"',+]+/g, '');
  if (material.length < MIN_BODY) return false;
  if (!/^[A-Za-z0-9/=_-]+$/.test(material.replace(/\+/g, ''))) return false;
  return shannonEntropy(material) >= 4;
}

export const privateKeyDetector: Detector = {
  id: 'secret.private-key',
  types: ['private_key'],
  detect(text) {
    if (!text.includes('PRIVATE KEY')) return [];
    const findings: Finding[] = [];
    // Position of the next END marker, found once and reused, so many BEGINs without an END stay linear.
    let nextEnd: RegExpExecArray | null | undefined;
    BEGIN.lastIndex = 0;
    for (let m = BEGIN.exec(text); m; m = BEGIN.exec(text)) {
      const start = m.index;
      const bodyStart = start + m[0].length;
      if (nextEnd === undefined || (nextEnd !== null && nextEnd.index < bodyStart)) {
        END.lastIndex = bodyStart;
        nextEnd = END.exec(text);
      }
      const end = nextEnd;
      let blockEnd: number;
      let body: string;
      if (end && end.index - bodyStart <= MAX_BLOCK) {
        blockEnd = end.index + end[0].length;
        body = text.slice(bodyStart, end.index);
      } else {
        // Truncated paste: take the base64 run that follows the header.
        const run = /^(?:[A-Za-z0-9+/=\s]|\\n)*/.exec(text.slice(bodyStart, bodyStart + MAX_BLOCK));
        body = run ? run[0] : '';
        blockEnd = bodyStart + body.trimEnd().length;
      }
      if (!bodyIsKeyMaterial(body)) continue;
      findings.push({ start, end: blockEnd, type: 'private_key', detector: this.id, score: 1 });
      BEGIN.lastIndex = blockEnd;
    }
    return findings;
  },
};
