/**
 * `pnpm eval:prompts` — precision and recall on the project's own prompt corpus (packages/detectors/prompts):
 * realistic developer and business prompts written for this project, with every value that must be masked
 * marked. It measures what the third-party eval sets do not: how much harmless text (code identifiers, tool
 * names, version numbers, order ids) is masked in the traffic a coding agent sends. `--errors` lists every
 * miss and false positive with its surroundings (the corpus is invented text, so printing it is fine).
 * `--dir=<folder>` scores another folder of the same format: a fresh batch, measured once before it joins
 * the corpus (and before anyone tunes on it).
 */
import { builtinDetectors, createDetectionEngine, type EntityType, type Finding } from '../src/index.ts';
import { loadPromptCorpus } from '../src/prompt-corpus/load-corpus.ts';
import { scoreSpans, type TypeCounts, totalOf } from '../src/prompt-corpus/score-spans.ts';

const showErrors = process.argv.includes('--errors');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const dir = process.argv.find((a) => a.startsWith('--dir='))?.slice('--dir='.length);
const engine = createDetectionEngine({ detectors: builtinDetectors(), cacheEntries: 0 });
const docs = loadPromptCorpus(dir).filter((d) => only === undefined || d.name.startsWith(only));
const counts = new Map<EntityType, TypeCounts>();
let chars = 0;
const context = (text: string, span: { start: number; end: number }) =>
  `${text.slice(Math.max(0, span.start - 30), span.start)}[${text.slice(span.start, span.end)}]${text.slice(span.end, span.end + 30)}`.replace(
    /\s+/g,
    ' ',
  );
for (const doc of docs) {
  chars += doc.text.length;
  const findings: readonly Finding[] = engine.detect(doc.text).filter((f) => f.type !== 'custom');
  const { falsePositives, falseNegatives } = scoreSpans(doc.gold, findings, counts);
  if (!showErrors) continue;
  for (const f of falsePositives)
    console.log(`FP ${doc.name} ${f.type} (${f.detector}): ${context(doc.text, f)}`);
  for (const g of falseNegatives) console.log(`FN ${doc.name} ${g.type}: ${context(doc.text, g)}`);
}
const pct = (n: number, d: number) => (d === 0 ? '–' : ((100 * n) / d).toFixed(1));
const rows = [...counts].sort((a, b) => a[0].localeCompare(b[0]));
const total = totalOf(counts);
console.log(`\nPrompt corpus: ${docs.length} prompts, ${(chars / 1024).toFixed(1)} K chars\n`);
console.log('| type | TP | FP | FN | precision | recall |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [type, c] of [...rows, ['ALL', total] as const]) {
  console.log(
    `| ${type} | ${c.tp} | ${c.fp} | ${c.fn} | ${pct(c.tp, c.tp + c.fp)} | ${pct(c.tp, c.tp + c.fn)} |`,
  );
}
console.log(`\nFalse positives per 10 K chars: ${((total.fp * 10240) / Math.max(1, chars)).toFixed(2)}`);
