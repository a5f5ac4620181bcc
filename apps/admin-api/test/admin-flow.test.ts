import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANARIES, canaryFlow, SECRET, waitFor } from './flow.ts';
import { adminClient, chat, type Stack, startStack } from './harness.ts';

describe('proxy → audit → admin (SQLite)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      STRONK_GATEWAY_DENY_TERMS: CANARIES.name,
      STRONK_GATEWAY_UNSAFE_DEBUG_TRACES_ENABLED: 'true',
      STRONK_GATEWAY_UNSAFE_DEBUG_GATEWAY_SECRET: SECRET,
    });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('shows counts, never values, and the SQLite file holds no canary', async () => {
    const c = await canaryFlow(stack);
    await stack.store.close();
    for (const suffix of ['', '-wal', '-shm']) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(stack.dbPath + suffix);
      } catch {
        continue;
      }
      for (const value of Object.values(CANARIES)) {
        expect(bytes.includes(Buffer.from(value)), `${value} in ${suffix || 'db'}`).toBe(false);
      }
    }
    void c;
  });
});

describe('raw trace bridge', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      STRONK_GATEWAY_UNSAFE_DEBUG_TRACES_ENABLED: 'true',
      STRONK_GATEWAY_UNSAFE_DEBUG_GATEWAY_SECRET: SECRET,
    });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('is reachable only through an authorized session or the private listener with the secret', async () => {
    await (await chat(stack.proxyUrl, `trace me ${CANARIES.email}`)).text();
    const listener = `http://127.0.0.1:${stack.gateway.traceListener!.port}`;
    expect((await fetch(`${listener}/traces`)).status).toBe(401);
    expect(
      (
        await fetch(`${listener}/traces`, {
          headers: { 'x-stronk-debug-secret': 'wrong-secret-wrong-secret' },
        })
      ).status,
    ).toBe(401);
    // Nothing of it on the public proxy listener.
    expect((await fetch(`${stack.proxyUrl}/traces`)).status).toBe(404);
    expect((await fetch(`${stack.proxyUrl}/debug/traces`)).status).toBe(404);
    expect((await fetch(`${stack.admin.url}/api/debug/traces`)).status).toBe(401);

    const c = adminClient(stack.admin.url);
    await c.login('root');
    const list = await waitFor(async () => {
      const body = (await (await c.get('/api/debug/traces')).json()) as { traces: Array<{ id: string }> };
      return body.traces.length > 0 ? body : undefined;
    });
    const trace = (await (await c.get(`/api/debug/traces/${list.traces[0]!.id}`)).json()) as {
      requestBody: string;
      responseBody: string;
      maskedRequestBody?: string;
      detections?: Array<{ type: string; path: string; start: number; end: number }>;
    };
    expect(trace.requestBody).toContain(CANARIES.email);
    expect(trace.responseBody).toContain(CANARIES.email);
    // The masked version sits beside the raw one, with the detections located by path and offsets.
    expect(trace.maskedRequestBody).toMatch(/\[\[EMAIL_[0-9A-Z]{10}\]\]/);
    expect(trace.maskedRequestBody).not.toContain(CANARIES.email);
    expect(trace.detections?.some((d) => d.type === 'email')).toBe(true);

    const metrics = await (await fetch(`${stack.proxyUrl}/metrics`)).text();
    expect(metrics).toContain('stronk_proxy_requests_total{route="openai.chat"');
    expect(metrics).not.toContain(CANARIES.email);
    const adminMetrics = await (await fetch(`${stack.admin.url}/metrics`)).text();
    expect(adminMetrics).toContain('stronk_admin_login_attempts_total{result="success"} 1');
  });
});
