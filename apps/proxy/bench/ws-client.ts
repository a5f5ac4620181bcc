/**
 * The `ws` client for the benchmark suite in test/bench, which lives outside the workspace packages and so
 * cannot resolve `ws` itself.
 */
export type { RawData } from 'ws';
export { default as WebSocket } from 'ws';
