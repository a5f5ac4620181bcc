/**
 * `pnpm bench:proxy` — proxy overhead, side by side in one run against the same fake upstream:
 * direct, through a bare @hono/node-server passthrough, and through the proxy. Each server runs in its
 * own process; the load generator runs here. Bodies are distinct 4 KB chat messages with realistic PII.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { makeChatMessage } from '@stronk/detectors/testing';
import { PROXY_ENV, PROXY_NODE_FLAGS } from '../src/runtime-settings.ts';

const quick = process.argv.includes('--quick');
const seconds = quick ? 2 : 8;
const root = resolve(import.meta.dirname, '../../..');
/** The proxy's STRONK_GATEWAY_DETECTION_WORKERS (default: its own default, `auto`). */
const proxyWorkers = process.env.STRONK_BENCH_PROXY_WORKERS ?? 'auto';
const children: ChildProcess[] = [];
// Even when the run dies on an error, never leave the servers behind.
process.on('exit', () => {
  for (const child of children) child.kill('SIGTERM');
});

async function startProcess(script: string, env: Record<string, string>): Promise<number> {
  // The proxy runs as users run it: the esbuild bundle on plain node, no TypeScript loader.
  // STRONK_BENCH_PROXY_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) profiles the proxy itself.
  const bundle = script.endsWith('.mjs');
  const extra = bundle
    ? [...PROXY_NODE_FLAGS, ...(process.env.STRONK_BENCH_PROXY_NODE_ARGS?.split(' ').filter(Boolean) ?? [])]
    : [];
  const args = bundle ? [...extra, script] : ['--import', 'tsx', script];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...(bundle ? PROXY_ENV : {}), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    const parsed = JSON.parse(line) as { port?: number };
    if (parsed.port) return parsed.port;
  }
  throw new Error(`${script} exited before listening`);
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });
const messages = Array.from({ length: 2000 }, (_, i) => makeChatMessage(i, 4096));
/** The same 2,000 bodies again and again: resent chat history, which the proxy's detection cache answers. */
const resentBodies = messages.map((content) =>
  JSON.stringify({ model: 'gpt-bench', messages: [{ role: 'user', content }] }),
);
let freshCount = 0;
/**
 * A body the proxy has never seen: a running ticket number in front of one of the messages, so every text
 * misses the detection cache and is detected in full, as a new message is.
 */
function freshBody(stream = false): string {
  const n = freshCount++;
  const content = `Ticket T-${n}. ${messages[n % messages.length]!}`.slice(0, 4096);
  return JSON.stringify({
    ...(stream ? { stream: true } : {}),
    model: 'gpt-bench',
    messages: [{ role: 'user', content }],
  });
}

/** One request; resolves with [ms to first byte, ms to end]. */
function send(port: number, body: string): Promise<[number, number]> {
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/v1/chat/completions',
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          authorization: 'Bearer bench',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let first = 0;
        res.on('data', () => {
          first ||= performance.now() - started;
        });
        res.on('end', () => {
          if (res.statusCode !== 200) reject(new Error(`HTTP ${res.statusCode}`));
          else resolvePromise([first, performance.now() - started]);
        });
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      // A kept-alive socket the server closed just as we reused it: Node's documented race; resend once.
      if (req.reusedSocket && error.code === 'ECONNRESET') send(port, body).then(resolvePromise, reject);
      else reject(error);
    });
    req.end(body);
  });
}

/** Requests completed in `sliceSeconds` by `concurrency` clients that each send as soon as answered. */
async function closedLoop(
  port: number,
  concurrency: number,
  body: (i: number) => string,
  sliceSeconds: number,
): Promise<number> {
  const deadline = performance.now() + sliceSeconds * 1000;
  let done = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        await send(port, body(next++));
        done++;
      }
    }),
  );
  return done;
}

/** Fixed arrival rate: latency is measured from the scheduled send time, so queueing counts. */
async function openLoop(
  port: number,
  rate: number,
  body: () => string,
  pick: 0 | 1,
  sliceSeconds: number,
): Promise<number[]> {
  const total = rate * sliceSeconds;
  const start = performance.now();
  const pending: Array<Promise<number>> = [];
  for (let i = 0; i < total; i++) {
    const scheduled = start + (i * 1000) / rate;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    // Early by up to 1 ms (short waits are skipped): count from the actual send, never negative.
    const lag = Math.max(0, performance.now() - scheduled);
    pending.push(send(port, body()).then((t) => t[pick] + lag));
  }
  return Promise.all(pending);
}

/**
 * Runs `measure` for every target in turn, SLICES times, each slice a share of the phase: this machine's
 * speed drifts (up to 1.7× within an hour was seen), and measuring direct, bare and proxy one after the
 * other for a whole phase each would let that drift into the ratios.
 */
async function interleaved<T>(
  targets: Record<string, number>,
  measure: (port: number, sliceSeconds: number) => Promise<T>,
  combine: (slices: T[]) => T,
): Promise<Record<string, T>> {
  const slices: Record<string, T[]> = Object.fromEntries(Object.keys(targets).map((name) => [name, []]));
  for (let round = 0; round < SLICES; round++) {
    for (const [name, port] of Object.entries(targets)) {
      slices[name]!.push(await measure(port, seconds / SLICES));
    }
  }
  return Object.fromEntries(Object.entries(slices).map(([name, parts]) => [name, combine(parts)]));
}

const SLICES = 4;
const sum = (parts: number[]) => parts.reduce((a, b) => a + b, 0);
const merged = (parts: number[][]) => parts.flat().sort((a, b) => a - b);

const progress = (phase: string) => process.stderr.write(`bench:proxy: ${phase}…\n`);
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const fmt = (n: number) => n.toFixed(2);

try {
  const upstreamPort = await startProcess('apps/proxy/bench/bench-upstream.ts', {});
  const upstreamUrl = `http://127.0.0.1:${upstreamPort}`;
  const barePort = await startProcess('apps/proxy/bench/bare-passthrough.ts', {
    BENCH_UPSTREAM_URL: upstreamUrl,
  });
  execFileSync(process.execPath, ['scripts/build.mjs', 'proxy'], { cwd: root, stdio: 'ignore' });
  const proxyPort = await startProcess('apps/proxy/dist/server.mjs', {
    STRONK_GATEWAY_DETECTION_WORKERS: proxyWorkers,
    STRONK_GATEWAY_PORT: '0',
    STRONK_GATEWAY_OPENAI_UPSTREAM_BASE_URL: `${upstreamUrl}/v1`,
    STRONK_GATEWAY_ALLOW_INSECURE_UPSTREAMS: 'true',
    STRONK_GATEWAY_ALLOW_NONSTANDARD_UPSTREAM_HOSTS: 'true',
  });
  const targets = { direct: upstreamPort, bare: barePort, proxy: proxyPort } as const;
  progress('warming up');
  // Warm up every path (JIT, connection pools, detector dictionaries).
  for (const port of Object.values(targets)) for (let i = 0; i < 200; i++) await send(port, freshBody());

  progress('closed loop c=16, new bodies');
  const throughput = await interleaved(
    targets,
    (port, slice) => closedLoop(port, 16, () => freshBody(), slice),
    (done) => sum(done) / seconds,
  );
  progress('closed loop c=16, resent bodies');
  for (const port of Object.values(targets)) for (const body of resentBodies) await send(port, body);
  const resent = await interleaved(
    targets,
    (port, slice) => closedLoop(port, 16, (i) => resentBodies[i % resentBodies.length]!, slice),
    (done) => sum(done) / seconds,
  );
  progress('open loop 500 req/s');
  const latency = await interleaved(
    targets,
    (port, slice) => openLoop(port, 500, () => freshBody(), 1, slice),
    merged,
  );
  progress('SSE time to first byte');
  const ttfb = await interleaved(
    targets,
    (port, slice) => openLoop(port, 100, () => freshBody(true), 0, slice),
    merged,
  );

  const added = (name: string, p: number) => pct(latency[name]!, p) - pct(latency.direct!, p);
  const addedTtfb = (name: string, p: number) => pct(ttfb[name]!, p) - pct(ttfb.direct!, p);
  console.log(`## Proxy benchmark (${new Date().toISOString().slice(0, 10)})

Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; ${seconds} s per phase and target${quick ? ' (quick run)' : ''}, measured as ${SLICES} interleaved slices (direct, bare, proxy, direct, …) so that drift in the machine's speed does not enter the ratios.
Bodies: 4 KB chat messages with names, emails, phones, organizations and addresses. Every request is new to
the proxy (a running ticket number leads each message, so nothing is answered from the detection cache),
except in the "resent" row, which cycles ${resentBodies.length} bodies the proxy has seen, as resent chat history is.
Proxy detection workers: ${proxyWorkers}.

| measure | direct | bare passthrough | proxy | target |
|---|---|---|---|---|
| closed loop c=16, new bodies, req/s | ${throughput.direct!.toFixed(0)} | ${throughput.bare!.toFixed(0)} | ${throughput.proxy!.toFixed(0)} (${((throughput.proxy! / throughput.bare!) * 100).toFixed(0)} % of bare) | ≥ 50 % of bare |
| closed loop c=16, resent bodies, req/s | ${resent.direct!.toFixed(0)} | ${resent.bare!.toFixed(0)} | ${resent.proxy!.toFixed(0)} (${((resent.proxy! / resent.bare!) * 100).toFixed(0)} % of bare) | |
| open loop 500 req/s, p50 latency ms | ${fmt(pct(latency.direct!, 50))} | ${fmt(pct(latency.bare!, 50))} (+${fmt(added('bare', 50))}) | ${fmt(pct(latency.proxy!, 50))} (+${fmt(added('proxy', 50))}) | added p50 ≤ 1 ms |
| open loop 500 req/s, p99 latency ms | ${fmt(pct(latency.direct!, 99))} | ${fmt(pct(latency.bare!, 99))} (+${fmt(added('bare', 99))}) | ${fmt(pct(latency.proxy!, 99))} (+${fmt(added('proxy', 99))}) | added p99 ≤ 5 ms |
| SSE time to first byte at 100 streams/s, p50 ms | ${fmt(pct(ttfb.direct!, 50))} | ${fmt(pct(ttfb.bare!, 50))} (+${fmt(addedTtfb('bare', 50))}) | ${fmt(pct(ttfb.proxy!, 50))} (+${fmt(addedTtfb('proxy', 50))}) | added ≤ 2 ms |
`);
} finally {
  for (const child of children) child.kill('SIGTERM');
  agent.destroy();
}
