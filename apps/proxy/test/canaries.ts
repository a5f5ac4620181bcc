import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import fc from 'fast-check';

/**
 * Canary values for the leak fuzzer: every type the proxy masks or blocks, generated so each value is
 * valid for its type (Luhn cards, mod-97 IBANs, GB 11643 resident ids, SSNs in issued ranges, phone
 * numbers libphonenumber calls valid, high-entropy tokens in each vendor's format). Nothing here is a
 * real person's or account's value; the tests generate them and never write them anywhere.
 */

export type CanaryType =
  | 'email'
  | 'phone_us'
  | 'phone_cn'
  | 'phone_e164'
  | 'api_key'
  | 'bearer_token'
  | 'jwt'
  | 'private_key'
  | 'url_credentials'
  | 'credit_card'
  | 'iban'
  | 'us_ssn'
  | 'cn_resident_id'
  | 'ipv4'
  | 'ipv6'
  | 'person_en'
  | 'person_zh'
  | 'org_en'
  | 'org_zh'
  | 'address_en'
  | 'address_zh';

export interface Canary {
  type: CanaryType;
  /** The value exactly as a person would write it. */
  value: string;
  /** Blocked by the default policy (a secret): a request holding it must never reach the upstream. */
  blocked: boolean;
  /**
   * Not a judgement call (checksums, formats, secrets, numbering plans): such a value in a tool
   * definition rejects the request. Names, organizations and addresses are contextual.
   */
  definitive: boolean;
  /** A sentence around the value that gives the detectors the context a real message would. */
  sentence(value: string): string;
  /** A Chinese sentence with the value glued to CJK text on both sides, as Chinese writing does. */
  cjkSentence(value: string): string;
}

// --- deterministic high-entropy material from a generated seed -----------------------------------
// fast-check biases strings towards short and repetitive ones, which would make tokens fail the
// detectors' entropy floors by design. Deriving them from an integer seed keeps them random-looking
// while runs stay reproducible and shrinkable (a smaller seed is a different, equally random token).

function bytesFrom(seed: number, salt: string, length: number): Buffer {
  const out: Buffer[] = [];
  let total = 0;
  for (let block = 0; total < length; block++) {
    const chunk = createHash('sha256').update(`${salt}:${seed}:${block}`).digest();
    out.push(chunk);
    total += chunk.length;
  }
  return Buffer.concat(out).subarray(0, length);
}

function pick(seed: number, salt: string, alphabet: string, length: number): string {
  let s = '';
  for (const byte of bytesFrom(seed, salt, length)) s += alphabet[byte % alphabet.length];
  return s;
}

function digitsFrom(seed: number, salt: string, length: number): string {
  return pick(seed, salt, '0123456789', length);
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const URLSAFE = `${ALNUM}-_`;
const seed = fc.integer({ min: 0, max: 0x7fffffff });

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

// --- checksums (independent implementations, so a detector bug cannot hide in shared code) ------

export function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

function mod97(numeric: string): number {
  let r = 0;
  for (const ch of numeric) r = (r * 10 + Number(ch)) % 97;
  return r;
}

export function ibanFor(country: string, bban: string): string {
  const numeric = `${bban}${country}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return `${country}${String(98 - mod97(numeric)).padStart(2, '0')}${bban}`;
}

export function gb11643(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i]!;
  return '10X98765432'[sum % 11]!;
}

// libphonenumber-js is the detectors' dependency, not the proxy's; load it from there.
const requireFromDetectors = createRequire(
  new URL('../../../packages/detectors/package.json', import.meta.url),
);
const phoneLib = requireFromDetectors('libphonenumber-js/max') as {
  isValidPhoneNumber(text: string, country?: string): boolean;
};

// --- structured identifiers -------------------------------------------------------------------------

const NAMES_EN_FIRST = [
  'Maria',
  'James',
  'Priya',
  'Oliver',
  'Fatima',
  'Daniel',
  'Sofia',
  'Liam',
  'Aisha',
  'Lucas',
  'Chloe',
  'Mateo',
  'Hannah',
  'Ethan',
  'Olga',
  'Kenji',
  'Amara',
  'Noah',
  'Elena',
  'Samuel',
];
const NAMES_EN_LAST = [
  'Gonzalez',
  'Whitaker',
  'Patel',
  'Okafor',
  'Lindqvist',
  'Novak',
  'Ramirez',
  'Thompson',
  'Nakamura',
  'Fitzgerald',
  'Kowalski',
  'Hernandez',
  'Andersen',
  'Moreau',
  'Castillo',
  'Brennan',
  'Schneider',
  'Abernathy',
  'Delgado',
  'Okonkwo',
];

const email = fc
  .record({
    first: fc.constantFrom(...NAMES_EN_FIRST),
    last: fc.constantFrom(...NAMES_EN_LAST),
    shape: fc.constantFrom('first.last', 'flast', 'first_last', 'first+tag', 'first.last42'),
    domain: fc.constantFrom('example.com', 'mail.example.org', 'corp-example.net', 'example.co.uk', 'qq.com'),
  })
  .map(({ first, last, shape, domain }) => {
    const f = first.toLowerCase();
    const l = last.toLowerCase();
    const local = {
      'first.last': `${f}.${l}`,
      flast: `${f[0]}${l}`,
      first_last: `${f}_${l}`,
      'first+tag': `${f}+billing`,
      'first.last42': `${f}.${l}42`,
    }[shape]!;
    return `${local}@${domain}`;
  });

const US_AREA_CODES = ['212', '310', '312', '415', '617', '646', '702', '206', '404', '512', '718', '919'];

const phoneUs = fc
  .record({ area: fc.constantFrom(...US_AREA_CODES), seed, layout: fc.integer({ min: 0, max: 4 }) })
  .map(({ area, seed: s, layout }) => {
    const exchange = `${2 + (bytesFrom(s, 'ex', 1)[0]! % 8)}${digitsFrom(s, 'ex2', 2)}`.replace(
      /^(\d)11$/,
      '$112',
    );
    const line = digitsFrom(s, 'line', 4);
    return [
      `(${area}) ${exchange}-${line}`,
      `${area}-${exchange}-${line}`,
      `${area}.${exchange}.${line}`,
      `+1 ${area} ${exchange} ${line}`,
      `+1-${area}-${exchange}-${line}`,
    ][layout]!;
  })
  .filter((v) => phoneLib.isValidPhoneNumber(v, 'US'));

const CN_MOBILE_PREFIXES = [
  '135',
  '136',
  '138',
  '139',
  '150',
  '152',
  '158',
  '186',
  '187',
  '189',
  '177',
  '199',
];

const phoneCn = fc
  .record({ prefix: fc.constantFrom(...CN_MOBILE_PREFIXES), seed, layout: fc.integer({ min: 0, max: 3 }) })
  .map(({ prefix, seed: s, layout }) => {
    const rest = digitsFrom(s, 'cn', 8);
    return [
      `${prefix}${rest}`,
      `${prefix} ${rest.slice(0, 4)} ${rest.slice(4)}`,
      `+86 ${prefix} ${rest.slice(0, 4)} ${rest.slice(4)}`,
      `+86-${prefix}-${rest.slice(0, 4)}-${rest.slice(4)}`,
    ][layout]!;
  })
  .filter((v) => phoneLib.isValidPhoneNumber(v, 'CN'));

/** International numbers in E.164 and in the grouping each country writes them. */
const E164_PLANS: ReadonlyArray<{ cc: string; lead: string; rest: number; groups: number[] }> = [
  { cc: '44', lead: '7700', rest: 6, groups: [4, 6] }, // UK mobile
  { cc: '49', lead: '151', rest: 8, groups: [3, 8] }, // DE mobile
  { cc: '33', lead: '6', rest: 8, groups: [1, 2, 2, 2, 2] }, // FR mobile
  { cc: '81', lead: '90', rest: 8, groups: [2, 4, 4] }, // JP mobile
  { cc: '61', lead: '412', rest: 6, groups: [3, 3, 3] }, // AU mobile
  { cc: '91', lead: '98', rest: 8, groups: [5, 5] }, // IN mobile
];

const phoneE164 = fc
  .record({ plan: fc.constantFrom(...E164_PLANS), seed, compact: fc.boolean() })
  .map(({ plan, seed: s, compact }) => {
    const national = `${plan.lead}${digitsFrom(s, `e164${plan.cc}`, plan.rest)}`;
    if (compact) return `+${plan.cc}${national}`;
    const parts: string[] = [];
    let at = 0;
    for (const size of plan.groups) {
      parts.push(national.slice(at, at + size));
      at += size;
    }
    return `+${plan.cc} ${parts.join(' ')}`;
  })
  .filter((v) => phoneLib.isValidPhoneNumber(v));

/** Payment cards: Visa, Mastercard, Amex, Discover; bare or grouped the way each is printed. */
const creditCard = fc
  .record({
    brand: fc.constantFrom(
      { prefix: '4', length: 16 },
      { prefix: '52', length: 16 },
      { prefix: '55', length: 16 },
      { prefix: '37', length: 15 },
      { prefix: '6011', length: 16 },
    ),
    seed,
    layout: fc.constantFrom('bare', 'spaces', 'dashes'),
  })
  .map(({ brand, seed: s, layout }) => {
    const body = brand.prefix + digitsFrom(s, 'card', brand.length - 1 - brand.prefix.length);
    const digits = body + luhnCheckDigit(body);
    if (layout === 'bare') return digits;
    const sep = layout === 'spaces' ? ' ' : '-';
    if (digits.length === 15) return [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10)].join(sep);
    return digits.match(/\d{4}/g)!.join(sep);
  });

const IBAN_COUNTRIES: ReadonlyArray<{ country: string; bban: (s: number) => string }> = [
  { country: 'DE', bban: (s) => digitsFrom(s, 'de', 18) },
  {
    country: 'GB',
    bban: (s) => `${pick(s, 'gbbank', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 4)}${digitsFrom(s, 'gb', 14)}`,
  },
  {
    country: 'NL',
    bban: (s) => `${pick(s, 'nlbank', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 4)}${digitsFrom(s, 'nl', 10)}`,
  },
  { country: 'FR', bban: (s) => digitsFrom(s, 'fr', 23) },
  { country: 'ES', bban: (s) => digitsFrom(s, 'es', 20) },
  { country: 'CH', bban: (s) => digitsFrom(s, 'ch', 17) },
];

const iban = fc
  .record({ plan: fc.constantFrom(...IBAN_COUNTRIES), seed, grouped: fc.boolean() })
  .map(({ plan, seed: s, grouped }) => {
    const compact = ibanFor(plan.country, plan.bban(s));
    return grouped ? compact.match(/.{1,4}/g)!.join(' ') : compact;
  });

const usSsn = fc
  .record({
    area: fc.integer({ min: 1, max: 899 }).filter((a) => a !== 666),
    group: fc.integer({ min: 1, max: 99 }),
    serial: fc.integer({ min: 1, max: 9999 }),
    sep: fc.constantFrom('-', ' '),
  })
  .map(({ area, group, serial, sep }) =>
    [String(area).padStart(3, '0'), String(group).padStart(2, '0'), String(serial).padStart(4, '0')].join(
      sep,
    ),
  )
  // Numbers the SSA published as examples are never issued.
  .filter((v) => !['078051120', '219099999', '457555462'].includes(v.replace(/\D/g, '')));

const CN_REGIONS = ['110105', '310115', '440106', '320102', '510104', '330106', '420102', '610113'];

const cnResidentId = fc
  .record({
    region: fc.constantFrom(...CN_REGIONS),
    birth: fc.date({
      min: new Date('1950-01-01T00:00:00Z'),
      max: new Date('2005-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ region, birth, sequence }) => {
    const date = birth.toISOString().slice(0, 10).replace(/-/g, '');
    const first17 = `${region}${date}${String(sequence).padStart(3, '0')}`;
    return first17 + gb11643(first17);
  });

const ipv4 = fc
  .tuple(
    fc.integer({ min: 11, max: 223 }).filter((o) => o !== 127),
    fc.integer({ min: 0, max: 255 }),
    fc.integer({ min: 0, max: 255 }),
    fc.integer({ min: 1, max: 254 }),
  )
  .map((octets) => octets.join('.'));

const ipv6 = fc
  .record({ seed, form: fc.constantFrom('full', 'compressed', 'mapped') })
  .map(({ seed: s, form }) => {
    const groups = Array.from({ length: 8 }, (_, i) =>
      pick(s, `v6${i}`, '0123456789abcdef', 4).replace(/^0+(?=.)/, ''),
    );
    groups[0] = '2001';
    groups[1] = `db${pick(s, 'v6x', '89ab', 1)}`;
    if (form === 'full') return groups.join(':');
    if (form === 'compressed') return `${groups.slice(0, 3).join(':')}::${groups.slice(6).join(':')}`;
    return `::ffff:${[11 + (bytesFrom(s, 'm', 1)[0]! % 200), 23, 45, 67].join('.')}`;
  });

// --- secrets --------------------------------------------------------------------------------------

/** Vendor token formats, each with the random part a real token has. */
const API_KEY_FORMATS: ReadonlyArray<(s: number) => string> = [
  (s) => `sk-proj-${pick(s, 'oa1', URLSAFE, 40)}T3BlbkFJ${pick(s, 'oa2', URLSAFE, 40)}`,
  (s) => `sk-ant-api03-${pick(s, 'an', URLSAFE, 93)}AA`,
  (s) => `ghp_${pick(s, 'gh', ALNUM, 36)}`,
  (s) => `github_pat_${pick(s, 'ghf1', ALNUM, 22)}_${pick(s, 'ghf2', ALNUM, 59)}`,
  (s) => `glpat-${pick(s, 'gl', URLSAFE, 20)}`,
  (s) => `AKIA${pick(s, 'aws', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`,
  (s) => `AIza${pick(s, 'gcp', URLSAFE, 35)}`,
  (s) => `xoxb-${digitsFrom(s, 'sl1', 12)}-${digitsFrom(s, 'sl2', 13)}-${pick(s, 'sl3', ALNUM, 24)}`,
  (s) => `sk_live_${pick(s, 'st', ALNUM, 32)}`,
  (s) => `SG.${pick(s, 'sg1', URLSAFE, 22)}.${pick(s, 'sg2', URLSAFE, 43)}`,
  (s) => `hf_${pick(s, 'hf', 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 34)}`,
  (s) => `npm_${pick(s, 'npm', ALNUM, 36)}`,
];

const apiKey = fc
  .record({ format: fc.integer({ min: 0, max: API_KEY_FORMATS.length - 1 }), seed })
  .map(({ format, seed: s }) => API_KEY_FORMATS[format]!(s));

const bearerToken = seed.map((s) => `Bearer ${pick(s, 'bearer', `${ALNUM}._-`, 40)}`);

const jwt = fc.record({ seed, alg: fc.constantFrom('HS256', 'RS256', 'ES256') }).map(({ seed: s, alg }) => {
  const header = base64url(JSON.stringify({ alg, typ: 'JWT' }));
  const payload = base64url(
    JSON.stringify({ sub: digitsFrom(s, 'sub', 10), name: 'user', iat: 1_700_000_000 + (s % 1_000_000) }),
  );
  return `${header}.${payload}.${pick(s, 'sig', URLSAFE, 43)}`;
});

const privateKey = fc
  .record({ seed, kind: fc.constantFrom('', 'RSA ', 'EC ', 'OPENSSH ') })
  .map(({ seed: s, kind }) => {
    const body = bytesFrom(s, 'pem', 240)
      .toString('base64')
      .match(/.{1,64}/g)!
      .join('\n');
    return `-----BEGIN ${kind}PRIVATE KEY-----\n${body}\n-----END ${kind}PRIVATE KEY-----`;
  });

const urlCredentials = fc
  .record({
    seed,
    scheme: fc.constantFrom('https', 'postgres', 'mysql', 'redis', 'ftp'),
    host: fc.constantFrom('db.internal.example', 'example.com', 'cache.example.net:6380'),
  })
  .map(
    ({ seed: s, scheme, host }) =>
      `${scheme}://${pick(s, 'user', 'abcdefghijklmnopqrstuvwxyz', 6)}:${pick(s, 'pw', `${ALNUM}!*`, 16)}@${host}/app`,
  );

// --- names, organizations, addresses --------------------------------------------------------------

const personEn = fc
  .tuple(fc.constantFrom(...NAMES_EN_FIRST), fc.constantFrom(...NAMES_EN_LAST))
  .map(([f, l]) => `${f} ${l}`);

const ZH_SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '欧阳', '诸葛'];
const ZH_GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '磊',
  '军',
  '洋',
  '秀英',
  '建华',
  '志强',
  '晓燕',
  '海涛',
  '丽娟',
];
const personZh = fc
  .tuple(fc.constantFrom(...ZH_SURNAMES), fc.constantFrom(...ZH_GIVEN))
  .map(([s, g]) => s + g);

const orgEn = fc
  .tuple(
    fc.constantFrom(...NAMES_EN_LAST),
    fc.constantFrom('Logistics', 'Pharmaceuticals', 'Capital Partners', 'Technologies', 'Biotech', 'Foods'),
    fc.constantFrom('Inc.', 'LLC', 'Ltd', 'GmbH', 'Corporation'),
  )
  .map((parts) => parts.join(' '));

const orgZh = fc
  .tuple(
    fc.constantFrom('北京', '上海', '深圳', '杭州', '广州', '成都'),
    fc.constantFrom('星河', '东方', '华锐', '天成', '博远', '中科'),
    fc.constantFrom('科技', '物流', '电子', '医药', '贸易'),
    fc.constantFrom('有限公司', '股份有限公司'),
  )
  .map((parts) => parts.join(''));

const addressEn = fc
  .record({
    number: fc.integer({ min: 10, max: 9899 }),
    street: fc.constantFrom(
      'Maple',
      'Oak',
      'Lincoln',
      'Washington',
      'Cedar',
      'Sunset',
      'Highland',
      'Lakeview',
    ),
    suffix: fc.constantFrom('Street', 'Avenue', 'Road', 'Boulevard', 'Lane', 'Drive'),
    place: fc.constantFrom(
      'Springfield, IL 62704',
      'Austin, TX 78701',
      'Portland, OR 97205',
      'Denver, CO 80202',
      'Boston, MA 02118',
      'Seattle, WA 98101',
    ),
  })
  .map(({ number, street, suffix, place }) => `${number} ${street} ${suffix}, ${place}`);

const addressZh = fc
  .record({
    area: fc.constantFrom(
      '北京市朝阳区',
      '上海市浦东新区',
      '广州市天河区',
      '深圳市南山区',
      '杭州市西湖区',
      '成都市武侯区',
    ),
    road: fc.constantFrom('建国路', '世纪大道', '体育西路', '科技园南路', '文三路', '人民南路'),
    number: fc.integer({ min: 1, max: 999 }),
  })
  .map(({ area, road, number }) => `${area}${road}${number}号`);

// --- the catalogue ----------------------------------------------------------------------------------

interface CanaryKind {
  arbitrary: fc.Arbitrary<string>;
  blocked: boolean;
  definitive: boolean;
  sentence(value: string): string;
  cjkSentence(value: string): string;
}

export const CANARY_KINDS: Readonly<Record<CanaryType, CanaryKind>> = {
  email: {
    arbitrary: email,
    blocked: false,
    definitive: true,
    sentence: (v) => `Please reply to ${v} today.`,
    cjkSentence: (v) => `请发邮件到${v}确认`,
  },
  phone_us: {
    arbitrary: phoneUs,
    blocked: false,
    definitive: true,
    sentence: (v) => `Call me at ${v} tomorrow.`,
    cjkSentence: (v) => `美国电话${v}随时可以打`,
  },
  phone_cn: {
    arbitrary: phoneCn,
    blocked: false,
    definitive: true,
    sentence: (v) => `My mobile in Shanghai is ${v}, text me.`,
    cjkSentence: (v) => `我的手机号是${v}请联系我`,
  },
  phone_e164: {
    arbitrary: phoneE164,
    blocked: false,
    definitive: true,
    sentence: (v) => `Phone: ${v} (mobile).`,
    cjkSentence: (v) => `国际电话${v}已登记`,
  },
  api_key: {
    arbitrary: apiKey,
    blocked: true,
    definitive: true,
    sentence: (v) => `Deploy with the key ${v} now.`,
    cjkSentence: (v) => `部署密钥${v}已经泄露`,
  },
  bearer_token: {
    arbitrary: bearerToken,
    blocked: true,
    definitive: true,
    sentence: (v) => `curl -H "Authorization: ${v}" https://api.example.com/v1`,
    cjkSentence: (v) => `请求头里带上${v}就行`,
  },
  jwt: {
    arbitrary: jwt,
    blocked: true,
    definitive: true,
    sentence: (v) => `Session token: ${v}`,
    cjkSentence: (v) => `会话令牌${v}请保密`,
  },
  private_key: {
    arbitrary: privateKey,
    blocked: true,
    definitive: true,
    sentence: (v) => `Here is the key:\n${v}\n`,
    cjkSentence: (v) => `私钥如下${v}请妥善保管`,
  },
  url_credentials: {
    arbitrary: urlCredentials,
    blocked: true,
    definitive: true,
    sentence: (v) => `Connect with ${v} for the migration.`,
    cjkSentence: (v) => `连接串${v}用于迁移`,
  },
  credit_card: {
    arbitrary: creditCard,
    blocked: false,
    definitive: true,
    sentence: (v) => `Charge my card ${v} for the order.`,
    cjkSentence: (v) => `信用卡号${v}请扣款`,
  },
  iban: {
    arbitrary: iban,
    blocked: false,
    definitive: true,
    sentence: (v) => `Wire the refund to IBAN ${v} please.`,
    cjkSentence: (v) => `收款账户${v}请尽快汇款`,
  },
  us_ssn: {
    arbitrary: usSsn,
    blocked: false,
    definitive: true,
    sentence: (v) => `My SSN is ${v} for the form.`,
    cjkSentence: (v) => `社保号${v}已核实`,
  },
  cn_resident_id: {
    arbitrary: cnResidentId,
    blocked: false,
    definitive: true,
    sentence: (v) => `Resident ID ${v} is on file.`,
    cjkSentence: (v) => `身份证号${v}请核对`,
  },
  ipv4: {
    arbitrary: ipv4,
    blocked: false,
    definitive: true,
    sentence: (v) => `The server at ${v} is down.`,
    cjkSentence: (v) => `服务器${v}宕机了`,
  },
  ipv6: {
    arbitrary: ipv6,
    blocked: false,
    definitive: true,
    sentence: (v) => `Ping ${v} from the bastion.`,
    cjkSentence: (v) => `请从跳板机连接${v}测试`,
  },
  person_en: {
    arbitrary: personEn,
    blocked: false,
    definitive: false,
    sentence: (v) => `Please send the signed contract to ${v} before Friday.`,
    cjkSentence: (v) => `请把合同发给${v}确认`,
  },
  person_zh: {
    arbitrary: personZh,
    blocked: false,
    definitive: false,
    sentence: (v) => `Please forward the invoice to ${v} in the Beijing office.`,
    cjkSentence: (v) => `请把合同发给${v}，谢谢。`,
  },
  org_en: {
    arbitrary: orgEn,
    blocked: false,
    definitive: false,
    sentence: (v) => `We signed the supply agreement with ${v} last week.`,
    cjkSentence: (v) => `我们与${v}签订了协议`,
  },
  org_zh: {
    arbitrary: orgZh,
    blocked: false,
    definitive: false,
    sentence: (v) => `We signed the supply agreement with ${v} last week.`,
    cjkSentence: (v) => `我们和${v}签订了采购合同。`,
  },
  address_en: {
    arbitrary: addressEn,
    blocked: false,
    definitive: false,
    sentence: (v) => `Ship the replacement to ${v} please.`,
    cjkSentence: (v) => `请寄到${v}谢谢`,
  },
  address_zh: {
    arbitrary: addressZh,
    blocked: false,
    definitive: false,
    sentence: (v) => `Ship the replacement to ${v} please.`,
    cjkSentence: (v) => `收货地址：${v}，请尽快发货。`,
  },
};

export const CANARY_TYPES = Object.keys(CANARY_KINDS) as CanaryType[];

/** One canary of the given types (all by default). */
export function canaryArbitrary(types: readonly CanaryType[] = CANARY_TYPES): fc.Arbitrary<Canary> {
  return fc.constantFrom(...types).chain((type) => {
    const kind = CANARY_KINDS[type];
    return kind.arbitrary.map(
      (value): Canary => ({
        type,
        value,
        blocked: kind.blocked,
        definitive: kind.definitive,
        sentence: kind.sentence,
        cjkSentence: kind.cjkSentence,
      }),
    );
  });
}
