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
    b.end - b.start - (a.end - a.start) ||
    b.score - a.score ||
    a.start - b.start ||
    (a.detector < b.detector ? -1 : a.detector > b.detector ? 1 : 0)
  );
}

/** Greedy choice within one cluster of mutually reachable overlaps (clusters are small in practice). */
function resolveCluster(cluster: Finding[], accepted: Finding[]): void {
  if (cluster.length === 1) {
    accepted.push(cluster[0]!);
    return;
  }
  const kept: Finding[] = [];
  for (const candidate of cluster.sort(outranks)) {
    if (!kept.some((k) => candidate.start < k.end && k.start < candidate.end)) kept.push(candidate);
  }
  accepted.push(...kept);
}

/**
 * Deterministic overlap resolution: findings are ranked by priority class, then length (longer wins),
 * then score, then position and detector id, and accepted greedily when they overlap nothing accepted
 * before. Findings are first split into clusters of overlapping spans (a sweep by start offset), so the
 * greedy step never compares findings that cannot touch: linear in the number of findings for ordinary
 * text, where clusters hold one or two findings. The result is sorted by start offset.
 */
export function resolveOverlaps(findings: readonly Finding[]): Finding[] {
  const valid = findings.filter((f) => f.end > f.start);
  if (valid.length <= 1) return valid;
  valid.sort((a, b) => a.start - b.start || b.end - a.end);
  const accepted: Finding[] = [];
  let cluster: Finding[] = [valid[0]!];
  let clusterEnd = valid[0]!.end;
  for (let i = 1; i < valid.length; i++) {
    const finding = valid[i]!;
    if (finding.start < clusterEnd) {
      cluster.push(finding);
      clusterEnd = Math.max(clusterEnd, finding.end);
    } else {
      resolveCluster(cluster, accepted);
      cluster = [finding];
      clusterEnd = finding.end;
    }
  }
  resolveCluster(cluster, accepted);
  return accepted.sort((a, b) => a.start - b.start || a.end - b.end);
}
