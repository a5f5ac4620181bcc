/**
 * What a column (or a JSON key) holds, from its header name. Exports, CSV dumps, SQL seeds and API payloads
 * say in their headers which cells are people, companies and street addresses, which no sentence-level
 * reading can see: "10233,Mei-Ling,Chow" is a first and a last name only because the header says so.
 */
export type ColumnKind = 'person' | 'organization' | 'party' | 'address' | 'quiet';

/** Header names, normalized by {@link normalizeHeader}; general vocabulary of CRMs, ERPs, banks and forms. */
const KINDS: ReadonlyArray<readonly [ColumnKind, string]> = [
  [
    'person',
    `firstname|fname|givenname|forename|lastname|lname|surname|familyname|fullname|middlename|personname|
    first|last|contactfirst|contactlast|customerfirst|customerlast|
    customername|contactname|contactperson|employeename|employee|patientname|patient|studentname|
    cardholder|cardholdername|holder|holdername|accountholder|accountholdername|ownername|displayname|assignee|
    reporter|authorname|recipientname|sendername|beneficiaryname|billingname|shippingname|shiptoname|
    salesrep|accountmanager|agentname|attendee|signatory|signername|emergencycontact|nextofkin|
    spouse|guardian|parentname|mothername|fathername|passengername|guestname|membername|tenantname|
    landlordname|candidatename|applicantname|doctor|physician|nurse|referrer|referredby|姓名|名字|联系人|
    收件人|收货人|负责人|经办人|申请人|持卡人|开户人|客户姓名|员工姓名|法定代表人|法人代表|作者|发件人`,
  ],
  [
    'organization',
    `company|companyname|organization|organisation|orgname|employer|employername|businessname|
    tradingname|vendor|vendorname|supplier|suppliername|customercompany|clientcompany|firm|
    firmname|institution|institutionname|school|schoolname|university|bankname|bank|insurer|merchant|
    merchantname|agency|agencyname|clinic|hospital|lender|brokerage|accountname|公司|公司名称|单位|
    工作单位|单位名称|企业名称|所在公司|学校|毕业院校|开户行|开户银行|供应商|客户公司`,
  ],
  [
    'party',
    `counterparty|counterpartyname|payee|payeename|payer|payername|beneficiary|remitter|customer|client|
    clientname|billto|shipto|soldto|consignee|shipper|debtor|creditor|party|partyname|landlord|tenant|
    debtorname|creditorname|legalname|收款人|付款人|收款方|付款方|客户|客户名称|甲方|乙方|买方|卖方|出租方|承租方|委托方|受托方`,
  ],
  [
    'address',
    `address|address1|addressline1|addr|addr1|street|streetaddress|street1|line1|billingaddress|shippingaddress|homeaddress|mailingaddress|postaladdress|
    residentialaddress|residence|deliveryaddress|地址|住址|家庭住址|收货地址|通讯地址|联系地址|详细地址|户籍地址|
    现居住地|现居|住所|公司地址|办公地址|送货地址`,
  ],
  [
    'quiet',
    `city|town|state|province|region|county|country|countrycode|countryname|currency|plan|tier|carrier|
    shippingcarrier|courier|shippingmethod|shipmethod|shipvia|service|servicelevel|shippingservice|deliveryservice|incoterm|incoterms|channel|saleschannel|sku|product|productname|itemname|category|
    paymentmethod|cardbrand|brand|platform|os|browser|useragent|language|locale|timezone|industry|unit|uom|
    城市|省份|国家|行业|渠道|快递公司|物流公司|产品|商品|品牌|型号`,
  ],
];

const BY_NAME = new Map<string, ColumnKind>();
for (const [kind, names] of KINDS)
  for (const name of names.split(/[|\s]+/)) if (name) BY_NAME.set(name, kind);

const PREFIXES = ['billing', 'shipping', 'customer', 'contact', 'primary'];
/**
 * Screen for {@link mayBeColumnAt}: bit `length` of entry `(first & 31) << 5 | (last & 31)` is set when some
 * known name (or a prefixed form) of that normalized length starts and ends with those letters. Keys in code
 * are mostly not column names; one load rejects nearly all of them without building a string.
 */
const SCREEN = new Uint32Array(1024);
for (const name of BY_NAME.keys()) {
  if (name.charCodeAt(name.length - 1) >= 0x3400) continue;
  for (const form of [name, ...PREFIXES.map((p) => p + name)]) {
    if (form.length >= 32) continue;
    const slot = ((form.charCodeAt(0) & 31) << 5) | (form.charCodeAt(form.length - 1) & 31);
    SCREEN[slot] = (SCREEN[slot] as number) | (1 << form.length);
  }
}

/** Whether text[start, end) may normalize to a known column name (a fast, allocation-free screen). */
export function mayBeColumnAt(text: string, start: number, end: number): boolean {
  let length = 0;
  let first = 0;
  let last = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3400) return true;
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (length === 0) first = c;
      length++;
      last = c;
    }
  }
  if (length === 0 || length >= 32) return false;
  // Letters fold to the same 5 bits in either case; digits land elsewhere, as no name starts with one.
  return (((SCREEN[((first & 31) << 5) | (last & 31)] as number) >>> length) & 1) === 1;
}

/** "First Name", "first_name", "FirstName", "first-name" → "firstname". */
export function normalizeHeader(header: string): string {
  let out = '';
  for (let i = 0; i < header.length; i++) {
    const c = header.charCodeAt(i);
    if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
    else if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c >= 0x3400) out += header[i];
  }
  return out;
}

/** The kind of a column, or undefined for columns whose cells are not masked by name (ids, cities, amounts). */
export function columnKind(header: string): ColumnKind | undefined {
  if (header.length > 48) return undefined;
  const key = normalizeHeader(header);
  const kind = BY_NAME.get(key);
  if (kind !== undefined) return kind;
  for (const prefix of PREFIXES) if (key.startsWith(prefix)) return BY_NAME.get(key.slice(prefix.length));
  return chineseKindBySuffix(key);
}

/** 安装地址, 客户姓名, 供应商名称: a Chinese label says what it holds in its last characters. */
function chineseKindBySuffix(key: string): ColumnKind | undefined {
  if (key.length < 3 || key.charCodeAt(key.length - 1) < 0x3400) return undefined;
  if (/(?:地址|住址|住所)$/.test(key)) return 'address';
  if (/姓名$/.test(key)) return 'person';
  if (/(?:公司|公司名称|单位名称|企业名称)$/.test(key)) return 'organization';
  return undefined;
}

/**
 * The kinds of a header's columns, or undefined when none is known. A plain "name" (or "contact") column is
 * a person when the table also has contact columns (an email, a phone, a company): a list of people, not
 * of products, files or settings.
 */
export function headerKinds(labels: readonly string[]): (ColumnKind | undefined)[] | undefined {
  const people = labels.some(isContactColumn);
  const kinds = labels.map(
    (label) => columnKind(label) ?? (people && isBareName(label) ? 'person' : undefined),
  );
  return kinds.some((k) => k !== undefined) ? kinds : undefined;
}

function isBareName(header: string): boolean {
  const key = normalizeHeader(header);
  return key === 'name' || key === 'contact';
}

/** Header names that make a bare "name" column a list of people. */
function isContactColumn(header: string): boolean {
  const key = normalizeHeader(header);
  return /^(?:e?mail|emailaddress|phone|phonenumber|mobile|tel|telephone|company|companyname|employer|dob|dateofbirth|birthdate|ssn|title|jobtitle|department|address)$/.test(
    key,
  );
}

/** A header cell: a short identifier-like label ("first_name", "Company Name", "地址"), not data. */
export function looksLikeHeader(cell: string): boolean {
  const t = cell.trim();
  if (t.length === 0 || t.length > 48) return false;
  return /^[\p{L}_][\p{L}\p{N}_ .#/()-]*$/u.test(t);
}
