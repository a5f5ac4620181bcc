import { createRedactor } from '@stronk/redaction';
import { describe, expect, it } from 'vitest';
import { toolEntry, valueFreePath } from './value-free-paths.ts';

describe('valueFreePath', () => {
  const redactor = createRedactor({ denyTerms: ['nightjar'] });

  it('keeps plain field names and indexes, also when asked again', () => {
    for (let i = 0; i < 2; i++) {
      expect(valueFreePath('messages[0].content[1].text', redactor)).toBe('messages[0].content[1].text');
    }
  });

  it('hides keys that hold a value, quoted or plain', () => {
    expect(valueFreePath('metadata["ann@example.com"]', redactor)).toBe('metadata[*]');
    expect(valueFreePath('metadata.nightjar.note', redactor)).toBe('metadata.*.note');
  });

  it('remembers clean keys per redactor, so another redactor’s deny terms still apply', () => {
    const plain = createRedactor();
    expect(valueFreePath('metadata.osprey', plain)).toBe('metadata.osprey');
    expect(valueFreePath('metadata.osprey', createRedactor({ denyTerms: ['osprey'] }))).toBe('metadata.*');
  });
});

describe('toolEntry', () => {
  it('names the definition, never what is inside it', () => {
    expect(toolEntry('tools[3].function.description')).toBe('tools[3]');
  });
});
