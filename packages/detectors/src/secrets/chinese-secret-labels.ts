import type { Detector } from '../detector.ts';
import type { Finding } from '../types.ts';
import { looksLikeChosenPassword, looksRandom } from './generic-assignment.ts';

/**
 * Secrets after a Chinese label: `密码 Gz#2024hn_Dep!`, `数据库密码：Kx9#mPq2vL`, `密钥是 Tq4W…`. The
 * assignment detector reads English names only; in Chinese chats and tickets a password follows 密码 or 口令
 * with a colon, 是/为 or a space. A password may be one a person chose (words, digits and a symbol); a key
 * (密钥, 秘钥) must look generated.
 */
const LABEL = /(密码|口令|密钥|秘钥)(?:是|为)?\s{0,2}[:：]?\s{0,2}/g;
/** The value: printable ASCII up to a space, a quote or Chinese text and punctuation. */
const VALUE = /[!-~]{6,200}/y;
/** ASCII punctuation that closes a clause after the value rather than belonging to it. */
const TRAILING = /[,.;)\]]+$/;

export function findChineseLabelledSecrets(text: string): Finding[] {
  const findings: Finding[] = [];
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(text); m !== null; m = LABEL.exec(text)) {
    const start = m.index + m[0].length;
    VALUE.lastIndex = start;
    const v = VALUE.exec(text);
    if (v === null) continue;
    const value = v[0].replace(TRAILING, '');
    if (value.length > 64) continue;
    const password = m[1] === '密码' || m[1] === '口令';
    if (looksRandom(value) || (password && looksLikeChosenPassword(value))) {
      findings.push({
        start,
        end: start + value.length,
        type: 'api_key',
        detector: 'secret.zh-label',
        score: 0.7,
      });
    }
    LABEL.lastIndex = Math.max(LABEL.lastIndex, start + v[0].length);
  }
  return findings;
}

export const chineseSecretLabelDetector: Detector = {
  id: 'secret.zh-label',
  types: ['api_key'],
  detect: (text) =>
    text.includes('密') || text.includes('口令') || text.includes('秘钥')
      ? findChineseLabelledSecrets(text)
      : [],
};
