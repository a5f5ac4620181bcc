import { describe, expect, it } from 'vitest';
import { caseModeAt, digitMayStartAddress } from './anchor-screen.ts';
import { codeUnits } from './code-units.ts';

/** Screens the digit run right after the first `@` in `text` (the marker is removed first). */
const screen = (text: string) => {
  const plain = text.replace('@', '');
  return digitMayStartAddress(plain, codeUnits(plain), text.indexOf('@'));
};
const modeAt = (text: string, pos: number) => caseModeAt(text, codeUnits(text), pos);

describe('address anchor screen', () => {
  it('keeps numbers next to a street name', () => {
    expect(screen('I live at @12 Oak Street.')).toBe(true);
    expect(screen('Die Adresse ist Hauptstraße @5, Berlin')).toBe(true);
    expect(screen('Nous sommes au Rue de Rivoli @12 depuis')).toBe(true);
    expect(screen('rr # @1 box 292')).toBe(true);
    expect(screen('4410 pine ridge dr apt 12 boulder co @80301')).toBe(true);
    expect(screen('at @370 3911 Fourth Avenue')).toBe(true);
    expect(screen('Six Concourse Parkway Suite @2500')).toBe(true);
    expect(screen('send to @12 main st please')).toBe(true);
  });

  it('drops numbers that cannot start an address', () => {
    expect(screen('Call +1 (415) @555-0147 before noon.')).toBe(false);
    expect(screen('asked about invoice @69532.')).toBe(false);
    expect(screen('mail rahul.khan@3@example.com')).toBe(false);
    expect(screen('Only @5 people came')).toBe(false);
    expect(screen('Request #@3: help')).toBe(false);
    expect(screen('电话@13912345678')).toBe(false);
  });

  it('reads the case mode around a position', () => {
    expect(modeAt('all lower case text 12', 20)).toBe('lower');
    expect(modeAt('ALL UPPER 12', 10)).toBe('upper');
    expect(modeAt('Mixed case 12', 11)).toBe('mixed');
  });
});
