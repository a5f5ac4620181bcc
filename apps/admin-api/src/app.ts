import { createHash, timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import {
  type AccessEntryInput,
  type AuditStore,
  type AuditWriterStats,
  COUNT_KEY,
  type EventQuery,
  isToken,
  isWindowName,
  mixOf,
  OUTCOMES,
  summarize,
  timeseries,
  type WindowName,
  windowRange,
} from '@stronk/audit';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Logger } from 'pino';
import type { AdminConfig, AdminUser, Role } from './config.ts';
import { type AdminMetrics, createAdminMetrics } from './metrics.ts';
import { verifyPassword } from './passwords.ts';
import { createAttemptLimiter } from './rate-limit.ts';
import { createSessionManager, type Session } from './sessions.ts';
import { createStaticUi } from './static-ui.ts';

export interface AdminAppOptions {
  config: AdminConfig;
  store: AuditStore;
  /** Safe configuration for GET /api/posture. */
  posture: () => unknown;
  logger?: Logger;
  metrics?: AdminMetrics;
  /** Stats of an in-process audit writer (dropped events), when there is one. */
  auditStats?: () => AuditWriterStats | undefined;
  /** Reaches the proxy's private trace listener. */
  fetch?: typeof fetch;
  now?: () => number;
}

type Env = { Variables: { session: Session | null } };

const API_CSP = "default-src 'none'; frame-ancestors 'none'";
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const digest = (text: string) => createHash('sha256').update(text).digest();

function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Looks at every user with a constant-time comparison, so timing says nothing about which names exist. */
function findUser(users: readonly AdminUser[], username: string): AdminUser | undefined {
  const wanted = digest(username);
  let found: AdminUser | undefined;
  for (const user of users) if (timingSafeEqual(digest(user.username), wanted)) found = user;
  return found;
}

function error(c: Context, status: 400 | 401 | 403 | 404 | 413 | 429 | 502, code: string, message: string) {
  return c.json({ error: { code, message } }, status);
}

function apiEvent(e: Awaited<ReturnType<AuditStore['getEvent']>> & object) {
  return {
    id: e.id,
    time: e.time,
    request_id: e.requestId,
    route: e.route,
    model: e.model,
    stream: e.stream,
    status: e.status,
    outcome: e.outcome,
    latency_ms: Math.round(e.latencyMs * 100) / 100,
    detection_ms: Math.round(e.detectionMs * 100) / 100,
    findings: e.findings,
    counts_by_type: e.countsByType,
    counts_by_action: e.countsByAction,
    rehydrated: e.rehydrated,
    touched_paths: e.touchedPaths,
    error_class: e.errorClass,
  };
}

/** Buffers admin access-log rows and writes them in the background. */
function createAccessLog(store: AuditStore, keep: number) {
  let queue: AccessEntryInput[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  let sincePrune = 0;
  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const batch = queue;
    queue = [];
    writing = writing.then(async () => {
      if (batch.length === 0) return;
      try {
        await store.appendAccess(batch);
        sincePrune += batch.length;
        if (sincePrune >= Math.max(10, keep / 10)) {
          sincePrune = 0;
          await store.pruneAccess(keep);
        }
      } catch {
        // The access log must never take the admin API down.
      }
    });
    return writing;
  };
  return {
    add(entry: AccessEntryInput) {
      if (queue.length >= 10_000) return;
      queue.push(entry);
      timer ??= setTimeout(() => void flush(), 250);
      timer.unref?.();
    },
    flush,
  };
}

export function createAdminApp(options: AdminAppOptions) {
  const { config, store } = options;
  const now = options.now ?? Date.now;
  const metrics = options.metrics ?? createAdminMetrics();
  const sessions = createSessionManager({
    store,
    idleTtlMs: config.sessionIdleTtlMs,
    absoluteTtlMs: config.sessionAbsoluteTtlMs,
    now,
  });
  const limiter = createAttemptLimiter({
    limit: config.loginAttemptLimit,
    windowMs: config.loginAttemptWindowMs,
    now,
  });
  const accessLog = createAccessLog(store, config.accessLogKeep);
  const allowed = (roles: readonly Role[]) => roles.filter((r) => config.allowedRoles.includes(r));
  const app = new Hono<Env>();

  // Headers on everything; API answers are never cached and never render as a page.
  app.use('*', async (c, next) => {
    await next();
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
    c.header('x-frame-options', 'DENY');
    c.header('cross-origin-opener-policy', 'same-origin');
    if (c.req.path.startsWith('/api/') || c.req.path === '/metrics') {
      c.header('cache-control', 'no-store');
      c.header('content-security-policy', API_CSP);
    }
  });

  // Access log, metrics and a value-free log line for every API call.
  app.use('/api/*', async (c, next) => {
    const started = performance.now();
    c.set('session', null);
    await next();
    const durationMs = performance.now() - started;
    const route = c.req.routePath || 'unmatched';
    metrics.requests.inc({ method: c.req.method, route, status: String(c.res.status) });
    metrics.duration.observe({ route }, durationMs / 1000);
    options.logger?.info(
      { method: c.req.method, route, status: c.res.status, ms: Math.round(durationMs * 10) / 10 },
      'admin request',
    );
    accessLog.add({
      ts: now(),
      username: c.get('session')?.username ?? null,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      client: clientAddress(c),
      durationMs,
    });
  });

  // CSRF: a state-changing request must come from this origin (or a configured one).
  app.use('/api/*', async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const self = new URL(c.req.url).origin;
    const origin = c.req.header('origin');
    const fetchSite = c.req.header('sec-fetch-site');
    const ok =
      origin !== undefined
        ? origin === self || config.allowedOrigins.includes(origin)
        : fetchSite === 'same-origin';
    if (!ok) return error(c, 403, 'csrf_rejected', 'Cross-origin request refused (Origin check).');
    return next();
  });

  const readSession: MiddlewareHandler<Env> = async (c, next) => {
    // Only the first-party session cookie authenticates: Authorization headers (provider keys) are ignored.
    const session = await sessions.validate(getCookie(c, config.cookieName));
    c.set('session', session);
    await next();
  };

  /** 401 without a session; 403 unless one of the user's (allowed) roles is in `roles`. */
  const requireRoles =
    (roles: readonly Role[]): MiddlewareHandler<Env> =>
    async (c, next) => {
      const session = c.get('session');
      if (!session) return error(c, 401, 'unauthenticated', 'Log in first.');
      if (!allowed(session.roles).some((r) => roles.includes(r)))
        return error(c, 403, 'forbidden', 'Your role does not allow this.');
      await next();
    };

  const ALL: readonly Role[] = ['admin', 'operator', 'auditor'];
  const sessionCookie = (c: Context, token: string) =>
    setCookie(c, config.cookieName, token, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: config.cookieSecure === 'auto' ? new URL(c.req.url).protocol === 'https:' : config.cookieSecure,
      path: '/',
      maxAge: Math.floor(config.sessionAbsoluteTtlMs / 1000),
    });

  app.post('/api/auth/login', async (c) => {
    const client = `client:${clientAddress(c)}`;
    let body: unknown;
    try {
      const text = await c.req.text();
      if (text.length > 4096) return error(c, 413, 'too_large', 'Login body too large.');
      body = JSON.parse(text);
    } catch {
      return error(c, 400, 'invalid_json', 'Expected {"username": string, "password": string}.');
    }
    const { username, password } = (body ?? {}) as { username?: unknown; password?: unknown };
    if (
      typeof username !== 'string' ||
      typeof password !== 'string' ||
      username.length > 256 ||
      password.length > 1024
    )
      return error(c, 400, 'invalid_json', 'Expected {"username": string, "password": string}.');
    const userKey = `user:${digest(username.toLowerCase()).toString('hex')}`;
    const wait = Math.max(limiter.retryAfter(client), limiter.retryAfter(userKey));
    if (wait > 0) {
      metrics.logins.inc({ result: 'rate_limited' });
      c.header('retry-after', String(Math.ceil(wait / 1000)));
      return error(c, 429, 'rate_limited', 'Too many login attempts; try again later.');
    }
    const user = findUser(config.users, username);
    const ok = await verifyPassword(user?.passwordHash, password);
    if (!ok || !user) {
      limiter.fail(client);
      limiter.fail(userKey);
      metrics.logins.inc({ result: 'failure' });
      return error(c, 401, 'invalid_credentials', 'Wrong user name or password.');
    }
    limiter.reset(userKey);
    const { token, session } = await sessions.create(user.username, user.roles);
    c.set('session', session);
    sessionCookie(c, token);
    metrics.logins.inc({ result: 'success' });
    const expires = sessions.expiresAt(session);
    return c.json({
      username: session.username,
      roles: session.roles,
      expires_at: new Date(Math.min(expires.idle, expires.absolute)).toISOString(),
    });
  });

  app.post('/api/auth/logout', readSession, async (c) => {
    const session = c.get('session');
    deleteCookie(c, config.cookieName, { path: '/' });
    if (!session) return error(c, 401, 'unauthenticated', 'Log in first.');
    await sessions.revoke(session.id);
    return c.json({ ok: true });
  });

  app.use('/api/*', readSession);

  app.get('/api/auth/session', requireRoles(ALL), (c) => {
    const session = c.get('session')!;
    const expires = sessions.expiresAt(session);
    return c.json({
      username: session.username,
      roles: allowed(session.roles),
      idle_expires_at: new Date(expires.idle).toISOString(),
      absolute_expires_at: new Date(expires.absolute).toISOString(),
      can_view_traces: session.roles.some(
        (r) => config.traceAllowedRoles.includes(r) && allowed([r]).length > 0,
      ),
    });
  });

  const windowParam = (c: Context): WindowName | undefined => {
    const value = c.req.query('window') ?? '24h';
    return isWindowName(value) ? value : undefined;
  };

  app.get('/api/summary', requireRoles(ALL), async (c) => {
    const window = windowParam(c);
    if (!window) return error(c, 400, 'invalid_window', 'window must be one of 15m, 1h, 24h, 7d, 30d, all.');
    const t = now();
    const main = await summarize(store, window, t);
    const windows: Record<string, unknown> = {};
    for (const name of ['1h', '24h', '7d', 'all'] as const) {
      const s = name === window ? main : await summarize(store, name, t);
      windows[name] = {
        requests_total: s.requests_total,
        blocked_total: s.blocked_total,
        masked_total: s.masked_total,
        errors_total: s.errors_total,
      };
    }
    const stats = options.auditStats?.();
    return c.json({
      ...main,
      windows,
      ...(stats ? { audit_writer: { dropped_events: stats.dropped, queued_events: stats.queued } } : {}),
    });
  });

  app.get('/api/mix', requireRoles(ALL), async (c) => {
    const window = windowParam(c);
    if (!window) return error(c, 400, 'invalid_window', 'window must be one of 15m, 1h, 24h, 7d, 30d, all.');
    const range = windowRange(window, now());
    return c.json({ window, ...mixOf(await store.rollups(range)) });
  });

  // Exact bucketed counts and latency percentiles, computed by the store over every row of the window.
  app.get('/api/timeseries', requireRoles(ALL), async (c) => {
    const window = windowParam(c);
    if (!window) return error(c, 400, 'invalid_window', 'window must be one of 15m, 1h, 24h, 7d, 30d, all.');
    return c.json(await timeseries(store, window, now()));
  });

  app.get('/api/events', requireRoles(ALL), async (c) => {
    const q = c.req.query();
    const query: EventQuery = {};
    const int = (name: string, min: number, max: number): number | undefined | null => {
      const v = q[name];
      if (v === undefined || v === '') return undefined;
      if (!/^\d{1,16}$/.test(v)) return null;
      const n = Number(v);
      return n < min || n > max ? null : n;
    };
    const time = (name: string): number | undefined | null => {
      const v = q[name];
      if (v === undefined || v === '') return undefined;
      if (/^\d{1,16}$/.test(v)) return Number(v);
      const parsed = Date.parse(v);
      return Number.isNaN(parsed) ? null : parsed;
    };
    const numbers = {
      limit: int('limit', 1, 500),
      before: int('before', 1, Number.MAX_SAFE_INTEGER),
      status: int('status', 100, 999),
      since: time('since'),
      until: time('until'),
    };
    for (const [name, value] of Object.entries(numbers)) {
      if (value === null) return error(c, 400, 'invalid_query', `Invalid ${name}.`);
      if (value !== undefined) (query as Record<string, number>)[name] = value;
    }
    for (const [param, key] of [
      ['route', 'route'],
      ['model', 'model'],
      ['error_class', 'errorClass'],
      ['request_id', 'requestId'],
    ] as const) {
      const v = q[param];
      if (v === undefined || v === '') continue;
      if (!isToken(v)) return error(c, 400, 'invalid_query', `Invalid ${param}.`);
      query[key] = v;
    }
    if (q.outcome) {
      if (!(OUTCOMES as readonly string[]).includes(q.outcome))
        return error(c, 400, 'invalid_query', 'Invalid outcome.');
      query.outcome = q.outcome as (typeof OUTCOMES)[number];
    }
    if (q.type) {
      if (!COUNT_KEY.test(q.type)) return error(c, 400, 'invalid_query', 'Invalid type.');
      query.type = q.type;
    }
    if (q.stream) {
      if (q.stream !== 'true' && q.stream !== 'false')
        return error(c, 400, 'invalid_query', 'Invalid stream.');
      query.stream = q.stream === 'true';
    }
    const page = await store.listEvents(query);
    return c.json({ events: page.events.map(apiEvent), next_before: page.nextBefore });
  });

  app.get('/api/events/:id', requireRoles(ALL), async (c) => {
    const id = c.req.param('id');
    if (!/^\d{1,16}$/.test(id)) return error(c, 404, 'not_found', 'No such event.');
    const event = await store.getEvent(Number(id));
    if (!event) return error(c, 404, 'not_found', 'No such event.');
    return c.json(apiEvent(event));
  });

  app.get('/api/posture', requireRoles(ALL), (c) => c.json(options.posture() as object));

  app.get('/api/access-log', requireRoles(['admin', 'auditor']), async (c) => {
    await accessLog.flush();
    const limit = Number(c.req.query('limit') ?? 100);
    const entries = await store.listAccess({ limit: Number.isFinite(limit) ? limit : 100 });
    return c.json({
      entries: entries.map((e) => ({
        id: e.id,
        time: new Date(e.ts).toISOString(),
        username: e.username,
        method: e.method,
        path: e.path,
        status: e.status,
        client: e.client,
        duration_ms: Math.round(e.durationMs * 100) / 100,
      })),
    });
  });

  // Raw trace bridge: only for allowed roles, only to the configured private listener, never cached.
  app.on(['GET', 'DELETE'], '/api/debug/*', requireRoles(config.traceAllowedRoles), async (c) => {
    if (!config.debugGatewayUrl || !config.debugGatewaySecret)
      return error(c, 404, 'debug_disabled', 'Raw traces are not enabled.');
    const rest = c.req.path.slice('/api/debug'.length);
    if (!/^\/traces(?:\/[A-Za-z0-9_-]{1,64})?$/.test(rest))
      return error(c, 404, 'not_found', 'No such debug route.');
    const target = new URL(config.debugGatewayUrl.href);
    target.pathname = `${target.pathname.replace(/\/+$/, '')}${rest}`;
    let upstream: Response;
    try {
      upstream = await (options.fetch ?? fetch)(target, {
        method: c.req.method,
        headers: { 'x-stronk-debug-secret': config.debugGatewaySecret },
        redirect: 'manual',
        signal: AbortSignal.timeout(10_000),
      });
    } catch {
      return error(c, 502, 'debug_unreachable', 'The private trace listener did not answer.');
    }
    return new Response(upstream.body, {
      status: upstream.status,
      headers: { 'content-type': upstream.headers.get('content-type') ?? 'application/json' },
    });
  });

  app.all('/api/*', (c) => error(c, 404, 'not_found', 'No such API route.'));

  app.get('/metrics', async (c) =>
    c.body(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType }),
  );
  app.get('/health', (c) => c.json({ status: 'ok' }));

  if (config.enableUi && config.uiDir) app.get('*', createStaticUi(config.uiDir));

  app.onError((_err, c) => {
    options.logger?.error({ route: c.req.routePath }, 'admin request failed');
    return c.json({ error: { code: 'internal_error', message: 'Internal error.' } }, 500);
  });

  return { app, metrics, flushAccessLog: accessLog.flush };
}
