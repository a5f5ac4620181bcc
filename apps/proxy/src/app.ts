import type { HttpBindings } from '@hono/node-server';
import { PROVIDERS } from '@stronk/providers';
import { createRedactor, type Redactor } from '@stronk/redaction';
import { Hono } from 'hono';
import type { ProxyConfig } from './config.ts';
import { createDebugMaskRoute } from './debug-mask-route.ts';
import { repeatedCredentialHeader, resolveRequestId } from './headers.ts';
import { createProxyRoute } from './proxy-route.ts';
import type { RequestRecordSink } from './request-record.ts';

export interface ProxyAppOptions {
  config: ProxyConfig;
  /** Defaults to a redactor built from the config's policy and term lists. */
  redactor?: Redactor;
  /** Receives one sanitized record per answered request (audit, metrics). */
  onRecord?: RequestRecordSink;
  /** For tests: the fetch used to reach upstreams. */
  fetch?: typeof fetch;
  /** Keep each request's masked body for the raw-trace ring (set when tracing is on). */
  keepMaskedViews?: boolean;
}

export function createRedactorForConfig(config: ProxyConfig): Redactor {
  return createRedactor({
    policy: config.policy,
    denyTerms: config.denyTerms,
    allowTerms: config.allowTerms,
    maxDepth: config.maxJsonDepth,
    detectionWorkers: config.detectionWorkers,
    workerLoadThreshold: config.detectionWorkerLoad,
    warmUp: config.detectionWarmUp,
  });
}

/** Origin-form (`/path?query`) with only unreserved path characters and no empty, `.` or `..` segments. */
export function isPlainRequestTarget(target: string): boolean {
  const path = target.split('?', 1)[0]!;
  if (!/^\/[A-Za-z0-9._~/-]*$/.test(path)) return false;
  return path
    .slice(1)
    .split('/')
    .every(
      (segment, i, all) => (segment !== '' || i === all.length - 1) && segment !== '.' && segment !== '..',
    );
}

/** The caller-facing proxy: provider routes, health, and (only when enabled) the debug mask endpoint. */
export function createProxyApp(options: ProxyAppOptions): Hono {
  const { config } = options;
  const redactor = options.redactor ?? createRedactorForConfig(config);
  const deps = {
    config,
    redactor,
    onRecord: options.onRecord ?? (() => {}),
    keepMaskedViews: options.keepMaskedViews === true,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  const app = new Hono();

  // Fail closed on request targets that URL normalization would rewrite (absolute-form, dot segments,
  // encoded or backslash separators): the caller must name a route exactly, never steer around one.
  // A credential sent twice is refused too: merged into one header it would reach the upstream as `a, b`.
  app.use('*', async (c, next) => {
    const incoming = (c.env as { incoming?: { url?: string; rawHeaders?: string[] } } | undefined)?.incoming;
    const target = incoming?.url;
    const provider = PROVIDERS[target?.startsWith('/anthropic/') ? 'anthropic' : 'openai'];
    if (target !== undefined && !isPlainRequestTarget(target)) {
      const body = provider.errorBody({
        status: 400,
        message: 'The request target must be a plain path on this proxy.',
        code: 'invalid_request_target',
      });
      return c.json(body as object, 400, { 'x-request-id': resolveRequestId(null) });
    }
    const repeated = incoming?.rawHeaders && repeatedCredentialHeader(incoming.rawHeaders);
    if (repeated) {
      const body = provider.errorBody({
        status: 400,
        message: `The ${repeated} header was sent more than once.`,
        code: 'duplicate_credentials',
      });
      return c.json(body as object, 400, { 'x-request-id': resolveRequestId(null) });
    }
    await next();
  });

  app.get('/health', (c) => c.json({ status: 'ok' }));

  for (const provider of Object.values(PROVIDERS)) {
    for (const route of provider.routes) {
      const handle = createProxyRoute(provider, route, deps);
      app.post(route.path, (c) => {
        const node = c.env as Partial<HttpBindings> | undefined;
        return handle(c.req.raw, node?.incoming, node?.outgoing);
      });
    }
  }

  if (config.enableDebugMaskEndpoint) app.post('/debug/mask', createDebugMaskRoute(deps));

  app.notFound((c) => {
    const requestId = resolveRequestId(c.req.header('x-request-id') ?? null);
    const body = PROVIDERS[c.req.path.startsWith('/anthropic/') ? 'anthropic' : 'openai'].errorBody({
      status: 404,
      message: `No route for ${c.req.method} on this path.`,
      code: 'not_found',
    });
    return c.json(body as object, 404, { 'x-request-id': requestId });
  });

  app.onError((_error, c) => {
    // Never echo the error: it might quote request content.
    const body = PROVIDERS[c.req.path.startsWith('/anthropic/') ? 'anthropic' : 'openai'].errorBody({
      status: 500,
      message: 'Internal proxy error.',
      code: 'internal_error',
    });
    return c.json(body as object, 500);
  });

  return app;
}
