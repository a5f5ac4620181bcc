import type { ServerResponse } from 'node:http';

/** Whether the caller is still there, and a way to hear when it leaves (its request is then cancelled). */
export interface CallerPresence {
  readonly gone: boolean;
  /** Calls `listener` once when the caller goes away; the returned function stops listening. */
  onGone(listener: () => void): () => void;
}

export function presenceFromSignal(signal: AbortSignal): CallerPresence {
  return {
    get gone() {
      return signal.aborted;
    },
    onGone(listener) {
      signal.addEventListener('abort', listener, { once: true });
      return () => signal.removeEventListener('abort', listener);
    },
  };
}

/**
 * The same from Node's response: the caller left when the response closed before it finished (as
 * @hono/node-server decides for `request.signal`). Reading `request.signal` would build an AbortController and
 * an event target for every request, a measurable share of the proxy's per-request CPU.
 */
export function presenceFromResponse(outgoing: ServerResponse): CallerPresence {
  const left = () => outgoing.destroyed && !outgoing.writableFinished;
  return {
    get gone() {
      return left();
    },
    onGone(listener) {
      if (left()) {
        queueMicrotask(listener);
        return () => {};
      }
      const onClose = () => {
        if (!outgoing.writableFinished) listener();
      };
      outgoing.once('close', onClose);
      return () => outgoing.off('close', onClose);
    },
  };
}
