import { describe, expect, it } from 'vitest';
import { formatFieldError } from '../../../src/api/field-error.js';
import {
  validateAnnotations,
  validateLabels,
  validateLabelSelector,
  validateLabelValue,
  validateQualifiedName,
} from '../../../src/api/validation/labels.js';

const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character " +
  "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an " +
  "alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('qualified names', () => {
  it('accepts prefixed and plain names', () => {
    expect(validateQualifiedName('app.kubernetes.io/name', 'f')).toEqual([]);
    expect(validateQualifiedName('MyName', 'f')).toEqual([]);
  });

  it('words each failure', () => {
    expect(validateQualifiedName('-bad', 'f').map((e) => e.detail)).toEqual([NAME_PART]);
    expect(validateQualifiedName('/x', 'f').map((e) => e.detail)).toEqual(['prefix part must be non-empty']);
    expect(validateQualifiedName('x/', 'f').map((e) => e.detail)).toEqual(['name part must be non-empty', NAME_PART]);
    expect(validateQualifiedName('a'.repeat(64), 'f').map((e) => e.detail)).toEqual(['name part must be no more than 63 characters']);
    expect(validateQualifiedName('Ex.com/x', 'f').map((e) => e.detail)[0]).toMatch(/^prefix part a lowercase RFC 1123 subdomain must/);
    expect(validateQualifiedName('a/b/c', 'f').map((e) => e.detail)).toEqual([
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character " +
        "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') " +
        "with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ]);
  });
});

describe('labels', () => {
  it('finds a label valid exactly when the regular expressions of apimachinery do', () => {
    const qualified = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
    const subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
    const alphabet = ['a', 'Z', '0', '-', '_', '.', '/', 'é'];
    const keys: string[] = ['', 'a'.repeat(63), 'a'.repeat(64), `${'a'.repeat(250)}.b/c`, `${'a'.repeat(254)}/c`, 'Ex.com/x'];
    // every string of up to 3 characters over the alphabet
    const grow = (prefix: string, n: number): void => {
      keys.push(prefix);
      if (n > 0) for (const c of alphabet) grow(prefix + c, n - 1);
    };
    grow('', 3);
    for (const key of keys) {
      // apimachinery's rules, with its regular expressions
      const segments = key.split('/');
      const name = segments[segments.length - 1]!;
      const keyValid = segments.length <= 2 && name.length <= 63 && qualified.test(name)
        && (segments.length === 1 || (segments[0]!.length <= 253 && subdomain.test(segments[0]!)));
      expect(validateQualifiedName(key, 'f').length === 0, key).toBe(keyValid);
      for (const value of ['', 'v', '-v', 'a'.repeat(64), key]) {
        const valid = keyValid && value.length <= 63 && (value === '' || qualified.test(value));
        expect(validateLabelValue(value, 'f').length === 0, value).toBe(value.length <= 63 && (value === '' || qualified.test(value)));
        expect(validateLabels({ [key]: value }, 'f').length === 0, `${key}=${value}`).toBe(valid);
      }
    }
  });

  it('validates keys and values against the map path', () => {
    expect(validateLabels({ app: 'web', 'app.kubernetes.io/part-of': 'shop', empty: '' }, 'metadata.labels')).toEqual([]);
    expect(validateLabels({ app: 'web app' }, 'metadata.labels').map(formatFieldError)).toEqual([
      `metadata.labels: Invalid value: "web app": ${VALUE_MSG}`,
    ]);
    expect(validateLabelValue('a'.repeat(64), 'f').map((e) => e.detail)).toEqual(['must be no more than 63 characters']);
    expect(validateLabels({ 'bad key': 'v' }, 'metadata.labels').map(formatFieldError)).toEqual([
      `metadata.labels: Invalid value: "bad key": ${NAME_PART}`,
    ]);
  });
});

describe('annotations', () => {
  it('keys are case-insensitive qualified names; values are free', () => {
    expect(validateAnnotations({ 'Example.com/Note': 'any value at all, even with spaces' }, 'metadata.annotations')).toEqual([]);
    expect(validateAnnotations({ 'bad key': 'v' }, 'metadata.annotations').map((e) => e.field)).toEqual(['metadata.annotations']);
  });

  it('limits the total size to 256 KiB', () => {
    const ok = { a: 'x'.repeat(256 * 1024 - 1) };
    expect(validateAnnotations(ok, 'metadata.annotations')).toEqual([]);
    const big = { a: 'x'.repeat(256 * 1024) };
    const errs = validateAnnotations(big, 'metadata.annotations');
    expect(errs).toHaveLength(1);
    expect(errs[0].type).toBe('Too long');
    expect(formatFieldError(errs[0])).toBe('metadata.annotations: Too long: must have at most 262144 bytes');
  });
});

describe('label selector objects', () => {
  it('checks operators, values and keys', () => {
    const errs = validateLabelSelector(
      {
        matchLabels: { app: 'web' },
        matchExpressions: [
          { key: 'a', operator: 'In' },
          { key: 'b', operator: 'Exists', values: ['x'] },
          { key: 'c', operator: 'Has' as never, values: [] },
          { key: 'd', operator: 'NotIn', values: ['ok', 'not ok'] },
        ],
      },
      'spec.selector',
    );
    expect(errs.map(formatFieldError)).toEqual([
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      "spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      'spec.selector.matchExpressions[2].operator: Invalid value: "Has": not a valid selector operator',
      `spec.selector.matchExpressions[3].values[1]: Invalid value: "not ok": ${VALUE_MSG}`,
    ]);
    expect(validateLabelSelector(undefined, 'spec.selector')).toEqual([]);
  });
});
