/**
 * W4 websocket sequential turns with reconnects: concurrent sessions, each a chain of turns on the
 * Responses websocket (`store: false`, so the proxy replays the chain's masked history), closing its socket
 * every few turns and reconnecting with the same `x-codex-turn-state` key to continue the chain, as Codex
 * does. Baselines: the same turns as HTTP POST /v1/responses + SSE, directly and through the bare
 * passthrough; and through the proxy over HTTP, to separate the websocket's own cost.
 */
import { randomBytes } from 'node:crypto';
import { makeChatMessage } from '../../../packages/detectors/src/testing/index.ts';
import { createHttpClient, type HttpClient } from '../harness/http-client.ts';
import { describeErrors, errorCount, type LoadRun, mergeRuns, type Sample } from '../harness/load-loops.ts';
import type { Service } from '../harness/services.ts';
import { openWsSession, type WsSession } from '../harness/ws-session.ts';
import { latencyCdfChart } from '../report/charts.ts';
import { formatCount, formatMs, formatNumber, formatRatio } from '../report/format.ts';
import { loadTable, rate } from '../report/load-table.ts';
import { ratio, summarize } from '../report/stats.ts';
import { expectedReply, requestHeaders, responsesInput, streamReply } from '../traffic/surfaces.ts';
import { type BenchSettings, chartImage, progress, startFacts, type WorkloadResult } from './workload.ts';

const TITLE = 'W4 websocket sequential turns';

interface Shape {
  sessions: number;
  turns: number;
  reconnectEvery: number;
}

/** A ~1 KiB user message with PII, distinct per round, session and turn. */
function userText(round: number, session: number, turn: number): string {
  return makeChatMessage(300_000_000 + round * 1_000_000 + session * 1000 + turn, 1024);
}

type TurnRunner = (
  session: number,
  turn: number,
  previous: string | undefined,
) => Promise<Sample & { id?: string }>;

/** `sessions` concurrent chains of `turns` sequential turns each; returns the merged run. */
async function runChains(shape: Shape, runner: TurnRunner): Promise<LoadRun> {
  const run: LoadRun = { latencies: [], ttfbs: [], ok: 0, errors: new Map(), elapsedSeconds: 0, shed: 0 };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: shape.sessions }, async (_, session) => {
      let previous: string | undefined;
      for (let turn = 0; turn < shape.turns; turn++) {
        const sample = await runner(session, turn, previous).catch(
          (error: Error): Sample => ({ ok: false, totalMs: 0, error: error.message.slice(0, 60) }),
        );
        if (sample.ok) {
          run.ok++;
          run.latencies.push(sample.totalMs);
          if (sample.ttfbMs !== undefined) run.ttfbs.push(sample.ttfbMs);
          previous = (sample as { id?: string }).id;
        } else run.errors.set(sample.error!, (run.errors.get(sample.error!) ?? 0) + 1);
      }
    }),
  );
  run.elapsedSeconds = (performance.now() - started) / 1000;
  return run;
}

function httpRunner(client: HttpClient, port: number, path: string, round: number): TurnRunner {
  return async (session, turn, previous) => {
    const user = userText(round, session, turn);
    const body = JSON.stringify({
      model: 'bench-model',
      stream: true,
      store: false,
      input: responsesInput([], user),
      ...(previous ? { previous_response_id: previous } : {}),
    });
    const answer = await client.post(port, path, requestHeaders('responses'), body);
    if (answer.status !== 200) return { ok: false, totalMs: answer.totalMs, error: `HTTP ${answer.status}` };
    const reply = streamReply('responses', answer.body);
    if (reply.error) return { ok: false, totalMs: answer.totalMs, error: reply.error };
    if (reply.text !== expectedReply(user))
      return { ok: false, totalMs: answer.totalMs, error: 'wrong_reply' };
    const id = /"type":"response\.completed".*?"id":"([^"]+)"/.exec(answer.body)?.[1];
    return { ok: true, totalMs: answer.totalMs, ttfbMs: answer.ttfbMs, ...(id ? { id } : {}) };
  };
}

/** Websocket chains: every `reconnectEvery` turns the socket is closed and reopened with the turn key. */
function websocketRunner(port: number, shape: Shape, round: number, handshakes: number[]): TurnRunner {
  const sockets = new Map<number, WsSession>();
  const keys = new Map<number, string>();
  return async (session, turn, previous) => {
    let socket = sockets.get(session);
    if (socket && turn % shape.reconnectEvery === 0) {
      await socket.close();
      socket = undefined;
    }
    if (!socket) {
      const key = keys.get(session) ?? `bench-${randomBytes(8).toString('hex')}`;
      keys.set(session, key);
      socket = await openWsSession(port, { 'x-codex-turn-state': key });
      handshakes.push(socket.handshakeMs);
      sockets.set(session, socket);
    }
    const user = userText(round, session, turn);
    const result = await socket.turn({
      type: 'response.create',
      model: 'bench-model',
      store: false,
      input: responsesInput([], user),
      ...(previous ? { previous_response_id: previous } : {}),
    });
    if (turn === shape.turns - 1) {
      await socket.close();
      sockets.delete(session);
    }
    if (result.error) return { ok: false, totalMs: result.ms, error: result.error };
    if (result.text !== expectedReply(user)) return { ok: false, totalMs: result.ms, error: 'wrong_reply' };
    return {
      ok: true,
      totalMs: result.ms,
      ttfbMs: result.ttfbMs,
      ...(result.responseId ? { id: result.responseId } : {}),
    };
  };
}

export async function runWebsocketTurns(
  settings: BenchSettings,
  services: { provider: Service; bare: Service; proxy: Service },
): Promise<WorkloadResult> {
  const { line } = startFacts(settings);
  const shape: Shape = settings.quick
    ? { sessions: 16, turns: 6, reconnectEvery: 3 }
    : { sessions: 64, turns: Math.max(4, Math.round(20 * settings.timeScale)), reconnectEvery: 4 };
  const rounds = settings.quick ? 1 : 2;
  const client = createHttpClient({ maxSockets: shape.sessions });
  const handshakes: number[] = [];
  const targets: Array<{ label: string; runner: (round: number) => TurnRunner }> = [
    {
      label: 'direct (HTTP SSE)',
      runner: (r) => httpRunner(client, services.provider.port, '/v1/responses', r),
    },
    {
      label: 'bare passthrough (HTTP SSE)',
      runner: (r) => httpRunner(client, services.bare.port, '/v1/responses', r),
    },
    {
      label: 'stronk proxy (HTTP SSE)',
      runner: (r) => httpRunner(client, services.proxy.port, '/v1/responses', r),
    },
    {
      label: 'stronk proxy (websocket)',
      runner: (r) => websocketRunner(services.proxy.port, shape, r, r < 0 ? [] : handshakes),
    },
  ];
  try {
    const warmup = { sessions: 4, turns: 4, reconnectEvery: 2 };
    for (const target of targets) await runChains(warmup, target.runner(-1 - targets.indexOf(target)));
    const runs = targets.map(() => [] as LoadRun[]);
    for (let round = 0; round < rounds; round++) {
      for (const [i, target] of targets.entries()) {
        progress(`${TITLE}: round ${round + 1}/${rounds}, ${target.label}`);
        runs[i]!.push(await runChains(shape, target.runner(round * 10 + i)));
      }
    }
    const [direct, bare, proxyHttp, proxyWs] = runs.map(mergeRuns) as [LoadRun, LoadRun, LoadRun, LoadRun];
    const handshake = summarize(handshakes);
    const chart = {
      file: 'w4-turn-latency-cdf.svg',
      alt: `${TITLE}: turn latency, HTTP SSE baselines vs the proxy's websocket`,
      svg: latencyCdfChart(`${TITLE}: turn latency (${shape.sessions} concurrent chains)`, 'turn latency', [
        { label: 'direct (HTTP SSE)', samples: direct.latencies },
        { label: 'bare passthrough (HTTP SSE)', samples: bare.latencies },
        { label: 'stronk proxy (HTTP SSE)', samples: proxyHttp.latencies },
        { label: 'stronk proxy (websocket)', samples: proxyWs.latencies },
      ]),
    };
    const reconnects = shape.sessions * Math.ceil(shape.turns / shape.reconnectEvery) * rounds;
    const markdown = [
      line,
      '',
      `${shape.sessions} concurrent chains × ${shape.turns} sequential turns, ${rounds} round(s) per target ` +
        `(interleaved), after a warm-up. Each turn sends a distinct ~1 KiB user message with PII and continues ` +
        `the chain with \`previous_response_id\` and \`store: false\`; over the websocket each chain closes its ` +
        `socket every ${shape.reconnectEvery} turns and reconnects with its \`x-codex-turn-state\` key ` +
        `(${formatCount(reconnects)} handshakes, p50 ${formatMs(handshake.p50)} ms, p95 ${formatMs(handshake.p95)} ms). ` +
        'A turn is ok when its rehydrated text equals the original. Latency: send to `response.completed`.',
      '',
      loadTable({
        unit: 'turns/s',
        latency: 'total',
        rows: [
          { label: 'direct (HTTP SSE)', run: direct },
          { label: 'bare passthrough (HTTP SSE)', run: bare },
          { label: 'stronk proxy (HTTP SSE)', run: proxyHttp },
          { label: 'stronk proxy (websocket)', run: proxyWs },
        ],
        baselines: [
          { label: 'direct', run: direct },
          { label: 'bare', run: bare },
        ],
      }),
      '',
      `Rehydration correct in ${formatCount(proxyWs.ok)} of ${formatCount(proxyWs.ok + errorCount(proxyWs))} ` +
        `websocket turns. Errors: direct ${describeErrors(direct)}; bare ${describeErrors(bare)}; proxy HTTP ` +
        `${describeErrors(proxyHttp)}; proxy websocket ${describeErrors(proxyWs)}.`,
      '',
      chartImage(chart),
    ].join('\n');
    const failures = [proxyWs, proxyHttp]
      .filter((run) => errorCount(run) > 0)
      .map((run) => `${TITLE}: proxy errors: ${describeErrors(run)}`);
    return {
      section: 'w4',
      markdown,
      charts: [chart],
      failures,
      summary: [
        {
          workload: TITLE,
          measure: 'turns/s · p95 ms',
          proxy: `${formatNumber(rate(proxyWs))} · ${formatMs(summarize(proxyWs.latencies).p95)}`,
          baseline: `${formatNumber(rate(bare))} · ${formatMs(summarize(bare.latencies).p95)} (HTTP SSE)`,
          ratio: formatRatio(ratio(rate(proxyWs), rate(bare))),
          python: '–',
        },
      ],
    };
  } finally {
    client.destroy();
  }
}
