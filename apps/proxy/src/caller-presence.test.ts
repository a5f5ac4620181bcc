import { createServer, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { presenceFromResponse, presenceFromSignal } from './caller-presence.ts';

/** One request to a server whose handler gets the response; resolves with what the handler reports. */
async function withResponse<T>(
  handler: (response: ServerResponse, done: (value: T) => void) => void,
  client: (abort: () => void) => void,
): Promise<T> {
  let settle!: (value: T) => void;
  const result = new Promise<T>((resolve) => {
    settle = resolve;
  });
  const server = createServer((_req, response) => handler(response, settle));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const req = request({ host: '127.0.0.1', port, method: 'GET' }, (res) => res.resume());
  req.on('error', () => {});
  req.end();
  client(() => req.destroy());
  try {
    return await result;
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('presenceFromResponse', () => {
  it('hears a caller that leaves before the response finished', async () => {
    const heard = await withResponse<boolean>(
      (response, done) => {
        const presence = presenceFromResponse(response);
        expect(presence.gone).toBe(false);
        presence.onGone(() => done(presence.gone));
      },
      (abort) => setTimeout(abort, 50),
    );
    expect(heard).toBe(true);
  });

  it('stays quiet when the response finishes, and after the listener is removed', async () => {
    const calls = await withResponse<number>(
      (response, done) => {
        let count = 0;
        const presence = presenceFromResponse(response);
        presence.onGone(() => count++);
        const stop = presenceFromResponse(response).onGone(() => count++);
        stop();
        response.end('ok', () => setTimeout(() => done(count), 50));
      },
      () => {},
    );
    expect(calls).toBe(0);
  });
});

describe('presenceFromSignal', () => {
  it('follows the signal and can stop listening', () => {
    const controller = new AbortController();
    const presence = presenceFromSignal(controller.signal);
    let heard = 0;
    presence.onGone(() => heard++);
    const stop = presence.onGone(() => heard++);
    stop();
    controller.abort();
    expect(presence.gone).toBe(true);
    expect(heard).toBe(1);
  });
});
