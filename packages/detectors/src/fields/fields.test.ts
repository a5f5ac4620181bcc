import { describe, expect, it } from 'vitest';
import type { DetectContext } from '../detector.ts';
import { scalingRatio } from '../test-support/scaling.ts';
import type { EntityType } from '../types.ts';
import { columnKind, mayBeColumnAt } from './column-kinds.ts';
import { splitCells } from './delimited-tables.ts';
import { fieldColumnDetector } from './index.ts';

const ctx = {} as DetectContext;

function found(text: string): Array<[EntityType, string]> {
  return fieldColumnDetector.detect(text, ctx).map((f) => [f.type, text.slice(f.start, f.end)]);
}

describe('column kinds', () => {
  it('reads header names however they are written', () => {
    expect(columnKind('first_name')).toBe('person');
    expect(columnKind('First Name')).toBe('person');
    expect(columnKind('lastName')).toBe('person');
    expect(columnKind('contact_first')).toBe('person');
    expect(columnKind('Company Name')).toBe('organization');
    expect(columnKind('counterparty_name')).toBe('party');
    expect(columnKind('billing_address')).toBe('address');
    expect(columnKind('收货地址')).toBe('address');
    expect(columnKind('安装地址')).toBe('address');
    expect(columnKind('客户姓名')).toBe('person');
    expect(columnKind('买方')).toBe('party');
    for (const other of ['id', 'email', 'phone', 'line2', 'amount', 'notes', 'source', 'status'])
      expect(columnKind(other), other).toBeUndefined();
    for (const quiet of ['city', 'Country', 'sku', 'carrier', 'currency'])
      expect(columnKind(quiet), quiet).toBe('quiet');
  });
});

describe('column screen', () => {
  it('lets through every name columnKind knows, however written', () => {
    const forms = [
      'first_name',
      'First Name',
      'billingAddress',
      'Customer-Name',
      'COMPANY',
      'city',
      '收货地址',
      'zip4',
    ];
    for (const f of forms)
      if (columnKind(f) !== undefined) expect(mayBeColumnAt(f, 0, f.length), f).toBe(true);
    const code = [
      'timeout',
      'retries',
      'x',
      'port',
      'host',
      'maxTokens',
      'verbose',
      'enabled',
      'path',
      'url',
    ];
    expect(code.filter((k) => mayBeColumnAt(k, 0, k.length)).length).toBeLessThanOrEqual(3);
  });
});

describe('delimited tables', () => {
  it('finds names, companies and street lines by their column', () => {
    const csv = [
      'Please dedupe these rows:',
      'id,first_name,last_name,company,email,city,address',
      '1,Orla,Brennick,Quillfeather Tea Co,orla@example.test,Galway,"12 Quay St, Galway H91"',
      '2,Tamsin,Vey,,tamsin@example.test,Leeds,NULL',
      '',
      'Thanks!',
    ].join('\n');
    expect(found(csv)).toEqual([
      ['person_name', 'Orla'],
      ['person_name', 'Brennick'],
      ['organization', 'Quillfeather Tea Co'],
      ['address', '12 Quay St, Galway H91'],
      ['person_name', 'Tamsin'],
      ['person_name', 'Vey'],
    ]);
  });
  it('reads semicolon, tab and Markdown tables', () => {
    expect(
      found(
        'date;counterparty;amount\n2024-05-02;Brightwater Kitchens GmbH;100,00\n2024-05-03;P. Albrecht;12,50',
      ),
    ).toEqual([
      ['organization', 'Brightwater Kitchens GmbH'],
      ['person_name', 'P. Albrecht'],
    ]);
    expect(found('Name\tEmail\tTeam\nJoss Whitlow\tjoss@example.test\tBilling')).toEqual([
      ['person_name', 'Joss Whitlow'],
    ]);
    expect(
      found('| Customer name | Plan |\n|---|---|\n| Ines Caldeira | Pro |\n| Bo Lindahl | Free |'),
    ).toEqual([
      ['person_name', 'Ines Caldeira'],
      ['person_name', 'Bo Lindahl'],
    ]);
  });
  it('reads psql output, whose header labels are padded with spaces', () => {
    const table =
      ' account_id | company_name     | tier\n------------+------------------+------\n       3301 | Larchmont Dental | Gold\n       3302 | Fenwick & Rowe   | Free\n(2 rows)';
    expect(found(table)).toEqual([
      ['organization', 'Larchmont Dental'],
      ['organization', 'Fenwick & Rowe'],
    ]);
  });
  it('decides a party column by its value: accented first names are people, mixed cells are left alone', () => {
    expect(
      found('ref|consignee|city\nA1|Chloé Besson|Lyon\nA2|Nikhil Bhatt (Stores), Shreeji Polymers|Vadodara'),
    ).toEqual([['person_name', 'Chloé Besson']]);
    // Either half of a double first name, or a known surname, makes a person; with neither cue two capitalized
    // words are left to the sentence-level detectors, never forced to an organization.
    expect(
      found('ref|debtor|iban\nM1|Pieter-Jan Vos|-\nM2|Tavish Reid|-\nM3|Quorvath Ellisande|-\nM4|Lumora|-'),
    ).toEqual([
      ['person_name', 'Pieter-Jan Vos'],
      ['person_name', 'Tavish Reid'],
      ['organization', 'Lumora'],
    ]);
  });
  it('reads a street address held in a party column as an address', () => {
    expect(found('{"ship_to": "Unit 5, 38 Grey Street, South Brisbane QLD 4101", "qty": 2}')).toEqual([
      ['address', 'Unit 5, 38 Grey Street, South Brisbane QLD 4101'],
    ]);
    expect(found('{"consignee": "3M Company", "bill_to": "Acme Trading Ltd"}')).toEqual([
      ['organization', '3M Company'],
      ['organization', 'Acme Trading Ltd'],
    ]);
  });
  it('leaves a bare "name" column alone unless the table lists people', () => {
    expect(found('name,version,license\nleft-pad,1.3.0,MIT\nExpress Router,4.19.2,MIT')).toEqual([]);
    expect(found('name,email\nRuth Okonjo,ruth@example.test')).toEqual([['person_name', 'Ruth Okonjo']]);
  });
  it('ends a table at the first line with another cell count, and ignores prose with commas', () => {
    expect(found('first_name,last_name\nAda,Quell\nThen we talked, laughed, and left.')).toEqual([
      ['person_name', 'Ada'],
      ['person_name', 'Quell'],
    ]);
    expect(found('Please send me the name, address and phone, then call Ann, Bob, or Cy.')).toEqual([]);
  });
  it('splits quoted cells with delimiters and doubled quotes inside', () => {
    const out: number[] = [];
    const line = 'a,"b, ""c""",d';
    expect(splitCells(line, 0, line.length, 44, out)).toBe(3);
    expect(line.slice(out[2], out[3])).toBe('b, ""c""');
  });
});

describe('SQL inserts and JSON fields', () => {
  it('reads INSERT rows by their column list', () => {
    const sql = `INSERT INTO customers (id, full_name, street, city) VALUES
(1, 'Marit O''Shea', '4 Larch Row', 'Cork'),
(2, NULL, lower('X'), 'Bern');
INSERT INTO audit (id, action) VALUES (3, 'login');`;
    expect(found(sql)).toEqual([
      ['person_name', "Marit O''Shea"],
      ['address', '4 Larch Row'],
    ]);
  });
  it('reads string values under known JSON keys', () => {
    const json = '{"customer": {"first_name": "Liesl", "company": "Harrowgate Mills Ltd", "city": "York"}}';
    expect(found(json)).toEqual([
      ['person_name', 'Liesl'],
      ['organization', 'Harrowgate Mills Ltd'],
    ]);
  });
});

describe('key-value pairs in code and configs', () => {
  it('reads quoted values after JSON, JS and Python keys, and bare values of YAML and .env lines', () => {
    expect(
      found('const lead = { contact_name: \'Ines Caldeira\', companyName: "Brightwater Kitchens" };'),
    ).toEqual([
      ['person_name', 'Ines Caldeira'],
      ['organization', 'Brightwater Kitchens'],
    ]);
    expect(found('make_invoice(customer_name="Joss Whitlow", amount=12)')).toEqual([
      ['person_name', 'Joss Whitlow'],
    ]);
    expect(found('billing:\n  company: Harrowgate Mills Ltd  # legal name\n  street: 4 Larch Row\n')).toEqual(
      [
        ['organization', 'Harrowgate Mills Ltd'],
        ['address', '4 Larch Row'],
      ],
    );
    expect(found('export CONTACT_NAME=Ruth Okonjo\nCOMPANY=Quillfeather Tea Co')).toEqual([
      ['person_name', 'Ruth Okonjo'],
      ['organization', 'Quillfeather Tea Co'],
    ]);
  });
  it('leaves code alone: comparisons, arrows, bare values after other text, unknown keys', () => {
    expect(found('if (company == other) return; const f = (name) => name; x := company')).toEqual([]);
    expect(found('The company: Harrowgate Mills Ltd is our client.')).toEqual([]);
    expect(
      found('Order(\n    customer=customer,\n    company: companyName,\n    contact_name=Joss Whitlow\n)'),
    ).toEqual([]);
    expect(found('{"title": "Ines Caldeira", "version": "1.2"}')).toEqual([]);
    // A host, not a postal address; a form line holding a company and its address is left to the others.
    expect(found('  address = "db-prod.cx81kq2b.eu-west-2.rds.amazonaws.com"')).toEqual([]);
    expect(found('Shipper: Everbright Housewares Co., Ltd., No. 88 Jinhai Road, Ningbo')).toEqual([]);
  });
});

describe('Chinese forms', () => {
  it('reads full-width colon labels at a line start (the engine folds ： to :)', () => {
    expect(found('联系人:邬海岚\n现居:浙江省宁波市鄞州区\n卖方:宁波云杉家具有限公司')).toEqual([
      ['person_name', '邬海岚'],
      ['address', '浙江省宁波市鄞州区'],
      ['organization', '宁波云杉家具有限公司'],
    ]);
    // Several labels on one line: each value ends where the next label starts.
    expect(found('现居:上海市徐汇区漕河泾 期望城市:上海 / 杭州')).toEqual([
      ['address', '上海市徐汇区漕河泾'],
    ]);
  });
});

describe('bad input', () => {
  it('never throws and stays linear on long tables, unclosed quotes and runaway INSERTs', () => {
    const row = (i: number) => `${i},Name${i},"Street ${i}, Town",Co ${i}\n`;
    const table = (rows: number) =>
      `id,full_name,address,company\n${Array.from({ length: rows }, (_, i) => row(i)).join('')}`;
    const detect = (t: string) => fieldColumnDetector.detect(t, ctx);
    expect(scalingRatio(detect, table(2_000), table(20_000))).toBeLessThan(40);
    const quotes = (n: number) => `first_name,last_name\n${'"a,'.repeat(n)}`;
    expect(scalingRatio(detect, quotes(20_000), quotes(200_000))).toBeLessThan(40);
    const inserts = (n: number) => `INSERT INTO t (full_name) VALUES ${"('x', ".repeat(n)}`;
    expect(scalingRatio(detect, inserts(20_000), inserts(200_000))).toBeLessThan(40);
    const lines = (n: number) => 'a,b\n'.repeat(n);
    expect(scalingRatio(detect, lines(20_000), lines(200_000))).toBeLessThan(40);
    const json = (n: number) => '"company": "'.repeat(n);
    expect(scalingRatio(detect, json(20_000), json(200_000))).toBeLessThan(40);
    const keys = (n: number) => `${'company'.repeat(n)}=${'a'.repeat(n)}:`;
    expect(scalingRatio(detect, keys(20_000), keys(200_000))).toBeLessThan(40);
    const assignments = (n: number) => 'first_name=x\n'.repeat(n);
    expect(scalingRatio(detect, assignments(20_000), assignments(200_000))).toBeLessThan(40);
    for (const odd of [
      '\ud800,\udfff\nfirst_name\n\ud800',
      '',
      ',',
      '\n\n',
      '"',
      "INSERT INTO x (name) VALUES ('",
    ])
      expect(() => detect(odd)).not.toThrow();
  }, 60_000);
});
