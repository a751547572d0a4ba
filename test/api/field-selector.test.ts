import { describe, expect, it } from 'vitest';
import { escapeValue, parseFieldSelector, unsupportedFieldLabelMessage } from '../../src/api/field-selector.js';

const pod: Record<string, string> = { 'metadata.name': 'web-1', 'status.phase': 'Running', 'spec.nodeName': 'node-1' };
const get = (f: string) => pod[f];

describe('parseFieldSelector', () => {
  it('matches =, == and != terms (missing fields compare as empty)', () => {
    expect(parseFieldSelector('status.phase=Running').matches(get)).toBe(true);
    expect(parseFieldSelector('status.phase==Running').matches(get)).toBe(true);
    expect(parseFieldSelector('status.phase!=Running').matches(get)).toBe(false);
    expect(parseFieldSelector('status.phase=Running,spec.nodeName=node-2').matches(get)).toBe(false);
    expect(parseFieldSelector('spec.nodeName!=').matches(get)).toBe(true);
    expect(parseFieldSelector('spec.hostname=').matches(get)).toBe(true);
    expect(parseFieldSelector('').matches(get)).toBe(true);
    expect(parseFieldSelector('').empty()).toBe(true);
  });

  it('lists the fields used, for the server to check support', () => {
    expect(parseFieldSelector('status.phase=Running,metadata.name!=x,status.phase!=y').fields()).toEqual(['metadata.name', 'status.phase']);
  });

  it('rejects terms without an operator', () => {
    expect(() => parseFieldSelector('status.phase')).toThrow("invalid selector: 'status.phase'; can't understand 'status.phase'");
    expect(() => parseFieldSelector('a=b,c')).toThrow("invalid selector: 'a=b,c'; can't understand 'c'");
  });

  it('handles escapes as fields.UnescapeValue does', () => {
    expect(parseFieldSelector('metadata.name=a\\,b').matches((f) => (f === 'metadata.name' ? 'a,b' : undefined))).toBe(true);
    expect(() => parseFieldSelector('metadata.name=a=b')).toThrow('invalid field selector: unescaped character in value: 61');
    expect(() => parseFieldSelector('metadata.name=a\\b')).toThrow('invalid field selector: invalid escape sequence: \\b');
    expect(escapeValue('a,b=c\\')).toBe('a\\,b\\=c\\\\');
  });

  it('prints sorted terms', () => {
    expect(parseFieldSelector('status.phase==Running,metadata.name=x').toString()).toBe('metadata.name=x,status.phase=Running');
  });

  it('words unsupported field labels as the API server does', () => {
    expect(unsupportedFieldLabelMessage('foo', true)).toBe('field label not supported: foo');
    expect(unsupportedFieldLabelMessage('spec.foo', false)).toBe(
      '"spec.foo" is not a known field selector: only "metadata.name", "metadata.namespace"',
    );
  });
});
