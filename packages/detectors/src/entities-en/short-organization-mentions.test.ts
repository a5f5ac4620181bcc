import { describe, expect, it } from 'vitest';
import { scalingRatio } from '../test-support/scaling.ts';
import { analyzeEnglishEntities } from './analyze.ts';
import { found } from './test-helpers.ts';

// Invented contract and meeting text: a company named in full once, then by its first word.
describe('short mentions of an organization named in full', () => {
  it('reads the defined short name and later mentions as the organization', () => {
    const text =
      '(1) Quillmark Orbital Ltd, a company incorporated in England ("Quillmark"); and (2) Varenne Systemes SAS ("Varenne"). Notices to Quillmark: for the attention of Ms. Odile Frane. SIGNED for Varenne by Dr. Hallam Quillmark, CEO.';
    expect(found(text, 'organization').sort()).toEqual(
      [
        'Quillmark Orbital Ltd',
        'Varenne Systemes SAS',
        'Quillmark',
        'Varenne',
        'Quillmark',
        'Varenne',
      ].sort(),
    );
    // The surname inside a person's full name stays with the person.
    expect(found(text, 'person_name')).toEqual(['Odile Frane', 'Hallam Quillmark']);
  });

  it('keeps a titled surname a person (Mr. Quillmark)', () => {
    const text = 'Dear Mr. Quillmark, the audit of Quillmark Orbital Ltd is done.';
    expect(found(text, 'person_name')).toEqual(['Quillmark']);
    expect(found(text, 'organization')).toEqual(['Quillmark Orbital Ltd']);
  });

  it('leaves a first word that is a given name or a place alone', () => {
    expect(found('Morgan Stanley advised on the deal. Morgan said it went well.', 'organization')).toEqual([
      'Morgan Stanley',
    ]);
    expect(found('Leeds United won again. We drove to Leeds on Sunday.', 'organization')).toEqual([
      'Leeds United',
    ]);
  });

  it('stays linear on many organizations and mentions (fails if it goes quadratic)', () => {
    const names = ['Zorvex', 'Kellam', 'Brisot', 'Tavorn', 'Quenby', 'Morsk', 'Halvik', 'Dremont'];
    const make = (chars: number) => {
      let text = '';
      for (let i = 0; text.length < chars; i++) {
        const name = names[i % names.length];
        text += `${name} Holdings Ltd wrote to ${name} today. `;
      }
      return text;
    };
    expect(scalingRatio(analyzeEnglishEntities, make(30_000), make(300_000), 200)).toBeLessThan(45);
  });
});

describe('short mentions after a head word that opens the name', () => {
  it('"Groupe Marvelle" is later "Marvelle"', () => {
    expect(
      found('Staff of Groupe Marvelle move in May. Please ask Marvelle about parking.', 'organization'),
    ).toEqual(['Groupe Marvelle', 'Marvelle']);
  });
});
