import { parseArgs } from 'node:util';
import { type Algorithm, hash } from '@node-rs/argon2';
import { policyConfigFromEnv } from '@stronk/policy';
import { createRedactor } from '@stronk/redaction';

export interface CliIo {
  stdin: AsyncIterable<string | Buffer>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  /** Reads a line from the terminal without echoing it; set when stdin is a TTY. */
  promptSecret?: (prompt: string) => Promise<string>;
}

const USAGE = `usage: stronk <command> [options]

commands:
  detect [--show-values]   read text on stdin, print findings as JSON (values only with --show-values)
  mask [--json]            read text on stdin, print it with sensitive values replaced by placeholders
                           (--json: also print the findings and the policy decision)
  hash-password            print an argon2id hash for STRONK_GATEWAY_ADMIN_BOOTSTRAP_PASSWORD_HASH
                           (reads the password from stdin, or prompts without echo on a terminal)

Policy comes from STRONK_GATEWAY_<TYPE>_ACTION variables, as in the proxy.
`;

async function readAll(stdin: AsyncIterable<string | Buffer>): Promise<string> {
  const chunks: string[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
  return chunks.join('');
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'hash-password') return hashPasswordCommand(rest, io);
  let options: { values: Record<string, boolean | undefined> };
  try {
    options = parseArgs({
      args: [...rest],
      options: { 'show-values': { type: 'boolean' }, json: { type: 'boolean' } },
      allowPositionals: false,
    });
  } catch (error) {
    io.stderr(`stronk: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  let redactor: ReturnType<typeof createRedactor>;
  try {
    redactor = createRedactor({ policy: policyConfigFromEnv(io.env), cacheEntries: 0 });
  } catch (error) {
    io.stderr(`stronk: ${(error as Error).message}\n`);
    return 2;
  }
  switch (command) {
    case 'detect': {
      const text = await readAll(io.stdin);
      const findings = redactor.detect(text).map((f) => ({
        type: f.type,
        start: f.start,
        end: f.end,
        detector: f.detector,
        score: f.score,
        action: redactor.policy.actionFor(f.type),
        ...(options.values['show-values'] ? { value: text.slice(f.start, f.end) } : {}),
      }));
      io.stdout(`${JSON.stringify(findings, null, 2)}\n`);
      return 0;
    }
    case 'mask': {
      const text = await readAll(io.stdin);
      const result = redactor.maskText(text);
      if (options.values.json) {
        io.stdout(
          `${JSON.stringify({ text: result.text, decision: result.decision, findings: result.findings }, null, 2)}\n`,
        );
      } else {
        io.stdout(result.text);
      }
      return result.decision.action === 'block' ? 3 : 0;
    }
    default:
      io.stderr(`stronk: unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}

/** Same parameters as the admin API's hashPassword (argon2id, 19 MiB, t=2, p=1). */
async function hashPasswordCommand(rest: readonly string[], io: CliIo): Promise<number> {
  if (rest.length > 0) {
    io.stderr('stronk: hash-password takes no arguments (the password is read from stdin, never argv)\n');
    return 2;
  }
  let password: string;
  if (io.promptSecret) {
    password = await io.promptSecret('Password: ');
    const again = await io.promptSecret('Repeat password: ');
    if (again !== password) {
      io.stderr('stronk: the passwords differ\n');
      return 2;
    }
  } else {
    password = (await readAll(io.stdin)).replace(/\r?\n$/, '');
  }
  if (password.length === 0) {
    io.stderr('stronk: empty password\n');
    return 2;
  }
  const digest = await hash(password, {
    algorithm: 2 as Algorithm /* Argon2id */,
    memoryCost: 19_456,
    timeCost: 2,
    parallelism: 1,
  });
  io.stdout(`${digest}\n`);
  return 0;
}
