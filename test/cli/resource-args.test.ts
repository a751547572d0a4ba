import { describe, expect, it } from 'vitest';
import { kindRegistry } from '../../src/api/kinds/index.js';
import { checkNamedSelection, parseResourceArgs, splitTypes } from '../../src/cli/resource-args.js';

const reg = kindRegistry();
const parse = (...args: string[]) => parseResourceArgs(args, reg);
const plurals = (kinds: { plural: string }[]) => kinds.map((k) => k.plural);
const named = (sel: ReturnType<typeof parse>) => sel.named.map((n) => `${n.kind.plural}/${n.name}`);

describe('parseResourceArgs', () => {
  it('resolves every form of a TYPE', () => {
    for (const t of ['pods', 'pod', 'po', 'Pod', 'POD', 'pods.', 'deployments.apps', 'deploy', 'deployments.v1.apps', 'Deployment']) {
      expect(parse(t).types).toHaveLength(1);
    }
    expect(plurals(parse('deployments.apps').types)).toEqual(['deployments']);
  });

  it('lists several types in the order given, without repeats', () => {
    expect(plurals(parse('svc,po,svc').types)).toEqual(['services', 'pods']);
  });

  it('expands all to its category in registry order', () => {
    const sel = parse('all');
    expect(plurals(sel.types)).toEqual(plurals(reg.category('all')));
    expect(sel.types.length).toBeGreaterThan(3);
  });

  it('takes names after one type', () => {
    const sel = parse('pods', 'a', 'b');
    expect(named(sel)).toEqual(['pods/a', 'pods/b']);
    expect(sel.singleItem).toBe(false);
    expect(parse('pod', 'a').singleItem).toBe(true);
  });

  it('pairs every type with every name when several types are named', () => {
    expect(named(parse('po,svc', 'a', 'b'))).toEqual(['pods/a', 'pods/b', 'services/a', 'services/b']);
  });

  it('reads TYPE/NAME arguments', () => {
    const sel = parse('deploy/web', 'svc/web');
    expect(named(sel)).toEqual(['deployments/web', 'services/web']);
    expect(sel.slashForm).toBe(true);
    expect(parse('po/x').singleItem).toBe(true);
  });

  it('fails the way kubectl does', () => {
    expect(() => parse('foo')).toThrow('the server doesn\'t have a resource type "foo"');
    expect(() => parse('pods,')).toThrow('the server doesn\'t have a resource type ""');
    expect(() => parse('pods', 'pod/x')).toThrow(/^there is no need to specify a resource type as a separate argument/);
    expect(() => parse('a/b/c')).toThrow('arguments in resource/name form may not have more than one slash');
    expect(() => parse('/x')).toThrow('arguments in resource/name form must have a single resource and name');
    expect(() => parse('pods/')).toThrow('arguments in resource/name form must have a single resource and name');
    expect(() => parse('all', 'x')).toThrow('you must specify only one resource');
    expect(() => parse('all/x')).toThrow('the server doesn\'t have a resource type "all"');
  });

  it('keeps empty parts when splitting types', () => {
    expect(splitTypes('a,b,a,')).toEqual(['a', 'b', '']);
  });
});

describe('checkNamedSelection', () => {
  it('refuses names with a selector, in the words of each form', () => {
    expect(() => checkNamedSelection(parse('pods', 'a'), { selector: true })).toThrow('name cannot be provided when a selector is specified');
    expect(() => checkNamedSelection(parse('pod/a'), { selector: true })).toThrow('selectors and the all flag cannot be used when passing resource/name arguments');
    expect(() => checkNamedSelection(parse('pods'), { selector: true })).not.toThrow();
  });

  it('refuses names across all namespaces, but only for namespaced kinds', () => {
    expect(() => checkNamedSelection(parse('pods', 'a'), { allNamespaces: true })).toThrow('a resource cannot be retrieved by name across all namespaces');
    expect(() => checkNamedSelection(parse('nodes', 'n1'), { allNamespaces: true })).not.toThrow();
  });
});
