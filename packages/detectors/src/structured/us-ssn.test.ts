import { describe, expect, it } from 'vitest';
import { scalingRatio, spans } from './test-helpers.ts';
import { findUsSsns, isValidSsn, usSsnDetector } from './us-ssn.ts';

describe('us_ssn', () => {
  it('finds separated SSNs without context', () => {
    expect(spans(usSsnDetector, 'on file: 212-48-3391 and 212 48 3392')).toEqual([
      '212-48-3391',
      '212 48 3392',
    ]);
    expect(findUsSsns('x 212-48-3391')).toMatchObject([{ start: 2, end: 13, type: 'us_ssn' }]);
  });

  it('needs context for bare and ZIP-like layouts', () => {
    expect(spans(usSsnDetector, 'order 212483391 shipped')).toEqual([]);
    expect(spans(usSsnDetector, 'Springfield, IL 62704-1234')).toEqual([]);
    expect(spans(usSsnDetector, 'SSN: 212483391')).toEqual(['212483391']);
    expect(spans(usSsnDetector, '212483391')).toEqual(['212483391']);
  });

  it('rejects invalid ranges and mixed separators', () => {
    expect(isValidSsn('000123456')).toBe(false);
    expect(isValidSsn('666123456')).toBe(false);
    expect(isValidSsn('912123456')).toBe(false);
    expect(isValidSsn('212001234')).toBe(false);
    expect(isValidSsn('212480000')).toBe(false);
    expect(spans(usSsnDetector, 'id 212-48.3391')).toEqual([]);
  });

  it('skips building-unit-room numbers in Chinese addresses', () => {
    expect(spans(usSsnDetector, '幸福小区212-48-3391')).toEqual([]);
  });

  it('stays linear on adversarial input', () => {
    const unit = '123-45-';
    expect(scalingRatio(findUsSsns, unit.repeat(20_000), unit.repeat(200_000))).toBeLessThan(40);
  });
});
