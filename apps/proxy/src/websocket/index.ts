export { createResponsesWebsocketBridge, type ResponsesWebsocketBridge, WEBSOCKET_PATH } from './bridge.ts';
export { loadWebsocketConfig, type WebsocketConfig } from './websocket-config.ts';
