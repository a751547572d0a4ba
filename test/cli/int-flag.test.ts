import { describe, expect, it } from 'vitest';
import { parseGoInt } from '../../src/cli/int-flag.js';

describe('parseGoInt (strconv.ParseInt(s, 0, bits))', () => {
  it.each([
    ['0', 0], ['42', 42], ['+5', 5], ['-7', -7], ['0x1F', 31], ['-0x10', -16], ['010', 8], ['0o17', 15], ['0B101', 5],
    ['1_000', 1000], ['0x_1f', 31], ['0_1', 1], ['2147483647', 2147483647], ['-2147483648', -2147483648],
  ])('%s → %d', (text, want) => {
    expect(parseGoInt(text, 32)).toBe(want);
  });

  it.each(['', ' 5', '1e3', '1.5', '0x', '08', '_1', '1__0', '1_', 'abc', '--1'])('%j is invalid syntax', (text) => {
    expect(() => parseGoInt(text, 32)).toThrow(`strconv.ParseInt: parsing ${JSON.stringify(text)}: invalid syntax`);
  });

  it.each(['2147483648', '-2147483649', '99999999999999999999', '99999999999999999999x'])('%s is out of range for 32 bits', (text) => {
    expect(() => parseGoInt(text, 32)).toThrow(`strconv.ParseInt: parsing "${text}": value out of range`);
  });

  it('quotes as Go does', () => {
    expect(() => parseGoInt('\x01', 32)).toThrow('strconv.ParseInt: parsing "\\x01": invalid syntax');
  });

  it('takes 64 bits by default', () => {
    expect(parseGoInt('2147483648')).toBe(2147483648);
  });
});
