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
