/**
 * Key order shared by every store: the byte order of the keys' UTF-8 encoding, which is the
 * order LMDB (and etcd) keep keys in. For ASCII keys that is plain string order; the only
 * difference from JavaScript's UTF-16 order is that characters outside the Basic Multilingual
 * Plane (surrogate pairs) sort after U+E000–U+FFFF.
 */
export function compareKeys(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let ca = a.charCodeAt(i);
    let cb = b.charCodeAt(i);
    if (ca !== cb) {
      if (ca >= 0xd800 && cb >= 0xd800) {
        ca = ca >= 0xe000 ? ca - 0x800 : ca + 0x2000;
        cb = cb >= 0xe000 ? cb - 0x800 : cb + 0x2000;
      }
      return ca - cb;
    }
  }
  return a.length - b.length;
}

/** Characters from which JavaScript's string order can differ from UTF-8 byte order. */
const HIGH = /[\ud800-\uffff]/;

/** Whether a key has none of them: between two such keys, `<` is store key order. */
export const isPlainKey = (key: string): boolean => !HIGH.test(key);

/** compareKeys for two plain keys (isPlainKey): native string order, several times faster. */
export const comparePlainKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The smallest key greater than every key starting with prefix (exclusive end of a prefix
 * scan), or undefined when no such key exists (empty prefix, or one made only of U+FFFF).
 */
export function prefixEnd(prefix: string): string | undefined {
  let end = prefix;
  while (end.length > 0) {
    const last = end.charCodeAt(end.length - 1);
    if (last < 0xffff) return end.slice(0, -1) + String.fromCharCode(last + 1);
    end = end.slice(0, -1);
  }
  return undefined;
}
