import { describe, expect, it } from 'vitest';
import { base64Error, rfc3339Error } from '../../../src/api/schema/go-decode-errors.js';

describe('base64Error', () => {
  it.each([
    ['', undefined],
    ['aGVsbG8=', undefined],
    ['aGVsbA==', undefined],
    ['aGVs\nbG8=', undefined],
    ['hello!', 'illegal base64 data at input byte 5'],
    ['abc', 'illegal base64 data at input byte 0'],
    ['a===', 'illegal base64 data at input byte 1'],
    ['ab=', 'illegal base64 data at input byte 3'],
    ['ab=x', 'illegal base64 data at input byte 2'],
    ['aGVsbG8=x', 'illegal base64 data at input byte 8'],
    ['a b', 'illegal base64 data at input byte 1'],
  ] as const)('%j', (s, err) => {
    expect(base64Error(s)).toBe(err);
  });
});

describe('rfc3339Error', () => {
  const L = '"2006-01-02T15:04:05Z07:00"';
  it.each([
    ['2025-03-01T12:34:56Z', undefined],
    ['2025-03-01T12:34:56.123456Z', undefined],
    ['2025-03-01T12:34:56+02:00', undefined],
    ['2025-03-01', `parsing time "2025-03-01" as ${L}: cannot parse "" as "T"`],
    ['2025-13-01T00:00:00Z', 'parsing time "2025-13-01T00:00:00Z": month out of range'],
    ['2025-02-30T00:00:00Z', 'parsing time "2025-02-30T00:00:00Z": day out of range'],
    ['2025-02-01T00:00:00', `parsing time "2025-02-01T00:00:00" as ${L}: cannot parse "" as "Z07:00"`],
    ['2025-02-01T00:00:00Zjunk', 'parsing time "2025-02-01T00:00:00Zjunk": extra text: "junk"'],
  ] as const)('%j', (s, err) => {
    expect(rfc3339Error(s)).toBe(err);
  });
});
