import { describe, expect, it } from 'vitest';
import {
  continuesAlphanumericCode,
  gluedToIdentifier,
  idLabelBefore,
  isUniformlyGroupedNumber,
} from './phone-context.ts';

const at = (text: string, needle: string) => text.indexOf(needle);

describe('gluedToIdentifier', () => {
  it('is true for a number glued to a word by -, _ or /', () => {
    for (const [text, number] of [
      ['INV-2031-004417', '2031'],
      ['ref OPS_20310412', '2031'],
      ['/orders/7712093381', '7712'],
    ] as const) {
      expect(gluedToIdentifier(text, at(text, number)), text).toBe(true);
    }
  });

  it('is false after a phone word, a space or digits', () => {
    for (const [text, number] of [
      ['tel-212-555-0147', '212'],
      ['FAX/2125550147', '212'],
      ['call 212-555-0147', '212'],
      ['12-2125550147', '212'],
    ] as const) {
      expect(gluedToIdentifier(text, at(text, number)), text).toBe(false);
    }
  });
});

describe('continuesAlphanumericCode', () => {
  it('is true after a stand-alone upper-case code of letters and digits', () => {
    expect(continuesAlphanumericCode('1Z 999 AA1 01 2345 6784', 11)).toBe(true);
    expect(continuesAlphanumericCode('W69 03 9151', 4)).toBe(true);
  });

  it('is false after words, numbers or lower-case tokens', () => {
    expect(continuesAlphanumericCode('Call 212 555 0147', 5)).toBe(false);
    expect(continuesAlphanumericCode('at 5pm 212 555 0147', 7)).toBe(false);
    expect(continuesAlphanumericCode('room 12 555 0147', 8)).toBe(false);
    expect(continuesAlphanumericCode('MyW69 03 9151', 6)).toBe(false);
  });
});

describe('isUniformlyGroupedNumber', () => {
  it('is true for long numbers grouped evenly', () => {
    expect(isUniformlyGroupedNumber(['9400', '1118', '9922', '3344', '77'], [' ', ' ', ' ', ' '])).toBe(true);
    expect(isUniformlyGroupedNumber(['7749', '8123', '6605'], [' ', ' '])).toBe(true);
    expect(isUniformlyGroupedNumber(['123', '456', '789', '012'], ['-', '-', '-'])).toBe(true);
  });

  it('is false for phone-like or mixed groupings', () => {
    expect(isUniformlyGroupedNumber(['212', '555', '0147'], [' ', ' '])).toBe(false);
    expect(isUniformlyGroupedNumber(['2', '212', '555', '0147'], [' ', ' ', ' '])).toBe(false);
    expect(isUniformlyGroupedNumber(['7749', '8123', '6605'], [' ', '-'])).toBe(false);
    expect(isUniformlyGroupedNumber(['69', '71', '70', '72'], [' ', ' ', ' '])).toBe(false);
  });
});

describe('idLabelBefore', () => {
  const before = (text: string) => idLabelBefore(text, text.length);

  it('is true after an id label in prose, JSON, YAML or Chinese', () => {
    for (const text of [
      'customer # ',
      'Apt. ',
      '"order_id": ',
      "gtin: '",
      'AWB ',
      'Invoice no. ',
      '订单号：',
      '电子行程单 ',
    ]) {
      expect(before(text), text).toBe(true);
    }
  });

  it('is false when a phone word makes the label a phone label', () => {
    for (const text of ['Phone No.: ', 'tel # ', 'Mobile nr ', 'contact_no: ']) {
      expect(before(text), text).toBe(false);
    }
  });

  it('is false after other words or no word', () => {
    for (const text of ['Call ', 'phone: ', '"mobile": "', 'paid ', 'runway ', '12 ', '', '电话：']) {
      expect(before(text), text).toBe(false);
    }
  });
});
