import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labelColumnHeader, printTable } from '../../../src/cli/printers/table.js';
import { printTableGroups } from '../../../src/cli/printers/table-groups.js';
import { NOW, widget, widgetKind } from './fixtures.js';

const golden = (name: string): string => readFileSync(new URL(`./golden/${name}`, import.meta.url), 'utf8');

const objs = [
  widget('alpha', 'default', { size: 3 }, { app: 'web', 'example.com/tier': 'front' }),
  widget('a-much-longer-name', 'default', { size: 12, note: 'hello' }),
];

describe('printTable', () => {
  it('prints the default columns with an upper-cased header', () => {
    expect(printTable(objs, widgetKind(), { now: NOW })).toBe(golden('table-default.txt'));
  });

  it('adds the priority-1 columns with wide', () => {
    expect(printTable(objs, widgetKind(), { now: NOW, wide: true })).toBe(golden('table-wide.txt'));
  });

  it('puts NAMESPACE first with -A, the label columns and LABELS last', () => {
    const text = printTable(objs, widgetKind(), {
      now: NOW, withNamespace: true, labelColumns: ['app', 'example.com/tier'], showLabels: true,
    });
    expect(text).toBe(golden('table-all-namespaces-labels.txt'));
  });

  it('has no NAMESPACE column for a cluster-scoped kind even with -A', () => {
    const text = printTable([widget('n1', '')], widgetKind({ namespaced: false }), { now: NOW, withNamespace: true });
    expect(text.split('\n')[0]).toBe('NAME   SIZE   AGE');
  });

  it('prefixes the first cell with kind.group/ and drops the header with noHeaders', () => {
    expect(printTable(objs, widgetKind(), { now: NOW, withKind: true, noHeaders: true })).toBe(
      'widget.example.com/alpha                3     5m\n' +
      'widget.example.com/a-much-longer-name   12    5m\n',
    );
  });

  it('prints nothing at all for no objects', () => {
    expect(printTable([], widgetKind(), { now: NOW })).toBe('');
  });

  it('cuts a multi-line cell at its first line and marks it', () => {
    const text = printTable([widget('m', 'default', { size: 'one\ntwo' })], widgetKind(), { now: NOW, noHeaders: true });
    expect(text).toBe('m     one...   5m\n');
  });

  it('names -L columns by the last path segment', () => {
    expect(labelColumnHeader('app.kubernetes.io/name')).toBe('NAME');
    expect(labelColumnHeader('tier')).toBe('TIER');
  });
});

describe('printTableGroups', () => {
  const gadget = widgetKind({ kind: 'Gadget', plural: 'gadgets', group: '' });
  const g = { ...widget('g1', 'default', { size: 1 }), kind: 'Gadget', apiVersion: 'v1' };

  it('gives each kind its own table and header, separated by an empty line, with kind prefixes', () => {
    const text = printTableGroups([{ kind: widgetKind(), objects: objs }, { kind: gadget, objects: [g] }], { now: NOW });
    expect(text).toBe(golden('table-groups.txt'));
  });

  it('uses no prefix when only one kind had objects, and skips empty groups', () => {
    const text = printTableGroups([{ kind: widgetKind(), objects: [] }, { kind: gadget, objects: [g] }], { now: NOW });
    expect(text).toBe('NAME   SIZE   AGE\ng1     1      5m\n');
  });

  it('puts no empty line between groups without headers', () => {
    const text = printTableGroups([{ kind: widgetKind(), objects: [objs[0]] }, { kind: gadget, objects: [g] }], { now: NOW, noHeaders: true });
    expect(text).toBe('widget.example.com/alpha   3     5m\ngadget/g1   1     5m\n');
  });
});
