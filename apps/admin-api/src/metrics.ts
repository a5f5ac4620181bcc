import { Counter, Histogram, Registry } from 'prom-client';

/** Admin-plane metrics; labels are route patterns, methods, status codes and results, never values. */
export function createAdminMetrics(registry: Registry = new Registry()) {
  return {
    registry,
    requests: new Counter({
      name: 'stronk_admin_http_requests_total',
      help: 'Admin API requests by method, route pattern and status.',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'stronk_admin_http_request_duration_seconds',
      help: 'Admin API request duration.',
      labelNames: ['route'] as const,
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
      registers: [registry],
    }),
    logins: new Counter({
      name: 'stronk_admin_login_attempts_total',
      help: 'Login attempts by result (success, failure, rate_limited).',
      labelNames: ['result'] as const,
      registers: [registry],
    }),
  };
}
export type AdminMetrics = ReturnType<typeof createAdminMetrics>;
