import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient, queryString } from './api.ts';
import { chartColumns, formatLatency, formatMs, formatRate, formatStep } from './stats.ts';
import { loginErrorText } from './views/login-text.ts';

describe('stats', () => {
  it('turns a time series into chart columns, keeping gaps for buckets without events', () => {
    const bucket = (start: string, requests: number, p50: number | null) => ({
      start,
      requests,
      masked: 0,
      blocked: requests > 1 ? 1 : 0,
      rehydrated: 0,
      errors: 0,
      latency_ms: { samples: p50 === null ? 0 : requests, p50, p95: p50, p99: p50 },
    });
    const c = chartColumns({
      window: '15m',
      since: '2026-01-01T12:00:00.000Z',
      until: '2026-01-01T12:02:00.000Z',
      step_seconds: 60,
      totals: bucket('', 3, 10),
      buckets: [bucket('2026-01-01T12:00:00.000Z', 3, 10), bucket('2026-01-01T12:01:00.000Z', 0, null)],
    });
    expect(c.x).toEqual([Date.UTC(2026, 0, 1, 12, 0, 30) / 1000, Date.UTC(2026, 0, 1, 12, 1, 30) / 1000]);
    expect(c.range).toEqual([Date.UTC(2026, 0, 1, 12) / 1000, Date.UTC(2026, 0, 1, 12, 2) / 1000]);
    expect(c.requests).toEqual([3, 0]);
    expect(c.blocked).toEqual([1, 0]);
    expect(c.p50).toEqual([10, null]);
    expect(c.p99).toEqual([10, null]);
  });

  it('names bucket lengths', () => {
    expect(formatStep(60)).toBe('1 min');
    expect(formatStep(1800)).toBe('30 min');
    expect(formatStep(14_400)).toBe('4 h');
    expect(formatStep(86_400)).toBe('1 d');
  });

  it('formats', () => {
    expect(formatMs(3.25)).toBe('3.3 ms');
    expect(formatMs(1500)).toBe('1.50 s');
    expect(formatRate(1, 3)).toBe('33%');
    expect(formatRate(0, 0)).toBe('0%');
    expect(formatLatency(null)).toBe('—');
    expect(formatLatency(12.5)).toBe('13 ms');
  });
});

describe('api client', () => {
  it('builds stable query strings without empty values', () => {
    expect(queryString({ outcome: 'blocked', limit: 25, route: '', before: undefined })).toBe(
      '?limit=25&outcome=blocked',
    );
    expect(queryString({})).toBe('');
  });

  it('turns error answers into ApiError and reports a lost session', async () => {
    let lost = 0;
    const answers: Response[] = [
      new Response(JSON.stringify({ error: { code: 'unauthenticated', message: 'Log in first.' } }), {
        status: 401,
      }),
      new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'Too many' } }), {
        status: 429,
        headers: { 'retry-after': '120' },
      }),
    ];
    const seen: string[] = [];
    const api = createApiClient({
      fetch: async (input, init) => {
        seen.push(`${init?.method} ${input}`);
        return answers.shift()!;
      },
      onUnauthenticated: () => lost++,
    });
    await expect(api.summary('1h')).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(lost).toBe(1);
    const failure = await api.login('a', 'b').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).retryAfterSeconds).toBe(120);
    expect(lost).toBe(1); // a failed login is not a lost session
    expect(seen).toEqual(['GET /api/summary?window=1h', 'POST /api/auth/login']);
  });

  it('reports an unreachable API as a network error', async () => {
    const api = createApiClient({
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    await expect(api.posture()).rejects.toMatchObject({ status: 0, code: 'network' });
  });
});

describe('login messages', () => {
  it('explains wrong credentials and the lock-out', () => {
    expect(loginErrorText(new ApiError(401, 'invalid_credentials', 'x'))).toBe(
      'Wrong user name or password.',
    );
    expect(loginErrorText(new ApiError(429, 'rate_limited', 'x', 300))).toContain(
      'locked for about 5 minutes',
    );
    expect(loginErrorText(new ApiError(429, 'rate_limited', 'x'))).toContain('locked for a while');
  });
});

describe('posture', () => {
  it('groups the policy by action, strictest first', async () => {
    const { groupByAction } = await import('./views/posture-groups.ts');
    expect(groupByAction({ email: 'mask', api_key: 'block', phone: 'mask', ip: 'allow' })).toEqual([
      ['block', ['api_key']],
      ['mask', ['email', 'phone']],
      ['allow', ['ip']],
    ]);
  });
});
