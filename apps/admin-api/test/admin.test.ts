import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, type Stack, startStack } from './harness.ts';

const SECRET = 'trace-secret-for-tests-0123456789';

describe('admin API', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(
      {
        STRONK_GATEWAY_ADMIN_LOGIN_ATTEMPT_LIMIT: '3',
        STRONK_GATEWAY_UNSAFE_DEBUG_TRACES_ENABLED: 'true',
        STRONK_GATEWAY_UNSAFE_DEBUG_GATEWAY_SECRET: SECRET,
      },
      {
        users: [
          { username: 'root', roles: ['admin'] },
          { username: 'ops', roles: ['operator'] },
          { username: 'audit', roles: ['auditor'] },
        ],
      },
    );
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('answers 401 without a session on every API route, and ignores provider keys', async () => {
    for (const path of [
      '/api/auth/session',
      '/api/summary',
      '/api/mix',
      '/api/events',
      '/api/events/1',
      '/api/posture',
      '/api/access-log',
      '/api/debug/traces',
    ]) {
      const response = await fetch(`${stack.admin.url}${path}`, {
        headers: { authorization: 'Bearer sk-test-caller-key' },
      });
      expect(response.status, path).toBe(401);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('logs in with a hardened cookie, and refuses wrong passwords without naming the user', async () => {
    const c = adminClient(stack.admin.url);
    const bad = await c.login('root', 'wrong');
    const unknown = await c.login('nobody', 'wrong');
    expect(bad.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await bad.text()).toBe(await unknown.text());
    const ok = await c.login('ops');
    expect(ok.status).toBe(200);
    const cookie = ok.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^stronk_admin_session=[a-z2-7]{24}\.[a-z2-7]{32};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain('Secure');
    const session = await (await c.get('/api/auth/session')).json();
    expect(session).toMatchObject({ username: 'ops', roles: ['operator'], can_view_traces: false });
  });

  it('answers 403 per role', async () => {
    const ops = adminClient(stack.admin.url);
    await ops.login('ops');
    const auditor = adminClient(stack.admin.url);
    await auditor.login('audit');
    const root = adminClient(stack.admin.url);
    await root.login('root');
    expect((await ops.get('/api/summary')).status).toBe(200);
    expect((await ops.get('/api/access-log')).status).toBe(403);
    expect((await ops.get('/api/debug/traces')).status).toBe(403);
    expect((await auditor.get('/api/access-log')).status).toBe(200);
    expect((await auditor.get('/api/debug/traces')).status).toBe(403);
    expect((await root.get('/api/access-log')).status).toBe(200);
    expect((await root.get('/api/debug/traces')).status).toBe(200);
  });

  it('checks Origin on state-changing requests (CSRF)', async () => {
    const c = adminClient(stack.admin.url);
    const foreign = await c.call(
      'POST',
      '/api/auth/login',
      { username: 'root', password: 'x' },
      { origin: 'https://evil.example' },
    );
    expect(foreign.status).toBe(403);
    await c.login('root');
    const noOrigin = await fetch(`${stack.admin.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: c.cookie! },
    });
    expect(noOrigin.status).toBe(403);
    expect((await c.get('/api/summary')).status).toBe(200);
  });

  it('revokes the session on logout', async () => {
    const c = adminClient(stack.admin.url);
    await c.login('root');
    const saved = c.cookie;
    expect((await c.logout()).status).toBe(200);
    c.cookie = saved;
    expect((await c.get('/api/summary')).status).toBe(401);
    // Only the hash of the secret is stored.
    const token = saved!.split('=')[1]!;
    expect(readFileSync(stack.dbPath).includes(token.split('.')[1]!)).toBe(false);
  });

  it('limits login attempts per user and per client', async () => {
    const c = adminClient(stack.admin.url);
    // Earlier failures from this client count too: at most `limit` (3) more tries before 429.
    let status = 0;
    for (let i = 0; i < 4 && status !== 429; i++) status = (await c.login('audit', 'nope')).status;
    expect(status).toBe(429);
    // Even the right password is refused while limited, with a Retry-After.
    const limited = await c.login('audit');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
