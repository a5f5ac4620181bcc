/**
 * `pnpm bench:detectors` — CPU time of each built-in detector (and of jieba segmentation) over the
 * eval dev texts and over synthetic 4 KB chat messages. Use it to find which detector to speed up;
 * `pnpm bench:detect` reports the end-to-end numbers.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DetectContext } from '../src/detector.ts';
import { builtinDetectors, normalizeText, preloadChineseSegmenter } from '../src/index.ts';
import { type SegmentedToken, segmentChinese } from '../src/segmentation/chinese-segmenter.ts';
import { makeChatMessage } from '../src/testing/index.ts';

const evalDir = resolve(import.meta.dirname, '../../../../shared/eval/dev');
const HAS_CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const only = process.argv.slice(2).find((a) => !a.startsWith('-'));

function evalTexts(): string[] {
  if (!existsSync(evalDir)) return [];
  const out: string[] = [];
  for (const file of readdirSync(evalDir).filter(
    (f) => f.endsWith('.jsonl') && (!only || f.includes(only)),
  )) {
    for (const line of readFileSync(join(evalDir, file), 'utf8').split('\n')) {
      if (line.trim()) out.push((JSON.parse(line) as { text: string }).text);
    }
  }
  return out;
}

preloadChineseSegmenter();
// Texts are split in two halves: the JIT is warmed on one, the other is timed. Every timed text is new
// to the detectors (they may memoize per text), as in the eval and in live traffic.
const all = evalTexts();
const chats = Array.from({ length: 600 }, (_, i) => makeChatMessage(i, 4096));
const sets: Array<[string, string[], string[]]> = [
  [
    `eval dev${only ? ` (${only})` : ''}, odd lines`,
    all.filter((_, i) => i % 2 === 1),
    all.filter((_, i) => i % 2 === 0),
  ],
  ['4 KB chat messages', chats.slice(300), chats.slice(0, 300)],
];
for (const [label, texts, warmUp] of sets) {
  if (texts.length === 0) continue;
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const prepared = texts.map((t) => {
    const text = normalizeText(t).text;
    let tokens: SegmentedToken[] | undefined;
    const context: DetectContext = {
      lang: undefined,
      hasCjk: HAS_CJK.test(text),
      chineseTokens: () => {
        tokens ??= segmentChinese(text);
        return tokens;
      },
    };
    return { text, context };
  });
  const rows: Array<[string, number]> = [];
  let start = performance.now();
  for (const p of prepared) if (p.context.hasCjk) p.context.chineseTokens();
  rows.push(['jieba segmentation (shared)', performance.now() - start]);
  for (const detector of builtinDetectors()) {
    for (const text of warmUp) {
      let tokens: SegmentedToken[] | undefined;
      detector.detect(normalizeText(text).text, {
        lang: undefined,
        hasCjk: HAS_CJK.test(text),
        chineseTokens: () => {
          tokens ??= segmentChinese(text);
          return tokens;
        },
      });
    }
    // One pass over texts this detector has not seen: detectors may memoize per text, and in the eval
    // every text is new. The JIT was warmed on the warm-up texts below.
    start = performance.now();
    for (const p of prepared) detector.detect(p.text, p.context);
    rows.push([detector.id, performance.now() - start]);
  }
  const total = rows.reduce((n, [, ms]) => n + ms, 0);
  console.log(
    `\n${label}: ${texts.length} texts, ${(bytes / 1e6).toFixed(2)} MB; all detectors ${total.toFixed(0)} ms = ${(bytes / 1e6 / (total / 1000)).toFixed(2)} MB/s`,
  );
  for (const [id, ms] of rows.sort((a, b) => b[1] - a[1])) {
    console.log(
      `  ${id.padEnd(28)} ${ms.toFixed(1).padStart(8)} ms  ${(bytes / 1e6 / (ms / 1000)).toFixed(1).padStart(8)} MB/s`,
    );
  }
}
