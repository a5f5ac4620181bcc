/**
 * `pnpm bench:audit` — audit contention. The proxy runs at full speed (closed loop) against a fake upstream,
 * once with audit storage off and once on (SQLite, WAL), while an admin API process polls summary, mix and
 * events every 100 ms against the same file. Reports req/s and p99 for both and counts "database is locked".
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { startFakeUpstream } from '../../proxy/test/fake-upstream.ts';
import { hashPassword } from '../src/passwords.ts';

const quick = process.argv.includes('--quick');
const seconds = quick ? 3 : 10;
const concurrency = 32;
const root = resolve(import.meta.dirname, '../../..');
const children: ChildProcess[] = [];
let lockedErrors = 0;

function start(script: string, env: Record<string, string>): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  child.stderr!.on('data', (d: Buffer) => {
    lockedErrors += (d.toString().match(/database is locked/g) ?? []).length;
  });
  return new Promise((resolvePort, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      lockedErrors += (line.match(/database is locked|SQLITE_BUSY/g) ?? []).length;
      try {
        const parsed = JSON.parse(line) as { port?: number };
        if (parsed.port) resolvePort(parsed.port);
      } catch {}
    });
    child.once('exit', () => reject(new Error(`${script} exited`)));
  });
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

async function load(port: number) {
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  let i = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) latencies.push(await send(port, body(i++)));
    }),
  );
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / seconds, p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0 };
}

async function poller(adminPort: number, password: string) {
  const base = `http://127.0.0.1:${adminPort}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ username: 'bench', password }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  let polls = 0;
  let stop = false;
  const loop = (async () => {
    while (!stop) {
      for (const path of ['/api/summary?window=1h', '/api/mix', '/api/events?limit=50']) {
        const r = await fetch(`${base}${path}`, { headers: { cookie } });
        if (r.status !== 200) throw new Error(`admin ${path} HTTP ${r.status}`);
        await r.arrayBuffer();
        polls++;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return async () => {
    stop = true;
    await loop;
    return polls;
  };
}

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
  const offPort = await start('apps/proxy/src/server.ts', {
    ...common,
    STRONK_GATEWAY_AUDIT_STORAGE_ENABLED: 'false',
  });
  await load(offPort); // warm-up
  const off = await load(offPort);
  children.pop()!.kill();

  const onPort = await start('apps/proxy/src/server.ts', {
    ...common,
    STRONK_GATEWAY_AUDIT_STORAGE_ENABLED: 'true',
  });
  const adminPort = await start('apps/admin-api/src/server.ts', {
    ...common,
    STRONK_GATEWAY_ENABLE_ADMIN_API: 'true',
    STRONK_GATEWAY_ADMIN_PORT: '0',
    STRONK_GATEWAY_ADMIN_BOOTSTRAP_USER: 'bench',
    STRONK_GATEWAY_ADMIN_BOOTSTRAP_PASSWORD_HASH: await hashPassword(password),
  });
  await load(onPort); // warm-up
  const stopPolling = await poller(adminPort, password);
  const on = await load(onPort);
  const polls = await stopPolling();

  const ratio = on.rps / off.rps;
  console.log(`audit off: ${off.rps.toFixed(0)} req/s, p99 ${off.p99.toFixed(1)} ms`);
  console.log(`audit on : ${on.rps.toFixed(0)} req/s, p99 ${on.p99.toFixed(1)} ms (admin polls: ${polls})`);
  console.log(`ratio ${(ratio * 100).toFixed(1)} % (target >= 90 %), "database is locked": ${lockedErrors}`);
  process.exitCode = lockedErrors === 0 ? 0 : 1;
} finally {
  for (const child of children) child.kill();
  await upstream.close();
  agent.destroy();
  rmSync(dir, { recursive: true, force: true });
}
