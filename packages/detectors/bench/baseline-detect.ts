/**
 * The "quick off-the-shelf approach" the accuracy report compares against: compromise
 * people()/organizations(), libphonenumber-js phone search, and five well-known key regexes.
 * Same JSONL protocol as `pnpm detect`.
 */
import { createInterface } from 'node:readline';
import nlp from 'compromise';
import { findPhoneNumbersInText } from 'libphonenumber-js/max';

const KEY_PATTERNS = [
  /\bsk-[A-Za-z0-9_-]{20,}/g,
  /\bghp_[A-Za-z0-9]{36}\b/g,
  /\bAKIA[0-9A-Z]{16}\b/g,
  /\bAIza[0-9A-Za-z_-]{35}\b/g,
  /\bxox[abprs]-[A-Za-z0-9-]{10,}/g,
];

type Offset = { offset: { start: number; length: number } };

for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
  if (!line.trim()) continue;
  const { id, text } = JSON.parse(line) as { id: string; text: string };
  const detections: Array<{ start: number; end: number; type: string }> = [];
  const doc = nlp(text);
  for (const [type, view] of [
    ['person', doc.people()],
    ['organization', doc.organizations()],
  ] as const) {
    for (const match of view.out('offset') as Offset[]) {
      detections.push({ start: match.offset.start, end: match.offset.start + match.offset.length, type });
    }
  }
  for (const phone of findPhoneNumbersInText(text, 'US'))
    detections.push({ start: phone.startsAt, end: phone.endsAt, type: 'phone' });
  for (const pattern of KEY_PATTERNS) {
    for (const match of text.matchAll(pattern))
      detections.push({ start: match.index, end: match.index + match[0].length, type: 'api_key' });
  }
  process.stdout.write(`${JSON.stringify({ id, detections })}\n`);
}
