/**
 * Evaluation adapter: reads JSONL `{"id","text","lang"}` on stdin and writes one JSONL line
 * `{"id","detections":[{"start","end","type"}]}` per input, in input order, nothing else on stdout.
 * Types use the evaluation taxonomy (`person_name` is written as `person`; `custom` is omitted).
 */
import { createInterface } from 'node:readline';
import { builtinDetectors, createDetectionEngine, type Language } from '@stronk/detectors';

const engine = createDetectionEngine({ detectors: builtinDetectors(), cacheEntries: 0 });
const EVAL_TYPE: Record<string, string> = { person_name: 'person' };

const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
const out: string[] = [];
for await (const line of lines) {
  if (line.trim() === '') continue;
  const { id, text, lang } = JSON.parse(line) as { id: string; text: string; lang?: Language };
  const detections = engine
    .detect(text, lang ? { lang } : {})
    .filter((f) => f.type !== 'custom')
    .map((f) => ({ start: f.start, end: f.end, type: EVAL_TYPE[f.type] ?? f.type }));
  out.push(JSON.stringify({ id, detections }));
  if (out.length >= 256) process.stdout.write(`${out.splice(0).join('\n')}\n`);
}
if (out.length > 0) process.stdout.write(`${out.join('\n')}\n`);
