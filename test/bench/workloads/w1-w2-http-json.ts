/**
 * W1 (chat completions) and W2 (Responses): closed loop, non-streamed JSON, each request a realistic
 * conversation with PII (system prompt, two earlier turns, a 2 KB user message), every answer checked for
 * exact rehydration.
 */

import { createHttpClient } from '../harness/http-client.ts';
import { describeErrors, errorCount } from '../harness/load-loops.ts';
import type { Service } from '../harness/services.ts';
import { latencyCdfChart } from '../report/charts.ts';
import { formatCount, formatMs, formatNumber, formatPublished, formatRatio } from '../report/format.ts';
import { againstBaselines, loadTable, rate } from '../report/load-table.ts';
import { PYTHON_LABEL, PYTHON_REFERENCE } from '../report/python-reference.ts';
import { ratio, summarize } from '../report/stats.ts';
import { piiConversation } from '../traffic/conversations.ts';
import type { Surface } from '../traffic/surfaces.ts';
import {
  compareTargets,
  HTTP_CONCURRENCY,
  httpTargets,
  prepareRequest,
  requestPoolSize,
} from './http-comparison.ts';
import {
  type BenchSettings,
  chartImage,
  phaseMs,
  progress,
  startFacts,
  type WorkloadResult,
} from './workload.ts';

const SHAPE = { userChars: 2048, historyTurns: 2, historyChars: 1024 };

interface HttpJsonWorkload {
  id: 'w1' | 'w2';
  title: string;
  surface: Surface;
  /** Offset of the conversation indexes, so no two workloads send the same texts. */
  indexOffset: number;
}

const WORKLOADS: Record<'w1' | 'w2', HttpJsonWorkload> = {
  w1: { id: 'w1', title: 'W1 HTTP chat completions', surface: 'chat', indexOffset: 0 },
  w2: { id: 'w2', title: 'W2 HTTP Responses', surface: 'responses', indexOffset: 100_000 },
};

export async function runHttpJson(
  id: 'w1' | 'w2',
  settings: BenchSettings,
  services: { provider: Service; bare: Service; proxy: Service },
): Promise<WorkloadResult> {
  const workload = WORKLOADS[id];
  const { line } = startFacts(settings);
  const poolSize = requestPoolSize(settings);
  progress(`${workload.title}: preparing ${poolSize} distinct requests`);
  const requests = Array.from({ length: poolSize }, (_, i) =>
    prepareRequest(workload.surface, piiConversation(workload.indexOffset + i, SHAPE), false),
  );
  const bodyBytes = requests.reduce((n, r) => n + r.body.length, 0) / requests.length;
  const client = createHttpClient({ maxSockets: HTTP_CONCURRENCY });
  const targets = httpTargets(services.provider, services.bare, services.proxy);
  const rounds = settings.quick ? 1 : 3;
  const roundMs = phaseMs(settings, 2, 8);
  try {
    const { runs } = await compareTargets({
      client,
      targets,
      requests,
      concurrency: HTTP_CONCURRENCY,
      warmupMs: phaseMs(settings, 1, 3),
      roundMs,
      rounds,
      onRound: (round, target) =>
        progress(`${workload.title}: round ${round + 1}/${rounds}, ${target.label}`),
    });
    const direct = runs.get('direct')!;
    const bare = runs.get('bare')!;
    const proxy = runs.get('proxy')!;
    const reference = PYTHON_REFERENCE[id];
    const chart = {
      file: `${id}-latency-cdf.svg`,
      alt: `${workload.title}: latency distribution, direct vs bare passthrough vs proxy`,
      svg: latencyCdfChart(
        `${workload.title}: request latency (closed loop, c = ${HTTP_CONCURRENCY})`,
        'latency',
        [
          { label: 'direct', samples: direct.latencies },
          { label: 'bare passthrough', samples: bare.latencies },
          { label: 'stronk proxy', samples: proxy.latencies },
        ],
      ),
    };
    const proxyStats = summarize(proxy.latencies);
    const failures =
      errorCount(proxy) > 0 ? [`${workload.title}: proxy errors: ${describeErrors(proxy)}`] : [];
    const markdown = [
      line,
      '',
      `Closed loop, ${HTTP_CONCURRENCY} concurrent clients, ${rounds} × ${(roundMs / 1000).toFixed(0)} s per target ` +
        `(rounds interleaved), after a warm-up. ${poolSize.toLocaleString('en-US')} distinct requests of ` +
        `${(bodyBytes / 1024).toFixed(1)} KiB on average (system prompt, two earlier turns, a 2 KiB user message; ` +
        'names, emails, phone numbers, organizations, street addresses), non-streamed.',
      '',
      loadTable({
        unit: 'req/s',
        latency: 'total',
        ...againstBaselines(direct, bare, proxy),
        reference: { label: PYTHON_LABEL, rate: reference.rate, p95Ms: reference.p95Ms },
      }),
      '',
      `Rehydration: ${formatCount(proxy.ok)} of ${formatCount(proxy.ok + errorCount(proxy))} proxy answers ` +
        `carried exactly the original text back. Errors: direct ${describeErrors(direct)}; bare ${describeErrors(bare)}; ` +
        `proxy ${describeErrors(proxy)}.`,
      '',
      chartImage(chart),
    ].join('\n');
    return {
      section: id,
      markdown,
      charts: [chart],
      failures,
      summary: [
        {
          workload: workload.title,
          measure: 'req/s · p95 ms',
          proxy: `${formatNumber(rate(proxy))} · ${formatMs(proxyStats.p95)}`,
          baseline: `${formatNumber(rate(bare))} · ${formatMs(summarize(bare.latencies).p95)}`,
          ratio: formatRatio(ratio(rate(proxy), rate(bare))),
          python: `${formatPublished(reference.rate)} · ${formatPublished(reference.p95Ms)}`,
        },
      ],
    };
  } finally {
    client.destroy();
  }
}
