import type { Finding } from './types.ts';

/**
 * Drops person, organization and address findings that lie wholly inside a quiet region ([start, end)
 * pairs, flat): a value the text's structure names as something else, such as a city or a carrier column.
 * Other types (emails, phones, secrets) are never dropped. Sorted once, then one binary search per
 * finding, so a table of 10,000 rows costs n log n, not rows × findings.
 */
export function withoutQuietEntities(findings: Finding[], quiet: readonly number[]): Finding[] {
  const count = quiet.length >> 1;
  const order = Array.from({ length: count }, (_, i) => i).sort(
    (a, b) => (quiet[2 * a] as number) - (quiet[2 * b] as number),
  );
  const starts = new Float64Array(count);
  const ends = new Float64Array(count);
  // Running maximum of ends: the region that reaches furthest among those starting at or before a point.
  let reach = -1;
  order.forEach((r, i) => {
    starts[i] = quiet[2 * r] as number;
    reach = Math.max(reach, quiet[2 * r + 1] as number);
    ends[i] = reach;
  });
  return findings.filter((f) => {
    if (f.type !== 'person_name' && f.type !== 'organization' && f.type !== 'address') return true;
    // Last region starting at or before the finding: is the finding inside the furthest reach so far?
    let lo = 0;
    let hi = count - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] as number) <= f.start) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return at < 0 || (ends[at] as number) < f.end;
  });
}
