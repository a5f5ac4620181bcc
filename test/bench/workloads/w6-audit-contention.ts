/**
 * W6 audit contention: the proxy under closed-loop load with the audit store off, then on (SQLite, the
 * default embedded store) while an admin API process reads the same database every 100 ms (summary, mix,
 * events), in interleaved rounds. Reports the throughput kept with audit on, the admin API's latency under
 * that load, how many answered requests the store recorded, and any "database is locked".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../../../apps/admin-api/src/passwords.ts';
import { createHttpClient } from '../harness/http-client.ts';
import { describeErrors, errorCount } from '../harness/load-loops.ts';
import { proxyEnv, type Service, startProxy, startService, stopAll } from '../harness/services.ts';
import { latencyCdfChart } from '../report/charts.ts';
import {
  formatCount,
  formatMs,
  formatNumber,
  formatPublished,
  formatRatio,
  markdownTable,
} from '../report/format.ts';
import { loadTable, rate } from '../report/load-table.ts';
import { PYTHON_LABEL, PYTHON_REFERENCE } from '../report/python-reference.ts';
import { ratio, summarize } from '../report/stats.ts';
import { piiConversation } from '../traffic/conversations.ts';
import {
  compareTargets,
  HTTP_CONCURRENCY,
  type HttpTarget,
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

const TITLE = 'W6 audit contention';
const POLL_PATHS = ['/api/summary?window=1h', '/api/mix', '/api/events?limit=50'];
const LOCKED = /database is locked|SQLITE_BUSY/g;

interface Poller {
  latencies: number[];
  errors: number;
  /** Polls only while running; the loop keeps its session between rounds. */
  setRunning(running: boolean): void;
  stop(): Promise<void>;
}

/** Logs in with fetch (to read set-cookie) and polls the admin API every 100 ms while running. */
async function startPoller(admin: Service, password: string): Promise<Poller> {
  const response = await fetch(`${admin.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: admin.url },
    body: JSON.stringify({ username: 'bench', password }),
  });
  if (response.status !== 200) throw new Error(`admin login: HTTP ${response.status}`);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  const client = createHttpClient({ maxSockets: 1 });
  const poller: Poller & { running: boolean; stopped: boolean } = {
    latencies: [],
    errors: 0,
    running: false,
    stopped: false,
    setRunning(running) {
      poller.running = running;
    },
    async stop() {
      poller.stopped = true;
      await loop;
      client.destroy();
    },
  };
  const loop = (async () => {
    while (!poller.stopped) {
      if (poller.running) {
        for (const path of POLL_PATHS) {
          const answer = await client.get(admin.port, path, { cookie }).catch(() => undefined);
          if (answer?.status === 200) poller.latencies.push(answer.totalMs);
          else poller.errors++;
        }
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return poller;
}

async function recordedRequests(admin: Service, password: string): Promise<number> {
  const response = await fetch(`${admin.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: admin.url },
    body: JSON.stringify({ username: 'bench', password }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0] ?? '';
  const summary = await fetch(`${admin.url}/api/summary?window=1h`, { headers: { cookie } });
  return Number(((await summary.json()) as { requests_total?: unknown }).requests_total ?? Number.NaN);
}

export async function runAuditContention(
  settings: BenchSettings,
  provider: Service,
): Promise<WorkloadResult> {
  const { line } = startFacts(settings);
  const dir = mkdtempSync(join(tmpdir(), 'stronk-bench-audit-'));
  const databasePath = join(dir, 'audit.sqlite');
  const password = `bench-${Math.random().toString(36).slice(2)}`;
  let locked = 0;
  const countLocked = (text: string) => {
    locked += text.match(LOCKED)?.length ?? 0;
  };
  const services: Service[] = [];
  const client = createHttpClient({ maxSockets: HTTP_CONCURRENCY });
  try {
    const auditOff = await startProxy(provider, {
      name: 'stronk proxy (audit off)',
      env: { STRONK_GATEWAY_AUDIT_STORAGE_ENABLED: 'false' },
    });
    services.push(auditOff);
    const auditOn = await startProxy(provider, {
      name: 'stronk proxy (audit on)',
      env: { STRONK_GATEWAY_AUDIT_STORAGE_ENABLED: 'true', STRONK_GATEWAY_AUDIT_DB_PATH: databasePath },
      onOutput: countLocked,
    });
    services.push(auditOn);
    const admin = await startService({
      name: 'admin API',
      script: 'apps/admin-api/src/server.ts',
      env: {
        ...proxyEnv(provider),
        STRONK_GATEWAY_AUDIT_DB_PATH: databasePath,
        STRONK_GATEWAY_ENABLE_ADMIN_API: 'true',
        STRONK_GATEWAY_ADMIN_PORT: '0',
        STRONK_GATEWAY_ADMIN_BOOTSTRAP_USER: 'bench',
        STRONK_GATEWAY_ADMIN_BOOTSTRAP_PASSWORD_HASH: await hashPassword(password),
      },
      onOutput: countLocked,
    });
    services.push(admin);
    const poller = await startPoller(admin, password);

    const poolSize = requestPoolSize(settings);
    progress(`${TITLE}: preparing ${poolSize} distinct requests`);
    const requests = Array.from({ length: poolSize }, (_, i) =>
      prepareRequest(
        'chat',
        piiConversation(500_000 + i, { userChars: 2048, historyTurns: 2, historyChars: 1024 }),
        false,
      ),
    );
    const targets: HttpTarget[] = [
      { key: 'bare', label: 'audit off', port: auditOff.port },
      { key: 'proxy', label: 'audit on, admin API polled', port: auditOn.port },
    ];
    const rounds = settings.quick ? 1 : 3;
    const roundMs = phaseMs(settings, 2, 8);
    const { runs, sent } = await compareTargets({
      client,
      targets,
      requests,
      concurrency: HTTP_CONCURRENCY,
      warmupMs: phaseMs(settings, 1, 3),
      roundMs,
      rounds,
      onRound: (round, target) => {
        poller.setRunning(target.key === 'proxy');
        progress(`${TITLE}: round ${round + 1}/${rounds}, ${target.label}`);
      },
    });
    poller.setRunning(false);
    await poller.stop();
    const off = runs.get('bare')!;
    const on = runs.get('proxy')!;
    // The writer batches off the request path; give it a moment to flush before counting.
    await new Promise((r) => setTimeout(r, 2000));
    const recorded = await recordedRequests(admin, password).catch(() => Number.NaN);
    const polls = summarize(poller.latencies);

    const chart = {
      file: 'w6-latency-cdf.svg',
      alt: `${TITLE}: request latency with the audit store off vs on`,
      svg: latencyCdfChart(`${TITLE}: request latency (closed loop, c = ${HTTP_CONCURRENCY})`, 'latency', [
        { label: 'audit off', samples: off.latencies },
        { label: 'audit on, admin API polled', samples: on.latencies },
        { label: 'admin API poll (during audit on)', samples: poller.latencies },
      ]),
    };
    const failures: string[] = [];
    if (errorCount(on) + errorCount(off) > 0)
      failures.push(`${TITLE}: proxy errors: off ${describeErrors(off)}; on ${describeErrors(on)}`);
    if (locked > 0) failures.push(`${TITLE}: ${locked} "database is locked" messages`);
    if (poller.errors > 0) failures.push(`${TITLE}: ${poller.errors} admin API polls failed`);
    const markdown = [
      line,
      '',
      `Two bundled proxies against the same fake provider: audit storage off, and on (SQLite at a temporary ` +
        `path) while the admin API process polls \`${POLL_PATHS.join('`, `')}\` every 100 ms with a signed-in ` +
        `session. Closed loop, ${HTTP_CONCURRENCY} concurrent clients, ${rounds} × ${(roundMs / 1000).toFixed(0)} s ` +
        'per proxy (interleaved), W1-shaped chat requests with PII.',
      '',
      loadTable({
        unit: 'req/s',
        latency: 'total',
        rows: [
          { label: 'audit off', run: off },
          { label: 'audit on, admin API polled', run: on },
        ],
        baselines: [{ label: 'audit off', run: off }],
        reference: { label: PYTHON_LABEL, rate: PYTHON_REFERENCE.w6.rate },
      }),
      '',
      markdownTable(
        ['admin API under load', 'value'],
        [
          ['polls answered', formatCount(polls.count)],
          ['polls failed', formatCount(poller.errors)],
          [
            'poll latency p50 / p95 / p99 ms',
            `${formatMs(polls.p50)} / ${formatMs(polls.p95)} / ${formatMs(polls.p99)}`,
          ],
          [
            'requests recorded by the audit store (summary `requests_total`)',
            `${formatCount(recorded)} of ${formatCount(sent.get('proxy') ?? Number.NaN)} sent (warm-up included)`,
          ],
          ['"database is locked" / SQLITE_BUSY in any log', formatCount(locked)],
        ],
      ),
      '',
      chartImage(chart),
    ].join('\n');
    return {
      section: 'w6',
      markdown,
      charts: [chart],
      failures,
      summary: [
        {
          workload: TITLE,
          measure: 'req/s with audit on · p95 ms',
          proxy: `${formatNumber(rate(on))} · ${formatMs(summarize(on.latencies).p95)}`,
          baseline: `${formatNumber(rate(off))} · ${formatMs(summarize(off.latencies).p95)} (audit off)`,
          ratio: formatRatio(ratio(rate(on), rate(off))),
          python: formatPublished(PYTHON_REFERENCE.w6.rate),
        },
      ],
    };
  } finally {
    client.destroy();
    await stopAll(services);
    rmSync(dir, { recursive: true, force: true });
  }
}
