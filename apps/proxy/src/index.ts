export { createProxyApp, createRedactorForConfig, type ProxyAppOptions } from './app.ts';
export { ConfigError, loadProxyConfig, type ProxyConfig } from './config.ts';
export { type RunningGateway, startGateway } from './gateway.ts';
export * from './observability/index.ts';
export type { RequestRecord, RequestRecordSink } from './request-record.ts';
export { type RunningProxyServer, type StartProxyOptions, startProxyServer } from './start.ts';
