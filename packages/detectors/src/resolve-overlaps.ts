import { type EntityType, type Finding, SECRET_TYPES } from './types.ts';

/**
 * Priority classes for overlap resolution, highest first:
 * 3 — custom deny terms (the operator said so explicitly),
 * 2 — secrets (they unlock something; never let a PII span hide part of one),
 * 1 — checksum/format-validated identifiers (card, IBAN, SSN, resident id, email, phone, IP),
 * 0 — contextual NER types (person, organization, address).
 */
export function typePriority(type: EntityType): number {
  if (type === 'custom') return 3;
  if (SECRET_TYPES.has(type)) return 2;
  if (type === 'person_name' || type === 'organization' || type === 'address') return 0;
  return 1;
}

function outranks(a: Finding, b: Finding): number {
  return (
    typePriority(b.type) - typePriority(a.type) ||
    (b.bounded ? 1 : 0) - (a.bounded ? 1 : 0) ||
    b.end - b.start - (a.end - a.start) ||
    b.score - a.score ||
    a.start - b.start ||
    (a.detector < b.detector ? -1 : a.detector > b.detector ? 1 : 0)
  );
}

/**
 * Greedy choice within one cluster of mutually reachable overlaps, `sorted[from, to)` (clusters are small
 * in practice). The kept findings are appended in (start, end) order; being disjoint, no two share a start.
 */
function resolveCluster(sorted: readonly Finding[], from: number, to: number, accepted: Finding[]): void {
  if (to - from === 1) {
    accepted.push(sorted[from]!);
    return;
  }
  if (to - from === 2) {
    // The two overlap, so only the higher-ranked one stays (the first on a tie, as the stable sort keeps it):
    // the common case answered without the slice, sort and arrays below.
    const a = sorted[from]!;
    const b = sorted[from + 1]!;
    accepted.push(outranks(a, b) > 0 ? b : a);
    return;
  }
  const kept: Finding[] = [];
  for (const candidate of sorted.slice(from, to).sort(outranks)) {
    if (!kept.some((k) => candidate.start < k.end && k.start < candidate.end)) kept.push(candidate);
  }
  accepted.push(...kept.sort(byPosition));
}

function byPosition(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end;
}

/**
 * Deterministic overlap resolution: findings are ranked by priority class, then structure-bounded spans
 * (table cells, field values) before others, then length (longer wins),
 * then score, then position and detector id, and accepted greedily when they overlap nothing accepted
 * before. Findings are first split into clusters of overlapping spans (a sweep by start offset), so the
 * greedy step never compares findings that cannot touch: linear in the number of findings for ordinary
 * text, where clusters hold one or two findings. The result is sorted by start offset.
 */
export function resolveOverlaps(findings: readonly Finding[]): Finding[] {
  const valid = findings.filter((f) => f.end > f.start);
  if (valid.length <= 1) return valid;
  valid.sort((a, b) => a.start - b.start || b.end - a.end);
  // Clusters are runs of `valid` (no array per cluster), and every finding of a cluster ends before the
  // next cluster starts, so appending each cluster's findings in position order keeps the result sorted.
  const accepted: Finding[] = [];
  let clusterStart = 0;
  let clusterEnd = valid[0]!.end;
  for (let i = 1; i < valid.length; i++) {
    const finding = valid[i]!;
    if (finding.start < clusterEnd) {
      clusterEnd = Math.max(clusterEnd, finding.end);
    } else {
      resolveCluster(valid, clusterStart, i, accepted);
      clusterStart = i;
      clusterEnd = finding.end;
    }
  }
  resolveCluster(valid, clusterStart, valid.length, accepted);
  return accepted;
}
