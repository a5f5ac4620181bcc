/**
 * Synthetic texts that run every detector family through its common branches: English mail and chat, developer
 * text (logs, configs, tables, SQL, secrets), international phones and addresses, finance numbers, and Chinese.
 * A process detects them once at start so the JIT compiles those paths before real traffic: without it, the
 * first few hundred messages pay tier-up and deoptimization pauses of 2–15 ms each.
 *
 * Everything here is invented. The vocabulary deliberately differs from `testing/synthetic-chat.ts`, whose
 * messages the benchmarks time after this warm-up.
 */
// Accented and non-Latin letters take other branches of every tokenizer, so some names carry them.
const FIRST = [
  'Harriet',
  'Tomasz',
  'Ingrid',
  'Kwame',
  'Yusuf',
  'Beatriz',
  'Arjun',
  'Chloé',
  'Mateo',
  'Noor',
  'Zoë',
  'Łucja',
];
const LAST = [
  'Okafor',
  'Lindqvist',
  'Brennan',
  'Castellano',
  'Nakamura',
  'Haddad',
  'Fitzgerald',
  'Iyer',
  'Ågren',
  'Núñez',
];
const TITLES = ['Dr.', 'Ms.', 'Mr.', 'Prof.'];
const ORGS = [
  'Pinecrest Analytics Ltd',
  'Marlowe & Sons LLC',
  'Orbital Freight GmbH',
  'Ørsted Vindkraft A/S',
  'Société Générale des Eaux',
  'Saint Brigid Hospital',
  'Westbrook Credit Union',
  'Lumen Robotics Corp.',
  'University of Eastvale',
];
const US_ADDRESSES = [
  '2217 Bramble Lane, Apt 4B, Columbus, OH 43215',
  '9 Quarry Hill Road\nSuite 300\nAustin, TX 78701',
  'PO Box 4410, Boise, ID 83702',
];
const INTL_ADDRESSES = [
  'Flat 2, 31 Wellington Road, Leeds LS1 4DL',
  '14 Nehru Marg, Civil Lines, Jaipur 302006',
  'Unit 5, 88 Harbour Street, Wellington 6011',
  '7 Rue Saint-Éloi, 13001 Marseille',
  '2-14-9 Hakusan, Bunkyo-ku, Tokyo 112-0001',
];
const PHONES = [
  '(312) 555-0187',
  '+1 646-555-0142',
  '+44 20 7946 0321',
  '+49 30 9018 2744',
  '+33 1 44 55 66 77',
  '+91 98450 12345',
  '+86 139 1234 5678',
  '+61 2 9374 4000',
  '0161 496 0753',
];
const CN_NAMES = ['王建国', '李晓梅', '陈志强', '刘芳', '赵磊', '周婷婷'];
const CN_ORGS = ['杭州云帆科技有限公司', '中国建设银行', '复旦大学附属华山医院', '深圳前海微众银行'];
const CN_ADDRESSES = [
  '浙江省杭州市西湖区文三路478号',
  '广东省深圳市南山区科技园南区高新南七道6号',
  '上海市徐汇区漕溪北路88号3楼',
];
/** Patterns at the very start or end of a text, where detectors read past the first or last token. */
const EDGES = [
  'Okafor, Lindqvist and Brennan',
  'Haddad, Iyer and',
  'Harriet, Tomasz, Ingrid and Kwame',
  'The Brennan, Haddad and Iyer Orchestra',
  'Okafor vs Brennan',
  'Pinecrest Analytics',
  'Ltd',
  'Dr.',
  'Sincerely, Beatriz',
  'cc: Arjun Iyer, Noor Haddad',
  'Lumen Robotics Corp. and',
  'University of',
  '2217 Bramble Lane',
  '+44',
  'Email:',
];
const PROSE = [
  'Could you tidy up this note before I send it to the whole team?',
  'The nightly export failed again; the log excerpt is below.',
  'Summarize the thread and draft a polite reply that confirms the new date.',
  'We moved the deadline to next Thursday because the vendor needs more time.',
  'Which of these options is cheaper over three years, including support?',
];

/** A deterministic pseudo-random sequence (no Math.random: the texts are the same in every process). */
function sequence(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

function digits(next: () => number, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(Math.floor(next() * 10));
  return out;
}

function alnum(next: () => number, count: number): string {
  const chars = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < count; i++) out += chars[Math.floor(next() * chars.length)];
  return out;
}

function luhnCompleted(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

/** A German IBAN with valid mod-97 check digits for a random account. */
function germanIban(next: () => number): string {
  const bban = digits(next, 18);
  // Country letters D=13, E=14, then "00"; the check is 98 minus the remainder.
  const numeric = `${bban}131400`;
  let remainder = 0;
  for (const char of numeric) remainder = (remainder * 10 + Number(char)) % 97;
  const check = String(98 - remainder).padStart(2, '0');
  return `DE${check} ${bban.slice(0, 4)} ${bban.slice(4, 8)} ${bban.slice(8, 12)} ${bban.slice(12, 16)} ${bban.slice(16)}`;
}

/** An 18-digit China resident ID with a valid ISO 7064 check character. */
function residentId(next: () => number): string {
  const body = `330106${1970 + Math.floor(next() * 30)}0${1 + Math.floor(next() * 9)}1${Math.floor(next() * 9)}${digits(next, 3)}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * weights[i]!;
  return body + '10X98765432'[sum % 11]!;
}

function pick<T>(list: readonly T[], next: () => number): T {
  return list[Math.floor(next() * list.length)]!;
}

function person(next: () => number): string {
  return `${pick(FIRST, next)} ${pick(LAST, next)}`;
}

type Segment = (next: () => number) => string;

const ENGLISH: Segment[] = [
  (n) => `Hi ${pick(FIRST, n)}, ${pick(PROSE, n)}`,
  (n) => {
    const name = person(n);
    return `${pick(TITLES, n)} ${name} at ${pick(ORGS, n)} can be reached on ${pick(PHONES, n)} or ${name.toLowerCase().replace(' ', '.')}@${pick(['mail.example.org', 'example.net', 'corp.example.co.uk'], n)}.`;
  },
  (n) =>
    `Please courier the signed copy to ${person(n)}, ${pick(n() < 0.5 ? US_ADDRESSES : INTL_ADDRESSES, n)}.`,
  (n) => `Best regards,\n${person(n)}\nHead of Operations, ${pick(ORGS, n)}\nTel: ${pick(PHONES, n)}`,
  (n) =>
    `Meeting notes (Tuesday): ${person(n)}, ${person(n)} and ${pick(FIRST, n)} from ${pick(ORGS, n)} agreed on version 2.${Math.floor(n() * 20)}.`,
  (n) =>
    `${pick(PROSE, n)} Order #${digits(n, 6)} shipped on 2026-03-${10 + Math.floor(n() * 18)} via UPS, tracking 1Z${alnum(n, 16).toUpperCase()}.`,
];

const DEVELOPER: Segment[] = [
  (n) =>
    `2026-05-02T11:${10 + Math.floor(n() * 49)}:07.412Z ERROR request failed user=${pick(FIRST, n).toLowerCase()}@example.com ip=10.${Math.floor(n() * 255)}.4.${Math.floor(n() * 255)} status=502 latency_ms=${digits(n, 3)}`,
  (n) =>
    `Traceback (most recent call last):\n  File "/srv/app/billing.py", line ${digits(n, 3)}, in charge\n    raise PaymentError(f"card declined for {customer.email}")\nPaymentError: card declined`,
  (n) =>
    `OPENAI_API_KEY=sk-proj-${alnum(n, 48)}\nDATABASE_URL=postgres://app:${alnum(n, 14)}@db.internal:5432/orders\nLOG_LEVEL=debug`,
  (n) =>
    `curl -s https://api.example.com/v2/accounts -H "Authorization: Bearer ${alnum(n, 40)}" -H 'Accept: application/json'`,
  (n) => `const client = new Client({ token: "ghp_${alnum(n, 36)}", region: "eu-west-1", retries: 3 });`,
  (n) => {
    const lines = Array.from({ length: 6 }, () => alnum(n, 64)).join('\n');
    return `deploy key (do not commit):\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA${lines}\n-----END OPENSSH PRIVATE KEY-----`;
  },
  (n) => `aws_access_key_id = AKIA${alnum(n, 16).toUpperCase()}\naws_secret_access_key = ${alnum(n, 40)}`,
  (n) =>
    `name,email,phone,city\n${person(n)},${pick(FIRST, n).toLowerCase()}@example.org,${pick(PHONES, n)},Denver\n${person(n)},${pick(LAST, n).toLowerCase()}@example.net,${pick(PHONES, n)},Lyon`,
  (n) =>
    `INSERT INTO customers (full_name, company, street) VALUES ('${person(n)}', '${pick(ORGS, n)}', '${pick(US_ADDRESSES, n).split('\n')[0]}');`,
  (n) =>
    `{"customer": {"name": "${person(n)}", "employer": "${pick(ORGS, n)}", "phone": "${pick(PHONES, n)}"}, "ipv6": "2001:db8::${digits(n, 2)}"}`,
  (n) => {
    const claims = Buffer.from(JSON.stringify({ sub: alnum(n, 12), iat: 1767225600 })).toString('base64url');
    return `session=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${claims}.${alnum(n, 43)} sent by git@example.com (commit ${alnum(n, 40).toLowerCase()})`;
  },
  (n) =>
    `Refund card ${luhnCompleted(`4539${digits(n, 11)}`).replace(/(\d{4})(?=\d)/g, '$1 ')} to IBAN ${germanIban(n)}; SSN on file 5${digits(n, 2)}-${10 + Math.floor(n() * 89)}-${1000 + Math.floor(n() * 8999)}.`,
];

const CHINESE: Segment[] = [
  (n) =>
    `请联系${pick(CN_NAMES, n)}经理，电话${pick(['138', '159', '186'], n)}${digits(n, 8)}，地址：${pick(CN_ADDRESSES, n)}。`,
  (n) =>
    `${pick(CN_NAMES, n)}（${pick(CN_ORGS, n)}）身份证号${residentId(n)}，邮箱 zhang${digits(n, 3)}@example.cn。`,
  (n) =>
    `会议纪要：${pick(CN_NAMES, n)}、${pick(CN_NAMES, n)}参加，讨论与${pick(CN_ORGS, n)}的合作，下周三前回复。`,
  (n) => `报错信息：连接 10.0.${Math.floor(n() * 255)}.8 超时，请${pick(CN_NAMES, n)}检查配置。`,
  (n) => `测试库账号 ops，密码 Wy#${digits(n, 4)}qa_Ok，用完请在群里说一声。`,
];

/**
 * `count` texts of 200 to ~4,000 characters, deterministic. Most mix English and developer text, as chat
 * traffic does; every fourth is Chinese. Then every segment once on its own and a few bare values: short texts
 * and values at the very end of a text take branches (end-of-input reads) that long ones rarely do.
 */
export function warmUpTexts(count = 96): string[] {
  const texts: string[] = [];
  const next = sequence(0xbeef);
  for (const segment of [...ENGLISH, ...DEVELOPER, ...CHINESE]) texts.push(segment(next));
  for (const value of [...EDGES, ...ORGS, ...PHONES, ...CN_NAMES, ...CN_ORGS]) texts.push(value);
  for (let i = 0; i < 8; i++) texts.push(person(next), `${pick(PROSE, next)} ${person(next)}`);
  for (let i = 0; i < count; i++) {
    const next = sequence(0x5eed + i * 7919);
    const target = 200 + Math.floor(next() * 3800);
    const families =
      i % 4 === 3 ? [CHINESE, ENGLISH] : i % 2 === 0 ? [ENGLISH, DEVELOPER] : [DEVELOPER, ENGLISH];
    const parts: string[] = [];
    let length = 0;
    while (length < target) {
      const family = next() < 0.7 ? families[0]! : families[1]!;
      const part = pick(family, next)(next);
      parts.push(part);
      length += part.length + 1;
    }
    texts.push(parts.join(next() < 0.5 ? '\n' : ' '));
  }
  return texts;
}
