import { openSqliteStore } from '@stronk/audit';
import { describe, expect, it } from 'vitest';
import { createAttemptLimiter } from '../src/rate-limit.ts';
import { createSessionManager } from '../src/sessions.ts';

describe('sessions', () => {
  it('expire after the idle and the absolute lifetime, and revoke', async () => {
    const store = openSqliteStore(':memory:');
    let t = 1_000_000;
    const sessions = createSessionManager({ store, idleTtlMs: 60_000, absoluteTtlMs: 300_000, now: () => t });
    const { token, session } = await sessions.create('root', ['admin']);
    expect((await store.getSession(session.id))?.secretHash).not.toContain(token.split('.')[1]);
    t += 50_000;
    expect(await sessions.validate(token)).not.toBeNull(); // refreshes last seen
    t += 50_000;
    expect(await sessions.validate(token)).not.toBeNull();
    t += 61_000;
    expect(await sessions.validate(token)).toBeNull(); // idle
    expect(await store.getSession(session.id)).toBeNull();

    const second = await sessions.create('root', ['admin']);
    for (let i = 0; i < 5; i++) {
      t += 50_000;
      expect(await sessions.validate(second.token)).not.toBeNull();
    }
    t += 50_000;
    expect(await sessions.validate(second.token)).toBeNull(); // absolute (300 s)

    const third = await sessions.create('root', ['admin']);
    expect(await sessions.validate(`${third.token.split('.')[0]}.${'a'.repeat(32)}`)).toBeNull(); // wrong secret
    await sessions.revoke(third.session.id);
    expect(await sessions.validate(third.token)).toBeNull();
    await store.close();
  });

  it('limits attempts over a sliding window', () => {
    let t = 0;
    const limiter = createAttemptLimiter({ limit: 2, windowMs: 1000, now: () => t });
    limiter.fail('k');
    expect(limiter.retryAfter('k')).toBe(0);
    limiter.fail('k');
    expect(limiter.retryAfter('k')).toBe(1000);
    t = 1001;
    expect(limiter.retryAfter('k')).toBe(0);
  });
});
