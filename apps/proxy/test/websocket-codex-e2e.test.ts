import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadProxyConfig } from '../src/config.ts';
import { type RunningProxyServer, startProxyServer } from '../src/start.ts';
import {
  echoHandler,
  type FakeHandler,
  type FakeUpstream,
  lastUserText,
  startFakeUpstream,
} from './fake-upstream.ts';
import { upstreamView } from './proxy-harness.ts';

/**
 * The real Codex CLI (npm @openai/codex, native binary inside) against the proxy and a recording fake
 * upstream. The package is ~400 MB, so it lives outside the pnpm workspace: `npm ci --prefix e2e/codex`.
 */
const CODEX_DIR = resolve(fileURLToPath(import.meta.url), '../../../../e2e/codex');
const CODEX_BIN = join(CODEX_DIR, 'node_modules/@openai/codex/bin/codex.js');
const installed = existsSync(CODEX_BIN);
if (!installed) {
  console.warn(
    `[codex e2e] skipped: Codex CLI not installed (run: npm ci --prefix e2e/codex). Looked for ${CODEX_BIN}`,
  );
}

const CANARIES = ['ann.lee@example.com', '4111 1111 1111 1111', 'Project Nightjar', '+1 (202) 555-0143'];
const PROMPT = `Reply to ${CANARIES[0]} or ${CANARIES[3]} about ${CANARIES[2]}; the card is ${CANARIES[1]}.`;
const API_KEY = 'sk-codex-e2e-key';
let upstream: FakeUpstream;
let proxy: RunningProxyServer & { url: string };
let home: string;
/** What reached the proxy from Codex: websocket upgrades and plain HTTP requests. */
const seen = { upgrades: 0, httpPosts: 0 };

beforeAll(async () => {
  if (!installed) return;
  upstream = await startFakeUpstream();
  const config = loadProxyConfig({
    STRONK_GATEWAY_OPENAI_UPSTREAM_BASE_URL: `${upstream.url}/v1`,
    STRONK_GATEWAY_ALLOW_INSECURE_UPSTREAMS: 'true',
    STRONK_GATEWAY_ALLOW_NONSTANDARD_UPSTREAM_HOSTS: 'true',
    STRONK_GATEWAY_DENY_TERMS: 'Project Nightjar',
  });
  const running = await startProxyServer({ config: { ...config, host: '127.0.0.1', port: 0 } });
  running.server.on('upgrade', () => seen.upgrades++);
  running.server.on('request', (request: { method?: string }) => {
    if (request.method === 'POST') seen.httpPosts++;
  });
  proxy = { ...running, url: `http://127.0.0.1:${running.port}` };
  home = await mkdtemp(join(tmpdir(), 'stronk-codex-'));
});
afterAll(async () => {
  if (!installed) return;
  await proxy.close();
  await upstream.close();
  await rm(home, { recursive: true, force: true });
});
beforeEach(() => {
  if (!installed) return;
  upstream.requests.length = 0;
  upstream.use(echoHandler);
  seen.upgrades = 0;
  seen.httpPosts = 0;
});

async function runCodex(
  websockets: boolean,
  sandbox = 'read-only',
): Promise<{ stdout: string; stderr: string }> {
  const codexHome = await mkdtemp(join(home, websockets ? 'ws-' : 'http-'));
  await writeFile(
    join(codexHome, 'config.toml'),
    [
      'model = "gpt-test"',
      'model_provider = "stronk"',
      'check_for_update_on_startup = false',
      '[analytics]',
      'enabled = false',
      '[otel]',
      'exporter = "none"',
      '[model_providers.stronk]',
      'name = "stronk-gateway"',
      `base_url = "${proxy.url}/v1"`,
      'env_key = "STRONK_E2E_OPENAI_KEY"',
      'wire_api = "responses"',
      `supports_websockets = ${websockets}`,
      'request_max_retries = 0',
      'stream_max_retries = 0',
      '',
    ].join('\n'),
  );
  return new Promise((resolvePromise, reject) => {
    // stdin is closed: codex exec would otherwise wait for piped input to append to the prompt.
    const child = spawn(
      process.execPath,
      [CODEX_BIN, 'exec', '--skip-git-repo-check', '--sandbox', sandbox, PROMPT],
      {
        cwd: codexHome,
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 90_000,
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          HOME: codexHome,
          CODEX_HOME: codexHome,
          STRONK_E2E_OPENAI_KEY: API_KEY,
          // Anything Codex might try beyond 127.0.0.1 goes to a dead local proxy.
          HTTPS_PROXY: 'http://127.0.0.1:9',
          HTTP_PROXY: 'http://127.0.0.1:9',
          NO_PROXY: '127.0.0.1,localhost',
          RUST_LOG: 'error',
        },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolvePromise({ stdout, stderr });
      else reject(new Error(`codex exited with ${code}: ${stderr.slice(-2000)}`));
    });
  });
}

/** Placeholder types in what the agent itself wrote: `instructions`, non-user input items and `tools`. */
function agentTextPlaceholders(body: string): string[] {
  const parsed = JSON.parse(body) as {
    instructions?: unknown;
    input?: Array<{ role?: string }>;
    tools?: unknown;
  };
  const agentText = JSON.stringify([
    parsed.instructions,
    (parsed.input ?? []).filter((item) => item.role !== 'user'),
    parsed.tools,
  ]);
  return [...agentText.matchAll(/\[\[([A-Z_]+)_[0-9A-Z]{10}\]\]/g)].map((m) => m[1]!);
}

function expectNoCanaryUpstream(): void {
  expect(upstream.requests.length).toBeGreaterThan(0);
  const seen = upstreamView(upstream);
  for (const canary of CANARIES) expect(seen).not.toContain(canary);
}

const CALL_ID = 'call_e2e_1';
type Item = { type?: string; call_id?: string; output?: unknown };

function sseFrames(response: Parameters<FakeHandler>[1], events: Array<Record<string, unknown>>): void {
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  events.forEach((event, index) => {
    response.write(
      `event: ${String(event.type)}\ndata: ${JSON.stringify({ ...event, sequence_number: index })}\n\n`,
    );
  });
  response.end();
}

/**
 * A model that first asks Codex to run a shell command, then answers once the command's output comes
 * back. Like OpenAI with store:false, it refuses a tool output whose tool call is not in the same input:
 * over the websocket that proves the proxy replays the chain from memory.
 */
const toolCallingModel: FakeHandler = (request, response) => {
  const body = JSON.parse(request.body) as { input?: Item[]; model?: string; previous_response_id?: string };
  const items = body.input ?? [];
  const output = items.find((item) => item.type === 'function_call_output' && item.call_id === CALL_ID);
  if (!output) {
    const call = {
      id: 'fc_1',
      type: 'function_call',
      status: 'completed',
      call_id: CALL_ID,
      name: 'exec_command',
      arguments: JSON.stringify({ cmd: 'echo tool-ran' }),
    };
    const done = {
      id: 'resp_tool_1',
      object: 'response',
      status: 'completed',
      model: body.model,
      output: [call],
      usage: null,
    };
    sseFrames(response, [
      { type: 'response.created', response: { ...done, status: 'in_progress', output: [] } },
      {
        type: 'response.output_item.added',
        output_index: 0,
        item: { ...call, status: 'in_progress', arguments: '' },
      },
      {
        type: 'response.function_call_arguments.delta',
        item_id: call.id,
        output_index: 0,
        delta: call.arguments,
      },
      {
        type: 'response.function_call_arguments.done',
        item_id: call.id,
        output_index: 0,
        arguments: call.arguments,
      },
      { type: 'response.output_item.done', output_index: 0, item: call },
      { type: 'response.completed', response: done },
    ]);
    return;
  }
  if (
    !items.some((item) => item.type === 'function_call' && item.call_id === CALL_ID) &&
    !body.previous_response_id
  ) {
    response.writeHead(400, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        error: {
          message: `No tool call found for function call output with call_id ${CALL_ID}.`,
          type: 'invalid_request_error',
          code: null,
          param: 'input',
        },
      }),
    );
    return;
  }
  const reply = `You said: ${lastUserText(body as Record<string, unknown>)}`;
  const message = {
    id: 'msg_2',
    type: 'message',
    role: 'assistant',
    status: 'completed',
    content: [{ type: 'output_text', text: reply, annotations: [] }],
  };
  const done = {
    id: 'resp_tool_2',
    object: 'response',
    status: 'completed',
    model: body.model,
    output: [message],
    usage: null,
  };
  sseFrames(response, [
    { type: 'response.created', response: { ...done, status: 'in_progress', output: [] } },
    {
      type: 'response.output_item.added',
      output_index: 0,
      item: { ...message, status: 'in_progress', content: [] },
    },
    ...[...reply.matchAll(/.{1,7}/gs)].map(([delta]) => ({
      type: 'response.output_text.delta',
      item_id: 'msg_2',
      output_index: 0,
      content_index: 0,
      delta,
    })),
    { type: 'response.output_text.done', item_id: 'msg_2', output_index: 0, content_index: 0, text: reply },
    { type: 'response.output_item.done', output_index: 0, item: message },
    { type: 'response.completed', response: done },
  ]);
};

describe.skipIf(!installed)('real Codex CLI through the proxy', () => {
  it('over HTTP POST + SSE: prints the rehydrated answer, upstream sees only placeholders', async () => {
    const { stdout } = await runCodex(false);
    expect(stdout).toContain(`You said: ${PROMPT}`);
    expectNoCanaryUpstream();
    expect(upstream.requests.every((r) => r.method === 'POST' && r.url === '/v1/responses')).toBe(true);
    expect(upstream.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(seen).toMatchObject({ upgrades: 0 });
    expect(seen.httpPosts).toBeGreaterThan(0);
    // The header and its copy in client_metadata are both kept back.
    expect(upstreamView(upstream)).not.toMatch(/x-codex-turn-metadata|turn_started_at/);
    // Codex's own instructions and tool schemas hold no PII: they reach the model as written, or nearly.
    // Before the developer-text rules ~40 words of them ("I’ve", "CLI", "Shell", "Codex") were masked.
    const placeholders = agentTextPlaceholders(upstream.requests[0]!.body);
    expect(placeholders.length, placeholders.join(' ')).toBeLessThanOrEqual(4);
  }, 120_000);

  it('over the websocket: prewarm answered locally, the turn bridged, answer rehydrated', async () => {
    const { stdout } = await runCodex(true);
    expect(stdout).toContain(`You said: ${PROMPT}`);
    expectNoCanaryUpstream();
    // Codex sends a generate:false prewarm, then the turn continuing it: one upstream request in all.
    expect(upstream.requests).toHaveLength(1);
    const body = JSON.parse(upstream.requests[0]!.body) as Record<string, unknown>;
    expect(body.stream).toBe(true);
    for (const field of ['previous_response_id', 'client_metadata', 'generate', 'type'])
      expect(body).not.toHaveProperty(field);
    expect(upstreamView(upstream)).not.toMatch(/resp_local_|x-codex-turn-metadata|turn_id/);
    expect(seen.upgrades).toBeGreaterThan(0);
    expect(seen.httpPosts).toBe(0);
  }, 120_000);
  for (const websockets of [false, true]) {
    it(`runs a tool call round trip ${websockets ? 'over the websocket (store:false history replayed from memory)' : 'over HTTP + SSE'}`, async () => {
      upstream.use(toolCallingModel);
      const { stdout } = await runCodex(websockets, 'danger-full-access');
      expect(stdout).toContain(`You said: ${PROMPT}`);
      expect(upstream.requests).toHaveLength(2);
      expectNoCanaryUpstream();
      const second = JSON.parse(upstream.requests[1]!.body) as { input: Item[] };
      const result = second.input.find((item) => item.type === 'function_call_output');
      expect(JSON.stringify(result?.output)).toContain('tool-ran');
      expect(seen.upgrades > 0).toBe(websockets);
      // Codex continues with store:false; upstream gets the whole context, never a dangling id.
      expect(second).not.toHaveProperty('previous_response_id');
      expect(second.input.some((item) => item.type === 'function_call' && item.call_id === CALL_ID)).toBe(
        true,
      );
    }, 120_000);
  }
});
