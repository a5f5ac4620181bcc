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

/**
 * Deterministic overlap resolution: findings are ranked by priority class, then length (longer wins),
 * then score, then position and detector id, and accepted greedily when they overlap nothing accepted
 * before. The result is sorted by start offset.
 */
export function resolveOverlaps(findings: readonly Finding[]): Finding[] {
  if (findings.length <= 1) return findings.filter((f) => f.end > f.start);
  const ranked = findings.filter((f) => f.end > f.start).sort(outranks);
  const accepted: Finding[] = [];
  for (const candidate of ranked) {
    let clashes = false;
    for (const kept of accepted) {
      if (candidate.start < kept.end && kept.start < candidate.end) {
        clashes = true;
        break;
      }
    }
    if (!clashes) accepted.push(candidate);
  }
  return accepted.sort((a, b) => a.start - b.start || a.end - b.end);
}
