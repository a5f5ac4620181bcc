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
  });

  it('never throws on odd input', () => {
    expect(() => findPhones('\ud800 +1 (((( 555 \udfff 0147 x')).not.toThrow();
  });
});
