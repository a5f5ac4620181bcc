import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProxyConfig } from '../src/config.ts';
import { createTraceRing, type TraceRing } from '../src/observability/trace-ring.ts';
import { startProxyServer } from '../src/start.ts';
import { type FakeUpstream, startFakeUpstream } from './fake-upstream.ts';
import { conversationUpstream, deltaText, openSocket } from './websocket-helpers.ts';

const EMAIL = 'wen.trace@example.com';
const PROMPT = `Write to ${EMAIL} today.`;

let upstream: FakeUpstream;
let ring: TraceRing;
let proxy: { port: number; close(): Promise<void> };

beforeAll(async () => {
  upstream = await startFakeUpstream();
  upstream.use(conversationUpstream().handler);
  const config = loadProxyConfig({
    STRONK_GATEWAY_OPENAI_UPSTREAM_BASE_URL: `${upstream.url}/v1`,
    STRONK_GATEWAY_ALLOW_INSECURE_UPSTREAMS: 'true',
    STRONK_GATEWAY_ALLOW_NONSTANDARD_UPSTREAM_HOSTS: 'true',
    STRONK_GATEWAY_DETECTION_WORKERS: '0',
  });
  ring = createTraceRing({ maxEntries: 10, maxBytes: 1024 * 1024, ttlMs: 60_000 });
  proxy = await startProxyServer({ config: { ...config, host: '127.0.0.1', port: 0 }, traceRing: ring });
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
});

describe('raw traces of websocket turns', () => {
  it('keeps the client event, the masked body with detection positions, and the events sent back', async () => {
    const socket = await openSocket(`http://127.0.0.1:${proxy.port}`);
    socket.send({
      type: 'response.create',
      model: 'gpt-test',
      input: [{ type: 'message', role: 'user', content: [{ type: 'input_text', text: PROMPT }] }],
    });
    const events = await socket.turn();
    expect(deltaText(events)).toBe(`You said: ${PROMPT}`);
    socket.ws.terminate();

    const [meta] = ring.list();
    expect(meta).toMatchObject({ method: 'WEBSOCKET', path: '/v1/responses', status: 200, truncated: false });
    const trace = ring.get(meta!.id)!;
    expect(trace.requestBody).toContain(EMAIL);
    expect(trace.responseBody).toContain(EMAIL);
    expect(trace.responseBody.split('\n')).toHaveLength(events.length);
    expect(trace.maskedRequestBody).toMatch(/\[\[EMAIL_[0-9A-Z]{10}\]\]/);
    expect(trace.maskedRequestBody).not.toContain(EMAIL);
    // The offsets point at the value inside the string at that path of the client's event.
    const detection = trace.detections?.find((d) => d.type === 'email');
    expect(detection?.path).toBe('input[0].content[0].text');
    expect(PROMPT.slice(detection!.start, detection!.end)).toBe(EMAIL);
  });

  it('keeps refused turns too, with the error event and nothing forwarded', async () => {
    const socket = await openSocket(`http://127.0.0.1:${proxy.port}`);
    socket.send({
      type: 'response.create',
      model: 'gpt-test',
      input: 'key sk-proj-Ab12Cd34Ef56Gh78Ij90KlMnT3BlbkFJQr12St34Uv56Wx78Yz90',
    });
    const events = await socket.turn();
    expect(events.at(-1)?.type).toBe('error');
    socket.ws.terminate();
    const trace = ring.get(ring.list()[0]!.id)!;
    expect(trace.status).toBe(400);
    expect(trace.maskedRequestBody).toBeUndefined();
    expect(trace.responseBody).toContain('sensitive_content_blocked');
  });
});
