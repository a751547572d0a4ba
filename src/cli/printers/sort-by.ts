import { parseQuantityExact } from '../../api/quantity.js';
import type { KubeObject } from '../../api/types.js';
import { relaxedJsonPath } from './custom-columns.js';
import { JsonPath, goQuote } from '../../util/jsonpath/index.js';
import { kindOf } from '../../util/jsonpath/values.js';

/**
 * `--sort-by=JSONPATH` (kubectl's pkg/cmd/get/sorter.go): objects ordered client-side by the
 * first value the path finds; objects without one first; strings that are both quantities compare
 * as quantities, other strings in natural order (digit runs as numbers), numbers as numbers.
 */
export function sortObjects<T extends KubeObject>(objs: T[], sortBy: string): T[] {
  if (objs.length === 0) return objs;
  const field = relaxedJsonPath(sortBy);
  const path = new JsonPath(field, { allowMissingKeys: true });
  const keys = objs.map((o) => {
    const groups = path.findResults(o);
    return groups.length > 0 && groups[0].length > 0 ? { value: groups[0][0] } : undefined;
  });
  if (keys.every((k) => k === undefined)) {
    throw new Error(`couldn't find any field with path ${goQuote(field)} in the list of objects`);
  }
  const order = objs.map((_, i) => i);
  order.sort((a, b) => {
    const ka = keys[a];
    const kb = keys[b];
    if (!ka || !kb) return ka ? 1 : kb ? -1 : 0;
    if (isLess(ka.value, kb.value)) return -1;
    if (isLess(kb.value, ka.value)) return 1;
    return 0;
  });
  return order.map((i) => objs[i]);
}

/** kubectl's isLess for the values of an unstructured object. */
export function isLess(i: unknown, j: unknown): boolean {
  const ki = kindOf(i);
  const kj = kindOf(j);
  if (ki === 'invalid' || kj === 'invalid') return ki === 'invalid' && kj !== 'invalid';
  switch (ki) {
    case 'string':
      if (kj !== 'string') throw unsortable(ki);
      return stringLess(i as string, j as string);
    case 'int':
    case 'float':
      if (kj !== 'int' && kj !== 'float') throw unsortable(ki);
      return (i as number) < (j as number);
    case 'bool':
      return !(i as boolean);
    case 'slice': {
      const a = i as unknown[];
      const b = j as unknown[];
      if (!Array.isArray(b)) throw unsortable(ki);
      for (let x = 0; x < Math.min(a.length, b.length); x++) {
        if (!isLess(a[x], b[x])) return false;
      }
      return true;
    }
    default:
      throw unsortable(ki);
  }
}

function unsortable(kind: string): Error {
  return new Error(`unsortable type: ${kind === 'map' ? 'map' : kind}`);
}

function stringLess(a: string, b: string): boolean {
  const qa = quantityNanos(a);
  const qb = qa === undefined ? undefined : quantityNanos(b);
  if (qa !== undefined && qb !== undefined) return qa < qb;
  return naturalLess(a, b);
}

function quantityNanos(s: string): bigint | undefined {
  try {
    return parseQuantityExact(s).nanos;
  } catch {
    return undefined;
  }
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** github.com/fvbommel/sortorder NaturalLess, over UTF-8 bytes. */
export function naturalLess(s1: string, s2: string): boolean {
  const a = Buffer.from(s1, 'utf8');
  const b = Buffer.from(s2, 'utf8');
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const d1 = isDigit(a[i]);
    const d2 = isDigit(b[j]);
    if (d1 !== d2) return d1;
    if (!d1) {
      if (a[i] !== b[j]) return a[i] < b[j];
      i++;
      j++;
      continue;
    }
    while (i < a.length && a[i] === 0x30) i++;
    while (j < b.length && b[j] === 0x30) j++;
    const nz1 = i;
    const nz2 = j;
    while (i < a.length && isDigit(a[i])) i++;
    while (j < b.length && isDigit(b[j])) j++;
    if (i - nz1 !== j - nz2) return i - nz1 < j - nz2;
    const n1 = a.subarray(nz1, i).toString();
    const n2 = b.subarray(nz2, j).toString();
    if (n1 !== n2) return n1 < n2;
    if (nz1 !== nz2) return nz1 < nz2;
  }
  return a.length < b.length;
}
