import type { EntitySpan } from './analyze.ts';
import { lexicon } from './lexicon.ts';
import { Coverage } from './name-lists.ts';
import { unitWords } from './organizations.ts';

/** A line's content range, without list/quote markers ("> ", "??? ", "- ") and trailing blanks. */
interface Line {
  start: number;
  end: number;
}

const MARKERS = ' \t>?*-•#|';
/** First lines of postal addresses: house numbers, military/PO boxes, suites, "the corner of". */
const ADDRESS_START =
  /^(?:\d|(?:PSC|Unit|USNS|USS|USCGC|USNV|Box|Suite|Apt|P\.? ?O\.? Box|the corner of)\b)/i;
const MAX_LINE = 60;

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    let s = pos;
    let e = nl;
    while (s < e && MARKERS.includes(text[s] as string)) s++;
    while (e > s && text.charCodeAt(e - 1) <= 32) e--;
    if (e > s) lines.push({ start: s, end: e });
    pos = nl + 1;
  }
  return lines;
}

function isPersonLine(personAt: ReadonlyMap<number, EntitySpan>, l: Line | undefined): boolean {
  const s = l && personAt.get(l.start);
  return !!s && s.end >= l.end - 1;
}

function sameText(text: string, a: Line, b: Line | undefined): boolean {
  return !!b && text.slice(a.start, a.end) === text.slice(b.start, b.end);
}

function isAddressLine(text: string, line: Line): boolean {
  const s = text.slice(line.start, Math.min(line.end, line.start + 20));
  if (ADDRESS_START.test(s)) return true;
  const last = text.charCodeAt(line.end - 1);
  return last >= 48 && last <= 57;
}

/** Contact lines of a signature: an e-mail address, a web address, a labelled phone ("T: +44 …"). */
const CONTACT_START =
  /^(?:www\.|https?:\/\/|(?:t|tel|phone|m|mob|mobile|e|email|e-mail|w|web)\.?\s*:?\s*[+(0-9])/i;

/** An address line, or a contact line below a name in a signature. */
function isAddressOrContactLine(text: string, line: Line): boolean {
  if (isAddressLine(text, line)) return true;
  const s = text.slice(line.start, Math.min(line.end, line.start + 80));
  return s.includes('@') || CONTACT_START.test(s);
}

/**
 * "Head of Partnerships | Brackenridge Outdoor": the part after the last " | " of a title line, when it
 * is a short line of words itself; undefined otherwise.
 */
function companyAfterBar(text: string, line: Line): Line | undefined {
  const bar = text.lastIndexOf(' | ', line.end);
  if (bar < line.start) return undefined;
  const part = { start: bar + 3, end: line.end };
  return isNameLine(text, part) ? part : undefined;
}

/** Words of job titles (English and the common European ones): a line with one is the person's title. */
const JOB_WORDS = new Set(
  'manager|director|engineer|head|lead|officer|president|vp|svp|evp|ceo|cto|cfo|coo|cio|ciso|cmo|founder|co-founder|cofounder|counsel|paralegal|analyst|consultant|specialist|coordinator|administrator|assistant|executive|representative|advisor|adviser|architect|developer|designer|accountant|buyer|recruiter|secretary|intern|supervisor|technician|agent|editor|producer|chair|chairman|chairwoman|controller|treasurer|auditor|attorney|solicitor|lawyer|nurse|physician|teacher|professor|lecturer|researcher|scientist|owner|partner|associate|leiter|leiterin|geschäftsführer|geschäftsführerin|directeur|directrice|responsable|gerente|jefe|jefa|direttore|direttrice|verkaufsleiter|einkaufsleiter'.split(
    '|',
  ),
);

/** "London", "New York": a known place on its own line is where the person sits, not their company. */
function placeLine(text: string, line: Line): boolean {
  return lexicon().places.has(text.slice(line.start, line.end).toLowerCase());
}

/** Whether a line holds a job-title word ("Account Manager", "Head of Growth", "CTO"). */
function jobTitleLine(text: string, line: Line): boolean {
  for (const word of text
    .slice(line.start, line.end)
    .toLowerCase()
    .split(/[\s,|/&()–-]+/))
    if (JOB_WORDS.has(word)) return true;
  return false;
}

/** A short line of words only (a company name candidate): letters, spaces, "&", ",", ".", "-", "'". */
function isNameLine(text: string, line: Line): boolean {
  const len = line.end - line.start;
  if (len < 2 || len > MAX_LINE) return false;
  const first = text.charCodeAt(line.start);
  if (!(first >= 65 && first <= 90) && !(first >= 0xc0 && first <= 0x24f)) return false;
  let words = 1;
  for (let i = line.start; i < line.end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) words++;
    else if ((c >= 48 && c <= 57) || c === 64 || c === 58 || c === 40 || c === 47) return false;
  }
  return words <= 5;
}

/**
 * Letterheads and address blocks put the company on its own line between the person (optionally with a
 * job-title line) and the postal address: "Jane Roe\nSales manager\nVeltrix\n12 Main St". Such a line is
 * relabelled as an organization, whatever the word-level rules made of it.
 */
export function labelLetterheadOrganizations(text: string, out: EntitySpan[]): void {
  const firstNl = text.indexOf('\n');
  if (firstNl < 0 || text.indexOf('\n', firstNl + 1) < 0) return;
  const personAt = new Map<number, EntitySpan>();
  for (const s of out) if (s.type === 'person_name') personAt.set(s.start, s);
  if (personAt.size === 0) return;
  const lines = splitLines(text);
  const relabel: EntitySpan[] = [];
  for (let j = 1; j + 1 < lines.length; j++) {
    const line = lines[j] as Line;
    const prev = lines[j - 1] as Line;
    const next = lines[j + 1] as Line;
    const prev2 = lines[j - 2];
    // Cheap map lookups first: most lines are not right under a person's name.
    const underPerson = isPersonLine(personAt, prev);
    if (!underPerson && !isPersonLine(personAt, prev2)) continue;
    if (!isNameLine(text, line) || jobTitleLine(text, line)) {
      // "Head of Partnerships | Brackenridge Outdoor" right under the person, then a contact line.
      const company = underPerson ? companyAfterBar(text, line) : undefined;
      if (
        company === undefined ||
        jobTitleLine(text, company) ||
        placeLine(text, company) ||
        !isAddressOrContactLine(text, next)
      )
        continue;
      if (!unitWords(text.slice(company.start, company.end).toLowerCase().split(' ')))
        relabel.push({ start: company.start, end: company.end, type: 'organization', score: 0.5 });
      continue;
    }
    const afterPerson = underPerson || (isNameLine(text, prev) && !isAddressLine(text, prev));
    if (!afterPerson) continue;
    if (
      !isAddressOrContactLine(text, next) &&
      !(isPersonLine(personAt, next) && (sameText(text, next, prev) || sameText(text, next, prev2)))
    )
      continue;
    // The person's own name repeated before the address is not a company.
    if (isPersonLine(personAt, line) && (sameText(text, line, prev) || sameText(text, line, prev2))) continue;
    if (placeLine(text, line)) continue;
    // "Team Digitalisierung", "Customer Care": the person's department, not the company.
    if (unitWords(text.slice(line.start, line.end).toLowerCase().split(' '))) continue;
    relabel.push({ start: line.start, end: line.end, type: 'organization', score: 0.5 });
  }
  if (relabel.length === 0) return;
  // One filtering pass (not a splice per line): the spans on relabelled lines give way to the company.
  const relabelled = new Coverage(relabel);
  let kept = 0;
  for (const s of out) if (!relabelled.covers(s.start, s.end)) out[kept++] = s;
  out.length = kept;
  out.push(...relabel);
}
