import type { Detector } from '../detector.ts';
import type { Finding } from '../types.ts';
import { hasDigit } from './text-context.ts';

/**
 * IPv4 (octets 0-255, no leading zeros) and IPv6 (every compressed form, embedded IPv4, optional
 * zone id). Boundaries keep them out of longer tokens: an IPv4 must not continue a dotted number or
 * version string, an IPv6 must not touch letters, digits or further colons (`std::cout`, `a:b:c`).
 */

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = `${OCTET}(?:\\.${OCTET}){3}`;
const H16 = '[0-9A-Fa-f]{1,4}';
const LS32 = `(?:${H16}:${H16}|${IPV4})`;
const IPV6 = [
  `(?:${H16}:){6}${LS32}`,
  `::(?:${H16}:){5}${LS32}`,
  `(?:${H16})?::(?:${H16}:){4}${LS32}`,
  `(?:(?:${H16}:){0,1}${H16})?::(?:${H16}:){3}${LS32}`,
  `(?:(?:${H16}:){0,2}${H16})?::(?:${H16}:){2}${LS32}`,
  `(?:(?:${H16}:){0,3}${H16})?::${H16}:${LS32}`,
  `(?:(?:${H16}:){0,4}${H16})?::${LS32}`,
  `(?:(?:${H16}:){0,5}${H16})?::${H16}`,
  `(?:(?:${H16}:){0,6}${H16})?::`,
].join('|');

// An IPv4 may follow a colon (`::ffff:1.2.3.4` glued to text still hides an IPv4), but not a dot or word char.
const IPV4_RE = new RegExp(`(?<![\\w.])${IPV4}(?![\\w]|\\.\\d)`, 'g');
// A colon may follow only as a five-digit port (`2a01:4f8::1:51880` in HAProxy logs): no hextet has five digits.
const IPV6_RE = new RegExp(
  `(?<![\\w:.])(?:${IPV6})(?:%[0-9A-Za-z_.~-]{1,32})?(?![\\w=]|:(?!\\d{5}(?!\\w))|\\.\\d)`,
  'g',
);

// Every IPv6 has two colons within five characters; every IPv4 a digit-dot-digit.
const IPV6_HINT = /:[0-9A-Fa-f]{0,4}:/;
const IPV4_HINT = /\d\.\d/;

/** Labels after which a dotted quad is a version or an object identifier (`driver 3.0.0.0`, `OID 2.5.4.3`). */
const VERSION_LABELS: ReadonlySet<string> = new Set(
  'version versions ver release rel build firmware fw driver drivers bios oid oids revision rev'.split(' '),
);

/** Whether a version or OID label (`Version: `, `driver `, `oid=`) ends right before `start`. */
function afterVersionLabel(text: string, start: number): boolean {
  let i = start;
  for (let n = 0; n < 4 && i > 0; n++) {
    const c = text.charCodeAt(i - 1);
    if (c !== 32 && c !== 58 && c !== 61 && c !== 34 && c !== 39) break;
    i--;
  }
  let wordStart = i;
  while (wordStart > 0 && i - wordStart < 10) {
    const c = text.charCodeAt(wordStart - 1) | 32;
    if (c < 97 || c > 122) break;
    wordStart--;
  }
  return wordStart < i && VERSION_LABELS.has(text.slice(wordStart, i).toLowerCase());
}

export function findIpAddresses(text: string): Finding[] {
  const findings: Finding[] = [];
  const digits = hasDigit(text);
  if (text.includes('::') || (digits && IPV6_HINT.test(text))) {
    IPV6_RE.lastIndex = 0;
    for (let m = IPV6_RE.exec(text); m !== null; m = IPV6_RE.exec(text)) {
      let end = m.index + m[0].length;
      // A zone id never ends with a dot; that dot ends the sentence.
      while (text.charCodeAt(end - 1) === 46) end--;
      findings.push({ start: m.index, end, type: 'ip_address', detector: 'ip_address', score: 0.9 });
    }
  }
  if (digits && IPV4_HINT.test(text)) {
    IPV4_RE.lastIndex = 0;
    for (let m = IPV4_RE.exec(text); m !== null; m = IPV4_RE.exec(text)) {
      const start = m.index;
      if (findings.some((f) => start >= f.start && start < f.end)) continue;
      if (afterVersionLabel(text, start)) continue;
      findings.push({
        start,
        end: start + m[0].length,
        type: 'ip_address',
        detector: 'ip_address',
        score: 0.9,
      });
    }
  }
  return findings;
}

export const ipAddressDetector: Detector = {
  id: 'ip_address',
  types: ['ip_address'],
  detect: findIpAddresses,
};
