/**
 * The only shape the audit store accepts. `sanitizeEvent` copies the allowed fields out of a record (anything
 * else on the object is never read), checks that every string is a bounded token, a count key, or a JSON path,
 * and brands the result. The store's write API takes only branded events, so a raw value cannot reach a table
 * by passing the wrong object.
 */

export const OUTCOMES = ['forwarded', 'blocked', 'route_local', 'rejected', 'error'] as const;
export type AuditOutcome = (typeof OUTCOMES)[number];

/** What a caller hands in: structurally the proxy's RequestRecord (plus an optional time). */
export interface AuditEventInput {
  /** Milliseconds since the epoch; defaults to now. */
  time?: number;
  requestId: string;
  route: string;
  model: string;
  stream: boolean;
  status: number;
  outcome: AuditOutcome;
  latencyMs: number;
  detectionMs: number;
  countsByType: Readonly<Record<string, number>>;
  countsByAction: Readonly<Record<string, number>>;
  rehydrated: number;
  touchedPaths: readonly string[];
  errorClass?: string | undefined;
}

declare const sanitized: unique symbol;

/** An event that passed `sanitizeEvent`; the only thing the store writes. */
export interface SanitizedEvent {
  readonly [sanitized]: true;
  readonly ts: number;
  readonly requestId: string;
  readonly route: string;
  readonly model: string;
  readonly stream: boolean;
  readonly status: number;
  readonly outcome: AuditOutcome;
  readonly latencyMs: number;
  readonly detectionMs: number;
  readonly countsByType: Readonly<Record<string, number>>;
  readonly countsByAction: Readonly<Record<string, number>>;
  readonly findings: number;
  readonly rehydrated: number;
  readonly touchedPaths: readonly string[];
  readonly errorClass: string | null;
}

/** Identifiers, routes, models and error classes: the proxy's bounded-token alphabet, at most 128 characters. */
export const TOKEN = /^[A-Za-z0-9_.:\-/+]{1,128}$/;
/** Detector types and action names. */
export const COUNT_KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
/**
 * A JSON path the proxy reports: `messages[0].content`, `input[2].content[0].text`, `tools[*]`. Keys are plain
 * identifiers; a key the proxy found sensitive or unusual is already `*` or `[*]`.
 */
export const JSON_PATH =
  /^(?:[A-Za-z0-9_$*-]{1,64}|\[(?:\d{1,9}|\*)\])(?:\.[A-Za-z0-9_$*-]{1,64}|\[(?:\d{1,9}|\*)\])*$/;
export const MAX_PATHS = 64;
export const MAX_PATH_LENGTH = 256;
const MAX_COUNT_KEYS = 64;

export function isToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN.test(value);
}

export function isJsonPath(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_PATH_LENGTH && JSON_PATH.test(value);
}

function token(value: unknown, fallback: string): string {
  return isToken(value) ? value : fallback;
}

function nonNegative(value: unknown, integer: boolean): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return 0;
  return integer ? Math.min(Math.round(value), 2_147_483_647) : Math.min(value, 1e12);
}

function counts(value: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (!value || typeof value !== 'object') return out;
  let keys = 0;
  for (const [key, n] of Object.entries(value)) {
    if (!COUNT_KEY.test(key)) continue;
    const count = nonNegative(n, true);
    if (count === 0) continue;
    out[key] = count;
    if (++keys >= MAX_COUNT_KEYS) break;
  }
  return out;
}

/** Copies only the allowed fields and validates each one; invalid strings become `unknown`/`invalid`. */
export function sanitizeEvent(input: AuditEventInput, now: number = Date.now()): SanitizedEvent {
  const outcome = (OUTCOMES as readonly string[]).includes(input.outcome) ? input.outcome : 'error';
  const touched: string[] = [];
  if (Array.isArray(input.touchedPaths)) {
    for (const path of input.touchedPaths) {
      if (isJsonPath(path) && !touched.includes(path)) touched.push(path);
      if (touched.length >= MAX_PATHS) break;
    }
  }
  const countsByType = counts(input.countsByType);
  const status = nonNegative(input.status, true);
  const event = {
    ts: typeof input.time === 'number' && Number.isFinite(input.time) ? Math.round(input.time) : now,
    requestId: token(input.requestId, 'invalid'),
    route: token(input.route, 'unknown'),
    model: token(input.model, 'unknown'),
    stream: input.stream === true,
    status: status > 999 ? 0 : status,
    outcome,
    latencyMs: nonNegative(input.latencyMs, false),
    detectionMs: nonNegative(input.detectionMs, false),
    countsByType,
    countsByAction: counts(input.countsByAction),
    findings: Object.values(countsByType).reduce((a, b) => a + b, 0),
    rehydrated: nonNegative(input.rehydrated, true),
    touchedPaths: touched,
    errorClass: input.errorClass === undefined ? null : token(input.errorClass, 'invalid'),
  };
  return event as unknown as SanitizedEvent;
}
