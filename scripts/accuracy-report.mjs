#!/usr/bin/env node
// `pnpm eval:report` — runs the shared evaluation on the dev sets for stronk's detectors and for the
// off-the-shelf baseline, and writes docs/accuracy.md. The scorer and the data are used as they are.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

const evalDir = '../shared/eval';
if (!existsSync(`${evalDir}/run.mjs`)) {
  console.error('accuracy-report: ../shared/eval is not present; nothing to measure.');
  process.exit(2);
}

function run(cmd) {
  const out = execFileSync(
    'node',
    [`${evalDir}/run.mjs`, '--cmd', cmd, '--gold', `${evalDir}/dev`, '--json'],
    {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return JSON.parse(out.trim().split('\n').at(-1));
}

const ours = run('pnpm --silent detect');
const baseline = run('node --import tsx packages/detectors/bench/baseline-detect.ts');

const pct = (x) => (x === null || x === undefined || Number.isNaN(x) ? '–' : `${(100 * x).toFixed(1)}`);
const f1 = (res, set, type) => res.spans[set]?.types[type]?.overlap.f1;

const TARGETS = {
  structured: [
    'email',
    'phone',
    'api_key',
    'jwt',
    'bearer_token',
    'private_key',
    'credit_card',
    'iban',
    'us_ssn',
    'cn_resident_id',
    'ip_address',
  ],
};
const lines = [];
lines.push('# Detection accuracy');
lines.push('');
lines.push(
  `Measured ${new Date().toISOString().slice(0, 10)} on the labeled dev sets in \`../shared/eval/dev\` with the shared scorer`,
);
lines.push(
  '(overlap match: same type, overlap ≥ 50 % of gold and of prediction; the five secret types match each other).',
);
lines.push('Produced by:');
lines.push('');
lines.push('```sh');
lines.push(
  'pnpm eval:report        # runs: node ../shared/eval/run.mjs --cmd "pnpm --silent detect" --gold ../shared/eval/dev --json',
);
lines.push('```');
lines.push('');
lines.push(
  'The baseline is the quick off-the-shelf approach (compromise `people()`/`organizations()`, libphonenumber-js',
);
lines.push(
  'phone search, five key regexes: `packages/detectors/bench/baseline-detect.ts`), measured in the same run.',
);
lines.push(
  'Held-out sets (../shared/holdout) are scored blind by the evaluation harness; they are not tuned on.',
);
lines.push('');
lines.push('## Span sets, per set and type');
lines.push('');
lines.push('| set | type | TP | FP | FN | precision | recall | F1 | exact F1 | baseline F1 |');
lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const [set, s] of Object.entries(ours.spans)) {
  for (const [type, m] of Object.entries(s.types)) {
    const c = m.overlap;
    if (c.tp + c.fp + c.fn === 0) continue;
    lines.push(
      `| ${set} | ${type} | ${c.tp} | ${c.fp} | ${c.fn} | ${pct(c.precision)} | ${pct(c.recall)} | **${pct(c.f1)}** | ${pct(m.exact.f1)} | ${pct(f1(baseline, set, type) ?? 0)} |`,
    );
  }
}
lines.push('');
lines.push('## All span sets together (micro average)');
lines.push('');
lines.push('| type | TP | FP | FN | precision | recall | F1 | baseline F1 |');
lines.push('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const [type, m] of Object.entries(ours.spans_overall)) {
  const c = m.overlap;
  if (c.tp + c.fp + c.fn === 0) continue;
  lines.push(
    `| ${type} | ${c.tp} | ${c.fp} | ${c.fn} | ${pct(c.precision)} | ${pct(c.recall)} | **${pct(c.f1)}** | ${pct(baseline.spans_overall[type]?.overlap.f1 ?? 0)} |`,
  );
}
lines.push('');
lines.push('## Secret fixtures (text level: any secret-type detection flags the text)');
lines.push('');
lines.push('| set | positives | recall | negatives | false-positive rate | baseline recall | baseline FPR |');
lines.push('|---|---:|---:|---:|---:|---:|---:|');
for (const [set, c] of Object.entries(ours.contains)) {
  const b = baseline.contains[set] ?? {};
  lines.push(
    `| ${set} | ${c.pos} | ${pct(c.recall)} | ${c.neg} | ${pct(c.fpr)} | ${pct(b.recall)} | ${pct(b.fpr)} |`,
  );
}
lines.push('');
lines.push('## Targets');
lines.push('');
const checks = [];
for (const [set, s] of Object.entries(ours.spans)) {
  for (const [type, m] of Object.entries(s.types)) {
    if (!TARGETS.structured.includes(type)) continue;
    const c = m.overlap;
    if (c.tp + c.fn === 0) continue;
    const ok = c.recall >= 0.98 && (c.precision ?? 1) >= 0.97;
    checks.push(
      `| ${set} ${type}: recall ≥ 98 %, precision ≥ 97 % | ${pct(c.recall)} / ${pct(c.precision)} | ${ok ? 'met' : '**not met**'} |`,
    );
  }
}
for (const [set, c] of Object.entries(ours.contains)) {
  const ok = c.recall >= 0.95 && c.fpr <= 0.05;
  checks.push(
    `| ${set}: recall ≥ 95 %, FPR ≤ 5 % | ${pct(c.recall)} / ${pct(c.fpr)} | ${ok ? 'met' : '**not met**'} |`,
  );
}
const ner = [
  ['presidio_synth_dev', 'person', 0.9],
  ['conll_testa', 'person', 0.85],
  ['cluener_even', 'person', 0.85],
  ['weibo_dev', 'person', 0.85],
  ['resume_dev', 'person', 0.85],
  ['presidio_synth_dev', 'address', 0.85],
  ['usaddress_train', 'address', 0.85],
  ['cnaddress_dev', 'address', 0.85],
  ['conll_testa', 'organization', 0.75],
  ['presidio_synth_dev', 'organization', 0.75],
  ['wnut17_dev', 'organization', 0.75],
  ['cluener_even', 'organization', 0.75],
  ['weibo_dev', 'organization', 0.75],
  ['resume_dev', 'organization', 0.75],
];
for (const [set, type, target] of ner) {
  const value = f1(ours, set, type);
  checks.push(
    `| ${set} ${type}: F1 ≥ ${target * 100} % | ${pct(value)} | ${value >= target ? 'met' : '**not met**'} |`,
  );
}
lines.push('| target | measured | status |');
lines.push('|---|---:|---|');
lines.push(...checks);
lines.push('');
lines.push(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}.`);
lines.push('');
// Only the measured part between the markers is rewritten; the analysis around it is kept.
const START = '<!-- measured:start (pnpm eval:report rewrites this part) -->';
const END = '<!-- measured:end -->';
const measured = `${START}\n${lines.slice(1).join('\n')}\n${END}`;
const file = 'docs/accuracy.md';
const existing = existsSync(file) ? readFileSync(file, 'utf8') : `${lines[0]}\n\n${START}\n${END}\n`;
const from = existing.indexOf(START);
const to = existing.indexOf(END);
const next =
  from >= 0 && to > from
    ? existing.slice(0, from) + measured + existing.slice(to + END.length)
    : `${existing}\n${measured}\n`;
writeFileSync(file, next);
console.log(lines.join('\n'));
