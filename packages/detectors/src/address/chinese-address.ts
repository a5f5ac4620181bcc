import type { Detector } from '../detector.ts';
import type { Finding } from '../types.ts';
import { CN_CITIES, CN_PROVINCES } from './chinese-places.ts';

/**
 * Chinese postal addresses are a chain of suffix-marked components (省 → 市 → 区/县 → 镇/街道 → 村/路 → 号 →
 * 栋/单元 → 室). Instead of parsing every component exactly, a run of address-capable characters is cut at
 * prose stop characters and accepted when it holds enough distinct component kinds, at least one of them
 * below district level, so a bare "浙江省杭州市" (a place name) is not an address.
 */

/**
 * Characters an address may contain: ideographs, ASCII letters and digits, and a few joiners; a single
 * space after an administrative suffix, as shipping forms write 广东省 广州市 天河区 …, and around house
 * numbers, as people type them: 沁春路 188 弄 12 号 302 室, 高新大道 666 号 C4 栋, 河滨之城 7 幢 2 单元.
 */
const RUN =
  /(?:[\u3400-\u9fffA-Za-z0-9#_\-－—]|(?<=[省市区县旗镇]) (?=[\u3400-\u9fff])|(?<=[路街道巷弄里村段号栋幢座元园厦]) (?=[A-Za-z]?\d)|(?<=[\u3400-\u9fff]) (?=\d{1,5} ?(?:号|弄|栋|幢|座|单元|室))|(?<=\d) (?=号|弄|栋|幢|座|单元|室|楼|层))+/g;

/**
 * The segment without the spaces typed around house numbers (the component patterns expect 188弄12号), and
 * for each of its code units the offset in the segment it came from.
 */
function compactNumbers(segment: string): { compact: string; origin: number[] } {
  if (!segment.includes(' ')) return { compact: segment, origin: [] };
  let compact = '';
  const origin: number[] = [];
  for (let i = 0; i < segment.length; i++) {
    const c = segment.charCodeAt(i);
    if (
      c === 32 &&
      (isDigit(segment.charCodeAt(i - 1)) ||
        isDigit(segment.charCodeAt(i + 1)) ||
        isDigit(segment.charCodeAt(i + 2)))
    )
      continue;
    compact += segment[i];
    origin.push(i);
  }
  return { compact, origin };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Characters that in running text introduce or follow an address but practically never occur inside one
 * ("我住在…", "…的公司", "位于…"). The run is split at them.
 */
const STOP_CHARS = /[的是在了我你他她们说就也请把被给让这那到住从往去吗呢吧啊哦址]/;
/** Verbs that lead into an address in running text; stripped from the start. */
const LEAD_IN = /^(?:位于|地处|坐落于|坐落|来自|寄往|发往|送至|寄至|发至|现居|居于)/;

const PLACE_NAME = new RegExp(`(?:${[...CN_PROVINCES, ...CN_CITIES].join('|')})`);
/** Administrative divisions (province down to district / county). */
const ADMIN = /[\u4e00-\u9fff]{1,6}?(?:省|自治区|特别行政区|自治州|地区|盟|市|区|县|旗)/;
/** Sub-district units: towns, townships, sub-districts, villages, neighbourhood groups. */
const TOWN = /[\u4e00-\u9fff]{1,6}?(?:镇|乡|街道|村|社区|屯|嘎查|[一二三四五六七八九十\d]+组)/;
const ROAD = /[\u4e00-\u9fff0-9]{1,8}?(?:路|街|大道|巷|弄|胡同|里|道|国道|省道|公路)/;
/** A house, building, unit or room number. */
const NUMBER =
  /(?:\d+|[一二三四五六七八九十百]+)(?:号楼|号院|号|弄|栋|幢|座|单元|室|楼|层|[Ff](?![a-z])|区|期|排|户|门)|(?<=[\u4e00-\u9fff])\d+[-－—]\d+/;
/** Named places that locate a delivery point: estates, buildings, parks, markets, campuses. */
const POI =
  /小区|大厦|广场|花园|园区|公寓|新村|家园|苑|山庄|市场|商城|商场|工业区|开发区|工业园|科技园|产业园|物流园|大楼|写字楼|仓库|宿舍|别墅|码头/;
/**
 * People and roles: a run naming them is about someone ("…管理委员会主任王为民"), not a delivery point.
 * 市长 / 县长 are no title where 长 opens the next place: 上海市长宁区, 西安市长安区, 湖州市长兴县, 东莞市长安镇.
 */
const PERSON_CONTEXT =
  /主任|经理|处长|局长|[县市]长(?![\u4e00-\u9fff]{1,3}(?:区|县|市|镇|乡|旗|路|街|大道))|部长|科长|厂长|校长|院长|队长|主管|总监|书记|先生|女士|记者|编辑|老师|教授|主席|总裁|董事|负责人|人士|业主/;

const TRIM_EDGE = /^[_\-－—#()（）]+|[_\-－—#()（）]+$/g;

interface Segment {
  start: number;
  end: number;
}

/** Splits a run at prose stop characters. */
function splitAtStops(text: string, start: number, end: number): Segment[] {
  const segments: Segment[] = [];
  let from = start;
  for (let k = start; k < end; k++) {
    if (STOP_CHARS.test(text[k] as string)) {
      if (k > from) segments.push({ start: from, end: k });
      from = k + 1;
    }
  }
  if (end > from) segments.push({ start: from, end });
  return segments;
}

/**
 * A room number written straight after a named building, with or without a tower letter: 数字大厦A座1602,
 * 国贸大厦2305. Without 号 or 室 the digits are still the delivery point.
 */
const BUILDING_ROOM = /(?:大厦|大楼|写字楼|公寓)(?:[A-Za-z0-9]{1,2}[座栋幢])?\d{3,5}室?(?!\d)/;
/** A room number after a tower written with a numeral (太古汇一座2001, 3栋1205). */
const ROOM_AFTER_TOWER = /^\d{3,5}室?(?!\d)/;
const TOWER_CHARS: ReadonlySet<string> = new Set(['座', '栋', '幢']);

/** End offsets of the components in prose: the address stops after the last one. */
const COMPONENT_END = new RegExp(
  `(?:${BUILDING_ROOM.source})|(?:${NUMBER.source})|(?:路|街|大道|巷|弄|胡同|公路|镇|乡|街道|村|社区|小区|大厦|广场|花园|公寓|新村|家园|苑|山庄|工业区|开发区|工业园|大楼)`,
  'g',
);
/** Stricter component tests for running text, where "轨道", "社区" or "市场" are ordinary words. */
const PROSE_ROAD = /[\u4e00-\u9fff]{1,6}(?:路|街|大道|巷|弄|胡同)(?!口|线|费|况|演|灯|车|边|上)/;
const PROSE_TOWN = /[\u4e00-\u9fff]{1,4}(?:镇|乡|街道|村)(?!民|长|委|干部|官)/;
const PROSE_ADMIN = /[\u4e00-\u9fff]{2,4}(?:省|自治区|县)|[\u4e00-\u9fff]{2,4}市(?!场|民|长|委|政府)/;
/** A house / building / room number: the strongest single sign of a delivery address. */
const STRONG_NUMBER = new RegExp(
  `(?:\\d+|[一二三四五六七八九十百]+)(?:号楼|号院|号|栋|幢|单元|室)|(?<=[\\u4e00-\\u9fff])\\d+[-－—]\\d+|${BUILDING_ROOM.source}`,
);

/**
 * In running text (as opposed to a field holding only the address) require a street-level core: a road
 * with a number, a numbered building, or a town/village with a road or number. Returns the end offset.
 */
function proseAddressEnd(segment: string): number {
  if (PERSON_CONTEXT.test(segment)) return 0;
  const road = PROSE_ROAD.test(segment);
  const town = PROSE_TOWN.test(segment);
  const strongNumber = STRONG_NUMBER.test(segment);
  const locating = PLACE_NAME.test(segment) || PROSE_ADMIN.test(segment);
  const ok = (road && strongNumber) || (strongNumber && (locating || town)) || (town && road && locating);
  if (!ok) return 0;
  let end = 0;
  COMPONENT_END.lastIndex = 0;
  for (let m = COMPONENT_END.exec(segment); m !== null; m = COMPONENT_END.exec(segment))
    end = m.index + m[0].length;
  if (TOWER_CHARS.has(segment.charAt(end - 1)))
    end += ROOM_AFTER_TOWER.exec(segment.slice(end))?.[0].length ?? 0;
  return end;
}

/** Businesses and institutions: in a field holding only an address they name the delivery point. */
const BROAD_POI =
  /中心|酒店|宾馆|饭店|学院|大学|中学|小学|学校|医院|公司|厂|城|府|庭|湾|院|馆|站|店|超市|银行|邮局|大桥|基地|园|局|所|部|室/;
const NUMBER_GLOBAL = new RegExp(NUMBER.source, 'g');
const ADMIN_SUFFIX_GLOBAL = /省|自治区|市|区|县|旗/g;

function countMatches(re: RegExp, s: string, cap: number): number {
  re.lastIndex = 0;
  let n = 0;
  while (n < cap && re.exec(s) !== null) n++;
  return n;
}

/**
 * Scores a segment; 0 means "not an address". `pureField` is true when the whole text is this one segment
 * (a form value or shipping line), where a locating prefix plus a named delivery point is enough.
 */
function scoreSegment(segment: string, pureField: boolean): number {
  const hasCjk = /[\u4e00-\u9fff]/.test(segment);
  if (!hasCjk || segment.length < 4 || PERSON_CONTEXT.test(segment)) return 0;
  const place = PLACE_NAME.test(segment);
  const admin = ADMIN.test(segment);
  const town = TOWN.test(segment);
  const road = ROAD.test(segment);
  const numbers = countMatches(NUMBER_GLOBAL, segment, 2);
  const poi = POI.test(segment);
  const streetLevel = (town ? 1 : 0) + (road ? 1 : 0) + numbers + (poi ? 1 : 0);
  const locating = place || admin;
  const kinds = streetLevel + (locating ? 1 : 0);
  if (kinds >= 3) return 0.9;
  if (streetLevel > 0 && kinds === 2 && (road || numbers > 0 || town)) return 0.75;
  if (streetLevel > 0 && kinds === 2 && locating && poi) return 0.6;
  if (!pureField) return 0;
  // A bare field: "<admin chain><shop name>", "<estate name>12-3-401", "<village>235".
  const trailingNumber = /[\u4e00-\u9fff][A-Za-z]?\d{2,}[A-Za-z]?$/.test(segment);
  if ((locating || streetLevel > 0) && (trailingNumber || BROAD_POI.test(segment))) return 0.55;
  if (locating && countMatches(ADMIN_SUFFIX_GLOBAL, segment, 3) >= 2 && !/[省市区县旗]$/.test(segment))
    return 0.5;
  return 0;
}

/** Finds Chinese postal addresses. */
export function findChineseAddresses(text: string): Finding[] {
  const findings: Finding[] = [];
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m !== null; m = RUN.exec(text)) {
    const runStart = m.index;
    const runEnd = runStart + m[0].length;
    if (!/[\u3400-\u9fff]/.test(m[0])) continue;
    const segments = splitAtStops(text, runStart, runEnd);
    for (const seg of segments) {
      const raw = text.slice(seg.start, seg.end);
      let trimmed = raw.replace(TRIM_EDGE, '');
      if (trimmed.length === 0) continue;
      let start = seg.start + raw.indexOf(trimmed);
      const lead = LEAD_IN.exec(trimmed);
      if (lead) {
        trimmed = trimmed.slice(lead[0].length);
        start += lead[0].length;
      }
      // A field holding just the address (a form value, a shipping line) gets the permissive rules.
      const pureField =
        text.length <= 120 &&
        segments.length === 1 &&
        trimmed.length >= text.trim().length - 2 &&
        !/[，。！？；：,!?;:]/.test(text);
      const { compact, origin } = compactNumbers(trimmed);
      /** Offset in `trimmed` of the end of compact[0, end). */
      const endIn = (end: number) => (origin.length === 0 ? end : (origin[end - 1] as number) + 1);
      if (pureField) {
        const score = scoreSegment(compact, true);
        if (score > 0)
          findings.push({
            start,
            end: start + trimmed.length,
            type: 'address',
            detector: 'address.zh',
            score,
          });
        continue;
      }
      // In prose, start at a known province / city when the words before it locate nothing.
      let from = 0;
      const place = PLACE_NAME.exec(compact);
      if (place && place.index > 0 && !ADMIN.test(compact.slice(0, place.index))) from = place.index;
      const end = proseAddressEnd(compact.slice(from));
      if (end >= 4) {
        const first = origin.length === 0 ? from : (origin[from] as number);
        findings.push({
          start: start + first,
          end: start + endIn(from + end),
          type: 'address',
          detector: 'address.zh',
          score: 0.7,
        });
      }
    }
  }
  return findings;
}

export const chineseAddressDetector: Detector = {
  id: 'address.zh',
  types: ['address'],
  detect(text, context) {
    if (!context.hasCjk) return [];
    return findChineseAddresses(text);
  },
};
