import { createVault } from '@stronk/vault';
import { describe, expect, it } from 'vitest';
import { countPlaceholdersDeep, rehydrateDeep } from './deep-rehydrate.ts';

describe('rehydrateDeep', () => {
  const vault = createVault();
  const name = vault.placeholderFor('person_name', 'Ada Quill');
  const email = vault.placeholderFor('email', 'ada@example.org');
  const body = {
    choices: [
      {
        message: {
          content: `Hi ${name}, I wrote to ${email} and ${name.toLowerCase()}. [[PERSON_NAME_AAAAAAAAAA]] stays.`,
          tool_calls: [{ type: 'function', function: { arguments: JSON.stringify({ to: email }) } }],
        },
      },
    ],
  };

  it('restores text, leaves tool arguments masked by default and counts in the same walk', () => {
    const stats = { restored: 0 };
    const out = rehydrateDeep(body, vault, { stats }) as typeof body;
    const message = out.choices[0]!.message;
    expect(message.content).toBe(
      'Hi Ada Quill, I wrote to ada@example.org and Ada Quill. [[PERSON_NAME_AAAAAAAAAA]] stays.',
    );
    expect(message.tool_calls[0]!.function.arguments).toContain(email);
    expect(stats.restored).toBe(countPlaceholdersDeep(body, vault));
    expect(stats.restored).toBe(4);
  });

  it('JSON-escapes values restored inside tool arguments when asked', () => {
    const quoted = createVault();
    const placeholder = quoted.placeholderFor('person_name', 'Ada "the" Quill');
    const args = JSON.stringify({ to: placeholder });
    const stats = { restored: 0 };
    const out = rehydrateDeep({ arguments: args }, quoted, { rehydrateToolArguments: true, stats }) as {
      arguments: string;
    };
    expect(JSON.parse(out.arguments)).toEqual({ to: 'Ada "the" Quill' });
    expect(stats.restored).toBe(1);
  });
});
