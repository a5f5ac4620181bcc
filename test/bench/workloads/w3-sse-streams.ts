/**
 * W3 SSE streams: closed loop of streamed answers, rotating over chat completions, Responses and Anthropic
 * messages. The fake provider streams the echo in ~2-token deltas, so placeholders arrive split across
 * events and network writes; every stream's rehydrated text is compared with the original.
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
import { SURFACES } from '../traffic/surfaces.ts';
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

const SHAPE = { userChars: 1024, historyTurns: 2, historyChars: 512 };
const TITLE = 'W3 SSE streams';

export async function runSseStreams(
  settings: BenchSettings,
  services: { provider: Service; bare: Service; proxy: Service },
): Promise<WorkloadResult> {
  const { line } = startFacts(settings);
  const poolSize = requestPoolSize(settings);
  progress(`${TITLE}: preparing ${poolSize} distinct streamed requests`);
  const requests = Array.from({ length: poolSize }, (_, i) =>
    prepareRequest(SURFACES[i % SURFACES.length]!, piiConversation(200_000 + i, SHAPE), true),
  );
  const client = createHttpClient({ maxSockets: HTTP_CONCURRENCY });
  const rounds = settings.quick ? 1 : 3;
  const roundMs = phaseMs(settings, 2, 8);
  try {
    const { runs } = await compareTargets({
      client,
      targets: httpTargets(services.provider, services.bare, services.proxy),
      requests,
      concurrency: HTTP_CONCURRENCY,
      warmupMs: phaseMs(settings, 1, 3),
      roundMs,
      rounds,
      onRound: (round, target) => progress(`${TITLE}: round ${round + 1}/${rounds}, ${target.label}`),
    });
    const direct = runs.get('direct')!;
    const bare = runs.get('bare')!;
    const proxy = runs.get('proxy')!;
    const streamP95 = (run: typeof proxy) => formatMs(summarize(run.latencies).p95);
    const chart = {
      file: 'w3-first-byte-cdf.svg',
      alt: `${TITLE}: time to first byte, direct vs bare passthrough vs proxy`,
      svg: latencyCdfChart(
        `${TITLE}: time to first byte (closed loop, c = ${HTTP_CONCURRENCY})`,
        'time to first byte',
        [
          { label: 'direct', samples: direct.ttfbs },
          { label: 'bare passthrough', samples: bare.ttfbs },
          { label: 'stronk proxy', samples: proxy.ttfbs },
        ],
      ),
    };
    const reference = PYTHON_REFERENCE.w3;
    const markdown = [
      line,
      '',
      `Closed loop, ${HTTP_CONCURRENCY} concurrent streams, ${rounds} × ${(roundMs / 1000).toFixed(0)} s per target ` +
        '(rounds interleaved), after a warm-up; requests rotate over chat completions, Responses and Anthropic ' +
        'messages with `stream: true` (a 1 KiB user message with PII, two earlier turns). The echo comes back in ' +
        '8-character deltas. Percentiles are time to first byte of the body; a stream counts as ok only when its ' +
        'rehydrated text equals the original.',
      '',
      loadTable({
        unit: 'streams/s',
        latency: 'ttfb',
        ...againstBaselines(direct, bare, proxy),
        reference: { label: PYTHON_LABEL, rate: reference.rate, p95Ms: reference.p95Ms },
      }),
      '',
      `Whole stream p95: direct ${streamP95(direct)} ms, bare ${streamP95(bare)} ms, proxy ${streamP95(proxy)} ms. ` +
        `Rehydration correct in ${formatCount(proxy.ok)} of ${formatCount(proxy.ok + errorCount(proxy))} proxy ` +
        `streams. Errors: direct ${describeErrors(direct)}; bare ${describeErrors(bare)}; proxy ${describeErrors(proxy)}.`,
      '',
      chartImage(chart),
    ].join('\n');
    return {
      section: 'w3',
      markdown,
      charts: [chart],
      failures: errorCount(proxy) > 0 ? [`${TITLE}: proxy errors: ${describeErrors(proxy)}`] : [],
      summary: [
        {
          workload: TITLE,
          measure: 'streams/s · p95 first byte ms',
          proxy: `${formatNumber(rate(proxy))} · ${formatMs(summarize(proxy.ttfbs).p95)}`,
          baseline: `${formatNumber(rate(bare))} · ${formatMs(summarize(bare.ttfbs).p95)}`,
          ratio: formatRatio(ratio(rate(proxy), rate(bare))),
          python: `${formatPublished(reference.rate)} · ${formatPublished(reference.p95Ms)}`,
        },
      ],
    };
  } finally {
    client.destroy();
  }
}
