import { describe, expect, it } from 'vitest';
import {
  canonicalQuantity,
  compareQuantities,
  formatQuantity,
  isValidQuantity,
  milliValue,
  parseQuantity,
  parseQuantityExact,
  QUANTITY_FORMAT_ERROR,
  QUANTITY_SUFFIX_ERROR,
  quantityValue,
} from '../../src/api/quantity.js';

describe('parseQuantity', () => {
  it.each([
    ['100m', 0.1],
    ['1Gi', 1073741824],
    ['1e3', 1000],
    ['0.5', 0.5],
    ['1k', 1000],
    ['1M', 1e6],
    ['2Mi', 2097152],
    ['-1', -1],
    ['+3', 3],
    ['12e-3', 0.012],
    ['1.5Gi', 1610612736],
    ['0', 0],
    [4, 4],
    [0.25, 0.25],
  ] as const)('%s -> %s', (q, v) => {
    expect(parseQuantity(q)).toBe(v);
  });

  it('rejects malformed input with apimachinery wording', () => {
    expect(() => parseQuantity('abc')).toThrow(QUANTITY_FORMAT_ERROR);
    expect(() => parseQuantity('')).toThrow(QUANTITY_FORMAT_ERROR);
    expect(() => parseQuantity('1 Gi')).toThrow(QUANTITY_FORMAT_ERROR);
    expect(QUANTITY_FORMAT_ERROR).toBe("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
  });

  it('rejects suffixes that match the grammar but are unknown', () => {
    expect(() => parseQuantity('1K')).toThrow(QUANTITY_SUFFIX_ERROR);
    expect(() => parseQuantity('1mi')).toThrow(QUANTITY_SUFFIX_ERROR);
    expect(() => parseQuantity('1e')).toThrow("unable to parse quantity's suffix");
  });

  it('isValidQuantity', () => {
    expect(isValidQuantity('250m')).toBe(true);
    expect(isValidQuantity(2)).toBe(true);
    expect(isValidQuantity('2 cores')).toBe(false);
    expect(isValidQuantity(true)).toBe(false);
    expect(isValidQuantity(undefined)).toBe(false);
  });
});

describe('parseQuantityExact', () => {
  it('hands out one frozen result per text and still rejects a bad text every time', () => {
    const a = parseQuantityExact('250m');
    expect(a).toEqual({ nanos: 250_000_000n, format: 'DecimalSI', cached: '250m' });
    expect(parseQuantityExact('250m')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(parseQuantityExact(2).nanos).toBe(2_000_000_000n);
    for (let i = 0; i < 2; i++) expect(() => parseQuantityExact('12Q')).toThrow(QUANTITY_FORMAT_ERROR);
  });

  it('stays right past the number of texts it remembers', () => {
    for (let i = 0; i < 1500; i++) expect(parseQuantityExact(`${i}Mi`).nanos).toBe(BigInt(i) * 1048576n * 1_000_000_000n);
    expect(parseQuantityExact('1500Mi').nanos).toBe(1500n * 1048576n * 1_000_000_000n);
  });
});

describe('milliValue / quantityValue', () => {
  it('rounds up', () => {
    expect(milliValue('100m')).toBe(100);
    expect(milliValue('1')).toBe(1000);
    expect(milliValue('1.5')).toBe(1500);
    expect(milliValue('1n')).toBe(1);
    expect(milliValue('0')).toBe(0);
    expect(quantityValue('1500m')).toBe(2);
    expect(quantityValue('1Gi')).toBe(1073741824);
  });

  it('compares exactly', () => {
    expect(compareQuantities('1', '1000m')).toBe(0);
    expect(compareQuantities('1Gi', '1G')).toBe(1);
    expect(compareQuantities('999m', '1')).toBe(-1);
  });
});

describe('canonicalQuantity (as the API server re-serialises)', () => {
  it.each([
    ['0.5', '500m'],
    ['1000m', '1'],
    ['1500m', '1500m'],
    ['0.1', '100m'],
    ['1.5', '1500m'],
    ['100000m', '100'],
    ['0.0001', '100u'],
    ['0.33333', '333330u'],
    ['1e3', '1e3'],
    ['129e6', '129e6'],
    ['-1', '-1'],
    ['1.5Gi', '1536Mi'],
    ['1024Mi', '1Gi'],
    ['2048Ki', '2Mi'],
    ['0.5Gi', '512Mi'],
    ['1.25Gi', '1280Mi'],
    ['1000Mi', '1000Mi'],
    ['1000M', '1G'],
    ['1.5k', '1500'],
    ['128974848', '128974848'],
    ['0', '0'],
    ['512Ki', '512Ki'],
    ['100Ki', '100Ki'],
    ['0.5Ki', '512'],
    ['0.0000000001', '1n'],
    // apimachinery keeps the input as printed when its fast path finds it canonical enough
    ['2e0', '2e0'],
    ['1E3', '1E3'],
    ['+3', '+3'],
    ['05', '05'],
    ['1000e0', '1e3'],
    ['3Gi', '3Gi'],
  ] as const)('%s -> %s', (input, out) => {
    expect(canonicalQuantity(input)).toBe(out);
  });
});

describe('formatQuantity', () => {
  it('prints base units canonically', () => {
    expect(formatQuantity(4, 'DecimalSI')).toBe('4');
    expect(formatQuantity(17179869184, 'BinarySI')).toBe('16Gi');
    expect(formatQuantity(0.1, 'DecimalSI')).toBe('100m');
    expect(formatQuantity(0.1)).toBe('100m');
    expect(formatQuantity(1000, 'BinarySI')).toBe('1k'); // below 1024 BinarySI falls back to DecimalSI
    expect(formatQuantity(3000, 'DecimalSI')).toBe('3k');
    expect(formatQuantity(0, 'BinarySI')).toBe('0');
  });
});
