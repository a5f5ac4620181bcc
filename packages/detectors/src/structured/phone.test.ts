import { describe, expect, it } from 'vitest';
import { findPhones, phoneDetector } from './phone.ts';
import { parsePhoneShape } from './phone-shape.ts';
import { scalingRatio, spans } from './test-helpers.ts';

describe('phone: validated numbers', () => {
  it('finds US numbers in every common format', () => {
    for (const phone of [
      '(212) 555-0147',
      '212.555.0147',
      '212-555-0147',
      '+1 212 555 0147',
      '+1 (212) 555-0147',
      '1 (212) 555-0147',
    ]) {
      expect(spans(phoneDetector, `Call ${phone} today.`)).toEqual([phone]);
    }
  });

  it('finds Chinese mobile and fixed-line numbers', () => {
    for (const phone of [
      '139 1234 5678',
      '139-1234-5678',
      '13912345678',
      '021-62345678',
      '0755 8612 3456',
      '+86 139 1234 5678',
    ]) {
      expect(spans(phoneDetector, `电话${phone}。`)).toEqual([phone]);
    }
  });

  it('finds E.164 numbers of other countries', () => {
    expect(spans(phoneDetector, 'Ring +44 20 7946 0321 or +33 1 70 36 45 12')).toEqual([
      '+44 20 7946 0321',
      '+33 1 70 36 45 12',
    ]);
    expect(findPhones('x +4930123456')).toMatchObject([{ start: 2, end: 13, type: 'phone' }]);
  });

  it('finds formatted numbers in CSV rows next to numeric fields (found by the proxy leak fuzzer)', () => {
    expect(spans(phoneDetector, 'id,phone,qty\n41390,310-503-8793,42\n41391,+14155550134,7')).toEqual([
      '310-503-8793',
      '+14155550134',
    ]);
    expect(spans(phoneDetector, 'Phones: 310-503-8793,310-503-8794')).toEqual([
      '310-503-8793',
      '310-503-8794',
    ]);
    expect(spans(phoneDetector, '手机 13812345678,13912345678')).toEqual(['13812345678', '13912345678']);
    // A bare digit run next to a comma and a short number may still be a decimal: 3,4155550134 is left alone.
    expect(spans(phoneDetector, 'ratio 3,4155550134 and 1,234,567')).toEqual([]);
    // A short number that is a date or a time is the next field, not the rest of a decimal.
    expect(spans(phoneDetector, '舅妈,13991284076,12/20-12/22,大床房')).toEqual(['13991284076']);
    expect(spans(phoneDetector, 'Jane,4155550134,12:30,confirmed')).toEqual(['4155550134']);
  });

  it('includes extensions', () => {
    expect(spans(phoneDetector, 'Desk: 212-555-0147x204')).toEqual(['212-555-0147x204']);
    expect(spans(phoneDetector, 'Desk: 212-555-0147 ext. 12')).toEqual(['212-555-0147 ext. 12']);
  });
});

describe('phone: shape fallback', () => {
  it('masks phone-shaped numbers that no numbering plan knows', () => {
    expect(spans(phoneDetector, 'Mobile: 0612 77 31 90')).toEqual(['0612 77 31 90']);
    expect(spans(phoneDetector, 'Phone: (48) 712-445')).toEqual(['(48) 712-445']);
    expect(spans(phoneDetector, 'reach me at 031-982-4410x55')).toEqual(['031-982-4410x55']);
    expect(spans(phoneDetector, 'Fax:\n812 4471')).toEqual(['812 4471']);
  });

  it('does not mistake other numbers for phones', () => {
    for (const text of [
      'Due 2024-03-15 10:30 or 15/03/2024',
      'On 03.15.2024 we met',
      'Scores 15-6 15-9 11-15',
      'Golf: Smith 69 71 70 72',
      'Price $1 234 567 and 1.234.567 units',
      'Version 10.0.19041.1',
      'Server 192.168.10.20',
      'SSN 212-48-3391',
      'Springfield, IL 62704-1234',
      'Phone and address: 9 Elm Rd, Austin, TX 78701 4455',
      'Tel/addr: 12 Oak St, Springfield, IL 627041234',
      'Reign 1558-1603',
      'Lives at 4417 2290 Maple Avenue',
      'customer # 55-0037082',
      '幸福小区166-10-1914',
      'order total 12345678',
      'text1234567',
    ]) {
      expect(spans(phoneDetector, text), text).toEqual([]);
    }
  });
});

describe('phone: identifiers in operational text', () => {
  it('leaves ids, document numbers and timestamps alone', () => {
    for (const text of [
      'Invoice No.: INV-2031-004417 due soon',
      'order SO-2031-552190 shipped',
      'see ticket OPS_20310412-007 and incident INC-20310412-019',
      'snapshot rds:ledger-prod-2031-04-12-06-10 restored',
      'Factuur 2031-0412 / klant 7781',
      'Pago factura 2031-0420;ES2405',
      'The order of 2031-04-19 (31 items) shipped',
      '{ "customer_id": 7712093381, "gtin": "00810042381126" }',
      'GET /api/orders/7712093381 HTTP/1.1',
      'sentry.example.io/4507124001',
      'UPS 1Z 4E7 W69 03 9151 2267 (2 cartons)',
      'TRACKING: 1Z 999 AA1 01 2345 6784',
      'FedEx Ground 7749 8123 6605 (1 pallet)',
      'USPS 9400 1118 9922 3344 5566 77',
      'gift card 6045 1120 0044 7781 was declined',
      'AWB 4017 8823 11',
      '"GET /x HTTP/1.1" 200 18234 "-" "curl/8.4.0"',
      'London ext. 3000-3999 are sales',
      'lb-01 haproxy[18]: be_api/api-02 0/0/1/38/39 200 1532 - - ---- 412/398 "GET /v2/status HTTP/1.1"',
      'bridge: call in, PIN 884 1203 77#',
      'HS code 7323.93.0080',
      'fumigation cert FC 2031 051877.',
      'Thomas Keller;DE44 5001 0517 5407 3249 32;INGDDEFFXXX',
      '机票 | 电子行程单 3302189914 | 经济舱',
      '订单号：2125550147',
    ]) {
      expect(spans(phoneDetector, text), text).toEqual([]);
    }
  });

  it('still finds phones that are labelled, glued to a phone word or set off by a trunk area code', () => {
    expect(spans(phoneDetector, '{"phone_number": "2125550147", "id": 7}')).toEqual(['2125550147']);
    expect(spans(phoneDetector, 'TWILIO_FROM_NUMBER=5125550193')).toEqual(['5125550193']);
    expect(spans(phoneDetector, 'tel-212-555-0147')).toEqual(['212-555-0147']);
    expect(spans(phoneDetector, 'ask Elin Sjöberg, 031-712 40 95 (direct)')).toEqual(['031-712 40 95']);
    expect(spans(phoneDetector, 'They are not answering at 99 668472')).toEqual(['99 668472']);
    expect(spans(phoneDetector, 'Tel 2031-0412 (front desk)')).toEqual(['2031-0412']);
  });

  it('reads a bare digit run as a phone only with a phone word on its line or labelling it', () => {
    expect(spans(phoneDetector, 'id, name, phone\n551230981, Dana Whitlock, none')).toEqual([]);
    expect(spans(phoneDetector, 'Mobile:\n551230981')).toEqual(['551230981']);
    expect(spans(phoneDetector, 'her mobile is 551230981')).toEqual(['551230981']);
  });
});

describe('phone: ZIP codes stay with the address', () => {
  it('finds the phone after a ZIP but never the ZIP', () => {
    expect(spans(phoneDetector, 'call me, 5 Main St, Dover, DE 19901 302 555 0147')).toEqual([
      '302 555 0147',
    ]);
    expect(spans(phoneDetector, 'Ship to 12 Oak St, Springfield, IL 62704 (217) 555-0147')).toEqual([
      '(217) 555-0147',
    ]);
  });
});

describe('parsePhoneShape', () => {
  it('splits groups, separators, parentheses and extension', () => {
    const shape = parsePhoneShape('+41 (0)85 806 98 67 x12');
    expect(shape.plus).toBe(true);
    expect(shape.groups).toEqual(['41', '0', '85', '806', '98', '67']);
    expect(shape.inParens).toEqual([false, true, false, false, false, false]);
    expect(shape.extension).toBe('12');
  });
});

describe('phone: linear time', () => {
  it('handles long digit, space, dot and dash runs', () => {
    expect(scalingRatio(findPhones, '5'.repeat(100_000), '5'.repeat(1_000_000))).toBeLessThan(40);
    for (const unit of ['12 ', '1.', '1-', '(1)', '555-0147 ']) {
      expect(scalingRatio(findPhones, unit.repeat(20_000), unit.repeat(200_000)), unit).toBeLessThan(40);
    }
    expect(scalingRatio(findPhones, ' '.repeat(100_000), ' '.repeat(1_000_000))).toBeLessThan(40);
    // Number pairs, id labels, glued ids, codes and unclosed parentheses on one long line.
    for (const unit of [
      '200 18234 a ',
      'id: 2125550147 ',
      'INV-2031-0412 ',
      'W69 03 9151 2267 ',
      '555 0147 (2 a ',
    ]) {
      expect(scalingRatio(findPhones, unit.repeat(10_000), unit.repeat(100_000)), unit).toBeLessThan(40);
    }
  });

  it('never throws on odd input', () => {
    expect(() => findPhones('\ud800 +1 (((( 555 \udfff 0147 x')).not.toThrow();
  });
});

describe('identifiers written like phone numbers (fresh-batch findings)', () => {
  it('company, tax and meeting numbers after their label are no phones; a phone after "number" still is', () => {
    const phones = (t: string) => findPhones(t).map((f) => t.slice(f.start, f.end));
    expect(phones('SIRET 852 417 903 00028 – TVA FR47852417903')).toEqual([]);
    expect(phones('Kaltbush Outdoor Pty Ltd · ABN 61 604 338 912')).toEqual([]);
    expect(phones('registered in England (company number 09874412)')).toEqual([]);
    expect(phones('线上同步飞书会议（会议号 738 221 904）')).toEqual([]);
    expect(phones('Rua Augusta 714, São Paulo – SP, 04530-001, Brazil')).toEqual([]);
    expect(phones('my number is (617) 555-0148, call me')).toEqual(['(617) 555-0148']);
    expect(phones('Tel. +33 1 43 57 29 80')).toEqual(['+33 1 43 57 29 80']);
  });

  it('register entries, Japanese postcodes and date-numbered ids in Chinese tables are no phones', () => {
    const phones = (t: string) => findPhones(t).map((f) => t.slice(f.start, f.end));
    expect(phones('registered with the RCS of Nantes under number 812 447 309')).toEqual([]);
    expect(phones('a SAS registered under RCS Rennes 852 019 447, whose office')).toEqual([]);
    expect(phones('3-1 Umeda, Kita-ku, Osaka 530-0001, JP, tel +81 6-6341-2200')).toEqual([
      '+81 6-6341-2200',
    ]);
    expect(phones('Ship to the hotel in Osaka 530-0001 by Friday')).toEqual([]);
    expect(phones('| 2023090101 | 何思远 | 88 |\n| 2023090102 | 罗一鸣 | 91 |')).toEqual([]);
    expect(phones('门诊预约识别码 2406110093，请按时取号')).toEqual([]);
    // A US number in Chinese text is still found, and so is a mobile glued after a parenthesised remark.
    expect(phones('资料里写的是2125550187。')).toEqual(['2125550187']);
    expect(phones('团长：何丽（7-1203）13826077415')).toEqual(['13826077415']);
  });

  it('tax ids, purchase orders, frequent-flyer and zero-padded reference numbers are no phones', () => {
    const phones = (t: string) => findPhones(t).map((f) => t.slice(f.start, f.end));
    expect(phones('invoice to Lumenfold Lda, NIF 516 224 873, PO 4500-3391.')).toEqual([]);
    expect(phones('Frequent flyer EK 418 227 903, seat 32A')).toEqual([]);
    expect(phones('see the e-RS worklist (UBRN 0000 4471 2208)')).toEqual([]);
    expect(phones('PO Box 1234, call 415-555-0132')).toEqual(['415-555-0132']);
  });
});
