import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient, queryString } from './api.ts';
import { bucketEvents, formatMs, formatRate, percentile } from './stats.ts';
import { loginErrorText } from './views/login-text.ts';

describe('stats', () => {
  it('takes nearest-rank percentiles', () => {
    expect(percentile([], 50)).toBe(0);
    expect(percentile([5, 1, 3], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 10)).toBe(1);
  });

  it('buckets events by time with per-bucket latency', () => {
    const base = Date.UTC(2026, 0, 1, 12, 0, 0);
    const event = (offsetMin: number, outcome: 'forwarded' | 'blocked', latency: number) =>
      ({ time: new Date(base + offsetMin * 60_000).toISOString(), outcome, latency_ms: latency }) as never;
    const s = bucketEvents(
      [event(0, 'forwarded', 10), event(0, 'blocked', 30), event(5, 'forwarded', 20)],
      { since: base, until: base + 10 * 60_000 },
      10,
    );
    expect(s.x).toHaveLength(10);
    expect(s.total.reduce((a, b) => a + b)).toBe(3);
    expect(s.total[0]).toBe(2);
    expect(s.blocked[0]).toBe(1);
    expect(s.p95[0]).toBe(30);
    expect(s.total[5]).toBe(1);
  });

  it('formats', () => {
    expect(formatMs(3.25)).toBe('3.3 ms');
    expect(formatMs(1500)).toBe('1.50 s');
    expect(formatRate(1, 3)).toBe('33%');
    expect(formatRate(0, 0)).toBe('0%');
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
