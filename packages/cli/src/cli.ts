import { parseArgs } from 'node:util';
import { policyConfigFromEnv } from '@stronk/policy';
import { createRedactor } from '@stronk/redaction';

export interface CliIo {
  stdin: AsyncIterable<string | Buffer>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
}

const USAGE = `usage: stronk <command> [options]

commands:
  detect [--show-values]   read text on stdin, print findings as JSON (values only with --show-values)
  mask [--json]            read text on stdin, print it with sensitive values replaced by placeholders
                           (--json: also print the findings and the policy decision)

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
