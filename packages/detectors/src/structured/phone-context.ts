import { isDigitCode } from './text-context.ts';

/**
 * Context that makes a phone-shaped number part of an identifier in operational text (logs, exports,
 * invoices, shipping documents): the number reads as an id, not as something to dial.
 */

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isUpperOrDigit(code: number): boolean {
  return (code >= 65 && code <= 90) || isDigitCode(code);
}

/**
 * Words that make the number after them an identifier of something else (`customer # 55-0037082`,
 * `Apt. 675 62314`, `"order_id": 7712093381`, `gtin: 00810042381126`, `AWB 4017 8823 11`), as a label in
 * prose or a key in JSON, YAML or CSV.
 */
const ID_LABELS: ReadonlySet<string> = new Set(
  (
    'no nos nr num id ids uid sid pid ref reference account acct customer order invoice inv serial license ' +
    'licence passport zip postal postcode apt apartment suite unit box room spc lot batch build run job ' +
    'pipeline ticket incident case sku gtin ean upc isbn imei tracking awb waybill consignment shipment ' +
    'parcel fedex ups usps dhl txn transaction badge giro bankgiro plusgiro iban bic routing vat ein tin pin ' +
    'passcode code hs hts tariff siret siren rcs abn acn crn cnpj cpf cep kvk duns eori nif nipc nie po ' +
    'nhs ubrn mrn ' +
    'meeting webinar conference'
  ).split(' '),
);
/** The same for Chinese labels (`订单号：`, `电子行程单`), matched as the last two or three characters. */
const CJK_ID_LABELS: ReadonlySet<string> = new Set([
  '单号',
  '编号',
  '订单',
  '行程单',
  '票号',
  '发票',
  '流水号',
  '工号',
  '学号',
  '账号',
  '卡号',
  '会议号',
  '会议室',
  '房间号',
  '信用代码',
  '识别码',
  '籍号',
  '病案号',
  '住院号',
  '预约号',
  '凭证号',
  '合同号',
]);
/**
 * Labels whose value follows a capitalised qualifier: company registers ("<register> <city> <number>":
 * `RCS Toulouse 852 019 447`, `HRB München 12`) and airline programmes (`Frequent flyer EK 418 227 903`).
 */
const REGISTERS_BEFORE_CITY: ReadonlySet<string> = new Set(['rcs', 'hrb', 'hra', 'kvk', 'flyer']);

/** Characters between a label and its value: spaces, quotes, `:` `=` `>` and the full-width colon. */
function isLabelGlue(code: number): boolean {
  return (
    code === 32 ||
    code === 9 ||
    code === 10 ||
    code === 34 ||
    code === 39 ||
    code === 58 ||
    code === 61 ||
    code === 62 ||
    code === 0xff1a
  );
}

function isCjkIdeograph(code: number): boolean {
  return code >= 0x3400 && code <= 0x9fff;
}

/**
 * Words that make a following "number" an identifier's (`company number 09874412`, `policy number …`); any
 * other "number" (`my number is …`, `phone number`) may well be a phone.
 */
const NUMBER_OF: ReadonlySet<string> = new Set(
  'company registration registered under vat tax account order invoice customer reference policy case ticket meeting tracking serial member employee student membership'.split(
    ' ',
  ),
);

/** Phone words that turn the id label after them into a phone label (`Phone No.`, `tel #`, `Mobile nr`). */
const PHONE_LABEL_WORDS: ReadonlySet<string> = new Set(
  'phone telephone tel ph mobile mob cell fax contact whatsapp'.split(' '),
);

/** Whether an identifier label (or `#`) ends right before `from`, up to a few spaces, quotes and `:`/`=`. */
export function idLabelBefore(text: string, from: number): boolean {
  const start = idLabelStart(text, from);
  return start !== -1 && !PHONE_LABEL_WORDS.has(wordBefore(text, start));
}

/** The lower-cased ASCII word ending before `at`, across spaces, dots and `_` (`Phone No` → `phone`). */
function wordBefore(text: string, at: number): string {
  let end = at;
  while (end > 0 && at - end < 3) {
    const c = text.charCodeAt(end - 1);
    if (c !== 32 && c !== 46 && c !== 95) break;
    end--;
  }
  let start = end;
  while (start > 0 && end - start < 10 && isAsciiLetter(text.charCodeAt(start - 1))) start--;
  return text.slice(start, end).toLowerCase();
}

/** Where the id label before `from` starts, or -1 when there is none. */
function idLabelStart(text: string, from: number): number {
  let i = from;
  for (let n = 0; n < 8 && i > 0; n++) {
    const code = text.charCodeAt(i - 1);
    if (code === 35) return i - 1; // `#`
    if (!isLabelGlue(code)) break;
    i--;
  }
  if (i > 0 && text.charCodeAt(i - 1) === 46) i--; // `no.`
  let start = i;
  while (start > 0 && i - start < 16 && isAsciiLetter(text.charCodeAt(start - 1))) start--;
  if (start < i) {
    if (start > 0 && isAsciiLetter(text.charCodeAt(start - 1))) return -1;
    const label = text.slice(start, i).toLowerCase();
    if (label === 'number') return NUMBER_OF.has(wordBefore(text, start)) ? start : -1;
    if (ID_LABELS.has(label)) return start;
    // `RCS Toulouse 852 019 447`: a capitalized city between the register and its number.
    const capital = text.charCodeAt(start);
    if (capital >= 65 && capital <= 90 && REGISTERS_BEFORE_CITY.has(wordBefore(text, start))) return start;
    return -1;
  }
  if (i >= 2 && isCjkIdeograph(text.charCodeAt(i - 1))) {
    if (CJK_ID_LABELS.has(text.slice(i - 2, i))) return i - 2;
    if (i >= 3 && CJK_ID_LABELS.has(text.slice(i - 3, i))) return i - 3;
  }
  return -1;
}

/** A word glued to a number that still announces a phone (`tel-555-0147`, `fax/030 1234567`). */
const PHONE_PREFIX_WORD = /^(?:tel|ph|phone|mobile|mob|cell|fax|sms|whatsapp)$/i;

/**
 * `INV-2024-000123`, `SO-2024-118734`, `incident_20240515-003`, `/orders/7712093381`: the number is the tail
 * of an identifier or a path segment because a `-`, `_` or `/` glues it to a word.
 */
export function gluedToIdentifier(text: string, from: number): boolean {
  if (from < 2) return false;
  const glue = text.charCodeAt(from - 1);
  if (glue !== 45 && glue !== 95 && glue !== 47) return false;
  if (!isAsciiLetter(text.charCodeAt(from - 2))) return false;
  let wordStart = from - 2;
  while (wordStart > 0 && from - wordStart < 12 && isAsciiLetter(text.charCodeAt(wordStart - 1))) wordStart--;
  return !PHONE_PREFIX_WORD.test(text.slice(wordStart, from - 1));
}

/**
 * `1Z 999 AA1 01 2345 6784`, `W69 03 9151 2267`: the number continues an upper-case code that mixes letters
 * and digits (a tracking number, a part number written in groups). Such a token never starts a phone number.
 */
export function continuesAlphanumericCode(text: string, from: number): boolean {
  if (from < 3 || text.charCodeAt(from - 1) !== 32) return false;
  let start = from - 1;
  let letters = 0;
  let digits = 0;
  while (start > 0 && from - 1 - start < 8) {
    const code = text.charCodeAt(start - 1);
    if (!isUpperOrDigit(code)) break;
    if (isDigitCode(code)) digits++;
    else letters++;
    start--;
  }
  if (letters === 0 || digits === 0) return false;
  // The token must stand alone: a space, line start or punctuation before it, not a longer word.
  return (
    start === 0 || (!isAsciiLetter(text.charCodeAt(start - 1)) && !isDigitCode(text.charCodeAt(start - 1)))
  );
}

/**
 * `9400 1118 9922 3344 5566 77`, `7749 8123 6605`: groups of one width under one separator (the last may
 * be shorter, and the first too when four or more groups of four follow it) — three or more of four digits,
 * or four or more of three — are one long number (a card, tracking or account number), so no phone number
 * is cut out of them.
 */
export function isUniformlyGroupedNumber(groups: readonly string[], seps: readonly string[]): boolean {
  const first = groups[0]?.length ?? 0;
  const width = first >= 3 ? first : (groups[1]?.length ?? 0);
  if (groups.length < (width >= 4 ? 3 : 4) || width < 3) return false;
  // The first group may be shorter when it is the tail of a code (`DE44 5001 0517 5407 3249 32`).
  if (first < width && (groups.length < 4 || width < 4)) return false;
  const sep = seps[0];
  if (sep === undefined || sep.length !== 1 || seps.some((s) => s !== sep)) return false;
  for (let i = 1; i < groups.length - 1; i++) if (groups[i]!.length !== width) return false;
  return groups[groups.length - 1]!.length <= width;
}
