/** Typed client for the admin API's JSON endpoints (same origin; the session cookie authenticates). */
import type { Mix, Summary, Timeseries, WindowName } from '@stronk/audit';

export type {
  LatencySummary,
  Mix,
  MixEntry,
  Summary,
  Timeseries,
  TimeseriesBucket,
  WindowName,
} from '@stronk/audit';
export const WINDOW_NAMES: readonly WindowName[] = ['15m', '1h', '24h', '7d', '30d', 'all'];
export const OUTCOME_NAMES = ['forwarded', 'blocked', 'route_local', 'rejected', 'error'] as const;

export interface SessionInfo {
  username: string;
  roles: string[];
  idle_expires_at: string;
  absolute_expires_at: string;
  can_view_traces: boolean;
}

/** One sanitized event as GET /api/events returns it (see apiEvent in admin-api). */
export interface ApiEvent {
  id: number;
  time: string;
  request_id: string;
  route: string;
  model: string;
  stream: boolean;
  status: number;
  outcome: (typeof OUTCOME_NAMES)[number];
  latency_ms: number;
  detection_ms: number;
  findings: number;
  counts_by_type: Record<string, number>;
  counts_by_action: Record<string, number>;
  rehydrated: number;
  touched_paths: string[];
  error_class: string | null;
}

export interface EventPage {
  events: ApiEvent[];
  next_before: number | null;
}

export interface SummaryResponse extends Summary {
  windows: Record<
    string,
    { requests_total: number; blocked_total: number; masked_total: number; errors_total: number }
  >;
  audit_writer?: { dropped_events: number; queued_events: number };
}

export interface MixResponse extends Mix {
  window: WindowName;
}

export interface AccessEntry {
  id: number;
  time: string;
  username: string | null;
  method: string;
  path: string;
  status: number;
  client: string;
  duration_ms: number;
}

export interface RawTrace {
  id: string;
  time: string;
  method: string;
  path: string;
  requestId: string | null;
  status: number;
  requestBody: string;
  responseBody: string;
  /** What the upstream received: placeholders in place of detected values (absent when nothing was forwarded). */
  maskedRequestBody?: string;
  /** Where detections are: JSON path, offsets inside that string, type and action — never values. */
  detections?: Array<{ type: string; action: string; path: string; start: number; end: number }>;
  truncated: boolean;
}

/** GET /api/posture; kept loose on purpose: the UI explains known keys and lists unknown ones as they are. */
export interface Posture {
  proxy?: { host: string; port: number };
  upstreams?: Record<string, string>;
  local_upstreams?: Record<string, string | null>;
  policy?: Record<string, string>;
  deny_terms_count?: number;
  allow_terms_count?: number;
  safety?: Record<string, boolean>;
  limits?: Record<string, number>;
  audit?: { enabled: boolean; backend: string; max_events: number; max_age_seconds: number | null };
}

export interface EventFilters {
  outcome?: string | undefined;
  route?: string | undefined;
  model?: string | undefined;
  type?: string | undefined;
  status?: string | undefined;
  request_id?: string | undefined;
}

export type EventQuery = EventFilters & {
  limit?: number | undefined;
  before?: number | undefined;
  since?: number | undefined;
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  fetch?: Fetch;
  /** Called when a request other than login answers 401 (session gone or expired). */
  onUnauthenticated?: () => void;
}

export function createApiClient(options: ApiClientOptions = {}) {
  const doFetch: Fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await doFetch(path, {
        method,
        credentials: 'same-origin',
        cache: 'no-store',
        headers: {
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch {
      throw new ApiError(0, 'network', 'The admin API did not answer. Check that it is running.');
    }
    let data: unknown;
    try {
      data = await response.json();
    } catch {
      data = undefined;
    }
    if (!response.ok) {
      const err = (data as { error?: { code?: string; message?: string } } | undefined)?.error;
      const retry = Number(response.headers.get('retry-after'));
      const failure = new ApiError(
        response.status,
        err?.code ?? 'http_error',
        err?.message ?? `Request failed (${response.status}).`,
        Number.isFinite(retry) && retry > 0 ? retry : undefined,
      );
      if (response.status === 401 && path !== '/api/auth/login') options.onUnauthenticated?.();
      throw failure;
    }
    return data as T;
  }

  const get = <T>(path: string) => request<T>('GET', path);
  return {
    login: (username: string, password: string) =>
      request<{ username: string; roles: string[]; expires_at: string }>('POST', '/api/auth/login', {
        username,
        password,
      }),
    logout: () => request<{ ok: true }>('POST', '/api/auth/logout'),
    session: () => get<SessionInfo>('/api/auth/session'),
    summary: (window: WindowName) => get<SummaryResponse>(`/api/summary?window=${window}`),
    mix: (window: WindowName) => get<MixResponse>(`/api/mix?window=${window}`),
    timeseries: (window: WindowName) => get<Timeseries>(`/api/timeseries?window=${window}`),
    events: (query: EventQuery) => get<EventPage>(`/api/events${queryString({ ...query })}`),
    event: (id: string | number) => get<ApiEvent>(`/api/events/${encodeURIComponent(String(id))}`),
    posture: () => get<Posture>('/api/posture'),
    accessLog: (limit = 100) => get<{ entries: AccessEntry[] }>(`/api/access-log?limit=${limit}`),
    traces: () => get<{ traces: RawTrace[] }>('/api/debug/traces'),
    trace: (id: string) => get<RawTrace>(`/api/debug/traces/${encodeURIComponent(id)}`),
  };
}
export type ApiClient = ReturnType<typeof createApiClient>;

/** `?a=1&b=x` from the set (non-empty) values, in a stable order. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params).sort(([a], [b]) => (a < b ? -1 : 1)))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
