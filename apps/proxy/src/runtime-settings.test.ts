import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROXY_ENV, PROXY_NODE_FLAGS } from './runtime-settings.ts';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

describe('runtime settings', () => {
  const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
  const env = Object.entries(PROXY_ENV).map(([name, value]) => `${name}=${value}`);

  it.each(['proxy', 'start', 'bench:detect'])('`pnpm %s` starts node with them', (name) => {
    const command = scripts[name]!.split('&&').at(-1)!.trim().split(/\s+/);
    const node = command.indexOf('node');
    expect(command.slice(0, node)).toEqual(env);
    expect(command.slice(node + 1, node + 1 + PROXY_NODE_FLAGS.length)).toEqual(PROXY_NODE_FLAGS);
  });

  it('the container image starts the proxy with them', () => {
    const dockerfile = read('compose/Dockerfile');
    const proxyStage = dockerfile.slice(dockerfile.indexOf('AS proxy'), dockerfile.indexOf('AS admin-api'));
    for (const setting of env) expect(proxyStage).toMatch(new RegExp(`^ENV .*\\b${setting}\\b`, 'm'));
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(proxyStage)![1]!) as string[];
    expect(cmd.slice(1, 1 + PROXY_NODE_FLAGS.length)).toEqual(PROXY_NODE_FLAGS);
  });
});
