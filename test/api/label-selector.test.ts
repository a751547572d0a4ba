import { describe, expect, it } from 'vitest';
import {
  formatLabels,
  formatLabelSelector,
  labelsMatch,
  parseSelector,
  selectorFromLabelSelector,
} from '../../src/api/label-selector.js';

const web = { app: 'web', tier: 'frontend', replicas: '3' };

describe('parseSelector', () => {
  it('matches equality, set and existence requirements', () => {
    expect(parseSelector('app=web').matches(web)).toBe(true);
    expect(parseSelector('app==web').matches(web)).toBe(true);
    expect(parseSelector('app!=web').matches(web)).toBe(false);
    expect(parseSelector('app!=db').matches(web)).toBe(true);
    expect(parseSelector('missing!=x').matches(web)).toBe(true);
    expect(parseSelector('tier in (frontend, backend)').matches(web)).toBe(true);
    expect(parseSelector('tier notin (frontend)').matches(web)).toBe(false);
    expect(parseSelector('missing notin (a)').matches(web)).toBe(true);
    expect(parseSelector('missing in (a)').matches(web)).toBe(false);
    expect(parseSelector('app').matches(web)).toBe(true);
    expect(parseSelector('!app').matches(web)).toBe(false);
    expect(parseSelector('!db').matches(web)).toBe(true);
    expect(parseSelector('replicas>2').matches(web)).toBe(true);
    expect(parseSelector('replicas<3').matches(web)).toBe(false);
    expect(parseSelector('app>2').matches(web)).toBe(false);
    expect(parseSelector(' app = web , tier ').matches(web)).toBe(true);
    expect(parseSelector('app=web,tier=backend').matches(web)).toBe(false);
    expect(parseSelector('app=web').matches(undefined)).toBe(false);
  });

  it('empty selector matches everything', () => {
    const s = parseSelector('');
    expect(s.empty()).toBe(true);
    expect(s.matches({})).toBe(true);
    expect(s.toString()).toBe('');
  });

  it('prints requirements sorted by key with sorted values', () => {
    expect(parseSelector('z=1,a in (c,b),!m,k').toString()).toBe('a in (b,c),k,!m,z=1');
    expect(parseSelector('x=').toString()).toBe('x=');
    expect(parseSelector('x in ()').matches({ x: '' })).toBe(true);
  });

  it('reports parse errors as apimachinery words them', () => {
    expect(() => parseSelector('a b')).toThrow("unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt");
    expect(() => parseSelector('a=b c')).toThrow("found 'c', expected: ',' or 'end of string'");
    expect(() => parseSelector('a=b,')).toThrow("found '', expected: identifier after ','");
    expect(() => parseSelector('=b')).toThrow("found '=', expected: !, identifier, or 'end of string'");
    expect(() => parseSelector('a in b')).toThrow("unable to parse requirement: found 'b' expected: '('");
    expect(() => parseSelector('a in (b')).toThrow("unable to parse requirement: found '', expected: ',' or ')'");
    expect(() => parseSelector('a>x')).toThrow(
      "unable to parse requirement: values[0]: Invalid value: \"x\": for 'Gt', 'Lt' operators, the value must be an integer",
    );
  });

  it('validates keys and values', () => {
    expect(() => parseSelector('Foo_=x')).toThrow(
      'unable to parse requirement: <nil>: Invalid value: "Foo_": name part must consist of alphanumeric characters, ' +
        "'-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or " +
        "'123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    );
    expect(() => parseSelector('a=-x')).toThrow('unable to parse requirement: values[0][a]: Invalid value: "-x": a valid label must be');
  });
});

describe('selectorFromLabelSelector / formatLabelSelector', () => {
  it('nil matches nothing, empty matches everything', () => {
    expect(selectorFromLabelSelector(undefined).matches(web)).toBe(false);
    expect(selectorFromLabelSelector({}).matches(web)).toBe(true);
    expect(selectorFromLabelSelector({ matchLabels: {} }).empty()).toBe(true);
  });

  it('combines matchLabels and matchExpressions', () => {
    const sel = selectorFromLabelSelector({
      matchLabels: { app: 'web' },
      matchExpressions: [{ key: 'tier', operator: 'In', values: ['frontend', 'api'] }, { key: 'canary', operator: 'DoesNotExist' }],
    });
    expect(sel.matches(web)).toBe(true);
    expect(sel.matches({ ...web, canary: 'yes' })).toBe(false);
    expect(sel.toString()).toBe('app=web,!canary,tier in (api,frontend)');
  });

  it('formats like metav1.FormatLabelSelector', () => {
    expect(formatLabelSelector({ matchLabels: { 'pod-template-hash': 'x', app: 'web' } })).toBe('app=web,pod-template-hash=x');
    expect(formatLabelSelector({ matchExpressions: [{ key: 'k', operator: 'NotIn', values: ['a'] }] })).toBe('k notin (a)');
    expect(formatLabelSelector({ matchExpressions: [{ key: 'k', operator: 'Exists' }] })).toBe('k');
    expect(formatLabelSelector({})).toBe('<none>');
    expect(formatLabelSelector(undefined)).toBe('<none>');
    expect(formatLabelSelector({ matchExpressions: [{ key: 'k', operator: 'Bogus' as never }] })).toBe('<error>');
    expect(() => selectorFromLabelSelector({ matchExpressions: [{ key: 'k', operator: 'Bogus' as never }] })).toThrow(
      '"Bogus" is not a valid label selector operator',
    );
  });
});

describe('map selectors', () => {
  it('labelsMatch: every pair must be present', () => {
    expect(labelsMatch({ app: 'web' }, web)).toBe(true);
    expect(labelsMatch({ app: 'web', tier: 'x' }, web)).toBe(false);
    expect(labelsMatch({}, web)).toBe(true);
    expect(labelsMatch({ app: 'web' }, undefined)).toBe(false);
  });

  it('formatLabels', () => {
    expect(formatLabels({ b: '2', a: '1' })).toBe('a=1,b=2');
    expect(formatLabels({})).toBe('<none>');
  });
});
