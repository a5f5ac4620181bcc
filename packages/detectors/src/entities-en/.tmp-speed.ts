import fs from 'node:fs';
import { englishEntityDetectors } from './index.ts';
const ctx = { lang: 'en' as const, hasCjk: false, chineseTokens: () => [] };
for (const set of ['conll_testa', 'presidio_synth_dev', 'wnut17_dev', 'usaddress_train']) {
  const texts = fs.readFileSync(`/work/shared/eval/dev/${set}.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l).text as string);
  const chars = texts.reduce((a, t) => a + t.length, 0);
  for (const t of texts) for (const d of englishEntityDetectors) d.detect(t, ctx); // warm-up
  const t0 = performance.now();
  const reps = 5;
  for (let r = 0; r < reps; r++) for (const t of texts) for (const d of englishEntityDetectors) d.detect(t + (r ? ' ' : ''), ctx);
  const s = (performance.now() - t0) / 1000;
  console.log(set, (chars * reps / s / 1e6).toFixed(2), 'MB/s');
}
const big = fs.readFileSync('/work/shared/eval/dev/conll_testa.jsonl', 'utf8').split('\n').map((l) => l && JSON.parse(l).text).join('\n');
const t1 = performance.now();
for (const d of englishEntityDetectors) d.detect(big, ctx);
console.log('one 0.8MB text', (big.length / ((performance.now() - t1) / 1000) / 1e6).toFixed(2), 'MB/s');
console.log('rss MB', (process.memoryUsage().rss / 1e6).toFixed(0));
