import pino from 'pino';

/** JSON logs: route patterns, statuses and timings only; no headers, bodies, query strings or values. */
export function createLogger(destination?: pino.DestinationStream) {
  return pino(
    {
      base: { service: 'stronk-admin-api' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ['req', 'res', 'headers', 'body', 'password', 'token'], remove: true },
    },
    destination,
  );
}
