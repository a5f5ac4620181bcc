/**
 * The soak: a proxy under a steady open-loop rate through every surface — chat completions, Responses and
 * Anthropic messages (JSON and SSE each) and Responses websocket turns with reconnects — for a bounded time.
 * Every request carries canary values; the fake provider counts requests in which one arrives raw, and the
 * proxy's own output is scanned for them. Reports errors, leaks, descriptor counts and the RSS slope after
 * warm-up. Used by `pnpm bench:soak` (minutes) and by soak.test.ts in CI (seconds).
 */
import { randomBytes } from 'node:crypto';
import { createHttpClient, type HttpClient } from '../harness/http-client.ts';
import { type LoadRun, openLoop, type Sample } from '../harness/load-loops.ts';
import { type ResourceSample, sampleResources } from '../harness/proc-stats.ts';
import {
  buildProxyBundle,
  type Service,
  startFakeProvider,
  startProxy,
  stopAll,
} from '../harness/services.ts';
import { openWsSession, type WsSession } from '../harness/ws-session.ts';
import { linearSlope } from '../report/stats.ts';
import { type Canary, createLeakScanner, makeCanaries } from '../traffic/canaries.ts';
import { piiConversation } from '../traffic/conversations.ts';
import { expectedReply, responsesInput, SURFACES, type Surface } from '../traffic/surfaces.ts';
import { type HttpTarget, prepareRequest, sendChecked } from '../workloads/http-comparison.ts';

export interface SoakOptions {
  durationMs: number;
  ratePerSecond: number;
  /** `bundle` builds and runs apps/proxy/dist/server.mjs; `source` runs the TypeScript with tsx (CI). */
  proxyFrom: 'bundle' | 'source';
  /**
   * Share of the run treated as warm-up (default 0.5): left out of the RSS slope, and the descriptor
   * baseline comes from it. The bounded caches fill during it — the detection cache (20,000 texts, about
   * 4 minutes at 30 requests/s) and websocket chain state (kept for the idle timeout after last use).
   */
  warmupFraction?: number;
  sampleIntervalMs?: number;
  onProgress?: (message: string) => void;
}

export type TrafficKind = `${Surface} ${'JSON' | 'SSE'}` | 'websocket';

export interface SoakResult {
  seconds: number;
  ratePerSecond: number;
  run: LoadRun;
  perKind: Map<TrafficKind, { ok: number; errors: number }>;
  upstreamRequests: number;
  /** Upstream requests in which a canary arrived raw. */
  leakedUpstream: number;
  /** Canaries found in the proxy's stdout/stderr. */
  leaksInProxyOutput: number;
  websocketReconnects: number;
  samples: ResourceSample[];
  warmupSeconds: number;
  /** Highest descriptor count during warm-up (under traffic). */
  fdBaseline: number;
  /** Highest descriptor count after warm-up. */
  fdMaxAfterWarmup: number;
  /** Descriptors once the traffic stopped and the clients disconnected. */
  fdAtEnd: number;
  rssAfterWarmup: number;
  rssPeak: number;
  rssAtEnd: number;
  /** Least-squares RSS slope after warm-up, MiB per minute. */
  rssSlopeMiBPerMinute: number;
}

const KINDS: TrafficKind[] = [
  ...SURFACES.flatMap((s): TrafficKind[] => [`${s} JSON`, `${s} SSE`]),
  'websocket',
];
const WEBSOCKET_SESSIONS = 4;
const RECONNECT_EVERY = 5;
/** A chain is started afresh after this many turns, so replayed history (and memory) stays bounded. */
const CHAIN_TURNS = 10;
const CANARY_COUNT = 50;
/**
 * Websocket state of closed sockets is released after the idle timeout; shorter than the default 300 s so
 * that it reaches its steady size within the warm-up of a 10-minute soak.
 */
const WEBSOCKET_IDLE_TIMEOUT_SECONDS = 60;

/** Websocket chains, each a sequence of turns on its own socket, reconnecting with its turn key. */
function websocketPool(proxy: Service) {
  const chains = Array.from({ length: WEBSOCKET_SESSIONS }, () => ({
    key: `soak-${randomBytes(8).toString('hex')}`,
    socket: undefined as WsSession | undefined,
    turns: 0,
    previous: undefined as string | undefined,
    queue: Promise.resolve() as Promise<unknown>,
  }));
  let reconnects = 0;
  const turnOn = async (chain: (typeof chains)[number], user: string): Promise<Sample> => {
    if (chain.socket && chain.turns % RECONNECT_EVERY === 0) {
      await chain.socket.close();
      chain.socket = undefined;
    }
    if (!chain.socket) {
      chain.socket = await openWsSession(proxy.port, { 'x-codex-turn-state': chain.key });
      reconnects++;
    }
    if (chain.turns % CHAIN_TURNS === 0) chain.previous = undefined;
    chain.turns++;
    const result = await chain.socket.turn({
      type: 'response.create',
      model: 'bench-model',
      store: false,
      input: responsesInput([], user),
      ...(chain.previous ? { previous_response_id: chain.previous } : {}),
    });
    if (result.error) {
      await chain.socket.close();
      chain.socket = undefined;
      return { ok: false, totalMs: result.ms, error: `websocket ${result.error}` };
    }
    if (result.text !== expectedReply(user))
      return { ok: false, totalMs: result.ms, error: 'websocket wrong_reply' };
    chain.previous = result.responseId;
    return { ok: true, totalMs: result.ms, ttfbMs: result.ttfbMs };
  };
  return {
    /** Queues a turn on chain `index % sessions` (turns of one chain run one after another). */
    turn(index: number, user: string): Promise<Sample> {
      const chain = chains[index % chains.length]!;
      const next = chain.queue.then(() => turnOn(chain, user));
      chain.queue = next.catch(() => {});
      return next;
    },
    reconnects: () => reconnects,
    async close() {
      await Promise.all(chains.map((c) => c.queue));
      await Promise.all(chains.map((c) => c.socket?.close()));
    },
  };
}

/** Scans streamed output for canaries, keeping a tail so a value split across chunks is still seen. */
function outputScanner(canaries: readonly Canary[]) {
  const scan = createLeakScanner(canaries);
  let tail = '';
  let found = 0;
  return {
    feed(text: string) {
      const window = tail + text;
      found += scan(window) - scan(tail);
      tail = window.slice(-128);
    },
    found: () => found,
  };
}

async function providerStats(client: HttpClient, provider: Service) {
  const answer = await client.get(provider.port, '/__bench/stats');
  return JSON.parse(answer.body) as { requests: number; leakedRequests: number };
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const progress = options.onProgress ?? (() => {});
  const seed = randomBytes(16).toString('hex');
  const canaries = makeCanaries(seed, CANARY_COUNT);
  const scanner = outputScanner(canaries);
  if (options.proxyFrom === 'bundle') {
    progress('building the proxy bundle');
    buildProxyBundle();
  }
  const services: Service[] = [];
  const client = createHttpClient({ maxSockets: 64 });
  const statsClient = createHttpClient({ maxSockets: 1 });
  try {
    const provider = await startFakeProvider({
      BENCH_CANARY_SEED: seed,
      BENCH_CANARY_COUNT: String(CANARY_COUNT),
    });
    services.push(provider);
    const proxy = await startProxy(provider, {
      from: options.proxyFrom,
      name: 'stronk proxy (soak)',
      env: { STRONK_GATEWAY_WS_IDLE_TIMEOUT_SECONDS: String(WEBSOCKET_IDLE_TIMEOUT_SECONDS) },
      onOutput: scanner.feed,
    });
    services.push(proxy);
    const target: HttpTarget = { key: 'proxy', label: 'stronk proxy', port: proxy.port };
    const websockets = websocketPool(proxy);
    const perKind = new Map(KINDS.map((k) => [k, { ok: 0, errors: 0 }]));
    const sampler = sampleResources(proxy.pid, options.sampleIntervalMs ?? 1000);
    const offset = Math.floor(Math.random() * 1000) * 1_000_000;
    progress(`${(options.durationMs / 1000).toFixed(0)} s at ${options.ratePerSecond} requests/s`);
    let lastReport = performance.now();
    const run = await openLoop({
      ratePerSecond: options.ratePerSecond,
      durationMs: options.durationMs,
      maxInFlight: 64,
      onTick: () => {
        if (performance.now() - lastReport < 60_000) return;
        lastReport = performance.now();
        const rss = sampler.samples.at(-1)!;
        progress(
          `${rss.seconds.toFixed(0)} s: RSS ${(rss.rss / 1024 / 1024).toFixed(0)} MiB, ${rss.fds} descriptors`,
        );
      },
      task: async (i) => {
        const kind = KINDS[i % KINDS.length]!;
        const picked = [canaries[(i * 2) % CANARY_COUNT]!, canaries[(i * 2 + 1) % CANARY_COUNT]!];
        const conversation = piiConversation(offset + i, {
          userChars: 768,
          historyTurns: 2,
          historyChars: 384,
          canaries: picked,
        });
        let sample: Sample;
        if (kind === 'websocket') sample = await websockets.turn(i, conversation.user);
        else {
          const [surface, format] = kind.split(' ') as [Surface, 'JSON' | 'SSE'];
          sample = await sendChecked(client, target, prepareRequest(surface, conversation, format === 'SSE'));
        }
        const tally = perKind.get(kind)!;
        if (sample.ok) tally.ok++;
        else tally.errors++;
        return sample;
      },
    });
    await websockets.close();
    client.destroy();
    // Let the proxy notice the closed connections before counting its descriptors.
    await new Promise((r) => setTimeout(r, 2000));
    const samples = sampler.stop();
    const stats = await providerStats(statsClient, provider);

    const end = samples.at(-1)!;
    const warmupSeconds = end.seconds * (options.warmupFraction ?? 0.5);
    const warmup = samples.filter((s) => s.seconds <= warmupSeconds);
    const steady = samples.filter((s) => s.seconds > warmupSeconds);
    const finite = (values: number[]) => values.filter(Number.isFinite);
    return {
      seconds: run.elapsedSeconds,
      ratePerSecond: options.ratePerSecond,
      run,
      perKind,
      upstreamRequests: stats.requests,
      leakedUpstream: stats.leakedRequests,
      leaksInProxyOutput: scanner.found(),
      websocketReconnects: websockets.reconnects(),
      samples,
      warmupSeconds,
      fdBaseline: Math.max(...finite(warmup.map((s) => s.fds))),
      fdMaxAfterWarmup: Math.max(...finite(steady.map((s) => s.fds))),
      fdAtEnd: end.fds,
      rssAfterWarmup: steady[0]?.rss ?? Number.NaN,
      rssPeak: Math.max(...finite(samples.map((s) => s.rss))),
      rssAtEnd: end.rss,
      rssSlopeMiBPerMinute: linearSlope(
        steady
          .filter((s) => Number.isFinite(s.rss))
          .map((s) => [s.seconds / 60, s.rss / 1024 / 1024] as const),
      ),
    };
  } finally {
    client.destroy();
    statsClient.destroy();
    await stopAll(services);
  }
}
