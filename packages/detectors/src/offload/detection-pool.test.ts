import { execFileSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { builtinDetectors } from '../builtin.ts';
import { createDetectionEngine } from '../engine.ts';
import { makeChatMessage } from '../testing/index.ts';
import { createDetectionPool, type DetectionPool, detectionWorker } from './detection-pool.ts';

const texts = [
  makeChatMessage(1, 2048),
  makeChatMessage(2, 600),
  '请联系张伟先生，电话13812345678，地址：北京市朝阳区建国路88号。',
  'Project Bluebird is internal; ask Zed Quill about it. Server 10.0.0.12, card 4111 1111 1111 1111.',
  '',
];
const terms = { denyTerms: ['Project Bluebird'], allowTerms: ['Zed Quill'] };
const pools: DetectionPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

function pool(size = 1, spawn?: Parameters<typeof createDetectionPool>[0]['spawn']): DetectionPool {
  const created = createDetectionPool({ size, ...terms, ...(spawn ? { spawn } : {}) });
  pools.push(created);
  return created;
}

/** A worker that answers nothing and exits as soon as it is handed a batch (as a crash would). */
function dyingWorker(): Worker {
  const code = `const { parentPort } = require('node:worker_threads');
    parentPort.postMessage({ ready: true });
    parentPort.on('message', () => process.exit(3));`;
  return new Worker(code, { eval: true });
}

describe('detection pool', () => {
  it('reports exactly what the engine reports on this thread, terms included', async () => {
    const local = createDetectionEngine({ detectors: builtinDetectors(), ...terms, cacheEntries: 0 });
    const workers = pool(2);
    await workers.ready();
    const langs = texts.map((_, i) => (i === 2 ? ('zh' as const) : undefined));
    const found = await workers.detectMany(texts, langs);
    expect(found).toEqual(texts.map((text, i) => [...local.detect(text, langs[i] ? { lang: 'zh' } : {})]));
    expect(found.flat().some((f) => f.type === 'custom')).toBe(true);
    expect(workers.stats()).toMatchObject({ batches: 1, texts: texts.length, failures: 0 });
  }, 60_000);

  it('warms a worker up before it reports ready, when asked, and answers the same afterwards', async () => {
    const local = createDetectionEngine({ detectors: builtinDetectors(), ...terms, cacheEntries: 0 });
    const warmed = createDetectionPool({ size: 1, ...terms, warmUp: true });
    pools.push(warmed);
    const seen: unknown[] = [];
    const spied = createDetectionPool({
      size: 1,
      warmUp: true,
      spawn: (data) => {
        seen.push(data);
        return dyingWorker();
      },
    });
    pools.push(spied);
    await spied.ready();
    expect(seen).toEqual([expect.objectContaining({ warmUp: true })]);
    await warmed.ready();
    expect(
      await warmed.detectMany(
        texts,
        texts.map(() => undefined),
      ),
    ).toEqual(texts.map((text) => local.detect(text)));
  }, 60_000);

  it('spreads concurrent batches over its workers and answers each one', async () => {
    const workers = pool(2);
    await workers.ready();
    const batches = Array.from({ length: 8 }, (_, i) => [makeChatMessage(100 + i, 1024)]);
    const answers = await Promise.all(batches.map((batch) => workers.detectMany(batch, [undefined])));
    expect(answers.every((answer) => answer.length === 1 && answer[0]!.length > 0)).toBe(true);
  }, 60_000);

  it('fails the batch of a worker that dies, and starts a new worker for the next batch', async () => {
    let spawned = 0;
    const workers = pool(1, (data) => (spawned++ === 0 ? dyingWorker() : detectionWorker(data)));
    await workers.ready();
    await expect(workers.detectMany([texts[0]!], [undefined])).rejects.toMatchObject({
      code: 'DETECTION_WORKER_EXITED',
    });
    const [found] = await workers.detectMany([texts[3]!], [undefined]);
    expect(found!.length).toBeGreaterThan(0);
    expect(workers.stats()).toMatchObject({ failures: 1, restarts: 1 });
  }, 60_000);

  it('refuses batches once closed', async () => {
    const workers = pool(1);
    await workers.close();
    await expect(workers.detectMany(['x'], [undefined])).rejects.toMatchObject({
      code: 'DETECTION_POOL_CLOSED',
    });
  });

  it('does not keep the process alive while idle', () => {
    // A script that starts a pool, waits for it and returns: the process must end on its own.
    const script = `import { createDetectionPool } from ${JSON.stringify(new URL('./detection-pool.ts', import.meta.url).href)};
      const pool = createDetectionPool({ size: 1 });
      await pool.ready();
      await pool.detectMany(['Mail bob@example.com'], [undefined]);
      console.log('done');`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      timeout: 30_000,
      encoding: 'utf8',
    });
    expect(out.trim()).toBe('done');
  }, 40_000);
});

describe('engine detectMany with an offload', () => {
  const long = [makeChatMessage(7, 3000), makeChatMessage(8, 1500)];

  it('returns what detect returns, sends only unseen text, and caches the answers', async () => {
    const workers = pool(1, undefined);
    const engine = createDetectionEngine({ detectors: builtinDetectors(), ...terms, offload: workers });
    const reference = createDetectionEngine({ detectors: builtinDetectors(), ...terms, cacheEntries: 0 });
    const all = [...long, 'short text, Zed Quill', ''];
    const first = await engine.detectMany(all);
    expect(first).toEqual(all.map((text) => reference.detect(text)));
    expect(engine.offloadStats()).toEqual({ batches: 1, failures: 0, kept: 0 });
    expect(workers.stats().texts).toBe(2);
    // Seen before: answered from the cache, nothing sent.
    expect(await engine.detectMany(all)).toEqual(first);
    expect(engine.offloadStats().batches).toBe(1);
  }, 60_000);

  it('offloads without a cache too, and answers the same', async () => {
    const workers = pool(1);
    const engine = createDetectionEngine({
      detectors: builtinDetectors(),
      offload: workers,
      cacheEntries: 0,
    });
    const reference = createDetectionEngine({ detectors: builtinDetectors(), cacheEntries: 0 });
    expect(await engine.detectMany(long)).toEqual(long.map((text) => reference.detect(text)));
    expect(await engine.detectMany(long)).toEqual(long.map((text) => reference.detect(text)));
    expect(engine.offloadStats()).toEqual({ batches: 2, failures: 0, kept: 0 });
    expect(engine.cacheStats().size).toBe(0);
  }, 60_000);

  it('keeps a batch on this thread when offloadWhen says no', async () => {
    const workers = pool(1);
    let busy = false;
    const engine = createDetectionEngine({
      detectors: builtinDetectors(),
      offload: workers,
      offloadWhen: () => busy,
    });
    const reference = createDetectionEngine({ detectors: builtinDetectors(), cacheEntries: 0 });
    expect(await engine.detectMany([long[0]!])).toEqual([reference.detect(long[0]!)]);
    expect(engine.offloadStats()).toEqual({ batches: 0, failures: 0, kept: 1 });
    busy = true;
    expect(await engine.detectMany([long[1]!])).toEqual([reference.detect(long[1]!)]);
    expect(engine.offloadStats()).toEqual({ batches: 1, failures: 0, kept: 1 });
  }, 60_000);

  it('keeps small batches on this thread', async () => {
    const workers = pool(1);
    const engine = createDetectionEngine({
      detectors: builtinDetectors(),
      offload: workers,
      offloadMinChars: 5000,
    });
    await engine.detectMany(long);
    expect(engine.offloadStats().batches).toBe(0);
    expect(workers.stats().batches).toBe(0);
  }, 60_000);

  it('detects on this thread when the offload fails', async () => {
    const workers = pool(1);
    await workers.close();
    const engine = createDetectionEngine({ detectors: builtinDetectors(), offload: workers });
    const reference = createDetectionEngine({ detectors: builtinDetectors(), cacheEntries: 0 });
    expect(await engine.detectMany(long)).toEqual(long.map((text) => reference.detect(text)));
    expect(engine.offloadStats()).toEqual({ batches: 1, failures: 1, kept: 0 });
  }, 60_000);
});
