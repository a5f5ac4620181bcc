export { createProxyApp, createRedactorForConfig, type ProxyAppOptions } from './app.ts';
export { ConfigError, loadProxyConfig, type ProxyConfig } from './config.ts';
export type { RequestRecord, RequestRecordSink } from './request-record.ts';
export { type RunningProxyServer, startProxyServer } from './start.ts';
