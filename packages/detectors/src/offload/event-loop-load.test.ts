import { describe, expect, it } from 'vitest';
import { eventLoopLoad } from './event-loop-load.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('eventLoopLoad', () => {
  it('reads near 1 after a window spent computing and near 0 after a window spent waiting', async () => {
    const load = eventLoopLoad(50);
    expect(load()).toBe(0); // no window has passed yet
    const until = performance.now() + 120;
    while (performance.now() < until) {
      // Busy: the event loop never gets to wait.
    }
    expect(load()).toBeGreaterThan(0.5);
    await sleep(120);
    load(); // closes the window that held the tail of the busy time
    await sleep(120);
    expect(load()).toBeLessThan(0.5);
  });
});
