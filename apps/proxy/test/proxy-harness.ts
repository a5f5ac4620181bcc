import { loadProxyConfig } from '../src/config.ts';
import type { RequestRecord } from '../src/request-record.ts';
import { startProxyServer } from '../src/start.ts';
import type { FakeUpstream } from './fake-upstream.ts';

export interface RunningProxy {
  url: string;
  records: RequestRecord[];
  close(): Promise<void>;
}

/** Starts the real proxy app on 127.0.0.1 (random port) pointed at a fake upstream. */
export async function startProxy(
  upstream: FakeUpstream,
  env: Record<string, string> = {},
): Promise<RunningProxy> {
  const config = loadProxyConfig({
    STRONK_GATEWAY_OPENAI_UPSTREAM_BASE_URL: `${upstream.url}/v1`,
    STRONK_GATEWAY_ANTHROPIC_UPSTREAM_BASE_URL: upstream.url,
    STRONK_GATEWAY_ALLOW_INSECURE_UPSTREAMS: 'true',
    STRONK_GATEWAY_ALLOW_NONSTANDARD_UPSTREAM_HOSTS: 'true',
    STRONK_GATEWAY_DENY_TERMS: 'Project Nightjar',
    ...env,
  });
  const records: RequestRecord[] = [];
  const running = await startProxyServer({
    config: { ...config, host: '127.0.0.1', port: 0 },
    onRecord: (r) => records.push(r),
  });
  return { url: `http://127.0.0.1:${running.port}`, records, close: running.close };
}

/** Every string the upstream saw — headers, raw body, and the body's JSON strings unescaped. */
export function upstreamView(upstream: FakeUpstream): string {
  const parts: string[] = [];
  const strings = (value: unknown): void => {
    if (typeof value === 'string') parts.push(value);
    else if (Array.isArray(value)) value.forEach(strings);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        parts.push(k);
        strings(v);
      }
    }
  };
  for (const request of upstream.requests) {
    parts.push(request.url, JSON.stringify(request.headers), request.body);
    try {
      strings(JSON.parse(request.body));
    } catch {
      // Raw body is already included.
    }
  }
  return parts.join('\n');
}
