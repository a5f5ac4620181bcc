import { expect } from 'vitest';
import { adminClient, chat, type Stack } from './harness.ts';

export const CANARIES = {
  email: 'canary.7f3q@example-canary.org',
  phone: '+1 (415) 555-0142',
  key: 'ghp_C4n4ryT0k3nV4lu3F0rT3st1ngPurp0s3Qq34',
  name: 'Project Nightjar',
};
export const SECRET = 'trace-secret-for-tests-0123456789';

export async function waitFor<T>(fn: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Canary traffic through the proxy, then the admin API must show counts and never a value. */
export async function canaryFlow(stack: Stack) {
  const masked = await chat(
    stack.proxyUrl,
    `Mail ${CANARIES.email} or call ${CANARIES.phone} about ${CANARIES.name}.`,
  );
  expect(masked.status).toBe(200);
  expect(await masked.text()).toContain(CANARIES.email);
  const blocked = await chat(stack.proxyUrl, `my key is ${CANARIES.key}`);
  expect(blocked.status).toBe(400);
  const streamed = await chat(stack.proxyUrl, `Stream to ${CANARIES.email}`, { stream: true });
  expect(await streamed.text()).toContain(CANARIES.email);

  const c = adminClient(stack.admin.url);
  expect((await c.login('root')).status).toBe(200);
  const page = await waitFor(async () => {
    const body = (await (await c.get('/api/events?limit=10')).json()) as {
      events: Array<Record<string, unknown>>;
    };
    return body.events.length >= 3 ? body : undefined;
  });
  const text = JSON.stringify(page);
  for (const value of Object.values(CANARIES)) expect(text).not.toContain(value);
  const outcomes = page.events.map((e) => e.outcome).sort();
  expect(outcomes).toEqual(['blocked', 'forwarded', 'forwarded']);
  const first = page.events.find((e) => e.stream === false && e.outcome === 'forwarded')!;
  expect(first.counts_by_type).toMatchObject({ email: 1, phone: 1 });
  expect(first.touched_paths).toEqual(['messages[0].content']);
  const one = await (await c.get(`/api/events/${first.id}`)).json();
  expect(one).toEqual(first);
  expect((await c.get('/api/events/999999')).status).toBe(404);
  const blockedOnly = (await (await c.get('/api/events?outcome=blocked')).json()) as { events: unknown[] };
  expect(blockedOnly.events).toHaveLength(1);

  const summary = (await (await c.get('/api/summary?window=1h')).json()) as Record<string, unknown>;
  expect(summary.requests_total).toBe(3);
  expect(summary.blocked_total).toBe(1);
  expect(summary.masked_total).toBeGreaterThanOrEqual(3);
  const mix = (await (await c.get('/api/mix?window=24h')).json()) as { detectors: Array<{ name: string }> };
  expect(mix.detectors.map((d) => d.name)).toEqual(expect.arrayContaining(['email', 'phone']));
  const posture = JSON.stringify(await (await c.get('/api/posture')).json());
  expect(posture).not.toContain(SECRET);
  expect(posture).toContain('"email":"mask"');
  const access = (await (await c.get('/api/access-log')).json()) as { entries: Array<{ path: string }> };
  expect(access.entries.some((e) => e.path === '/api/posture')).toBe(true);
  await stack.gateway.audit!.writer.flush();
  return c;
}
