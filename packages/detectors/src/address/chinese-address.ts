import type { Detector } from '../detector.ts';
import type { Finding } from '../types.ts';
import { CN_CITIES, CN_PROVINCES } from './chinese-places.ts';

/**
 * Chinese postal addresses are a chain of suffix-marked components (省 → 市 → 区/县 → 镇/街道 → 村/路 → 号 →
 * 栋/单元 → 室). Instead of parsing every component exactly, a run of address-capable characters is cut at
 * prose stop characters and accepted when it holds enough distinct component kinds, at least one of them
 * below district level, so a bare "浙江省杭州市" (a place name) is not an address.
 */

/** Characters an address may contain: ideographs, ASCII letters and digits, and a few joiners. */
const RUN = /[\u3400-\u9fffA-Za-z0-9#_\-－—]+/g;

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
/** People and roles: a run naming them is about someone ("…管理委员会主任王为民"), not a delivery point. */
const PERSON_CONTEXT = /主任|经理|处长|局长|县长|市长|书记|先生|女士|记者|编辑|老师|教授|主席|总裁|董事|负责人|人士|业主/;

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

/** End offsets of the components in prose: the address stops after the last one. */
const COMPONENT_END = new RegExp(
  `(?:${NUMBER.source})|(?:路|街|大道|巷|弄|胡同|公路|镇|乡|街道|村|社区|小区|大厦|广场|花园|公寓|新村|家园|苑|山庄|工业区|开发区|工业园|大楼)`,
  'g',
);
/** A house / building / room number: the strongest single sign of a delivery address. */
const STRONG_NUMBER = /(?:\d+|[一二三四五六七八九十百]+)(?:号楼|号院|号|栋|幢|单元|室)|\d+[-－—]\d+/;

/**
 * In running text (as opposed to a field holding only the address) require a street-level core: a road
 * with a number, a numbered building, or a town/village with a road or number. Returns the end offset.
 */
function proseAddressEnd(segment: string): number {
  if (PERSON_CONTEXT.test(segment)) return 0;
  const road = ROAD.test(segment);
  const town = TOWN.test(segment);
  const strongNumber = STRONG_NUMBER.test(segment);
  const locating = PLACE_NAME.test(segment) || ADMIN.test(segment);
  const ok = (road && strongNumber) || (strongNumber && (locating || town)) || (town && road && locating);
  if (!ok) return 0;
  let end = 0;
  COMPONENT_END.lastIndex = 0;
  for (let m = COMPONENT_END.exec(segment); m !== null; m = COMPONENT_END.exec(segment)) end = m.index + m[0].length;
  return end;
}

/** Scores a candidate segment; 0 means "not an address". */
function scoreSegment(segment: string): number {
  const hasCjk = /[\u4e00-\u9fff]/.test(segment);
  if (!hasCjk || segment.length < 4 || PERSON_CONTEXT.test(segment)) return 0;
  const place = PLACE_NAME.test(segment);
  const admin = ADMIN.test(segment);
  const town = TOWN.test(segment);
  const road = ROAD.test(segment);
  const number = NUMBER.test(segment);
  const poi = POI.test(segment);
  const streetLevel = (town ? 1 : 0) + (road ? 1 : 0) + (number ? 1 : 0) + (poi ? 1 : 0);
  const locating = place || admin;
  if (streetLevel === 0) return 0;
  const kinds = streetLevel + (locating ? 1 : 0);
  if (kinds >= 3) return 0.9;
  if (kinds === 2 && (road || number || town)) return 0.75;
  if (kinds === 2 && locating && poi) return 0.6;
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
      const wholeField = text.length <= 120 && segments.length === 1 && trimmed.length >= text.trim().length * 0.6;
      if (wholeField) {
        const score = scoreSegment(trimmed);
        if (score > 0) findings.push({ start, end: start + trimmed.length, type: 'address', detector: 'address.zh', score });
        continue;
      }
      // In prose, start at a known province / city when the words before it locate nothing.
      const place = PLACE_NAME.exec(trimmed);
      if (place && place.index > 0 && !ADMIN.test(trimmed.slice(0, place.index))) {
        start += place.index;
        trimmed = trimmed.slice(place.index);
      }
      const end = proseAddressEnd(trimmed);
      if (end >= 4) findings.push({ start, end: start + end, type: 'address', detector: 'address.zh', score: 0.7 });
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
