/**
 * The processes a benchmark measures, each in its own process so the load generator's CPU is not counted
 * against them: the fake provider, the bare passthrough, the proxy (the esbuild bundle on plain node, as
 * users run it, or the TypeScript source for tests) and the admin API.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PROXY_ENV, PROXY_NODE_FLAGS } from '../../../apps/proxy/src/runtime-settings.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PROXY_BUNDLE = 'apps/proxy/dist/server.mjs';
const OUTPUT_TAIL_CHARS = 16_384;

export interface Service {
  name: string;
  pid: number;
  port: number;
  url: string;
  /** The last few KB the process wrote (for error messages; the processes log no values). */
  outputTail(): string;
  /** True once the process has exited. */
  exited(): boolean;
  /** SIGTERM, then SIGKILL after a grace period; resolves when the process is gone. */
  stop(): Promise<void>;
}

export interface ServiceOptions {
  name: string;
  /** Script path relative to the repository root; `.ts` runs with tsx, `.mjs` on plain node. */
  script: string;
  env?: Record<string, string>;
  /** Node options before the script (the proxy bundle runs with its production flags). */
  nodeArgs?: readonly string[];
  /** Sees every chunk of stdout and stderr (the soak scans the proxy's output for canaries). */
  onOutput?: (text: string) => void;
}

/** The parent's environment without STRONK_GATEWAY_* / BENCH_* settings, plus `env`. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !key.startsWith('STRONK_GATEWAY_') && !key.startsWith('BENCH_'),
    ),
  );
  return { ...clean, ...env };
}

/** Starts a process that prints a JSON line with its `port` once it listens. */
export function startService(options: ServiceOptions): Promise<Service> {
  const args = [
    ...(options.nodeArgs ?? []),
    ...(options.script.endsWith('.ts') ? ['--import', 'tsx', options.script] : [options.script]),
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: childEnv(options.env ?? {}),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  let lineBuffer = '';
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  return new Promise((resolve, reject) => {
    let listening = false;
    const onChunk = (chunk: Buffer, isStdout: boolean) => {
      const text = chunk.toString('utf8');
      options.onOutput?.(text);
      tail = (tail + text).slice(-OUTPUT_TAIL_CHARS);
      if (listening || !isStdout) return;
      lineBuffer += text;
      const lines = lineBuffer.split('\n');
      lineBuffer = lines.pop() ?? '';
      for (const line of lines) {
        let port: unknown;
        try {
          port = (JSON.parse(line) as { port?: unknown }).port;
        } catch {
          continue;
        }
        if (typeof port !== 'number' || port <= 0) continue;
        listening = true;
        resolve({
          name: options.name,
          pid: child.pid!,
          port,
          url: `http://127.0.0.1:${port}`,
          outputTail: () => tail,
          exited: () => exited,
          async stop() {
            if (exited) return;
            child.kill('SIGTERM');
            const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
            await exit;
            clearTimeout(killer);
          },
        });
        return;
      }
    };
    child.stdout!.on('data', (chunk: Buffer) => onChunk(chunk, true));
    child.stderr!.on('data', (chunk: Buffer) => onChunk(chunk, false));
    void exit.then(() => {
      if (!listening) reject(new Error(`${options.name} exited before listening:\n${tail.slice(-2000)}`));
    });
  });
}

/** Builds the proxy bundle (apps/proxy/dist/server.mjs) from the current source. */
export function buildProxyBundle(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', 'proxy'], {
    cwd: REPO_ROOT,
    stdio: 'ignore',
    env: { ...process.env, STRONK_BUILD_QUIET: '1' },
  });
}

export function startFakeProvider(env: Record<string, string> = {}): Promise<Service> {
  return startService({ name: 'fake provider', script: 'test/bench/fake-provider/server.ts', env });
}

export function startBarePassthrough(upstream: Service): Promise<Service> {
  return startService({
    name: 'bare passthrough',
    script: 'apps/proxy/bench/bare-passthrough.ts',
    env: { BENCH_UPSTREAM_URL: upstream.url },
  });
}

/** The settings that point a proxy at the fake provider (plain http on 127.0.0.1 needs both opt-ins). */
export function proxyEnv(upstream: Service): Record<string, string> {
  return {
    STRONK_GATEWAY_HOST: '127.0.0.1',
    STRONK_GATEWAY_PORT: '0',
    STRONK_GATEWAY_OPENAI_UPSTREAM_BASE_URL: `${upstream.url}/v1`,
    STRONK_GATEWAY_ANTHROPIC_UPSTREAM_BASE_URL: upstream.url,
    STRONK_GATEWAY_ALLOW_INSECURE_UPSTREAMS: 'true',
    STRONK_GATEWAY_ALLOW_NONSTANDARD_UPSTREAM_HOSTS: 'true',
  };
}

export interface ProxyOptions {
  /** `bundle` (default): the esbuild bundle on plain node; build it first with buildProxyBundle(). */
  from?: 'bundle' | 'source';
  env?: Record<string, string>;
  onOutput?: (text: string) => void;
  name?: string;
}

export function startProxy(upstream: Service, options: ProxyOptions = {}): Promise<Service> {
  const bundle = options.from !== 'source';
  return startService({
    name: options.name ?? 'stronk proxy',
    script: bundle ? PROXY_BUNDLE : 'apps/proxy/src/server.ts',
    // The bundle runs as `pnpm proxy` and the container image start it.
    ...(bundle ? { nodeArgs: PROXY_NODE_FLAGS } : {}),
    env: { ...(bundle ? PROXY_ENV : {}), ...proxyEnv(upstream), ...options.env },
    ...(options.onOutput ? { onOutput: options.onOutput } : {}),
  });
}

/** Stops every service that was started, in reverse order, ignoring ones already gone. */
export async function stopAll(services: Array<Service | undefined>): Promise<void> {
  for (const service of [...services].reverse()) await service?.stop().catch(() => {});
}
