import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeUpstream } from './fake-upstream.ts';
import { postJson, ROUTES } from './http.ts';
import { type RunningProxy, startProxy } from './proxy-harness.ts';

/**
 * An upstream that drops a kept-alive connection when a second request arrives on it — what a provider
 * closing an idle socket at the moment the proxy reuses it looks like from the proxy's side.
 */
let server: Server;
let proxy: RunningProxy;
const requestsPerSocket = new WeakMap<Socket, number>();
let answered = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const n = (requestsPerSocket.get(req.socket) ?? 0) + 1;
    requestsPerSocket.set(req.socket, n);
    if (n > 1) {
      req.socket.destroy();
      return;
    }
    req.resume();
    req.on('end', () => {
      answered++;
      res.writeHead(200, { 'content-type': 'application/json', connection: 'keep-alive' });
      res.end(
        JSON.stringify({
          id: 'c',
          object: 'chat.completion',
          model: 'm',
          choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy = await startProxy({ url } as FakeUpstream);
});
afterAll(async () => {
  await proxy.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('pooled upstream connections', () => {
  it('resends once on a fresh connection when a reused one turns out to be closed', async () => {
    for (let i = 0; i < 5; i++) {
      const response = await postJson(proxy.url, ROUTES.chat.path, ROUTES.chat.body('hello'));
      expect(response.status, `request ${i}`).toBe(200);
    }
    // Every request was answered exactly once: the retry never duplicates a request that got through.
    expect(answered).toBe(5);
  });
});
