import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadProxyConfig } from './config.ts';

const P = 'STRONK_GATEWAY_';
/** A configuration pointing at local fakes, which the egress switches must allow explicitly. */
const LOCAL_OK = {
  [`${P}OPENAI_UPSTREAM_BASE_URL`]: 'http://127.0.0.1:9/v1',
  [`${P}ANTHROPIC_UPSTREAM_BASE_URL`]: 'http://127.0.0.1:9',
  [`${P}ALLOW_INSECURE_UPSTREAMS`]: 'true',
  [`${P}ALLOW_NONSTANDARD_UPSTREAM_HOSTS`]: 'true',
};

/** Loads `env` expecting a ConfigError; returns it so the test can check which variable it names. */
function configError(env: Record<string, string>): ConfigError {
  try {
    loadProxyConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`expected a ConfigError for ${Object.keys(env).join(', ')}`);
}

function expectRejected(env: Record<string, string>, variable: string): void {
  const error = configError(env);
  expect(error.variable).toBe(variable);
  expect(error.message).toContain(variable);
}

describe('loadProxyConfig defaults', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = loadProxyConfig({});
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(8787);
    expect(config.upstreams.openai.href).toBe('https://api.openai.com/v1');
    expect(config.upstreams.anthropic.href).toBe('https://api.anthropic.com/');
    expect(config.localUpstreams).toEqual({});
    expect(config.allowInsecureUpstreams).toBe(false);
    expect(config.allowNonstandardUpstreamHosts).toBe(false);
    expect(config.enableDebugMaskEndpoint).toBe(false);
    expect(config.rehydrateToolArguments).toBe(false);
    expect(config.policy).toEqual({});
    expect(config.denyTerms).toEqual([]);
    expect(config.allowTerms).toEqual([]);
    expect(config.maxRequestBytes).toBe(10 * 1024 * 1024);
    expect(config.maxJsonDepth).toBe(64);
    expect(config.maxJsonValues).toBe(100_000);
    expect(config.upstreamTimeoutMs).toBe(120_000);
    expect(config.upstreamIdleTimeoutMs).toBe(300_000);
    expect(config.upstreamMaxResponseMs).toBe(3_600_000);
    const cores = availableParallelism();
    expect(config.detectionWorkers).toBe(cores < 2 ? 0 : Math.min(4, cores - 1));
    expect(config.detectionWorkerLoad).toBe(0.3);
    expect(config.detectionWarmUp).toBe(true);
  });

  it('reads the detection worker count and load threshold', () => {
    const config = loadProxyConfig({ [`${P}DETECTION_WORKERS`]: '3', [`${P}DETECTION_WORKER_LOAD`]: '0.5' });
    expect(config.detectionWorkers).toBe(3);
    expect(config.detectionWorkerLoad).toBe(0.5);
    expect(loadProxyConfig({ [`${P}DETECTION_WORKERS`]: 'AUTO' }).detectionWorkers).toBe(
      loadProxyConfig({}).detectionWorkers,
    );
    expect(loadProxyConfig({ [`${P}DETECTION_WORKERS`]: '0' }).detectionWorkers).toBe(0);
    expect(loadProxyConfig({ [`${P}DETECTION_WARMUP`]: 'false' }).detectionWarmUp).toBe(false);
  });

  it('treats empty and blank values as unset', () => {
    const config = loadProxyConfig({
      [`${P}PORT`]: '',
      [`${P}HOST`]: '   ',
      [`${P}ALLOW_INSECURE_UPSTREAMS`]: '',
    });
    expect(config.port).toBe(8787);
    expect(config.host).toBe('127.0.0.1');
    expect(config.allowInsecureUpstreams).toBe(false);
  });
});

describe('loadProxyConfig parses every variable', () => {
  it('reads host, port, upstreams, switches, lists, limits and timeouts', () => {
    const config = loadProxyConfig({
      ...LOCAL_OK,
      [`${P}HOST`]: '0.0.0.0',
      [`${P}PORT`]: '9000',
      [`${P}OPENAI_UPSTREAM_BASE_URL`]: 'http://127.0.0.1:11/openai/v1/',
      [`${P}ANTHROPIC_UPSTREAM_BASE_URL`]: 'http://localhost:12/anthropic/',
      [`${P}LOCAL_UPSTREAM_BASE_URL`]: 'http://127.0.0.1:11434/v1',
      [`${P}LOCAL_ANTHROPIC_UPSTREAM_BASE_URL`]: 'http://127.0.0.1:8080',
      [`${P}ENABLE_DEBUG_MASK_ENDPOINT`]: 'TRUE',
      [`${P}REHYDRATE_TOOL_ARGUMENTS`]: 'yes',
      [`${P}DENY_TERMS`]: 'Project Nightjar, Bluebird ,\nOwl',
      [`${P}ALLOW_TERMS`]: 'Acme Corp',
      [`${P}MAX_REQUEST_BYTES`]: '65536',
      [`${P}MAX_JSON_DEPTH`]: '32',
      [`${P}MAX_JSON_VALUES`]: '5000',
      [`${P}UPSTREAM_TIMEOUT_SECONDS`]: '0.25',
      [`${P}UPSTREAM_MAX_RESPONSE_SECONDS`]: '90',
      [`${P}UPSTREAM_IDLE_TIMEOUT_SECONDS`]: '45',
      [`${P}EMAIL_ACTION`]: 'allow',
      [`${P}PERSON_NAME_ACTION`]: 'route-local',
      [`${P}CREDIT_CARD_ACTION`]: 'BLOCK',
      [`${P}API_KEY_ACTION`]: 'mask',
    });
    expect(config.host).toBe('0.0.0.0');
    expect(config.port).toBe(9000);
    // Trailing slashes are dropped so route paths join predictably.
    expect(config.upstreams.openai.href).toBe('http://127.0.0.1:11/openai/v1');
    expect(config.upstreams.anthropic.href).toBe('http://localhost:12/anthropic');
    expect(config.localUpstreams.openai?.href).toBe('http://127.0.0.1:11434/v1');
    expect(config.localUpstreams.anthropic?.href).toBe('http://127.0.0.1:8080/');
    expect(config.allowInsecureUpstreams).toBe(true);
    expect(config.allowNonstandardUpstreamHosts).toBe(true);
    expect(config.enableDebugMaskEndpoint).toBe(true);
    expect(config.rehydrateToolArguments).toBe(true);
    expect(config.denyTerms).toEqual(['Project Nightjar', 'Bluebird', 'Owl']);
    expect(config.allowTerms).toEqual(['Acme Corp']);
    expect(config.maxRequestBytes).toBe(65536);
    expect(config.maxJsonDepth).toBe(32);
    expect(config.maxJsonValues).toBe(5000);
    expect(config.upstreamTimeoutMs).toBe(250);
    expect(config.upstreamIdleTimeoutMs).toBe(45_000);
    expect(config.upstreamMaxResponseMs).toBe(90_000);
    expect(config.policy).toEqual({
      email: 'allow',
      person_name: 'route_local',
      credit_card: 'block',
      api_key: 'mask',
    });
  });

  it.each([
    ['1', true],
    ['on', true],
    ['0', false],
    ['off', false],
    ['no', false],
  ])('reads boolean %s as %s', (value, expected) => {
    expect(loadProxyConfig({ [`${P}ENABLE_DEBUG_MASK_ENDPOINT`]: value }).enableDebugMaskEndpoint).toBe(
      expected,
    );
  });

  it('accepts the official hosts over https without either ALLOW switch', () => {
    const config = loadProxyConfig({
      [`${P}OPENAI_UPSTREAM_BASE_URL`]: 'https://api.openai.com/v1',
      [`${P}ANTHROPIC_UPSTREAM_BASE_URL`]: 'https://api.anthropic.com',
    });
    expect(config.upstreams.openai.hostname).toBe('api.openai.com');
    expect(config.upstreams.anthropic.hostname).toBe('api.anthropic.com');
  });
});

describe('loadProxyConfig refuses invalid values, naming the variable', () => {
  it.each([
    [`${P}PORT`, 'eighty'],
    [`${P}PORT`, '-1'],
    [`${P}PORT`, '65536'],
    [`${P}PORT`, '80.5'],
    [`${P}HOST`, 'bad host'],
    [`${P}HOST`, 'host/path'],
    [`${P}ALLOW_INSECURE_UPSTREAMS`, 'maybe'],
    [`${P}ALLOW_NONSTANDARD_UPSTREAM_HOSTS`, '2'],
    [`${P}ENABLE_DEBUG_MASK_ENDPOINT`, 'enabled'],
    [`${P}REHYDRATE_TOOL_ARGUMENTS`, 'sure'],
    [`${P}MAX_REQUEST_BYTES`, '10MB'],
    [`${P}MAX_REQUEST_BYTES`, '100'],
    [`${P}DETECTION_WORKERS`, 'many'],
    [`${P}DETECTION_WORKERS`, '65'],
    [`${P}DETECTION_WORKER_LOAD`, '1.5'],
    [`${P}DETECTION_WORKER_LOAD`, 'half'],
    [`${P}DETECTION_WARMUP`, 'soon'],
    [`${P}MAX_JSON_DEPTH`, '2'],
    [`${P}MAX_JSON_DEPTH`, '100000'],
    [`${P}MAX_JSON_VALUES`, '10'],
    [`${P}MAX_JSON_VALUES`, 'many'],
    [`${P}UPSTREAM_TIMEOUT_SECONDS`, '0'],
    [`${P}UPSTREAM_TIMEOUT_SECONDS`, 'soon'],
    [`${P}UPSTREAM_TIMEOUT_SECONDS`, '-5'],
    [`${P}UPSTREAM_TIMEOUT_SECONDS`, '1e3'],
    [`${P}UPSTREAM_IDLE_TIMEOUT_SECONDS`, '99999'],
    [`${P}UPSTREAM_MAX_RESPONSE_SECONDS`, '0'],
    [`${P}UPSTREAM_MAX_RESPONSE_SECONDS`, 'forever'],
    [`${P}OPENAI_UPSTREAM_BASE_URL`, 'not a url'],
    [`${P}OPENAI_UPSTREAM_BASE_URL`, 'ftp://127.0.0.1/v1'],
    [`${P}OPENAI_UPSTREAM_BASE_URL`, 'http://user:pw@127.0.0.1/v1'],
    [`${P}OPENAI_UPSTREAM_BASE_URL`, 'http://127.0.0.1/v1?x=1'],
    [`${P}OPENAI_UPSTREAM_BASE_URL`, 'http://127.0.0.1/v1#frag'],
    [`${P}ANTHROPIC_UPSTREAM_BASE_URL`, 'http://127.0.0.1:9/v1'],
    [`${P}LOCAL_UPSTREAM_BASE_URL`, 'localhost:11434'],
    [`${P}LOCAL_UPSTREAM_BASE_URL`, 'file:///etc/passwd'],
    [`${P}LOCAL_ANTHROPIC_UPSTREAM_BASE_URL`, 'http://127.0.0.1:8080/v1'],
    [`${P}LOCAL_ANTHROPIC_UPSTREAM_BASE_URL`, 'http://a:b@127.0.0.1:8080'],
    [`${P}EMAIL_ACTION`, 'redact'],
    [`${P}PASSPORT_ACTION`, 'mask'],
  ])('%s=%j', (variable, value) => {
    expectRejected({ ...LOCAL_OK, [variable]: value }, variable);
  });

  it('never echoes the offending value (it may be a secret)', () => {
    const value = 'http://admin:hunter2-secret@127.0.0.1/v1';
    const error = configError({ ...LOCAL_OK, [`${P}OPENAI_UPSTREAM_BASE_URL`]: value });
    expect(error.message).not.toContain('hunter2');
  });
});

describe('egress controls at startup', () => {
  it('refuses an http upstream unless ALLOW_INSECURE_UPSTREAMS is set', () => {
    expectRejected(
      { [`${P}OPENAI_UPSTREAM_BASE_URL`]: 'http://api.openai.com/v1' },
      `${P}OPENAI_UPSTREAM_BASE_URL`,
    );
    expectRejected(
      { [`${P}ANTHROPIC_UPSTREAM_BASE_URL`]: 'http://api.anthropic.com' },
      `${P}ANTHROPIC_UPSTREAM_BASE_URL`,
    );
    const error = configError({ [`${P}OPENAI_UPSTREAM_BASE_URL`]: 'http://api.openai.com/v1' });
    expect(error.message).toContain(`${P}ALLOW_INSECURE_UPSTREAMS`);
    const allowed = loadProxyConfig({
      [`${P}OPENAI_UPSTREAM_BASE_URL`]: 'http://api.openai.com/v1',
      [`${P}ALLOW_INSECURE_UPSTREAMS`]: 'true',
    });
    expect(allowed.upstreams.openai.protocol).toBe('http:');
  });

  it('refuses a non-official host unless ALLOW_NONSTANDARD_UPSTREAM_HOSTS is set', () => {
    for (const [variable, value] of [
      [`${P}OPENAI_UPSTREAM_BASE_URL`, 'https://api.openai.com.evil.example/v1'],
      [`${P}OPENAI_UPSTREAM_BASE_URL`, 'https://127.0.0.1/v1'],
      [`${P}ANTHROPIC_UPSTREAM_BASE_URL`, 'https://anthropic.example'],
    ] as const) {
      expectRejected({ [variable]: value }, variable);
      expect(configError({ [variable]: value }).message).toContain(`${P}ALLOW_NONSTANDARD_UPSTREAM_HOSTS`);
    }
    const allowed = loadProxyConfig({
      [`${P}OPENAI_UPSTREAM_BASE_URL`]: 'https://gateway.example/v1',
      [`${P}ALLOW_NONSTANDARD_UPSTREAM_HOSTS`]: 'true',
    });
    expect(allowed.upstreams.openai.hostname).toBe('gateway.example');
  });

  it('needs both switches for a plain-http local fake', () => {
    const env = { [`${P}OPENAI_UPSTREAM_BASE_URL`]: 'http://127.0.0.1:9/v1' };
    expectRejected(env, `${P}OPENAI_UPSTREAM_BASE_URL`);
    expectRejected({ ...env, [`${P}ALLOW_INSECURE_UPSTREAMS`]: 'true' }, `${P}OPENAI_UPSTREAM_BASE_URL`);
    expectRejected(
      { ...env, [`${P}ALLOW_NONSTANDARD_UPSTREAM_HOSTS`]: 'true' },
      `${P}OPENAI_UPSTREAM_BASE_URL`,
    );
  });
});
