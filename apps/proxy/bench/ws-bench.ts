/**
 * `pnpm bench:ws` — the Responses websocket bridge under 1,000 concurrent sessions, each doing
 * sequential turns (the 2nd and later continue the chain with previous_response_id), against a fake
 * upstream. The same turns are then run over HTTP POST /v1/responses + SSE through the same proxy, so the
 * latency the websocket adds is a same-run comparison. The proxy and the upstream run in their own
 * processes; the proxy's RSS is sampled from /proc. `--quick` runs 200 sessions × 2 turns.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { makeChatMessage } from '@stronk/detectors/testing';
import WebSocket from 'ws';
import { PROXY_ENV, PROXY_NODE_FLAGS } from '../src/runtime-settings.ts';

const quick = process.argv.includes('--quick');
const sessions = quick ? 200 : 1000;
const turnsPerSession = quick ? 2 : 5;
const root = resolve(import.meta.dirname, '../../..');
const children: ChildProcess[] = [];
let stopping = false;

async function startProcess(
  script: string,
  env: Record<string, string>,
): Promise<{ port: number; pid: number }> {
  // The proxy runs as users run it: the esbuild bundle on plain node (from source, tsx and the raw
  // dictionary JSON add ~70 MB of RSS that a deployment never has).
  const bundle = script.endsWith('.mjs');
  const args = bundle ? [...PROXY_NODE_FLAGS, script] : ['--import', 'tsx', script];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...(bundle ? PROXY_ENV : {}), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`${script} exited early (code ${code}, signal ${signal})`);
  });
  // Keep reading after the port line: the proxy logs on shutdown and must not hit a closed pipe.
  const lines = createInterface({ input: child.stdout! });
  return new Promise((resolvePromise, reject) => {
    lines.on('line', (line) => {
      const port = (JSON.parse(line) as { port?: number }).port;
      if (port) resolvePromise({ port, pid: child.pid! });
    });
    lines.once('close', () => reject(new Error(`${script} exited before listening`)));
  });
}

function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

/** User + system CPU time of a process so far, in ms (robust to other load on the machine). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** Samples a process's RSS until stopped; returns the peak. */
function sampleRss(pid: number): () => number {
  let peak = rssBytes(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssBytes(pid));
  }, 50);
  return () => {
    clearInterval(timer);
    return Math.max(peak, rssBytes(pid));
  };
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

/** A ~1 KB user message with realistic PII, distinct per session and turn. */
const inputFor = (session: number, turn: number) => [
  {
    type: 'message',
    role: 'user',
    content: [{ type: 'input_text', text: makeChatMessage(session * 16 + turn, 1024) }],
  },
];

function openSocket(port: number): Promise<WebSocket> {
  return new Promise((resolvePromise, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/v1/responses`, {
      headers: { authorization: 'Bearer bench' },
      skipUTF8Validation: true,
    });
    ws.once('open', () => {
      ws.off('error', reject);
      // A socket the proxy drops mid-run fails its pending turn instead of crashing the bench.
      ws.on('error', () => ws.terminate());
      resolvePromise(ws);
    });
    ws.once('error', reject);
  });
}

/** One turn on a socket: resolves with the latency to response.completed and the response id. */
function wsTurn(ws: WebSocket, event: Record<string, unknown>): Promise<{ ms: number; id: string }> {
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const finish = () => {
      ws.off('message', onMessage);
      ws.off('close', onClose);
    };
    const onClose = (code: number) => {
      finish();
      reject(new Error(`socket closed (${code}) mid-turn`));
    };
    const onMessage = (data: WebSocket.RawData) => {
      // Only the last event matters here; peek at its prefix without decoding every delta.
      const prefix = (data as Buffer).subarray(0, 30).toString('latin1');
      if (!prefix.startsWith('{"type":"response.completed"') && !prefix.startsWith('{"type":"error"')) return;
      finish();
      const text = String(data);
      const parsed = JSON.parse(text) as { type: string; response?: { id: string } };
      if (parsed.type === 'error') reject(new Error(text.slice(0, 300)));
      else resolvePromise({ ms: performance.now() - started, id: parsed.response!.id });
    };
    ws.on('message', onMessage);
    ws.on('close', onClose);
    ws.send(JSON.stringify(event));
  });
}

/** Replaced before each HTTP phase, so no kept-alive socket outlives the proxy's keep-alive timeout. */
let agent = new Agent({ keepAlive: true, maxSockets: sessions });
function freshAgent(): void {
  agent.destroy();
  agent = new Agent({ keepAlive: true, maxSockets: sessions });
}

/** The same turn over HTTP + SSE: resolves with the latency to the end of the stream. */
function httpTurn(port: number, body: Record<string, unknown>): Promise<{ ms: number; id: string }> {
  const payload = JSON.stringify({ ...body, stream: true });
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/v1/responses',
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          authorization: 'Bearer bench',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => {
          const id = /"type":"response\.completed"[^\n]*?"id":"([^"]+)"/.exec(text)?.[1];
          if (res.statusCode !== 200 || !id) reject(new Error(`HTTP ${res.statusCode}`));
          else resolvePromise({ ms: performance.now() - started, id });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

type Turn = (
  session: number,
  index: number,
  previous: string | undefined,
) => Promise<{ ms: number; id: string }>;
type Run = { latencies: number[]; turnsPerSecond: number; proxyCpuMsPerTurn?: number };

/** `count` concurrent sessions, each doing `turns` sequential turns that continue its chain. */
async function runSessions(turn: Turn, count: number, turns: number, pid: number): Promise<Run> {
  const latencies: number[] = [];
  const started = performance.now();
  const cpuBefore = cpuMs(pid);
  await Promise.all(
    Array.from({ length: count }, async (_, session) => {
      let previous: string | undefined;
      for (let index = 0; index < turns; index++) {
        const result = await turn(session, index, previous);
        latencies.push(result.ms);
        previous = result.id;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    latencies,
    turnsPerSecond: latencies.length / seconds,
    proxyCpuMsPerTurn: (cpuMs(pid) - cpuBefore) / latencies.length,
  };
}

function wsTurns(sockets: WebSocket[], offset: number): Turn {
  return (session, index, previous) =>
    wsTurn(sockets[session]!, {
      type: 'response.create',
      model: 'gpt-bench',
      input: inputFor(offset + session, index),
      ...(previous ? { previous_response_id: previous } : {}),
    });
}

function httpTurns(port: number, offset: number): Turn {
  return (session, index, previous) =>
    httpTurn(port, {
      model: 'gpt-bench',
      input: inputFor(offset + session, index),
      ...(previous ? { previous_response_id: previous } : {}),
    });
}

const row = (name: string, r: Run, peak?: number) =>
  `| ${name} | ${r.latencies.length} | ${r.turnsPerSecond.toFixed(0)} | ${percentile(r.latencies, 50).toFixed(1)} | ${percentile(r.latencies, 99).toFixed(1)} | ${(r.proxyCpuMsPerTurn ?? 0).toFixed(1)} | ${peak === undefined ? '–' : mb(peak)} |`;
const added = (ws: Run, http: Run, p: number) =>
  (percentile(ws.latencies, p) - percentile(http.latencies, p)).toFixed(1);

try {
  const upstream = await startProcess('apps/proxy/bench/ws-bench-upstream.ts', {});
  execFileSync(process.execPath, ['scripts/build.mjs', 'proxy'], { cwd: root, stdio: 'ignore' });
  const proxy = await startProcess('apps/proxy/dist/server.mjs', {
    STRONK_GATEWAY_PORT: '0',
    STRONK_GATEWAY_OPENAI_UPSTREAM_BASE_URL: `http://127.0.0.1:${upstream.port}/v1`,
    STRONK_GATEWAY_ALLOW_INSECURE_UPSTREAMS: 'true',
    STRONK_GATEWAY_ALLOW_NONSTANDARD_UPSTREAM_HOSTS: 'true',
    STRONK_GATEWAY_WS_MAX_SESSIONS: String(sessions * 2),
  });
  const baselineRss = rssBytes(proxy.pid);

  // Warm both paths (JIT, detector caches) before measuring.
  const warm = await openSocket(proxy.port);
  for (let i = 0; i < (quick ? 40 : 150); i++) {
    await wsTurn(warm, { type: 'response.create', model: 'gpt-bench', input: inputFor(10_000 + i, 0) });
    await httpTurn(proxy.port, { model: 'gpt-bench', input: inputFor(20_000 + i, 0) });
  }
  warm.close();

  // Light load: the CPU is not saturated, so the latency difference is the bridge's own cost.
  const lightSessions = 10;
  const lightTurns = quick ? 5 : 20;
  const lightSockets = await Promise.all(Array.from({ length: lightSessions }, () => openSocket(proxy.port)));
  const lightWs = await runSessions(wsTurns(lightSockets, 30_000), lightSessions, lightTurns, proxy.pid);
  for (const socket of lightSockets) socket.close();
  freshAgent();
  const lightHttp = await runSessions(httpTurns(proxy.port, 30_000), lightSessions, lightTurns, proxy.pid);

  // Heavy load: all sessions open at once, then every one runs its turns concurrently.
  const stopOpenSample = sampleRss(proxy.pid);
  // Opened in batches: a thousand simultaneous handshakes overflow the listen backlog on small machines.
  const sockets: WebSocket[] = [];
  while (sockets.length < sessions) {
    const batch = Math.min(100, sessions - sockets.length);
    sockets.push(...(await Promise.all(Array.from({ length: batch }, () => openSocket(proxy.port)))));
  }
  await new Promise((r) => setTimeout(r, 500));
  const openRss = stopOpenSample();

  const stopWsSample = sampleRss(proxy.pid);
  const ws = await runSessions(wsTurns(sockets, 0), sessions, turnsPerSession, proxy.pid);
  const wsPeakRss = stopWsSample();
  const afterTurnsRss = rssBytes(proxy.pid);
  for (const socket of sockets) socket.close();

  freshAgent();
  const stopHttpSample = sampleRss(proxy.pid);
  const http = await runSessions(httpTurns(proxy.port, 0), sessions, turnsPerSession, proxy.pid);
  const httpPeakRss = stopHttpSample();

  const header = [
    '| transport | turns | turns/s | p50 ms | p99 ms | proxy CPU ms/turn | proxy peak RSS MB |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  console.log(
    `\nnode ${process.version}; ${cpus().length} cores shared by proxy, fake upstream and load generator.`,
  );
  console.log(
    'Every turn: ~1 KB user text with PII; turns after the first continue the chain (previous_response_id).',
  );
  console.log(`\nLight load: ${lightSessions} sessions × ${lightTurns} sequential turns\n`);
  console.log([...header, row('websocket bridge', lightWs), row('HTTP POST + SSE', lightHttp)].join('\n'));
  console.log(
    `\nLatency added by the websocket vs HTTP SSE: p50 ${added(lightWs, lightHttp, 50)} ms, p99 ${added(lightWs, lightHttp, 99)} ms`,
  );
  console.log(
    `\n${sessions} concurrent sessions × ${turnsPerSession} sequential turns (CPU-saturated: latency is mostly queueing)\n`,
  );
  console.log(
    [...header, row('websocket bridge', ws, wsPeakRss), row('HTTP POST + SSE', http, httpPeakRss)].join('\n'),
  );
  console.log(
    `\nAt saturation, websocket minus HTTP SSE: p50 ${added(ws, http, 50)} ms, p99 ${added(ws, http, 99)} ms`,
  );
  console.log(
    `Proxy RSS: ${mb(baselineRss)} MB at start, ${mb(openRss)} MB with ${sessions} open sessions (target ≤ 300 MB), ` +
      `${mb(wsPeakRss)} MB peak during the concurrent websocket turns, ${mb(afterTurnsRss)} MB after them.`,
  );
} finally {
  stopping = true;
  for (const child of children) child.kill();
  agent.destroy();
}
