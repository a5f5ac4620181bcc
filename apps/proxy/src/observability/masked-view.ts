import type { FindingReport } from '@stronk/redaction';
/**
 * What the upstream was sent for a request (the masked body) and where the detections were, kept only
 * long enough for the raw-trace ring to pair it with the raw request. Keyed weakly by the Request, so
 * nothing outlives the request when tracing is off.
 */
export interface MaskedView {
  maskedRequestBody: string;
  /** Types, JSON paths and offsets of what was found — never values. */
  detections: Array<{ type: string; action: string; path: string; start: number; end: number }>;
}

const views = new WeakMap<Request, MaskedView>();

export function noteMaskedView(request: Request, view: MaskedView): void {
  views.set(request, view);
}

export function takeMaskedView(request: Request): MaskedView | undefined {
  const view = views.get(request);
  views.delete(request);
  return view;
}

/** The value-free part of each finding the trace view needs to mark it: type, action, path, offsets. */
export function detectionPositions(findings: readonly FindingReport[]): MaskedView['detections'] {
  return findings.map(({ type, action, path, start, end }) => ({ type, action, path, start, end }));
}
