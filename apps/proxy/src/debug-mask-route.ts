import type { Context } from 'hono';
import type { ProxyRouteDeps } from './proxy-route.ts';
import { BodyTooLargeError, readBodyWithLimit } from './read-body.ts';

/**
 * POST /debug/mask {"text": "..."} → the masked text, findings (types, offsets, actions) and the decision.
 * Off by default (STRONK_GATEWAY_ENABLE_DEBUG_MASK_ENDPOINT): it answers with masked text only, never
 * the original values, but it still lets anyone who can reach it probe what the detectors catch.
 */
export function createDebugMaskRoute({ config, redactor }: ProxyRouteDeps) {
  return async function debugMask(c: Context) {
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder().decode(await readBodyWithLimit(c.req.raw, config.maxRequestBytes)));
    } catch (error) {
      const status = error instanceof BodyTooLargeError ? 413 : 400;
      return c.json(
        {
          error: {
            message: 'Expected a JSON body {"text": string}.',
            type: 'invalid_request_error',
            code: 'invalid_json',
            param: null,
          },
        },
        status,
      );
    }
    const text = (body as { text?: unknown } | null)?.text;
    if (typeof text !== 'string') {
      return c.json(
        {
          error: {
            message: 'Expected a JSON body {"text": string}.',
            type: 'invalid_request_error',
            code: 'invalid_json',
            param: null,
          },
        },
        400,
      );
    }
    const result = await redactor.maskTextAsync(text);
    return c.json({ text: result.text, decision: result.decision, findings: result.findings });
  };
}
