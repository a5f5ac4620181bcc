/**
 * Builds distinct, realistic chat messages of a target size with PII sprinkled in, from small
 * invented vocabularies (no evaluation data). Deterministic for a given index.
 */
const FIRST = [
  'Maria',
  'James',
  'Wei',
  'Aisha',
  'Lukas',
  'Sofia',
  'Rahul',
  'Emma',
  'Kenji',
  'Olga',
  'Diego',
  'Fatima',
];
const LAST = [
  'Garcia',
  'Smith',
  'Zhang',
  'Khan',
  'Müller',
  'Rossi',
  'Patel',
  'Johnson',
  'Tanaka',
  'Ivanova',
  'Lopez',
];
const ORGS = [
  'Acme Logistics Inc.',
  'Northwind Bank',
  'Helios Health GmbH',
  'Blue River University',
  'Kite Labs LLC',
];
const STREETS = ['Oak Street', 'Maple Avenue', 'Harbor Road', 'Sunset Blvd', 'King Street'];
const FILLER = [
  'Can you help me rewrite this paragraph so it sounds more professional?',
  'Here is the stack trace I get when the service starts up after the deploy.',
  'Please summarize the following meeting notes and list the action items.',
  'The quarterly numbers look better than expected, but churn is still a concern.',
  'I tried restarting the worker and clearing the cache, but the job still fails.',
  'We need to decide by Friday whether to migrate the billing system this quarter.',
  'Thanks for the quick reply; the fix worked on staging and we will roll it out tomorrow.',
];

function pick<T>(list: readonly T[], seed: number): T {
  return list[Math.abs(seed) % list.length]!;
}

export function makeChatMessage(index: number, size: number): string {
  const parts: string[] = [`Request #${index}:`];
  let seed = index * 7919 + 13;
  while (parts.join(' ').length < size) {
    seed = (seed * 1103515245 + 12345) % 2147483647;
    const name = `${pick(FIRST, seed)} ${pick(LAST, seed >> 3)}`;
    switch (seed % 6) {
      case 0:
        parts.push(
          `Please forward this to ${name} (${name.toLowerCase().replace(/\W+/g, '.')}${index}@example.com).`,
        );
        break;
      case 1:
        parts.push(
          `Call ${pick(FIRST, seed >> 2)} at +1 (415) 555-${String(1000 + (seed % 9000)).padStart(4, '0')} before noon.`,
        );
        break;
      case 2:
        parts.push(`${name} from ${pick(ORGS, seed >> 4)} asked about invoice ${seed % 100000}.`);
        break;
      case 3:
        parts.push(`Ship it to ${100 + (seed % 900)} ${pick(STREETS, seed >> 5)}, Springfield, IL 62704.`);
        break;
      default:
        parts.push(pick(FILLER, seed >> 1));
    }
  }
  // Through JSON, as a proxy reads a message: a plain string, not a slice that still points into the joined
  // text (reading a slice's characters costs more, which would make benchmarks overstate detection).
  return JSON.parse(JSON.stringify(parts.join(' ').slice(0, size))) as string;
}
