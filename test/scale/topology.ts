/**
 * Starts the scale-out topology on 127.0.0.1: N bundled proxy processes (apps/proxy/dist/server.mjs),
 * HAProxy in front of them, and one admin API process, all writing to / reading from one Postgres schema.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROXY_ENV, PROXY_NODE_FLAGS } from '../../apps/proxy/src/runtime-settings.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Why the scale test cannot run here, or undefined when haproxy and Postgres are both available. */
export function missingPrerequisite(): string | undefined {
  try {
    execFileSync('haproxy', ['-v'], { stdio: 'ignore' });
  } catch {
    return 'haproxy is not installed (apt-get install -y haproxy): scale-out test skipped';
  }
  if (!process.env.STRONK_GATEWAY_TEST_POSTGRES_URL)
    return 'STRONK_GATEWAY_TEST_POSTGRES_URL is unset (eval "$(bash scripts/start-postgres.sh)"): scale-out test skipped';
  return undefined;
}

/** The parent's environment minus any STRONK_GATEWAY_* variables, plus `env`. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('STRONK_GATEWAY_')),
  );
  return { ...clean, ...env };
}

export interface Child {
  name: string;
  process: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
}

function launch(name: string, args: string[], env: Record<string, string>): Child {
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString('utf8');
  });
  child.stderr?.on('data', (c: Buffer) => {
    err += c.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, process: child, stdout: () => out, stderr: () => err, exited };
}

/** Waits for a JSON log line whose `msg` is `msg` and returns it. */
async function logLine(child: Child, msg: string, timeoutMs = 30_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const line of child.stdout().split('\n')) {
      if (!line.startsWith('{')) continue;
      const parsed = JSON.parse(line) as Record<string, unknown>;
      if (parsed.msg === msg) return parsed;
    }
    if (child.process.exitCode !== null) throw new Error(`${child.name} exited early: ${child.stderr()}`);
    if (Date.now() > deadline) throw new Error(`${child.name} did not log "${msg}": ${child.stderr()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export interface ProxyProcess extends Child {
  port: number;
  url: string;
}

export async function startProxyProcess(name: string, env: Record<string, string>): Promise<ProxyProcess> {
  const child = launch(name, [...PROXY_NODE_FLAGS, '--enable-source-maps', 'apps/proxy/dist/server.mjs'], {
    ...PROXY_ENV,
    STRONK_GATEWAY_HOST: '127.0.0.1',
    STRONK_GATEWAY_PORT: '0',
    ...env,
  });
  const line = await logLine(child, 'stronk-gateway proxy listening');
  const port = Number(line.port);
  return Object.assign(child, { port, url: `http://127.0.0.1:${port}` });
}

export async function startAdminProcess(env: Record<string, string>): Promise<Child & { url: string }> {
  const child = launch('admin', ['--import', 'tsx', 'apps/admin-api/src/server.ts'], {
    STRONK_GATEWAY_ENABLE_ADMIN_API: 'true',
    STRONK_GATEWAY_ADMIN_HOST: '127.0.0.1',
    STRONK_GATEWAY_ADMIN_PORT: '0',
    ...env,
  });
  const line = await logLine(child, 'stronk admin API listening');
  return Object.assign(child, { url: `http://127.0.0.1:${Number(line.port)}` });
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * HAProxy's configuration for the proxies: round robin for plain requests, sticky by `session-id` (the
 * header Codex sends on every handshake and request, docs/websocket.md "Deployment") so a conversation's
 * websocket reconnects reach the process that holds its turn state. Consistent hashing moves only the
 * keys of a process that goes down. Fast health checks take a dead process out; connection failures are
 * retried on another server. The answering server's name is returned in `x-stronk-backend` (tests only).
 */
export function haproxyConfig(port: number, backends: ReadonlyArray<{ name: string; port: number }>): string {
  return `global
  maxconn 2000

defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout tunnel 120s
  option redispatch
  retries 3

frontend public
  bind 127.0.0.1:${port}
  default_backend proxies

backend proxies
  balance hdr(session-id)
  hash-type consistent
  option httpchk GET /health
  http-response set-header x-stronk-backend %s
${backends.map((b) => `  server ${b.name} 127.0.0.1:${b.port} check inter 200ms fall 1 rise 2`).join('\n')}
`;
}

export interface Balancer {
  url: string;
  process: ChildProcess;
  close(): Promise<void>;
}

export async function startHaproxy(
  backends: ReadonlyArray<{ name: string; port: number }>,
): Promise<Balancer> {
  const dir = mkdtempSync(join(tmpdir(), 'stronk-haproxy-'));
  const port = await freePort();
  const file = join(dir, 'haproxy.cfg');
  writeFileSync(file, haproxyConfig(port, backends));
  execFileSync('haproxy', ['-c', '-q', '-f', file]);
  const child = spawn('haproxy', ['-db', '-f', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString('utf8');
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`haproxy did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    process: child,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function stop(child: Child, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill(signal);
  return child.exited;
}
