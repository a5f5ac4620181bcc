import { type CountryCode, type PhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import metadata from 'libphonenumber-js/metadata.max.json';

/**
 * Cheap questions about numbering plans, so the expensive libphonenumber calls (15-300 µs each with the
 * max metadata: it rebuilds regexes per call and, for +1, tries each NANP country in turn) run only
 * when their answer changes the decision, and then at most once per digit string.
 */

/** Every country calling code libphonenumber knows, geographic or not (the codes are prefix-free). */
const CALLING_CODES: ReadonlySet<string> = new Set([
  ...Object.keys(metadata.country_calling_codes),
  ...Object.keys(metadata.nonGeographic),
]);

/**
 * The calling code at the start of `digits` (an international number without `+`), or undefined.
 * Same answer as libphonenumber's own extraction, without building a PhoneNumber.
 */
export function callingCodeOf(digits: string): string | undefined {
  for (let length = 1; length <= 3 && length < digits.length; length++) {
    const code = digits.slice(0, length);
    if (CALLING_CODES.has(code)) return code;
  }
  return undefined;
}

/**
 * Whether libphonenumber can parse `+digits` at all: a known calling code and at least two national
 * digits (its minimum). Checked against libphonenumber in phone-numbering.test.ts.
 */
export function parsesAsInternational(digits: string): boolean {
  const code = callingCodeOf(digits);
  return code !== undefined && digits.length - code.length >= 2;
}

/** What libphonenumber says about one number; only the facts the phone detector reads. */
export interface PlanFacts {
  readonly valid: boolean;
  readonly possible: boolean;
  readonly countryCallingCode: string;
  readonly nationalNumber: string;
  readonly type: ReturnType<PhoneNumber['getType']>;
}

const MEMO_LIMIT = 2048;
const memo = new Map<string, PlanFacts | null>();

/**
 * libphonenumber's verdict on `number` (`+…` international, or national digits read in `country`),
 * memoized: chat traffic repeats the same numbers in every request of a conversation. The map is
 * cleared when full, which bounds memory without bookkeeping.
 */
export function planFacts(number: string, country?: CountryCode): PlanFacts | undefined {
  const key = country === undefined ? number : `${country}:${number}`;
  const cached = memo.get(key);
  if (cached !== undefined) return cached ?? undefined;
  let facts: PlanFacts | null = null;
  try {
    const parsed = parsePhoneNumberFromString(number, country);
    if (parsed) {
      const valid = parsed.isValid();
      facts = {
        valid,
        possible: parsed.isPossible(),
        countryCallingCode: parsed.countryCallingCode,
        nationalNumber: parsed.nationalNumber,
        // The type is only read for national Chinese numbers; other callers skip the extra regexes.
        type: valid && country === 'CN' ? parsed.getType() : undefined,
      };
    }
  } catch {
    facts = null;
  }
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, facts);
  return facts ?? undefined;
}
