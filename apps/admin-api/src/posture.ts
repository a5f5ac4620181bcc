import type { AuditConfig } from '@stronk/audit';
import { createPolicy } from '@stronk/policy';
import type { ProxyConfig } from '@stronk/proxy';

const safeUrl = (url: URL) => `${url.protocol}//${url.host}${url.pathname}`;

/** What an operator may see of the configuration: routes, policy and switches. No secret, term or password. */
export function buildPosture(
  proxy: ProxyConfig,
  audit: AuditConfig,
  extra: { rawTracesEnabled: boolean; adminUi: boolean },
) {
  return {
    proxy: { host: proxy.host, port: proxy.port },
    upstreams: Object.fromEntries(Object.entries(proxy.upstreams).map(([k, v]) => [k, safeUrl(v)])),
    local_upstreams: Object.fromEntries(
      Object.entries(proxy.localUpstreams).map(([k, v]) => [k, v ? safeUrl(v) : null]),
    ),
    policy: Object.fromEntries(createPolicy(proxy.policy).entries()),
    deny_terms_count: proxy.denyTerms.length,
    allow_terms_count: proxy.allowTerms.length,
    safety: {
      allow_insecure_upstreams: proxy.allowInsecureUpstreams,
      allow_nonstandard_upstream_hosts: proxy.allowNonstandardUpstreamHosts,
      debug_mask_endpoint: proxy.enableDebugMaskEndpoint,
      rehydrate_tool_arguments: proxy.rehydrateToolArguments,
      raw_traces_enabled: extra.rawTracesEnabled,
      admin_ui: extra.adminUi,
    },
    limits: {
      max_request_bytes: proxy.maxRequestBytes,
      max_json_depth: proxy.maxJsonDepth,
      max_json_values: proxy.maxJsonValues,
      upstream_timeout_ms: proxy.upstreamTimeoutMs,
      upstream_idle_timeout_ms: proxy.upstreamIdleTimeoutMs,
      upstream_max_response_ms: proxy.upstreamMaxResponseMs,
    },
    audit: {
      enabled: audit.enabled,
      backend: audit.databaseUrl === undefined ? 'sqlite' : 'postgres',
      max_events: audit.maxEvents,
      max_age_seconds: audit.maxAgeMs === undefined ? null : audit.maxAgeMs / 1000,
    },
  };
}
export type Posture = ReturnType<typeof buildPosture>;
