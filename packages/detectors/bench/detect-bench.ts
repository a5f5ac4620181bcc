/**
 * `pnpm bench:detect` — detection speed and memory, printed as a Markdown table.
 * Throughput is measured on the evaluation dev texts (../shared/eval/dev, read at run time, never copied)
 * and compared with a compromise-only pass over the same texts in the same run, because these machines
 * are noisy and only same-run ratios are comparable.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { PROXY_ENV, PROXY_NODE_FLAGS } from '../../../apps/proxy/src/runtime-settings.ts';
import { builtinDetectors, createDetectionEngine, preloadChineseSegmenter } from '../src/index.ts';
import { makeChatMessage } from '../src/testing/index.ts';

// Runs from bench/ (tsx) or dist/ (bundle): both sit two levels below the repository root.
const evalDir = resolve(import.meta.dirname, '../../../../shared/eval/dev');
const quick = process.argv.includes('--quick');

function loadEvalTexts(): string[] {
  if (!existsSync(evalDir)) return [];
  const texts: string[] = [];
  for (const file of readdirSync(evalDir).filter((f) => f.endsWith('.jsonl'))) {
    for (const line of readFileSync(join(evalDir, file), 'utf8').split('\n')) {
      if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
    }
  }
  return texts;
}

function mb(n: number): string {
  return (n / 1024 / 1024).toFixed(1);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function timeIt(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const rssBefore = process.memoryUsage().rss;
preloadChineseSegmenter();
const engine = createDetectionEngine({ detectors: builtinDetectors(), cacheEntries: 0 });
engine.detect('warm up: Ann Lee, ann@example.com, 北京市朝阳区建国路88号 张伟先生');
global.gc?.();
const idleRss = process.memoryUsage().rss;
// What the proxy does before it listens: the built-in warm-up texts, once (DetectionEngine.warmUp).
const warmUpMs = engine.warmUp();

// 4 KB chat messages with realistic PII, each distinct, timed right after that warm-up: the first messages a
// freshly started proxy detects. The eval passes below would otherwise have warmed the code up further.
const messages = Array.from({ length: quick ? 200 : 1000 }, (_, i) => makeChatMessage(i, 4096));
// Collect before timing: otherwise the first young-generation collection in the loop copies these 4 MB of
// test messages. Collections caused by detection's own allocation fall inside the timed loop, as in the proxy.
global.gc?.();
const latencies = messages
  .map((message) => timeIt(() => engine.detect(message)) * 1000)
  .sort((a, b) => a - b);
// Steady state: as many messages again, also new (not the same texts a second time), after the first ones.
const laterMessages = messages.map((_, i) => makeChatMessage(messages.length + i, 4096));
global.gc?.();
const steadyLatencies = laterMessages
  .map((message) => timeIt(() => engine.detect(message)) * 1000)
  .sort((a, b) => a - b);

let texts = loadEvalTexts();
if (quick) texts = texts.filter((_, i) => i % 10 === 0);
const totalChars = texts.reduce((n, t) => n + t.length, 0);
const totalBytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

// Full detector set over every eval text: the first pass (JIT still warming) and the best of 3.
const passSeconds: number[] = [];
for (let pass = 0; pass < (quick ? 1 : 3); pass++) {
  passSeconds.push(
    timeIt(() => {
      for (const text of texts) engine.detect(text);
    }),
  );
}
const fullSeconds = Math.min(...passSeconds);
const firstPassRate = totalBytes / passSeconds[0]!;

// Imported only now so its lexicon does not count towards the idle RSS above.
const { default: nlp } = await import('compromise');
// The off-the-shelf baseline: compromise people()/organizations() over the same texts (a sample if slow).
const baselineTexts = texts.filter((_, i) => i % 20 === 0);
const baselineBytes = baselineTexts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const compromiseSeconds = timeIt(() => {
  for (const text of baselineTexts) {
    const doc = nlp(text);
    doc.people().out('offset');
    doc.organizations().out('offset');
  }
});

// Resent history: the same texts again through a caching engine.
const cachingEngine = createDetectionEngine({ detectors: builtinDetectors() });
const coldSeconds = timeIt(() => {
  for (const message of messages) cachingEngine.detect(message);
});
const warmSeconds = timeIt(() => {
  for (const message of messages) cachingEngine.detect(message);
});

/**
 * Idle RSS as users run it: the bundled proxy on plain node with its production flags and environment
 * (apps/proxy/src/runtime-settings.ts), every detector loaded and warmed up, read from /proc once it is idle
 * after one request, and again after `TRAFFIC_REQUESTS` distinct 4 KB messages (V8 and malloc keep part of what
 * traffic made them grow). `workers` is STRONK_GATEWAY_DETECTION_WORKERS: with 0 the detectors are loaded once,
 * on the event loop; every worker thread loads its own copy.
 */
const TRAFFIC_REQUESTS = 300;
async function proxyIdleRss(workers: string): Promise<{ started: number; afterTraffic: number } | undefined> {
  const root = resolve(import.meta.dirname, '../../..');
  if (spawnSync(process.execPath, ['scripts/build.mjs', 'proxy'], { cwd: root }).status !== 0)
    return undefined;
  const child = spawn(process.execPath, [...PROXY_NODE_FLAGS, 'apps/proxy/dist/server.mjs'], {
    cwd: root,
    env: {
      ...process.env,
      ...PROXY_ENV,
      STRONK_GATEWAY_PORT: '0',
      STRONK_GATEWAY_ENABLE_DEBUG_MASK_ENDPOINT: 'true',
      STRONK_GATEWAY_DETECTION_WORKERS: workers,
    },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const idleRss = async () => {
    await new Promise((r) => setTimeout(r, 500));
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) * 1024;
  };
  try {
    for await (const line of createInterface({ input: child.stdout! })) {
      const port = (JSON.parse(line) as { port?: number }).port;
      if (!port) continue;
      const mask = (text: string) =>
        fetch(`http://127.0.0.1:${port}/debug/mask`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text }),
        }).then((response) => response.arrayBuffer());
      await mask(`${makeChatMessage(1, 4096)} 北京市朝阳区建国路88号 张伟先生`);
      const started = await idleRss();
      for (let i = 0; i < TRAFFIC_REQUESTS; i++) await mask(makeChatMessage(100_000 + i, 4096));
      return { started, afterTraffic: await idleRss() };
    }
    return undefined;
  } finally {
    child.kill();
  }
}
const proxyRss = await proxyIdleRss('0');
const defaultWorkers = availableParallelism() < 2 ? 0 : Math.min(4, availableParallelism() - 1);
const proxyRssDefault = defaultWorkers > 0 ? await proxyIdleRss('auto') : proxyRss;
const rssCell = (rss: number | undefined) => (rss ? `${mb(rss)} MiB (${(rss / 1e6).toFixed(1)} MB)` : 'n/a');

const fullRate = totalBytes / fullSeconds;
const compromiseRate = baselineBytes / compromiseSeconds;
console.log(`## Detection benchmark (${new Date().toISOString().slice(0, 10)})

Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}${quick ? ' (quick run)' : ''}.
Texts: ${texts.length} eval dev texts, ${(totalChars / 1e6).toFixed(2)} M chars, ${mb(totalBytes)} MiB UTF-8.

| measure | value | target |
|---|---|---|
| full detector set throughput (1 core), best of ${passSeconds.length} passes | ${mb(fullRate)} MiB/s (${(totalChars / fullSeconds / 1e6).toFixed(2)} M chars/s) | ≥ 2 MB/s |
| the same, first pass (after the warm-up and the chat messages above) | ${mb(firstPassRate)} MiB/s | |
| compromise-only pass (people + organizations), same run | ${(compromiseRate / 1024).toFixed(0)} KiB/s | baseline |
| ratio full set / compromise-only | ${(fullRate / compromiseRate).toFixed(1)}× | |
| start-up warm-up (built-in synthetic texts, two passes per detecting thread, before the proxy listens) | ${warmUpMs.toFixed(0)} ms | |
| 4 KB chat message, p50 / p99 / max (the first ${messages.length} chat messages after that warm-up) | ${percentile(latencies, 50).toFixed(2)} / ${percentile(latencies, 99).toFixed(2)} / ${latencies.at(-1)!.toFixed(2)} ms | p99 ≤ 2 ms |
| the next ${laterMessages.length} new chat messages (steady state) | ${percentile(steadyLatencies, 50).toFixed(2)} / ${percentile(steadyLatencies, 99).toFixed(2)} / ${steadyLatencies.at(-1)!.toFixed(2)} ms | |
| resent history (cache hit) vs first sight | ${((warmSeconds / coldSeconds) * 100).toFixed(2)} % of the cost (${((warmSeconds / messages.length) * 1e6).toFixed(1)} µs per 4 KB message) | almost nothing |
| idle RSS of the bundled proxy, all detectors loaded and warmed up, after one request | ${rssCell(proxyRss?.started)} | ≤ 150 MB |
| the same after ${TRAFFIC_REQUESTS} more distinct 4 KB requests, idle again | ${rssCell(proxyRss?.afterTraffic)} | ≤ 150 MB |
| the same with the default detection workers (${defaultWorkers} here, each with its own detectors), after one request / after traffic | ${rssCell(proxyRssDefault?.started)} / ${rssCell(proxyRssDefault?.afterTraffic)} | |
| RSS in this benchmark process | ${mb(idleRss)} MiB (before loading detectors: ${mb(rssBefore)} MiB) | |
`);
