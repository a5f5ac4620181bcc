import fs from 'node:fs';
import { analyzeEnglishEntities } from './analyze.ts';
const [set, type, mode] = process.argv.slice(2);
const T = type === 'person' ? 'person_name' : 'organization';
const lines = fs.readFileSync(`/work/shared/eval/dev/${set}.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const ov = (a: any, b: any) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
let tp = 0, fp = 0, fn = 0, wrongType = 0;
for (const l of lines) {
  if (l.mode !== 'spans') continue;
  const preds = analyzeEnglishEntities(l.text);
  const gold = l.entities.filter((e: any) => e.type === type);
  const other = l.entities.filter((e: any) => e.type !== type);
  const used = new Set<number>();
  const show = (tag: string, s: any) => console.log(tag, JSON.stringify(l.text.slice(Math.max(0, s.start - 40), s.start) + '[[' + l.text.slice(s.start, s.end) + ']]' + l.text.slice(s.end, s.end + 25)));
  for (const p of preds.filter((p) => p.type === T)) {
    const g = gold.findIndex((g: any, i: number) => !used.has(i) && ov(g, p) * 2 >= g.end - g.start && ov(g, p) * 2 >= p.end - p.start);
    if (g >= 0) { used.add(g); tp++; continue; }
    if ((l.ignore || []).some((ig: any) => ov(ig, p) > 0)) continue;
    fp++;
    if (other.some((o: any) => ov(o, p) > 0)) wrongType++;
    if (mode === 'fp') show('FP', p);
  }
  gold.forEach((g: any, i: number) => { if (!used.has(i)) { fn++; if (mode === 'fn') show('FN', g); } });
}
{ const P = tp / (tp + fp), R = tp / (tp + fn); console.log(JSON.stringify({ tp, fp, fn, wrongType, P: P.toFixed(3), R: R.toFixed(3), F: (2 * P * R / (P + R)).toFixed(3) })); }
