/**
 * A detection worker thread: builds the built-in detector set once, then answers batches of texts with
 * their findings. It holds no state between batches besides the detectors themselves.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { builtinDetectors } from '../builtin.ts';
import { createDetectionEngine } from '../engine.ts';
import type { Finding } from '../types.ts';
import {
  type DetectionReply,
  type DetectionRequest,
  type DetectionWorkerData,
  packFindings,
} from './protocol.ts';
import { WARM_UP_TEXT } from './warm-up-text.ts';

const data = workerData as DetectionWorkerData;
const engine = createDetectionEngine({
  detectors: builtinDetectors(),
  denyTerms: data.denyTerms,
  allowTerms: data.allowTerms,
  ...(data.enabledTypes ? { enabledTypes: data.enabledTypes } : {}),
  // The caller's engine caches results; a second cache here would only hold memory.
  cacheEntries: 0,
});
// Load dictionaries and compile patterns (with warmUp: the hot paths too) before the first batch waits on them.
if (data.warmUp) engine.warmUp();
else engine.detect(WARM_UP_TEXT);
const port = parentPort!;

port.on('message', (request: DetectionRequest) => {
  let reply: DetectionReply;
  try {
    const findings = request.texts.map((text, i) => {
      const lang = request.langs[i];
      return engine.detect(text, lang ? { lang } : {}) as Finding[];
    });
    reply = { id: request.id, ...packFindings(findings) };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.name : 'Error' };
  }
  port.postMessage(reply, 'packed' in reply ? [reply.packed.buffer] : []);
});
port.postMessage({ ready: true } satisfies DetectionReply);
