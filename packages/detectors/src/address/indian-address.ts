import type { Detector } from '../detector.ts';
import type { Finding } from '../types.ts';

/**
 * Indian postal addresses: "Flat 12, Shivaji Park Road, Dadar West, Mumbai 400028", or over lines
 * "No. 45, 3rd Cross, 5th Main / Indiranagar 2nd Stage / Bengaluru, Karnataka 560038". They rarely start
 * with a house number followed by a street name, which the English parser needs, so they are read from
 * the other end: a six-digit PIN code after a state, a large city or a "PIN" label, then back over the
 * comma-separated parts and lines that read like address parts, to a unit word or a number.
 */

/** States, union territories and large cities (general knowledge), lower case. */
const PLACES = new Set(
  `andhra pradesh|arunachal pradesh|assam|bihar|chhattisgarh|goa|gujarat|haryana|himachal pradesh|jharkhand|
  karnataka|kerala|madhya pradesh|maharashtra|manipur|meghalaya|mizoram|nagaland|odisha|orissa|punjab|
  rajasthan|sikkim|tamil nadu|telangana|tripura|uttar pradesh|uttarakhand|west bengal|delhi|new delhi|
  chandigarh|puducherry|pondicherry|jammu|kashmir|ladakh|lakshadweep|mumbai|bombay|bengaluru|bangalore|
  chennai|madras|kolkata|calcutta|hyderabad|secunderabad|pune|ahmedabad|surat|jaipur|lucknow|kanpur|nagpur|
  indore|bhopal|patna|vadodara|ghaziabad|ludhiana|agra|nashik|faridabad|meerut|rajkot|varanasi|srinagar|
  aurangabad|amritsar|ranchi|coimbatore|madurai|kochi|cochin|thiruvananthapuram|trivandrum|mysuru|mysore|
  visakhapatnam|vijayawada|guwahati|bhubaneswar|noida|gurugram|gurgaon|thane|navi mumbai|mangaluru|
  mangalore|dehradun|jodhpur|udaipur|raipur|jabalpur|gwalior|hubli|belgaum|belagavi|tiruchirappalli|salem`
    .split('|')
    .map((p) => p.trim()),
);
const MAX_PLACE_WORDS = 3;

/** Words that make a comma-separated part an address part. */
const PART_WORDS = new Set(
  `road|rd|street|st|cross|main|nagar|layout|colony|sector|phase|stage|block|lane|marg|chowk|apartment|
  apartments|apts|apt|society|complex|tower|towers|flat|floor|house|plot|door|near|opp|opposite|behind|west|
  east|north|south|extension|extn|village|taluk|district|dist|tehsil|post|po|mandal|nagara|puram|pet|peth|
  bazar|bazaar|circle|enclave|vihar|park|gardens|garden|residency|heights|enclave|galli|gali|wadi|halli|
  palya|bagh|ganj|pura|gunta|cantonment|cantt|market|building|bldg|wing|ward|h|no|hno|sy|survey`
    .split('|')
    .map((p) => p.trim()),
);
/** Words an address starts with. */
const START_WORDS = new Set([
  'flat',
  'no',
  'house',
  'h',
  'hno',
  'plot',
  'door',
  'shop',
  'unit',
  'building',
  'bldg',
  'apartment',
  'room',
]);

const PIN = /(?<![\d-])([1-9]\d{2}) ?(\d{3})(?![\d-])/g;
const MAX_LINES_BACK = 4;
const MAX_SPAN = 240;

export function findIndianAddresses(text: string): Finding[] {
  const out: Finding[] = [];
  if (!hasSixDigitRun(text)) return out;
  PIN.lastIndex = 0;
  let lastEnd = 0;
  for (let m = PIN.exec(text); m !== null; m = PIN.exec(text)) {
    const pinStart = m.index;
    const pinEnd = pinStart + m[0].length;
    if (pinStart < lastEnd || !placeOrLabelBefore(text, pinStart)) continue;
    const start = addressStart(text, pinStart);
    if (start < 0 || pinStart - start > MAX_SPAN) continue;
    let end = pinEnd;
    const india = /^,? ?india\b/i.exec(text.slice(end, end + 8));
    if (india) end += india[0].length;
    out.push({ start, end, type: 'address', detector: 'address.in', score: 0.8 });
    lastEnd = end;
  }
  return out;
}

/** Cheap screen: six digits in a row somewhere (with an optional space after the third). A regex scan is
 * several times faster than a char-code loop here. */
const SIX_DIGITS = /\d{3} ?\d{3}/;
function hasSixDigitRun(text: string): boolean {
  return SIX_DIGITS.test(text);
}

/** "Karnataka 560038", "Mumbai - 400028", "PIN: 110001", "Pincode 560038" just before the PIN. */
function placeOrLabelBefore(text: string, pinStart: number): boolean {
  const before = text.slice(Math.max(0, pinStart - 40), pinStart);
  if (/\b(?:pin|pin ?code|pincode|postal code)\s*[:.-]?\s*$/i.test(before)) return true;
  const words = /([A-Za-z][A-Za-z ]{0,30}?)[\s,–-]*$/.exec(before);
  if (!words) return false;
  const tail = (words[1] as string).trim().toLowerCase().split(/\s+/);
  for (let n = Math.min(MAX_PLACE_WORDS, tail.length); n >= 1; n--)
    if (PLACES.has(tail.slice(tail.length - n).join(' '))) return true;
  return false;
}

/**
 * Where the address that ends at the PIN begins: back over the comma-separated parts of the PIN's line and
 * over earlier lines while they read like address parts (a number, or a word such as "Road", "Cross",
 * "Nagar", "Flat"). A part with other words before a start word ("Ship to Flat 12") ends the walk at that
 * word. Besides the place before the PIN, at least one part must be solid (a number or an address word):
 * "Bengaluru 560038" alone is a place. -1 when there is none.
 */
function addressStart(text: string, pinStart: number): number {
  const floor = Math.max(0, pinStart - MAX_SPAN);
  let lineStart = lineStartAfter(text, pinStart, floor);
  let lineEnd = pinStart;
  let start = -1;
  let solid = false;
  for (let line = 0; line <= MAX_LINES_BACK; line++) {
    const parts = text.slice(lineStart, lineEnd).split(',');
    const starts: number[] = [];
    for (let p = 0, at = lineStart; p < parts.length; p++) {
      starts.push(at);
      at += (parts[p] as string).length + 1;
    }
    for (let p = parts.length - 1; p >= 0; p--) {
      const part = parts[p] as string;
      const partStart = starts[p] as number;
      const begin = beginWithin(part);
      if (begin > 0) return partStart + begin;
      if (line === 0 && p === parts.length - 1) {
        // The place before the PIN ("Karnataka", "Dadar West, Mumbai").
        if (part.trim() !== '') start = partStart + leadingSpace(part);
        continue;
      }
      const colon = part.lastIndexOf(':');
      if (colon >= 0) {
        // "Office: 221 MG Road": the label ends the walk, the address starts after it.
        const after = part.slice(colon + 1);
        if (addressPart(after)) return partStart + colon + 1 + leadingSpace(after);
        return solid ? start : -1;
      }
      if (addressPart(part)) {
        solid = true;
        start = partStart + leadingSpace(part);
      } else if (!localityName(part)) return solid ? start : -1;
    }
    if (lineStart <= floor) break;
    const prevStart = lineStartAfter(text, lineStart - 1, floor);
    let prevEnd = lineStart - 1;
    if (text.charCodeAt(prevEnd - 1) === 13) prevEnd--;
    const prev = text.slice(prevStart, prevEnd);
    if (prev.trim() === '' || prev.includes(':') || prev.includes('@') || !addressLine(prev)) break;
    lineStart = prevStart;
    lineEnd = prevEnd;
  }
  return solid ? start : -1;
}

/** Start of the line holding text[at - 1], searched back no further than `floor` (lastIndexOf is unbounded). */
function lineStartAfter(text: string, at: number, floor: number): number {
  let i = at;
  while (i > floor && text.charCodeAt(i - 1) !== 10) i--;
  return i;
}

function leadingSpace(part: string): number {
  let i = 0;
  while (i < part.length && (part.charCodeAt(i) === 32 || part.charCodeAt(i) === 9)) i++;
  return i;
}

/** Index of a start word ("Flat", "No.") in a part that has other words before it, or -1. */
function beginWithin(part: string): number {
  const re = /\b((?:[A-Za-z]\.)?[A-Za-z]+)\.?\s*#?\d/g;
  for (let m = re.exec(part); m !== null; m = re.exec(part))
    if (START_WORDS.has((m[1] as string).toLowerCase().replace('.', ''))) return m.index;
  return -1;
}

function addressPart(part: string): boolean {
  const t = part.trim();
  if (t.length === 0 || t.length > 60 || /[@:;()"]/.test(t)) return false;
  if (/\d/.test(t)) return true;
  for (const w of t.toLowerCase().split(/[\s.]+/)) if (PART_WORDS.has(w)) return true;
  return PLACES.has(t.toLowerCase());
}

/** "Camp", "Koregaon Park": a locality between the street and the city, taken only inside an address. */
function localityName(part: string): boolean {
  const t = part.trim();
  return t.length > 0 && t.length <= 30 && /^\p{Lu}[\p{L}.'-]*(?: \p{Lu}[\p{L}.'-]*){0,2}$/u.test(t);
}

function addressLine(line: string): boolean {
  return line.length <= 100 && line.split(',').every((part) => addressPart(part) || localityName(part));
}

export const indianAddressDetector: Detector = {
  id: 'address.in',
  types: ['address'],
  detect(text) {
    return findIndianAddresses(text);
  },
};
