/**
 * The published rows of the earlier Python stronk-gateway, printed next to ours for reference. They were
 * measured on another machine with a load shape we do not know, so no ratio is computed against them.
 */
export const PYTHON_REFERENCE = {
  w1: { rate: 15.27, unit: 'req/s', p95Ms: 10_649 },
  w2: { rate: 14.33, unit: 'req/s', p95Ms: 11_030 },
  w3: { rate: 14.47, unit: 'streams/s', p95Ms: 4_863 },
  w6: { rate: 256.97, unit: 'req/s' },
} as const;

export const PYTHON_LABEL = 'Python stronk-gateway (published; other machine)';
