import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AuditStore, auditConfigFromEnv, openAuditStore } from '@stronk/audit';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProxyConfig } from '../src/config.ts';
import { type RunningGateway, startGateway } from '../src/gateway.ts';
import { loadObservabilityConfig } from '../src/observability/config.ts';
import { echoHandler, type FakeUpstream, startFakeUpstream } from './fake-upstream.ts';
import { parseSse } from './http.ts';
import { deltaText, openSocket } from './websocket-helpers.ts';

/** An echo upstream that holds every request until `release()` (or for ever). */
async function gatedUpstream(): Promise<FakeUpstream & { release(): void; seen(n: number): Promise<void> }> {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const upstream = await startFakeUpstream(async (request, response) => {
    await gate;
    await echoHandler(request, response);
  });
  return Object.assign(upstream, {
    release: open,
    async seen(n: number) {
      const deadline = Date.now() + 5000;
      while (upstream.requests.length < n) {
        if (Date.now() > deadline) throw new Error(`upstream saw ${upstream.requests.length} of ${n}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
  });
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(
  upstream: FakeUpstream,
): Promise<{ gateway: RunningGateway; store: AuditStore; url: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'stronk-shutdown-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const env = {
    STRONK_GATEWAY_HOST: '127.0.0.1',
    STRONK_GATEWAY_PORT: '0',
    STRONK_GATEWAY_OPENAI_UPSTREAM_BASE_URL: `${upstream.url}/v1`,
    STRONK_GATEWAY_ANTHROPIC_UPSTREAM_BASE_URL: upstream.url,
    STRONK_GATEWAY_ALLOW_INSECURE_UPSTREAMS: 'true',
    STRONK_GATEWAY_ALLOW_NONSTANDARD_UPSTREAM_HOSTS: 'true',
    STRONK_GATEWAY_AUDIT_STORAGE_ENABLED: 'true',
    STRONK_GATEWAY_AUDIT_DB_PATH: join(dir, 'audit.sqlite'),
    // Long enough that only the shutdown flush can write the events in time.
    STRONK_GATEWAY_AUDIT_FLUSH_INTERVAL_SECONDS: '60',
  };
  const audit = auditConfigFromEnv(env);
  const store = await openAuditStore(audit);
  cleanups.push(() => store.close());
  const gateway = await startGateway({
    config: loadProxyConfig(env),
    audit,
    observability: loadObservabilityConfig(env),
    auditStore: store,
  });
  cleanups.push(() => gateway.close());
  return { gateway, store, url: `http://127.0.0.1:${gateway.proxy.port}` };
}

const EMAIL = 'ann.lee@example.com';
function post(url: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer test-openai-key' },
    body: JSON.stringify(body),
  });
}

describe('graceful shutdown', () => {
  it('stops accepting, finishes in-flight requests, streams and turns, closes websockets with 1001, flushes audit', async () => {
    const upstream = await gatedUpstream();
    cleanups.push(() => upstream.close());
    const { gateway, store, url } = await start(upstream);

    const idle = await openSocket(url);
    const busy = await openSocket(url);
    const plain = post(url, '/v1/chat/completions', {
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: `plain ${EMAIL}` }],
    });
    const stream = post(url, '/v1/chat/completions', {
      model: 'gpt-4o-mini',
      stream: true,
      messages: [{ role: 'user', content: `stream ${EMAIL}` }],
    });
    busy.send({ type: 'response.create', model: 'gpt-4o-mini', input: `turn ${EMAIL}` });
    await upstream.seen(3);

    const closing = gateway.close({ graceMs: 10_000 });
    // The idle socket goes at once, with "going away".
    expect(await idle.closed).toMatchObject({ code: 1001 });
    // The listener is closed: new connections are refused.
    await expect(fetch(`${url}/health`)).rejects.toThrow();

    upstream.release();
    const plainResponse = await plain;
    expect(plainResponse.status).toBe(200);
    const plainBody = (await plainResponse.json()) as { choices: Array<{ message: { content: string } }> };
    expect(plainBody.choices[0]?.message.content).toBe(`You said: plain ${EMAIL}`);
    const streamText = await (await stream).text();
    const frames = parseSse(streamText);
    expect(frames.at(-1)?.data).toBe('[DONE]');
    expect(streamText).not.toContain('[[EMAIL_');

    const turn = await busy.turn();
    expect(turn.at(-1)?.type).toBe('response.completed');
    expect(deltaText(turn)).toBe(`You said: turn ${EMAIL}`);
    expect(await busy.closed).toMatchObject({ code: 1001 });

    await closing;
    // Every answered request was flushed to the store by close(), despite the 60 s flush interval.
    const page = await store.listEvents({ limit: 50 });
    expect(page.events).toHaveLength(3);
    expect(page.events.every((e) => e.status === 200)).toBe(true);
    // Nothing raw went upstream.
    expect(upstream.requests.map((r) => r.body).join('\n')).not.toContain(EMAIL);
  }, 20_000);

  it('cuts what is still running when the grace period ends', async () => {
    const upstream = await gatedUpstream();
    cleanups.push(async () => {
      upstream.release();
      await upstream.close();
    });
    const { gateway, url } = await start(upstream);
    const busy = await openSocket(url);
    busy.send({ type: 'response.create', model: 'gpt-4o-mini', input: 'never answered' });
    const plain = post(url, '/v1/chat/completions', {
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'never answered' }],
    }).then(
      (r) => r.status,
      () => 'failed',
    );
    await upstream.seen(2);

    const started = Date.now();
    await gateway.close({ graceMs: 300 });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await busy.closed).toMatchObject({ code: 1001 });
    expect(await plain).toBe('failed');
  }, 20_000);
});
