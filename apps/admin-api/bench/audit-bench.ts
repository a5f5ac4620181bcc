/**
 * `pnpm bench:audit` — audit contention. The bundled proxy (as `pnpm proxy` runs it) answers at full speed
 * (closed loop) from a fake upstream, once with audit storage off and once on (SQLite, WAL, written by the
 * audit writer thread), while an admin API process polls summary, mix and events every 100 ms against the same
 * file. Reports req/s, p99 and CPU per request for both, counts "database is locked", and checks that the
 * audit-on proxy really stored what it answered.
 *
 * Both proxies stay up and are measured in interleaved 1 s slices, with a short pause after each so the
 * on-proxy's last batch is written before the next slice: on a shared machine background load changes by the
 * second, and interleaving makes it hit every series alike. Three series: audit off; audit off while the admin API
 * is polled (its process competes for the same cores); audit on while polled. The headline ratio is on / off.
 * Options: `--quick` (3 slices per series instead of 20), `--cpu-prof` (V8 CPU profiles of both proxies, every
 * thread, in a temporary directory).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { startFakeUpstream } from '../../proxy/test/fake-upstream.ts';
import { hashPassword } from '../src/passwords.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const profileDir = args.includes('--cpu-prof')
  ? mkdtempSync(join(tmpdir(), 'stronk-audit-prof-'))
  : undefined;
const slices = quick ? 3 : 20;
const sliceMs = 1000;
/** Longer than the writer's flush interval (200 ms): the on-proxy's last batch never lands in an off slice. */
const pauseMs = 300;
const concurrency = 32;
const root = resolve(import.meta.dirname, '../../..');
let lockedErrors = 0;

interface Child {
  process: ChildProcess;
  port: number;
  /** Every stdout line, for the shutdown statistics. */
  lines: string[];
}

function start(script: string, env: Record<string, string>): Promise<Child> {
  const bundled = script.endsWith('.mjs');
  const flags = bundled
    ? ['--enable-source-maps', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])]
    : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...flags, script], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  child.stderr!.on('data', (d: Buffer) => {
    lockedErrors += (d.toString().match(/database is locked/g) ?? []).length;
  });
  const lines: string[] = [];
  return new Promise((resolveChild, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      lockedErrors += (line.match(/database is locked|SQLITE_BUSY/g) ?? []).length;
      try {
        const parsed = JSON.parse(line) as { port?: number };
        if (parsed.port) resolveChild({ process: child, port: parsed.port, lines });
      } catch {}
    });
    child.once('exit', () => reject(new Error(`${script} exited`)));
  });
}
const children: ChildProcess[] = [];

/** Stops a child with SIGTERM (the proxy flushes its audit queue) and waits for it. */
async function stop(child: Child): Promise<void> {
  if (child.process.exitCode !== null) return;
  const exited = new Promise((r) => child.process.once('exit', r));
  child.process.kill('SIGTERM');
  await exited;
}

/** User + system CPU seconds of a process (or one of its threads) so far; undefined off Linux. */
function cpuSeconds(pid: number, thread?: number): number | undefined {
  const file = thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`;
  if (!existsSync(file)) return undefined;
  const fields = readFileSync(file, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // clock ticks at the usual USER_HZ of 100
}

// Idle pooled sockets are closed after 2 s, before the proxy's server does (5 s): otherwise a slice can start on a
// socket the server is closing at that moment (ECONNRESET), since each proxy idles between its slices.
const agent = new Agent({ keepAlive: true, maxSockets: 256, timeout: 2000 });
const body = (i: number) =>
  JSON.stringify({
    model: 'gpt-bench',
    messages: [
      {
        role: 'user',
        content: `Hi, I am Ann Lee (ann.lee${i % 50}@example.com), call +1 415 555 01${i % 90}.`,
      },
    ],
  });

/** Failed requests by proxy series and error (`HTTP 502 upstream_unreachable`, `ECONNRESET`): reported, never timed. */
const errors = new Map<string, number>();

/** One request; resolves with its latency in ms, or undefined (counted in `errors`) when it was not a 200. */
function send(port: number, payload: string): Promise<number | undefined> {
  const started = performance.now();
  const failed = (what: string) => {
    errors.set(what, (errors.get(what) ?? 0) + 1);
    return undefined;
  };
  return new Promise((resolveSend) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/v1/chat/completions',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          if (res.statusCode === 200) return resolveSend(performance.now() - started);
          const code = /"code":\s*"([a-z_]{1,40})"/.exec(Buffer.concat(chunks).toString())?.[1] ?? '';
          resolveSend(failed(`HTTP ${res.statusCode} ${code}`.trim()));
        });
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => resolveSend(failed(error.code ?? error.name)));
    req.end(payload);
  });
}

/** Latencies (ms) of the requests answered in one slice of `sliceMs`. */
async function slice(port: number): Promise<number[]> {
  const latencies: number[] = [];
  const deadline = performance.now() + sliceMs;
  let i = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const ms = await send(port, body(i++));
        if (ms !== undefined) latencies.push(ms);
      }
    }),
  );
  return latencies;
}

interface Result {
  rps: number;
  p99: number;
  /** Proxy CPU per request, µs: whole process (writer thread included), and its event-loop thread. */
  cpuUs: number | undefined;
  mainUs: number | undefined;
}

/** Accumulates one proxy's slices: requests, latencies, and the CPU its process spent meanwhile. */
function tally(proxy: Child) {
  const pid = proxy.process.pid!;
  const latencies: number[] = [];
  let cpu: number | undefined = 0;
  let main: number | undefined = 0;
  let slicesRun = 0;
  return {
    async run(): Promise<number> {
      const before = [cpuSeconds(pid), cpuSeconds(pid, pid)];
      const answered = await slice(proxy.port);
      const after = [cpuSeconds(pid), cpuSeconds(pid, pid)];
      cpu = cpu === undefined || before[0] === undefined ? undefined : cpu + after[0]! - before[0];
      main = main === undefined || before[1] === undefined ? undefined : main + after[1]! - before[1];
      latencies.push(...answered);
      slicesRun++;
      return answered.length;
    },
    result(): Result {
      const sorted = [...latencies].sort((a, b) => a - b);
      const perRequest = (seconds: number | undefined) =>
        seconds === undefined ? undefined : (seconds * 1e6) / latencies.length;
      return {
        rps: latencies.length / ((slicesRun * sliceMs) / 1000),
        p99: sorted[Math.floor(sorted.length * 0.99)] ?? 0,
        cpuUs: perRequest(cpu),
        mainUs: perRequest(main),
      };
    },
  };
}

async function adminSession(adminPort: number, password: string) {
  const base = `http://127.0.0.1:${adminPort}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ username: 'bench', password }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const get = async (path: string) => {
    const r = await fetch(`${base}${path}`, { headers: { cookie } });
    if (r.status !== 200) throw new Error(`admin ${path} HTTP ${r.status}`);
    return r.json() as Promise<Record<string, unknown>>;
  };
  let polls = 0;
  return {
    get,
    polls: () => polls,
    /** Polls summary, mix and events every 100 ms until the returned function is called. */
    poll() {
      let stopped = false;
      const loop = (async () => {
        while (!stopped) {
          for (const path of ['/api/summary?window=1h', '/api/mix', '/api/events?limit=50']) {
            await get(path);
            polls++;
          }
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
      return async () => {
        stopped = true;
        await loop;
      };
    },
  };
}

const fmtUs = (n: number | undefined) => (n === undefined ? 'n/a' : `${n.toFixed(0)} µs`);
const line = (name: string, r: Result) =>
  `${name}: ${r.rps.toFixed(0)} req/s, p99 ${r.p99.toFixed(1)} ms; proxy CPU per request ${fmtUs(r.cpuUs)} (event-loop thread ${fmtUs(r.mainUs)})`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const upstream = await startFakeUpstream();
const dir = mkdtempSync(join(tmpdir(), 'stronk-audit-bench-'));
const password = 'bench-password-123';
const common = {
  STRONK_GATEWAY_OPENAI_UPSTREAM_BASE_URL: `${upstream.url}/v1`,
  STRONK_GATEWAY_ANTHROPIC_UPSTREAM_BASE_URL: upstream.url,
  STRONK_GATEWAY_ALLOW_INSECURE_UPSTREAMS: 'true',
  STRONK_GATEWAY_ALLOW_NONSTANDARD_UPSTREAM_HOSTS: 'true',
  STRONK_GATEWAY_PORT: '0',
  STRONK_GATEWAY_AUDIT_DB_PATH: join(dir, 'audit.sqlite'),
};
try {
  execFileSync(process.execPath, ['scripts/build.mjs', 'proxy'], { cwd: root, stdio: 'ignore' });
  const off = await start('apps/proxy/dist/server.mjs', {
    ...common,
    STRONK_GATEWAY_AUDIT_STORAGE_ENABLED: 'false',
  });
  const on = await start('apps/proxy/dist/server.mjs', {
    ...common,
    STRONK_GATEWAY_AUDIT_STORAGE_ENABLED: 'true',
  });
  const admin = await start('apps/admin-api/src/server.ts', {
    ...common,
    STRONK_GATEWAY_ENABLE_ADMIN_API: 'true',
    STRONK_GATEWAY_ADMIN_PORT: '0',
    STRONK_GATEWAY_ADMIN_BOOTSTRAP_USER: 'bench',
    STRONK_GATEWAY_ADMIN_BOOTSTRAP_PASSWORD_HASH: await hashPassword(password),
  });
  const session = await adminSession(admin.port, password);
  for (let i = 0; i < 3; i++) await Promise.all([slice(off.port), slice(on.port)]); // warm-up (JIT, pools)
  await sleep(pauseMs);

  // Three series in interleaved slices: audit off; audit off while the admin API is polled (what the admin
  // process alone costs on a shared machine); audit on while polled (the benchmark's question).
  const series = [
    { name: 'audit off', proxy: off, poll: false },
    { name: 'audit off, admin polled', proxy: off, poll: true },
    { name: 'audit on, admin polled', proxy: on, poll: true },
  ].map((s) => ({ ...s, tally: tally(s.proxy), counts: [] as number[] }));
  const adminBefore = cpuSeconds(admin.process.pid!);
  for (let group = 0; group < slices; group++) {
    // A, B, C, C, B, A, …: a load trend across a group hits every series alike.
    for (const s of group % 2 === 0 ? series : [...series].reverse()) {
      const stopPolling = s.poll ? session.poll() : undefined;
      s.counts.push(await s.tally.run());
      await stopPolling?.();
      await sleep(pauseMs);
    }
  }
  const adminAfter = cpuSeconds(admin.process.pid!);
  const [offSeries, polledSeries, onSeries] = series as [
    (typeof series)[0],
    (typeof series)[0],
    (typeof series)[0],
  ];
  const adminCpu =
    adminBefore === undefined || adminAfter === undefined
      ? 'n/a'
      : `${(((adminAfter - adminBefore) / ((2 * slices * sliceMs) / 1000)) * 100).toFixed(0)} %`;
  const results = series.map((s) => s.tally.result());
  const ratioOf = (a: (typeof series)[0], b: (typeof series)[0]) => {
    const total = a.tally.result().rps / b.tally.result().rps;
    const pairs = a.counts.map((n, i) => n / b.counts[i]!).sort((x, y) => x - y);
    const q = (f: number) => ((pairs[Math.floor(f * (pairs.length - 1))] ?? 0) * 100).toFixed(0);
    return `${(total * 100).toFixed(1)} % (per-slice quartiles ${q(0.25)} / ${q(0.5)} / ${q(0.75)} %)`;
  };
  console.log(`${slices} interleaved 1 s slices per series, ${concurrency} concurrent clients`);
  series.forEach((s, i) => {
    console.log(line(s.name.padEnd(23), results[i]!));
  });
  console.log(`admin API CPU while polled: ${adminCpu} of a core`);
  console.log(`ratio audit on / audit off: ${ratioOf(onSeries, offSeries)} — target >= 90 %`);
  console.log(
    `ratio audit on / audit off with the admin API polled alike: ${ratioOf(onSeries, polledSeries)}`,
  );

  // The audit-on proxy flushes on SIGTERM; everything it wrote must be in the file the admin API reads.
  await stop(on);
  const shutdown = on.lines
    .filter((l) => l.includes('"shut down"'))
    .map((l) => JSON.parse(l) as Record<string, unknown>)[0];
  const stored = (await session.get('/api/summary?window=all')).requests_total;
  const failures = [...errors].map(([what, n]) => `${n} × ${what}`).join(', ') || 'none';
  console.log(
    `"database is locked": ${lockedErrors}; failed requests: ${failures}; admin polls: ${session.polls()}`,
  );
  console.log(
    `audit writer: ${shutdown?.written} written, ${shutdown?.dropped} dropped, ${shutdown?.threadRestarts} thread restarts; requests in the store: ${stored}`,
  );
  if (profileDir) console.log(`CPU profiles: ${profileDir}`);
  const storedAll =
    typeof shutdown?.written === 'number' && shutdown.written > 0 && stored === shutdown.written;
  const problems = [
    ...(lockedErrors > 0 ? [`${lockedErrors} "database is locked"`] : []),
    ...(errors.size > 0 ? [`failed requests: ${failures}`] : []),
    ...(storedAll ? [] : [`the store holds ${stored} requests, the writer wrote ${shutdown?.written}`]),
  ];
  // Also on stderr: `pnpm bench` shows only the tail of stderr for a command that fails.
  if (problems.length > 0) console.error(`bench:audit failed: ${problems.join('; ')}`);
  process.exitCode = problems.length === 0 ? 0 : 1;
} finally {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await upstream.close();
  agent.destroy();
  rmSync(dir, { recursive: true, force: true });
}
