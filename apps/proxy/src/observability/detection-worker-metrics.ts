import type { Redactor } from '@stronk/redaction';
import { Gauge, type Registry } from 'prom-client';

/** Detection worker threads and what they were handed, read from the redactor when scraped. */
export function registerDetectionWorkerGauges(
  registry: Registry,
  redactor: Pick<Redactor, 'workerStats'>,
): void {
  const gauges = [
    [
      'stronk_detection_workers',
      'Detection worker threads configured (0: detection on the event loop).',
      'workers',
    ],
    [
      'stronk_detection_worker_batches',
      'Batches of new text sent to detection workers since start.',
      'batches',
    ],
    [
      'stronk_detection_worker_failures',
      'Batches whose worker failed since start; they were detected on the event loop instead.',
      'failures',
    ],
    [
      'stronk_detection_worker_kept',
      'Batches detected on the event loop because it was lightly loaded (STRONK_GATEWAY_DETECTION_WORKER_LOAD).',
      'kept',
    ],
    ['stronk_detection_worker_restarts', 'Detection workers started again after one exited.', 'restarts'],
  ] as const;
  for (const [name, help, field] of gauges) {
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(redactor.workerStats()[field]);
      },
    });
  }
}
