import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.ts';

async function run(argv: string[], input: string, env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdin: Readable.from([input]),
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env,
  });
  return { code, stdout, stderr };
}

describe('stronk cli', () => {
  it('mask replaces an email and exits 0', async () => {
    const { code, stdout } = await run(['mask'], 'write to ann.lee@example.com today');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^write to \[\[EMAIL_[0-9A-Z]{10}\]\] today$/);
  });

  it('detect prints findings without values unless asked', async () => {
    const hidden = await run(['detect'], 'write to ann.lee@example.com');
    expect(hidden.stdout).not.toContain('ann.lee');
    expect(JSON.parse(hidden.stdout)[0]).toMatchObject({ type: 'email', start: 9, end: 28, action: 'mask' });
    const shown = await run(['detect', '--show-values'], 'write to ann.lee@example.com');
    expect(JSON.parse(shown.stdout)[0].value).toBe('ann.lee@example.com');
  });

  it('mask exits 3 when the policy blocks', async () => {
    const { code } = await run(['mask'], 'ann.lee@example.com', { STRONK_GATEWAY_EMAIL_ACTION: 'block' });
    expect(code).toBe(3);
  });

  it('names a bad policy variable', async () => {
    const { code, stderr } = await run(['mask'], 'x', { STRONK_GATEWAY_EMAIL_ACTION: 'nope' });
    expect(code).toBe(2);
    expect(stderr).toContain('STRONK_GATEWAY_EMAIL_ACTION');
  });

  it('rejects unknown commands with usage', async () => {
    const { code, stderr } = await run(['frobnicate'], '');
    expect(code).toBe(2);
    expect(stderr).toContain('usage: stronk');
  });
});

describe('stronk hash-password', () => {
  it('prints an argon2id hash of the password read from stdin', async () => {
    const { verify } = await import('@node-rs/argon2');
    let out = '';
    const code = await runCli(['hash-password'], {
      stdin: (async function* () {
        yield 'pw-123456\n';
      })(),
      stdout: (t) => {
        out += t;
      },
      stderr: () => {},
      env: {},
    });
    expect(code).toBe(0);
    expect(out).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verify(out.trim(), 'pw-123456')).toBe(true);
    expect(out).not.toContain('pw-123456');
  });
});
