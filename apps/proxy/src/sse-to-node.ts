import type { ServerResponse } from 'node:http';

/**
 * Writes SSE frames to Node's response as they come (the headers go out with the first frame), waiting for
 * the socket to drain when the caller reads slowly. A caller that leaves stops the relay, which ends the
 * frames' generator, and `cancel` releases the upstream.
 */
export async function writeFramesToNode(
  frames: AsyncGenerator<string | Uint8Array>,
  response: ServerResponse,
  status: number,
  headers: Headers,
  cancel: () => void,
): Promise<void> {
  const onClose = () => {
    if (!response.writableFinished) cancel();
  };
  response.once('close', onClose);
  try {
    response.writeHead(status, Object.fromEntries(headers));
    let first = true;
    for await (const frame of frames) {
      if (response.destroyed) break;
      const flowing = response.write(frame);
      if (first) {
        // Node corks the socket until the microtasks run out, which would hold the first frame back until the
        // rest of the upstream's first read is rehydrated too: send the headers and first frame now.
        response.socket?.uncork();
        first = false;
      }
      if (!flowing) await drained(response);
    }
  } catch {
    // The frames end with an error frame rather than throw; this is the socket failing under us.
    cancel();
  } finally {
    response.off('close', onClose);
    if (!response.destroyed) response.end();
  }
}

function drained(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}

/**
 * Tells @hono/node-server that the handler answered on Node's response itself (its documented
 * `x-hono-already-sent` header). Reading `body` matters: once the server has installed its own Response
 * class, a fresh response takes a fast path that ignores the header; reading the body moves it to the path
 * that honours it (a standard Response is unaffected).
 */
export function responseAlreadySent(): Response {
  const response = new Response(null, { headers: { 'x-hono-already-sent': 'true' } });
  void response.body;
  return response;
}
