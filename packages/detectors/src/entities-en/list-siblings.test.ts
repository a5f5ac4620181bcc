import { describe, expect, it } from 'vitest';
import { scalingRatio } from '../test-support/scaling.ts';
import { analyzeEnglishEntities } from './analyze.ts';
import { found } from './test-helpers.ts';

// Invented procurement and meeting sentences: a company with a legal form or head word beside coined names.
describe('organizations listed beside a company', () => {
  it('coined names in a list with a company are companies', () => {
    expect(found('Shortlisted vendors: Harlow Finch Ltd, Quillstone and Marrowby.', 'organization')).toEqual([
      'Harlow Finch Ltd',
      'Quillstone',
      'Marrowby',
    ]);
    expect(found('We compared Zentrova, Enverre Corporation and Halcyra last year.', 'organization')).toEqual(
      ['Zentrova', 'Enverre Corporation', 'Halcyra'],
    );
  });
  it('people, places and ordinary words in the list stay what they are', () => {
    expect(found('Acme Widgets Ltd and Sarah Novak signed.', 'organization')).toEqual(['Acme Widgets Ltd']);
    expect(found('Offices of Brightwater Labs in London, Paris and Berlin.', 'organization')).toEqual([
      'Brightwater Labs',
    ]);
    expect(found('Lab partners: Brightwater Labs, Tom Reyes and the Data Team.', 'person_name')).toEqual([
      'Tom Reyes',
    ]);
  });
  it('a CSV row or an address is no list', () => {
    expect(
      found('D-1044,Priya,Venkatesan,Sundaram Agro Exports Pvt Ltd,Negotiation', 'organization'),
    ).toEqual(['Sundaram Agro Exports Pvt Ltd']);
    expect(found('Bank: Mercia Bank, Kelbrook branch', 'organization')).toEqual(['Mercia Bank']);
  });
  it('stays linear on long lists (fails if it goes quadratic)', () => {
    const make = (chars: number) => {
      let text = '';
      for (let i = 0; text.length < chars; i++)
        text += `Zorvex${i % 97} Holdings Ltd, Quenby, Morsk and Halvik, `;
      return text;
    };
    expect(scalingRatio(analyzeEnglishEntities, make(30_000), make(300_000), 200)).toBeLessThan(45);
  });
});
