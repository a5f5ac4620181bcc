import type { FindingReport } from '@stronk/redaction';
import { detectionPositions } from '../observability/masked-view.ts';
import type { TraceRing } from '../observability/trace-ring.ts';
import type { RequestRecord } from '../request-record.ts';

/**
 * Collects one websocket turn for the raw-trace ring, the way withTraceCapture does for HTTP: the
 * client's event, the body as forwarded upstream with where the detections were, and the events sent
 * back (capped). Memory only, like every trace.
 */
export function createTurnCapture(ring: TraceRing, request: Record<string, unknown>) {
  const cap = ring.maxBodyBytes;
  const events: string[] = [];
  let responseSize = 0;
  let truncated = false;
  let masked: { body: string; findings: readonly FindingReport[] } | undefined;

  return {
    /** Records an event as it is sent to the client. */
    sent(data: string): void {
      if (responseSize >= cap) {
        truncated = true;
        return;
      }
      const kept = data.slice(0, cap - responseSize);
      if (kept.length < data.length) truncated = true;
      events.push(kept);
      responseSize += kept.length + 1;
    },
    forwarded(body: string, findings: readonly FindingReport[]): void {
      masked = { body, findings };
    },
    commit(record: RequestRecord): void {
      const requestBody = JSON.stringify(request);
      ring.add({
        ...(masked
          ? {
              maskedRequestBody: masked.body.slice(0, cap),
              detections: detectionPositions(masked.findings),
            }
          : {}),
        method: 'WEBSOCKET',
        path: '/v1/responses',
        requestId: record.requestId,
        status: record.status,
        requestBody: requestBody.slice(0, cap),
        responseBody: events.join('\n'),
        truncated: truncated || requestBody.length > cap || (masked?.body.length ?? 0) > cap,
      });
    },
  };
}
export type TurnCapture = ReturnType<typeof createTurnCapture>;
