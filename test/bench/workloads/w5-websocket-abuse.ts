/**
 * W5 websocket abuse: scripted abusive sessions against a proxy with small limits, while a few legitimate
 * sessions keep doing turns. Every abusive session must get the answer docs/websocket.md documents, the
 * legitimate sessions must keep being served correctly, the number of open sockets must stay at or under
 * the cap, and memory, descriptors and the proxy's own socket gauge must come back once the abuse stops.
 */
import { randomBytes } from 'node:crypto';
import { makeChatMessage } from '../../../packages/detectors/src/testing/index.ts';
import { createHttpClient } from '../harness/http-client.ts';
import { sampleResources } from '../harness/proc-stats.ts';
import { type Service, startProxy } from '../harness/services.ts';
import { HandshakeRefused, openWsSession, type WsSession } from '../harness/ws-session.ts';
import { latencyCdfChart, rssChart } from '../report/charts.ts';
import {
  formatCount,
  formatMiB,
  formatMs,
  formatNumber,
  formatRatio,
  markdownTable,
} from '../report/format.ts';
import { ratio, summarize } from '../report/stats.ts';
import { expectedReply, responsesInput } from '../traffic/surfaces.ts';
import {
  type BenchSettings,
  benchKnob,
  chartImage,
  phaseMs,
  progress,
  startFacts,
  type WorkloadResult,
} from './workload.ts';

const TITLE = 'W5 websocket abuse';
const MAX_FRAME_BYTES = 64 * 1024;
const IDLE_TIMEOUT_SECONDS = 2;
const LEGIT_SESSIONS = 4;
const SLOW_MODEL = 'bench-slow-300';

/** Client-side count of sockets the proxy accepted and that are still open (all actors together). */
class OpenSockets {
  now = 0;
  max = 0;
  async open(port: number, headers: Record<string, string> = {}): Promise<WsSession> {
    const session = await openWsSession(port, headers);
    this.now++;
    this.max = Math.max(this.max, this.now);
    void session.closed.then(() => this.now--);
    return session;
  }
}

type Outcome = { kind: 'documented' } | { kind: 'cap' } | { kind: 'other'; what: string };

interface Scenario {
  name: string;
  documented: string;
  run(port: number, sockets: OpenSockets): Promise<Outcome>;
}

const documented: Outcome = { kind: 'documented' };
const other = (what: string): Outcome => ({ kind: 'other', what });
const turnInput = () => responsesInput([], makeChatMessage(Math.floor(Math.random() * 1e9), 256));

/** Reads events until `predicate` matches one, or the socket closes, or time runs out. */
async function waitForEvent(
  session: WsSession,
  predicate: (event: Record<string, unknown>) => boolean,
  timeoutMs = 5000,
): Promise<Record<string, unknown> | undefined> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const event = await session.nextEvent(deadline - performance.now());
    if (!event) return undefined;
    if (predicate(event)) return event;
  }
  return undefined;
}

/** The documented answer to a handshake beyond STRONK_GATEWAY_WS_MAX_SESSIONS. */
function isCapRefusal(error: unknown): boolean {
  return (
    error instanceof HandshakeRefused && error.status === 503 && error.code === 'websocket_session_limit'
  );
}

const errorCode = (event: Record<string, unknown> | undefined) =>
  String((event?.error as { code?: unknown } | undefined)?.code ?? '');

async function closedWithin(
  session: WsSession,
  ms: number,
): Promise<{ code: number; reason: string } | undefined> {
  return Promise.race([session.closed, new Promise<undefined>((r) => setTimeout(() => r(undefined), ms))]);
}

const SCENARIOS: Scenario[] = [
  {
    name: `oversized frame (${(MAX_FRAME_BYTES * 1.25) / 1024} KiB over a ${MAX_FRAME_BYTES / 1024} KiB cap)`,
    documented: 'close 1009',
    async run(port, sockets) {
      const session = await sockets.open(port);
      session.ws.send(JSON.stringify({ type: 'response.create', input: 'a'.repeat(MAX_FRAME_BYTES * 1.25) }));
      const closed = await closedWithin(session, 5000);
      await session.close();
      return closed?.code === 1009 ? documented : other(closed ? `close ${closed.code}` : 'stayed open');
    },
  },
  {
    name: 'binary frame',
    documented: 'error unsupported_frame, close 1003',
    async run(port, sockets) {
      const session = await sockets.open(port);
      session.ws.send(randomBytes(64), { binary: true });
      const event = await waitForEvent(session, (e) => e.type === 'error');
      const closed = await closedWithin(session, 5000);
      await session.close();
      if (errorCode(event) !== 'unsupported_frame') return other(`error ${errorCode(event) || 'missing'}`);
      return closed?.code === 1003 ? documented : other(closed ? `close ${closed.code}` : 'stayed open');
    },
  },
  {
    name: 'malformed JSON event',
    documented: 'error invalid_json, socket stays open',
    async run(port, sockets) {
      const session = await sockets.open(port);
      session.ws.send('{"type":"response.create","input":[');
      const event = await waitForEvent(session, (e) => e.type === 'error');
      const open = session.ws.readyState === session.ws.OPEN;
      await session.close();
      if (errorCode(event) !== 'invalid_json') return other(`error ${errorCode(event) || 'missing'}`);
      return open ? documented : other('socket closed');
    },
  },
  {
    name: 'unknown event type',
    documented: 'error unknown_event_type',
    async run(port, sockets) {
      const session = await sockets.open(port);
      session.ws.send(JSON.stringify({ type: 'session.update', session: { instructions: 'x' } }));
      const event = await waitForEvent(session, (e) => e.type === 'error');
      await session.close();
      return errorCode(event) === 'unknown_event_type'
        ? documented
        : other(`error ${errorCode(event) || 'missing'}`);
    },
  },
  {
    name: 'second response.create during a turn',
    documented: 'error turn_in_progress; the first turn completes',
    async run(port, sockets) {
      const session = await sockets.open(port);
      const create = { type: 'response.create', model: SLOW_MODEL, store: false, input: turnInput() };
      session.ws.send(JSON.stringify(create));
      session.ws.send(JSON.stringify(create));
      const refused = await waitForEvent(session, (e) => e.type === 'error');
      const completed = await waitForEvent(session, (e) => e.type === 'response.completed');
      await session.close();
      if (errorCode(refused) !== 'turn_in_progress') return other(`error ${errorCode(refused) || 'missing'}`);
      return completed ? documented : other('first turn did not complete');
    },
  },
  {
    name: 'turn key reused while its turn is in flight',
    documented: 'handshake 409 invalid_websocket_turn; the first turn completes',
    async run(port, sockets) {
      const key = `abuse-${randomBytes(8).toString('hex')}`;
      const first = await sockets.open(port, { 'x-codex-turn-state': key });
      first.ws.send(
        JSON.stringify({ type: 'response.create', model: SLOW_MODEL, store: false, input: turnInput() }),
      );
      await new Promise((r) => setTimeout(r, 50));
      let outcome: Outcome;
      try {
        const second = await sockets.open(port, { 'x-codex-turn-state': key });
        await second.close();
        outcome = other('second socket accepted');
      } catch (error) {
        outcome =
          error instanceof HandshakeRefused && error.status === 409 && error.code === 'invalid_websocket_turn'
            ? documented
            : isCapRefusal(error)
              ? { kind: 'cap' }
              : error instanceof HandshakeRefused
                ? other(`HTTP ${error.status} ${error.code}`)
                : other((error as Error).message.slice(0, 40));
      }
      const completed = await waitForEvent(first, (e) => e.type === 'response.completed');
      await first.close();
      return outcome.kind === 'documented' && !completed ? other('first turn did not complete') : outcome;
    },
  },
  {
    name: 'malformed turn key',
    documented: 'handshake 400 invalid_websocket_turn',
    async run(port, sockets) {
      try {
        const session = await sockets.open(port, { 'x-codex-turn-state': 'not a valid key!' });
        await session.close();
        return other('accepted');
      } catch (error) {
        if (
          error instanceof HandshakeRefused &&
          error.status === 400 &&
          error.code === 'invalid_websocket_turn'
        )
          return documented;
        throw error;
      }
    },
  },
  {
    name: 'too many sessions (opens sockets until refused)',
    documented: 'handshake 503 websocket_session_limit; open sockets never evicted',
    async run(port, sockets) {
      const held: WsSession[] = [];
      let closing = false;
      // Held sockets may reach the idle timeout while the flood is still opening more (documented); any
      // other close of a held socket would be an eviction.
      const evicted: string[] = [];
      const FLOOD_BATCH = 8;
      try {
        // Handshakes in parallel batches, as a flooding client would send them, until the cap refuses one.
        for (let batch = 0; batch < 1000; batch++) {
          const settled = await Promise.allSettled(
            Array.from({ length: FLOOD_BATCH }, () => sockets.open(port)),
          );
          for (const result of settled) {
            if (result.status === 'fulfilled') {
              const session = result.value;
              void session.closed.then(({ code, reason }) => {
                if (!(code === 1000 && reason === 'idle timeout') && !closing) evicted.push(`close ${code}`);
              });
              held.push(session);
            }
          }
          const refusals = settled.filter((r) => r.status === 'rejected').map((r) => r.reason as unknown);
          const unexpected = refusals.find((reason) => !isCapRefusal(reason));
          if (unexpected) throw unexpected;
          if (refusals.length > 0)
            return evicted.length === 0 ? documented : other(`held socket ${evicted[0]}`);
        }
        return other('never refused');
      } finally {
        closing = true;
        await Promise.all(held.map((s) => s.close()));
      }
    },
  },
  {
    name: `idle socket (idle timeout ${IDLE_TIMEOUT_SECONDS} s)`,
    documented: 'close 1000 "idle timeout"',
    async run(port, sockets) {
      const session = await sockets.open(port);
      const closed = await closedWithin(session, (IDLE_TIMEOUT_SECONDS + 3) * 1000);
      await session.close();
      return closed?.code === 1000 && closed.reason === 'idle timeout'
        ? documented
        : other(closed ? `close ${closed.code}` : 'stayed open');
    },
  },
];

interface Tally {
  attempts: number;
  documented: number;
  cap: number;
  other: Map<string, number>;
}

/** Runs one scenario; a handshake refused by the session cap (another actor's flood) is its own outcome. */
async function runScenario(scenario: Scenario, port: number, sockets: OpenSockets): Promise<Outcome> {
  try {
    return await scenario.run(port, sockets);
  } catch (error) {
    if (isCapRefusal(error)) return { kind: 'cap' };
    return other(error instanceof HandshakeRefused ? `HTTP ${error.status} ${error.code}` : 'client error');
  }
}

interface LegitTurn {
  /** Warm-up turns (JIT, first connections) are checked but left out of the latency comparison. */
  phase: 'warmup' | 'alone' | 'abuse';
  ms: number;
  ok: boolean;
  error?: string;
}

/** Legitimate chains doing turns back to back until `stop()`; each turn is tagged with the phase it began in. */
function legitSessions(port: number, sockets: OpenSockets, phase: () => LegitTurn['phase']) {
  const turns: LegitTurn[] = [];
  let stopping = false;
  const loops = Array.from({ length: LEGIT_SESSIONS }, async (_, session) => {
    const socket = await sockets.open(port);
    let previous: string | undefined;
    for (let turn = 0; !stopping; turn++) {
      const user = makeChatMessage(400_000_000 + session * 100_000 + turn, 1024);
      const started = phase();
      const result = await socket.turn({
        type: 'response.create',
        model: 'bench-model',
        store: false,
        input: responsesInput([], user),
        ...(previous ? { previous_response_id: previous } : {}),
      });
      const error = result.error ?? (result.text === expectedReply(user) ? undefined : 'wrong_reply');
      turns.push({ phase: started, ms: result.ms, ok: error === undefined, ...(error ? { error } : {}) });
      if (error) break;
      previous = result.responseId;
    }
    await socket.close();
  });
  return {
    turns,
    async stop() {
      stopping = true;
      await Promise.all(loops);
    },
  };
}

async function websocketGauge(port: number): Promise<number> {
  const client = createHttpClient({ maxSockets: 1 });
  try {
    const answer = await client.get(port, '/metrics');
    const match = /^stronk_proxy_websocket_connections(?:\{[^}]*\})? (\d+)/m.exec(answer.body);
    return match ? Number(match[1]) : Number.NaN;
  } finally {
    client.destroy();
  }
}

export async function runWebsocketAbuse(settings: BenchSettings, provider: Service): Promise<WorkloadResult> {
  const { line } = startFacts(settings);
  const cap = settings.quick ? 32 : 64;
  const ceilingMiB = Number(benchKnob('RSS_CEILING_MIB') ?? 512);
  const actors = settings.quick ? 3 : 4;
  const aloneMs = phaseMs(settings, 2, 10);
  const abuseMs = phaseMs(settings, 4, 30);
  const proxy = await startProxy(provider, {
    name: 'stronk proxy (W5 limits)',
    env: {
      STRONK_GATEWAY_WS_MAX_SESSIONS: String(cap),
      STRONK_GATEWAY_WS_IDLE_TIMEOUT_SECONDS: String(IDLE_TIMEOUT_SECONDS),
      STRONK_GATEWAY_WS_MAX_FRAME_BYTES: String(MAX_FRAME_BYTES),
    },
  });
  try {
    const resources = sampleResources(proxy.pid, 200);
    const sockets = new OpenSockets();
    let phase: LegitTurn['phase'] = 'warmup';
    const fdsBefore = resources.samples[0]!.fds;
    progress(`${TITLE}: ${LEGIT_SESSIONS} legitimate sessions alone`);
    const legit = legitSessions(proxy.port, sockets, () => phase);
    await new Promise((r) => setTimeout(r, phaseMs(settings, 1, 3)));
    phase = 'alone';
    const aloneStartSeconds = resources.samples.at(-1)!.seconds;
    await new Promise((r) => setTimeout(r, aloneMs));
    const rssBefore = resources.samples.at(-1)!.rss;
    const abuseStartSeconds = resources.samples.at(-1)!.seconds;
    phase = 'abuse';
    progress(`${TITLE}: ${actors} abusive actors for ${(abuseMs / 1000).toFixed(0)} s`);
    const tallies = new Map<string, Tally>(
      SCENARIOS.map((s) => [s.name, { attempts: 0, documented: 0, cap: 0, other: new Map() }]),
    );
    const record = (scenario: Scenario, outcome: Outcome) => {
      const tally = tallies.get(scenario.name)!;
      tally.attempts++;
      if (outcome.kind === 'documented') tally.documented++;
      else if (outcome.kind === 'cap') tally.cap++;
      else tally.other.set(outcome.what, (tally.other.get(outcome.what) ?? 0) + 1);
    };
    const deadline = performance.now() + abuseMs;
    // Every scenario once, all at the same time, the flood alone after them (so none of the first pass is
    // refused by the cap); then the actors loop over all of them until the deadline.
    const flood = SCENARIOS.find((s) => s.name.startsWith('too many sessions'))!;
    await Promise.all(
      SCENARIOS.filter((s) => s !== flood).map(async (s) =>
        record(s, await runScenario(s, proxy.port, sockets)),
      ),
    );
    record(flood, await runScenario(flood, proxy.port, sockets));
    await Promise.all(
      Array.from({ length: actors }, async (_, actor) => {
        const start = Math.floor((actor * SCENARIOS.length) / actors);
        for (let i = start; performance.now() < deadline; i++) {
          const scenario = SCENARIOS[i % SCENARIOS.length]!;
          record(scenario, await runScenario(scenario, proxy.port, sockets));
        }
      }),
    );
    const abuseEndSeconds = resources.samples.at(-1)!.seconds;
    const aloneSeconds = abuseStartSeconds - aloneStartSeconds;
    const abuseSeconds = abuseEndSeconds - abuseStartSeconds;
    await legit.stop();
    // Leftover state is released after the idle timeout; then the gauge and descriptors must be back.
    await new Promise((r) => setTimeout(r, (IDLE_TIMEOUT_SECONDS + 1.5) * 1000));
    const gaugeAfter = await websocketGauge(proxy.port);
    const samples = resources.stop();
    const after = samples.at(-1)!;
    const peakDuringAbuse = Math.max(
      ...samples
        .filter((s) => s.seconds >= abuseStartSeconds && s.seconds <= abuseEndSeconds)
        .map((s) => s.rss),
    );

    const alone = legit.turns.filter((t) => t.phase === 'alone');
    const underAbuse = legit.turns.filter((t) => t.phase === 'abuse');
    const okMs = (turns: LegitTurn[]) => turns.filter((t) => t.ok).map((t) => t.ms);
    const legitErrors = legit.turns.filter((t) => !t.ok);
    const aloneStats = summarize(okMs(alone));
    const abuseStats = summarize(okMs(underAbuse));
    const totals = [...tallies.values()];
    const unexpected = totals.reduce((n, t) => n + [...t.other.values()].reduce((a, b) => a + b, 0), 0);

    const failures: string[] = [];
    if (unexpected > 0) failures.push(`${TITLE}: ${unexpected} abusive sessions got an undocumented answer`);
    if (legitErrors.length > 0)
      failures.push(`${TITLE}: legitimate turns failed: ${legitErrors.map((t) => t.error).join(', ')}`);
    if (sockets.max > cap) failures.push(`${TITLE}: ${sockets.max} sockets open at once, cap ${cap}`);
    if (gaugeAfter !== 0)
      failures.push(`${TITLE}: proxy still counts ${gaugeAfter} websocket connections after the run`);
    if (after.fds > fdsBefore + 10) failures.push(`${TITLE}: descriptors ${fdsBefore} → ${after.fds}`);
    if (underAbuse.length === 0) failures.push(`${TITLE}: no legitimate turn completed during the abuse`);
    if (peakDuringAbuse > ceilingMiB * 1024 * 1024)
      failures.push(
        `${TITLE}: proxy RSS peaked at ${formatMiB(peakDuringAbuse)}, over the ${ceilingMiB} MiB ceiling`,
      );

    const abuseTable = markdownTable(
      [
        'abusive session',
        'attempts',
        'answered as documented',
        'refused by the session cap',
        'other answer',
        'documented answer',
      ],
      SCENARIOS.map((s) => {
        const t = tallies.get(s.name)!;
        const others = [...t.other].map(([what, n]) => `${n} × ${what}`).join(', ');
        return [
          s.name,
          formatCount(t.attempts),
          formatCount(t.documented),
          formatCount(t.cap),
          others || '0',
          s.documented,
        ];
      }),
    );
    const legitTable = markdownTable(
      ['legitimate sessions', 'turns ok', 'errors', 'turns/s', 'p50 ms', 'p95 ms', 'p99 ms', 'p95 ÷ alone'],
      [
        ['alone', alone, aloneStats, aloneSeconds] as const,
        ['during the abuse', underAbuse, abuseStats, abuseSeconds] as const,
      ].map(([label, turns, stats, seconds]) => [
        label,
        formatCount(stats.count),
        formatCount(turns.length - stats.count),
        formatNumber(stats.count / seconds),
        formatMs(stats.p50),
        formatMs(stats.p95),
        formatMs(stats.p99),
        formatRatio(ratio(stats.p95, aloneStats.p95)),
      ]),
    );
    const latencyChart = {
      file: 'w5-legit-latency-cdf.svg',
      alt: `${TITLE}: latency of legitimate turns alone vs during the abuse`,
      svg: latencyCdfChart(`${TITLE}: legitimate turn latency`, 'turn latency', [
        { label: 'alone', samples: okMs(alone) },
        { label: 'during the abuse', samples: okMs(underAbuse) },
      ]),
    };
    const memoryChart = {
      file: 'w5-proxy-rss.svg',
      alt: `${TITLE}: proxy RSS over the run (abuse from ${abuseStartSeconds.toFixed(0)} s to ${abuseEndSeconds.toFixed(0)} s)`,
      svg: rssChart(`${TITLE}: proxy RSS`, [{ label: 'stronk proxy', samples }], undefined, [
        { seconds: abuseStartSeconds, label: 'abuse starts' },
        { seconds: abuseEndSeconds, label: 'abuse ends' },
      ]),
    };
    const markdown = [
      line,
      '',
      `One proxy with \`STRONK_GATEWAY_WS_MAX_SESSIONS=${cap}\`, \`…_WS_IDLE_TIMEOUT_SECONDS=${IDLE_TIMEOUT_SECONDS}\`, ` +
        `\`…_WS_MAX_FRAME_BYTES=${MAX_FRAME_BYTES}\`. ${LEGIT_SESSIONS} legitimate sessions do turns back to back ` +
        `(1 KiB with PII, rehydration checked): a warm-up, ${aloneSeconds.toFixed(0)} s alone, then ` +
        `${abuseSeconds.toFixed(0)} s of abuse: every abusive session below once at the same time (the flood after ` +
        `the others), then ${actors} actors running them in a loop. A session refused at the handshake because ` +
        'another actor filled the cap got a documented answer too.',
      '',
      abuseTable,
      '',
      legitTable,
      '',
      `Budget: at most ${sockets.max} sockets open at once (cap ${cap}); proxy RSS ${formatMiB(rssBefore)} before the ` +
        `abuse, peak ${formatMiB(peakDuringAbuse)} during it (ceiling ${ceilingMiB} MiB), ${formatMiB(after.rss)} after; ` +
        'open descriptors ' +
        `${fdsBefore} at start, ${after.fds} after; the proxy's \`stronk_proxy_websocket_connections\` gauge reads ` +
        `${gaugeAfter} once every client is gone.`,
      '',
      chartImage(latencyChart),
      '',
      chartImage(memoryChart),
    ].join('\n');
    const documentedTotal = totals.reduce((n, t) => n + t.documented + t.cap, 0);
    const attemptsTotal = totals.reduce((n, t) => n + t.attempts, 0);
    return {
      section: 'w5',
      markdown,
      charts: [latencyChart, memoryChart],
      failures,
      summary: [
        {
          workload: TITLE,
          measure: 'abusive sessions answered as documented · legit p95 ms',
          proxy: `${formatCount(documentedTotal)} of ${formatCount(attemptsTotal)} · ${formatMs(abuseStats.p95)}`,
          baseline: `legit alone p95 ${formatMs(aloneStats.p95)}`,
          ratio: formatRatio(ratio(abuseStats.p95, aloneStats.p95)),
          python: '–',
        },
      ],
    };
  } finally {
    await proxy.stop();
  }
}
