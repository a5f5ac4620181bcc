import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SERVER = 'apps/proxy/src/server.ts';

/** The parent's environment minus any STRONK_GATEWAY_* variables, plus `env`. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('STRONK_GATEWAY_')),
  );
  return { ...clean, ...env };
}

function startServer(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', SERVER], {
    cwd: REPO_ROOT,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function collect(child: ChildProcess): { stdout: () => string; stderr: () => string } {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => {
    stdout += c.toString('utf8');
  });
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString('utf8');
  });
  return { stdout: () => stdout, stderr: () => stderr };
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

let running: ChildProcess | undefined;
afterEach(async () => {
  if (running && running.exitCode === null) {
    running.kill('SIGKILL');
    await exitOf(running);
  }
  running = undefined;
});

describe('server.ts as a process', () => {
  it('stops with a non-zero exit naming the variable when a value is invalid', async () => {
    // One child is enough here (every variable's validation is unit-tested against loadProxyConfig); each
    // child pays the TypeScript loader's start-up.
    const cases = [['STRONK_GATEWAY_OPENAI_UPSTREAM_BASE_URL', 'http://127.0.0.1:1/v1']] as const;
    await Promise.all(
      cases.map(async ([variable, value]) => {
        const child = startServer({ STRONK_GATEWAY_PORT: '0', [variable]: value });
        const output = collect(child);
        const code = await exitOf(child);
        expect(code, variable).not.toBe(0);
        expect(code, variable).not.toBeNull();
        expect(output.stderr()).toContain(variable);
        expect(output.stdout()).toBe('');
      }),
    );
  }, 30_000);

  it('logs exactly one JSON line when listening, and /health answers 200', async () => {
    running = startServer({
      STRONK_GATEWAY_HOST: '127.0.0.1',
      STRONK_GATEWAY_PORT: '0',
      STRONK_GATEWAY_DETECTION_WORKERS: '1',
      // Any load: the one request below must go to the worker even though the server is idle.
      STRONK_GATEWAY_DETECTION_WORKER_LOAD: '0',
      STRONK_GATEWAY_ENABLE_DEBUG_MASK_ENDPOINT: 'true',
    });
    const output = collect(running);
    const deadline = Date.now() + 25_000;
    while (!output.stdout().includes('\n')) {
      if (running.exitCode !== null) throw new Error(`server exited early: ${output.stderr()}`);
      if (Date.now() > deadline) throw new Error('server did not log a listening line');
      await new Promise((r) => setTimeout(r, 25));
    }
    const line = JSON.parse(output.stdout().trim()) as {
      msg: string;
      host: string;
      port: number;
      level: string;
    };
    expect(line).toMatchObject({ level: 'info', host: '127.0.0.1' });
    expect(line.port).toBeGreaterThan(0);

    const health = await fetch(`http://127.0.0.1:${line.port}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    // Masking a long text (no upstream needed: the debug endpoint answers locally) runs on the worker.
    const masked = await fetch(`http://127.0.0.1:${line.port}/debug/mask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: `${'Status report. '.repeat(80)}Mail ann.lee@example.com today.` }),
    });
    expect(masked.status).toBe(200);
    expect(JSON.stringify(await masked.json())).not.toContain('ann.lee@example.com');
    const metrics = await (await fetch(`http://127.0.0.1:${line.port}/metrics`)).text();
    expect(metrics).toMatch(/^stronk_detection_workers 1$/m);
    expect(metrics).toMatch(/^stronk_detection_worker_batches 1$/m);
    expect(metrics).toMatch(/^stronk_detection_worker_failures 0$/m);
    // Still one line after serving a request: requests are not logged to stdout.
    await new Promise((r) => setTimeout(r, 50));
    expect(output.stdout().trim().split('\n')).toHaveLength(1);
    expect(output.stderr()).toBe('');

    running.kill('SIGTERM');
    expect(await exitOf(running)).toBe(0);
  }, 30_000);
});
