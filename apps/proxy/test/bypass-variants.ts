import fc from 'fast-check';
import type { Canary } from './canaries.ts';

/**
 * Ways a caller (or an attacker) writes a value so that pattern matching might miss it. Each variant
 * turns a canary into the text(s) the request carries; `json_escape` additionally asks the request
 * serializer to write the value's characters as `\uXXXX` escapes.
 */
export type VariantName =
  | 'plain'
  | 'zero_width'
  | 'unicode_digits'
  | 'full_width'
  | 'exotic_separators'
  | 'cjk_adjacent'
  | 'json_escape'
  | 'repeated'
  | 'glued_list'
  | 'table_field'
  | 'escaped_in_text'
  | 'placeholder_lookalike'
  | 'homoglyph'
  | 'slash_joined'
  | 'url_encoded'
  | 'split_parts'
  | 'split_messages';

/** Variants the detectors are expected to see through (normalization or JSON parsing undoes them). */
export const STRICT_VARIANTS: readonly VariantName[] = [
  'plain',
  'zero_width',
  'unicode_digits',
  'full_width',
  'exotic_separators',
  'cjk_adjacent',
  'json_escape',
  'repeated',
  'glued_list',
  'table_field',
  'escaped_in_text',
  'url_encoded',
  'placeholder_lookalike',
];

/**
 * Variants out of reach by design (docs/threat-model.md says why): the value is not in any one string
 * in a form the detectors read. For these the proxy must still not crash or corrupt the reply.
 */
export const WEAK_VARIANTS: readonly VariantName[] = [
  'homoglyph',
  'slash_joined',
  'split_parts',
  'split_messages',
];

export interface Probe {
  canary: Canary;
  variant: VariantName;
  /** What to place in the request: one text, or two halves (split variants) for adjacent positions. */
  texts: string[];
  /** The value as written in `texts` (before normalization); for split variants, the whole value. */
  written: string;
  /** When set, the serializer writes these characters of the body as `\uXXXX` escapes. */
  jsonEscape?: string;
}

const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];
/** Zero of each decimal-digit script used (Unicode Nd runs of ten), astral math digits included. */
const DIGIT_ZEROS = [0xff10, 0x0660, 0x06f0, 0x0966, 0x09e6, 0x0e50, 0x1d7ce, 0x1d7f6];
const SPACES = ['\u00a0', '\u2007', '\u202f', '\u2009', '\u3000', '\u2002'];
const DASHES = ['\u2010', '\u2011', '\u2012', '\u2013', '\u2212', '\uff0d', '\ufe63'];
/** Cyrillic letters that look like Latin ones. */
const HOMOGLYPHS: Readonly<Record<string, string>> = {
  a: 'а',
  e: 'е',
  o: 'о',
  p: 'р',
  c: 'с',
  x: 'х',
  y: 'у',
  A: 'А',
  B: 'В',
  E: 'Е',
  K: 'К',
  M: 'М',
  H: 'Н',
  O: 'О',
  P: 'Р',
  C: 'С',
  T: 'Т',
  X: 'Х',
};
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Indices (1 … length-1) where something may be inserted inside the value, never at its ends. */
function interior(value: string, picks: readonly number[]): number[] {
  if (value.length < 2) return [];
  return [...new Set(picks.map((p) => 1 + (p % (value.length - 1))))].sort((a, b) => b - a);
}

function insertAt(value: string, positions: readonly number[], chars: readonly string[]): string {
  let out = value;
  positions.forEach((at, i) => {
    // Never split a surrogate pair.
    const code = out.charCodeAt(at - 1);
    const safe = code >= 0xd800 && code <= 0xdbff ? at + 1 : at;
    out = out.slice(0, safe) + chars[i % chars.length]! + out.slice(safe);
  });
  return out;
}

function mapChars(value: string, mask: readonly boolean[], map: (ch: string) => string): string {
  return [...value].map((ch, i) => (mask[i % mask.length] ? map(ch) : ch)).join('');
}

const mask = fc
  .array(fc.boolean(), { minLength: 1, maxLength: 8 })
  .map((m) => (m.some(Boolean) ? m : [true]));

const lookalike = fc
  .record({
    label: fc.constantFrom('EMAIL', 'PERSON', 'PHONE', 'CARD', 'REDACTED', 'email', 'API_KEY'),
    nonce: fc.array(fc.constantFrom(...CROCKFORD), { minLength: 10, maxLength: 10 }).map((c) => c.join('')),
    shape: fc.constantFrom('exact', 'short', 'spaced', 'single'),
  })
  .map(({ label, nonce, shape }) => {
    if (shape === 'short') return `[[${label}_${nonce.slice(0, 6)}]]`;
    if (shape === 'spaced') return `[[ ${label}_${nonce} ]]`;
    if (shape === 'single') return `[${label}_${nonce}]`;
    return `[[${label}_${nonce}]]`;
  });

function variantArbitrary(canary: Canary, variant: VariantName): fc.Arbitrary<Probe> {
  const { value, sentence } = canary;
  const probe = (texts: string[], written = value, extra: Partial<Probe> = {}): Probe => ({
    canary,
    variant,
    texts,
    written,
    ...extra,
  });
  /** The carrier sentence around a rewritten value. */
  const rewritten = (written: string) => probe([sentence(written)], written);
  switch (variant) {
    case 'plain':
      return fc.constant(rewritten(value));
    case 'zero_width':
      return fc
        .record({
          at: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
          chars: fc.array(fc.constantFrom(...ZERO_WIDTH), { minLength: 1, maxLength: 3 }),
        })
        .map(({ at, chars }) => rewritten(insertAt(value, interior(value, at), chars)));
    case 'unicode_digits':
      return fc
        .record({ zeros: fc.array(fc.constantFrom(...DIGIT_ZEROS), { minLength: 1, maxLength: 3 }), mask })
        .map(({ zeros, mask: m }) => {
          let n = 0;
          return rewritten(
            mapChars(value, m, (ch) =>
              /[0-9]/.test(ch) ? String.fromCodePoint(zeros[n++ % zeros.length]! + Number(ch)) : ch,
            ),
          );
        });
    case 'full_width':
      return mask.map((m) =>
        rewritten(
          mapChars(value, m, (ch) => {
            const code = ch.charCodeAt(0);
            return code >= 0x21 && code <= 0x7e ? String.fromCharCode(code + 0xfee0) : ch;
          }),
        ),
      );
    case 'exotic_separators':
      return fc
        .record({ space: fc.constantFrom(...SPACES), dash: fc.constantFrom(...DASHES) })
        .map(({ space, dash }) => rewritten(value.replace(/ /g, space).replace(/-/g, dash)));
    case 'cjk_adjacent':
      // Chinese writing puts no space between CJK text and a Latin or numeric value.
      return fc.constant(probe([canary.cjkSentence(value)]));
    case 'json_escape':
      return fc.constant(probe([sentence(value)], value, { jsonEscape: value }));
    case 'repeated':
      return fc
        .record({
          times: fc.integer({ min: 2, max: 4 }),
          sep: fc.constantFrom(', ', ' / ', ' and ', '; ', '\n'),
        })
        .map(({ times, sep }) => probe([sentence(Array.from({ length: times }, () => value).join(sep))]));
    case 'glued_list':
      // Overlapping-looking repeats: copies joined by one punctuation character, no space.
      return fc
        .record({ times: fc.integer({ min: 2, max: 3 }), sep: fc.constantFrom(',', ';', '|') })
        .map(({ times, sep }) => probe([sentence(Array.from({ length: times }, () => value).join(sep))]));
    case 'slash_joined':
      return fc.constant(probe([sentence(`${value}/${value}`)]));
    case 'table_field':
      // Pasted CSV / TSV / Markdown rows: the value is a field between delimiters. A bare digit run
      // between comma-separated numbers reads like a decimal (3,4155550134), so numeric neighbours
      // come with the other delimiters only.
      return fc
        .record({
          id: fc.integer({ min: 1, max: 99_999 }),
          sep: fc.constantFrom(',', '\t', ' | ', ';'),
          numericNeighbours: fc.boolean(),
        })
        .map(({ id, sep, numericNeighbours }) => {
          const fields =
            numericNeighbours && sep !== ',' ? [id, value, id % 97] : [id, 'active', value, 'ok'];
          const header = fields.length === 3 ? ['id', 'value', 'qty'] : ['id', 'status', 'value', 'note'];
          return probe([[header.join(sep), fields.join(sep)].join('\n')]);
        });
    case 'escaped_in_text':
      // JSON carried inside a string (tool-call arguments, pasted payloads): characters written as \uXXXX.
      return mask.map((m) =>
        rewritten(
          mapChars(value, m, (ch) =>
            /[0-9@.+:-]/.test(ch) ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}` : ch,
          ),
        ),
      );
    case 'placeholder_lookalike':
      return fc
        .record({ fake: lookalike, layout: fc.integer({ min: 0, max: 4 }) })
        .map(({ fake, layout }) =>
          probe([
            [
              `${fake} ${sentence(value)}`,
              `${sentence(value)} ${fake}`,
              sentence(`${fake}${value}`),
              `${fake}\n${sentence(value)}\n${fake}`,
              sentence(`[[${value}]]`),
            ][layout]!,
          ]),
        );
    case 'homoglyph':
      return mask.map((m) => rewritten(mapChars(value, m, (ch) => HOMOGLYPHS[ch] ?? ch)));
    case 'url_encoded':
      return fc.constant(rewritten(encodeURIComponent(value)));
    case 'split_parts':
    case 'split_messages':
      return fc.nat().map((at) => {
        const cut = value.length < 2 ? 1 : 1 + (at % (value.length - 1));
        const whole = sentence(value);
        const start = whole.indexOf(value);
        return probe([whole.slice(0, start + cut), whole.slice(start + cut)]);
      });
  }
}

/** A probe: the canary written in one of `variants`. */
export function probeArbitrary(
  canaries: fc.Arbitrary<Canary>,
  variants: readonly VariantName[],
): fc.Arbitrary<Probe> {
  return fc
    .tuple(canaries, fc.constantFrom(...variants))
    .chain(([canary, variant]) => variantArbitrary(canary, variant));
}

/** JSON text of `body` with every character of each of `values` written as `\uXXXX` escapes where it occurs. */
export function serializeWithEscapes(body: unknown, values: readonly string[]): string {
  let text = JSON.stringify(body);
  for (const value of values) {
    const encoded = JSON.stringify(value).slice(1, -1);
    const escaped = [...value]
      .map((ch) =>
        ch.length === 2
          ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}\\u${ch.charCodeAt(1).toString(16).padStart(4, '0')}`
          : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
      )
      .join('');
    text = text.split(encoded).join(escaped);
  }
  return text;
}
