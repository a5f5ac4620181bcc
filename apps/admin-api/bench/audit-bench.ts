/**
 * `pnpm bench:audit` — audit contention. The bundled proxy (as `pnpm proxy` runs it) answers at full speed
 * (closed loop) from a fake upstream, once with audit storage off and once on (SQLite, WAL, written by the
 * audit writer thread), while an admin API process polls summary, mix and events every 100 ms against the same
 * file. Reports req/s, p99 and CPU per request for both, counts "database is locked", and checks that the
 * audit-on proxy really stored what it answered.
 *
 * Options: `--quick` (3 s phases), `--rounds N` (alternate off/on N times with the processes kept warm and
 * report the median ratio: on a shared machine, background load drifts between phases), `--cpu-prof` (write
 * V8 CPU profiles of both proxies, every thread, to a temporary directory).
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
const rounds = Math.max(1, Number(args[args.indexOf('--rounds') + 1]) || 1);
const profileDir = args.includes('--cpu-prof')
  ? mkdtempSync(join(tmpdir(), 'stronk-audit-prof-'))
  : undefined;
const seconds = quick ? 3 : 10;
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

const agent = new Agent({ keepAlive: true, maxSockets: 256 });
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

function send(port: number, payload: string): Promise<number> {
  const started = performance.now();
  return new Promise((ok, fail) => {
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
        res.resume();
        res.on('end', () =>
          res.statusCode === 200
            ? ok(performance.now() - started)
            : fail(new Error(`HTTP ${res.statusCode}`)),
        );
      },
    );
    req.on('error', fail);
    req.end(payload);
  });
}

interface Result {
  rps: number;
  p99: number;
  /** Proxy CPU per request, µs: whole process, and its main (event-loop) thread. */
  cpuUs: number | undefined;
  mainUs: number | undefined;
  /** Admin API process CPU over the phase, % of one core. */
  adminCpu: number | undefined;
}

async function load(proxy: Child, admin?: Child): Promise<Result> {
  const pid = proxy.process.pid!;
  const before = [cpuSeconds(pid), cpuSeconds(pid, pid), admin && cpuSeconds(admin.process.pid!)];
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  let i = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) latencies.push(await send(proxy.port, body(i++)));
    }),
  );
  const after = [cpuSeconds(pid), cpuSeconds(pid, pid), admin && cpuSeconds(admin.process.pid!)];
  const delta = (k: number) =>
    before[k] === undefined || after[k] === undefined ? undefined : after[k]! - before[k]!;
  const perRequest = (k: number) => {
    const d = delta(k);
    return d === undefined ? undefined : (d * 1e6) / latencies.length;
  };
  latencies.sort((a, b) => a - b);
  const adminSeconds = delta(2);
  return {
    rps: latencies.length / seconds,
    p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
    cpuUs: perRequest(0),
    mainUs: perRequest(1),
    adminCpu: adminSeconds === undefined ? undefined : (adminSeconds / seconds) * 100,
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
  await load(off); // warm-up
  await load(on); // warm-up

  const ratios: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const offResult = await load(off);
    const stopPolling = session.poll();
    const onResult = await load(on, admin);
    await stopPolling();
    const ratio = onResult.rps / offResult.rps;
    ratios.push(ratio);
    if (rounds > 1) console.log(`round ${round}`);
    console.log(line('audit off', offResult));
    console.log(
      `${line('audit on ', onResult)}; admin API CPU ${onResult.adminCpu?.toFixed(0) ?? 'n/a'} % of a core`,
    );
    console.log(`ratio ${(ratio * 100).toFixed(1)} % (target >= 90 %)`);
  }

  // The audit-on proxy flushes on SIGTERM; everything it wrote must be in the file the admin API reads.
  await stop(on);
  const shutdown = on.lines
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .find((l) => l.msg === 'shut down');
  const stored = (await session.get('/api/summary?window=all')).requests_total;
  const sorted = [...ratios].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(
    `${rounds > 1 ? `median ratio ${(median * 100).toFixed(1)} % over ${rounds} rounds; ` : ''}"database is locked": ${lockedErrors}; admin polls: ${session.polls()}`,
  );
  console.log(
    `audit writer: ${shutdown?.written} written, ${shutdown?.dropped} dropped, ${shutdown?.threadRestarts} thread restarts; requests in the store: ${stored}`,
  );
  if (profileDir) console.log(`CPU profiles: ${profileDir}`);
  const storedAll =
    typeof shutdown?.written === 'number' && shutdown.written > 0 && stored === shutdown.written;
  process.exitCode = lockedErrors === 0 && storedAll ? 0 : 1;
} finally {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await upstream.close();
  agent.destroy();
  rmSync(dir, { recursive: true, force: true });
}
