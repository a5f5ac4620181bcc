export { loadObservabilityConfig, type ObservabilityConfig } from './config.ts';
export { createProxyMetrics, type ProxyMetrics } from './metrics.ts';
export { createTraceApp, secretMatches, startTraceListener } from './trace-listener.ts';
export { createTraceRing, type RawTrace, type TraceRing, withTraceCapture } from './trace-ring.ts';
