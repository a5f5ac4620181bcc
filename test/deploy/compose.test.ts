import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const COMPOSE = fileURLToPath(new URL('../../compose/docker-compose.yml', import.meta.url));
const DOCKERFILE = fileURLToPath(new URL('../../compose/Dockerfile', import.meta.url));

/** The compose file as JSON, parsed by Python's PyYAML (no YAML parser in the workspace). */
function parseCompose(): Record<string, unknown> | undefined {
  try {
    const script = 'import sys, json, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))';
    return JSON.parse(execFileSync('python3', ['-c', script, COMPOSE], { encoding: 'utf8' }));
  } catch {
    return undefined;
  }
}

const compose = parseCompose();
if (!compose) console.warn('python3 with PyYAML is not available: compose file checks skipped');

interface Service {
  read_only?: boolean;
  user?: string;
  ports?: string[];
  networks?: string[];
  environment?: Record<string, string>;
  image?: string;
}

describe.skipIf(!compose)('compose/docker-compose.yml', () => {
  const services = (compose?.services ?? {}) as Record<string, Service>;
  const networks = (compose?.networks ?? {}) as Record<string, { internal?: boolean } | null>;

  it('has the proxy, the admin API, the Caddy admin gateway and Postgres', () => {
    expect(Object.keys(services).sort()).toEqual(['admin-api', 'admin-gateway', 'postgres', 'proxy']);
    expect(services['admin-gateway']?.image).toMatch(/^caddy:/);
  });

  it('runs our services non-root on a read-only root filesystem', () => {
    for (const name of ['proxy', 'admin-api']) {
      expect(services[name]?.read_only, name).toBe(true);
      expect(services[name]?.user, name).toBe('1000:1000');
    }
    expect(services['admin-gateway']?.read_only).toBe(true);
  });

  it('publishes only the inference port and the admin gateway, on loopback', () => {
    expect(services.proxy?.ports).toEqual(['127.0.0.1:8787:8787']);
    expect(services['admin-gateway']?.ports).toEqual(['127.0.0.1:8788:8788']);
    expect(services['admin-api']?.ports).toBeUndefined();
    expect(services.postgres?.ports).toBeUndefined();
  });

  it('keeps the admin API and Postgres on networks the public side cannot reach', () => {
    expect(networks.internal?.internal).toBe(true);
    expect(services.postgres?.networks).toEqual(['internal']);
    expect(services['admin-api']?.networks?.sort()).toEqual(['admin', 'internal']);
    expect(services['admin-gateway']?.networks).toEqual(['admin']);
    expect(services.proxy?.networks).not.toContain('admin');
  });

  it('holds no secret values, only references to compose/.env', () => {
    const text = readFileSync(COMPOSE, 'utf8');
    expect(text).toContain('${POSTGRES_PASSWORD:?');
    expect(text).toContain('${ADMIN_PASSWORD_HASH:?');
    expect(text).not.toMatch(/\$argon2/);
    expect(services.proxy?.environment?.STRONK_GATEWAY_UNSAFE_DEBUG_TRACES_ENABLED).toBe('false');
  });
});

describe('compose/Dockerfile', () => {
  const text = readFileSync(DOCKERFILE, 'utf8');
  it('is multi-stage and runs every final stage as the node user', () => {
    const stages = [...text.matchAll(/^FROM \S+ AS (\S+)/gm)].map((m) => m[1]);
    expect(stages).toEqual(['build', 'proxy', 'admin-api']);
    for (const stage of ['proxy', 'admin-api']) {
      const body = text.split(new RegExp(`^FROM \\S+ AS ${stage}$`, 'm'))[1]?.split(/^FROM /m)[0] ?? '';
      expect(body, stage).toMatch(/^USER node$/m);
    }
  });
});
