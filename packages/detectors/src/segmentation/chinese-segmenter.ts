import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Jieba as JiebaInstance } from '@node-rs/jieba';

/** A jieba token with its UTF-16 offsets into the segmented text. */
export interface SegmentedToken {
  word: string;
  /** jieba / ICTCLAS part-of-speech tag: nr person, ns place, nt organization, x punctuation, … */
  tag: string;
  start: number;
  end: number;
}

const require = createRequire(import.meta.url);
let jieba: JiebaInstance | undefined;

/** Loads jieba's dictionary once per process, on first use (it costs ~0.5 s and ~40 MB). */
function getJieba(): JiebaInstance {
  if (!jieba) {
    const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    // Read the dictionary file directly: `@node-rs/jieba/dict` also reads the 6 MB IDF table we never
    // use, and its module cache would keep both buffers (11 MB) alive after jieba has copied the words.
    jieba = Jieba.withDict(readFileSync(require.resolve('@node-rs/jieba/dict.txt')));
  }
  return jieba;
}

const CJK_CHAR = /[\u3400-\u9fff\uf900-\ufaff]/;
const LAST_CJK = /[\u3400-\u9fff\uf900-\ufaff][^\u3400-\u9fff\uf900-\ufaff]*$/;
/** HMM joins characters outside the dictionary into words: unknown names come out whole (彭晓岚). */
const HMM = true;

/**
 * Tags the text from its first to its last CJK character in one jieba call: one native round trip
 * per text is cheaper than one per CJK run, and a Latin prefix or suffix never goes through jieba.
 * Offsets are recovered by walking the text, because jieba returns words without positions.
 */
export function segmentChinese(text: string): SegmentedToken[] {
  const first = text.search(CJK_CHAR);
  if (first < 0) return [];
  const lastMatch = LAST_CJK.exec(text);
  const last = lastMatch ? lastMatch.index + 1 : text.length;
  const tokens: SegmentedToken[] = [];
  let cursor = first;
  for (const { word, tag } of getJieba().tag(text.slice(first, last), HMM)) {
    const at = text.indexOf(word, cursor);
    if (at < 0) continue;
    tokens.push({ word, tag, start: at, end: at + word.length });
    cursor = at + word.length;
  }
  return tokens;
}

/** Warms the dictionary so the first request does not pay for loading it. */
export function preloadChineseSegmenter(): void {
  getJieba();
}
