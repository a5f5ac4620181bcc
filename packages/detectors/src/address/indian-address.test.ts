import { describe, expect, it } from 'vitest';
import { scalingRatio } from '../test-support/scaling.ts';
import { findIndianAddresses } from './indian-address.ts';

const found = (text: string) => findIndianAddresses(text).map((f) => text.slice(f.start, f.end));

describe('Indian addresses', () => {
  it('reads an address back from its PIN code, on one line or over several', () => {
    expect(found('Please ship to Flat 7, Lakeview Apartments, Koregaon Park, Pune 411001. Thanks')).toEqual([
      'Flat 7, Lakeview Apartments, Koregaon Park, Pune 411001',
    ]);
    expect(
      found(
        'TO: Ms. Kavya Raman\nNo. 18, 2nd Cross, 4th Main\nJayanagar 3rd Block\nBengaluru, Karnataka 560011\nINDIA',
      ),
    ).toEqual(['No. 18, 2nd Cross, 4th Main\nJayanagar 3rd Block\nBengaluru, Karnataka 560011']);
    expect(found('Office: 221 MG Road, Camp, Pune - 411 001, India')).toEqual([
      '221 MG Road, Camp, Pune - 411 001, India',
    ]);
    expect(found('Delivery address\nH.No. 4-12, Gandhi Nagar, PIN: 500080')).toEqual([
      'H.No. 4-12, Gandhi Nagar, PIN: 500080',
    ]);
  });
  it('leaves numbers and places that are not an address alone', () => {
    expect(found('Order 560038 shipped to Bengaluru.')).toEqual([]);
    expect(found('We have an office in Bengaluru 560038 and one in Pune.')).toEqual([]);
    expect(found('invoice total 400028, due in Mumbai')).toEqual([]);
    expect(found('Ticket 123456 reopened')).toEqual([]);
  });
  it('stays linear on long lines full of PIN-like numbers and places', () => {
    const line = (n: number) => 'Road 12, Mumbai 400028 '.repeat(n);
    expect(scalingRatio(findIndianAddresses, line(2_000), line(20_000))).toBeLessThan(40);
    const digits = (n: number) => '123456 '.repeat(n);
    expect(scalingRatio(findIndianAddresses, digits(20_000), digits(200_000))).toBeLessThan(40);
  }, 60_000);
});
