import type { RouteId } from '@stronk/providers';

/** What the proxy tells telemetry about one request: counts, paths and timings — never a value. */
export interface RequestRecord {
  requestId: string;
  route: RouteId | 'debug.mask';
  /** Only when it is a bounded token; anything else is reported as `unknown`. */
  model: string;
  stream: boolean;
  status: number;
  outcome: 'forwarded' | 'blocked' | 'route_local' | 'rejected' | 'error';
  latencyMs: number;
  detectionMs: number;
  countsByType: Record<string, number>;
  countsByAction: Record<string, number>;
  rehydrated: number;
  touchedPaths: string[];
  errorClass?: string;
}

export type RequestRecordSink = (record: RequestRecord) => void;

/** A record before the outcome is known: every count empty, status 0, outcome `error` until set. */
export function newRequestRecord(
  requestId: string,
  route: RequestRecord['route'],
  model: string,
  stream: boolean,
): RequestRecord {
  return {
    requestId,
    route,
    model,
    stream,
    status: 0,
    outcome: 'error',
    latencyMs: 0,
    detectionMs: 0,
    countsByType: {},
    countsByAction: {},
    rehydrated: 0,
    touchedPaths: [],
  };
}
