import { describe, expect, it } from 'vitest';
import { kindRegistry } from '../../../src/api/kinds/index.js';
import { printApiResources, selectResources } from '../../../src/cli/printers/api-resources.js';
import { widgetKind } from './fixtures.js';

describe('api-resources', () => {
  const kinds = kindRegistry().kinds;

  it('sorts by group (core first) then name', () => {
    const names = selectResources(kinds, {}).map((k) => (k.group ? `${k.group}/${k.plural}` : k.plural));
    const core = names.filter((n) => !n.includes('/'));
    expect(names.slice(0, core.length)).toEqual([...core].sort());
    expect(names.indexOf('apps/deployments')).toBeLessThan(names.indexOf('batch/jobs'));
    expect(names.indexOf('batch/jobs')).toBeLessThan(names.indexOf('storage.k8s.io/storageclasses'));
  });

  it('sorts by name or kind when asked', () => {
    const byName = selectResources(kinds, {}, 'name').map((k) => k.plural);
    expect(byName).toEqual([...byName].sort());
    const byKind = selectResources(kinds, {}, 'kind').map((k) => k.kind);
    expect(byKind).toEqual([...byKind].sort());
  });

  it('filters by group, scope, verbs and categories', () => {
    expect(selectResources(kinds, { apiGroup: 'apps' }).every((k) => k.group === 'apps')).toBe(true);
    expect(selectResources(kinds, { apiGroup: '' }).every((k) => k.group === '')).toBe(true);
    expect(selectResources(kinds, { namespaced: false }).map((k) => k.plural)).toContain('nodes');
    expect(selectResources(kinds, { namespaced: false }).map((k) => k.plural)).not.toContain('pods');
    expect(selectResources(kinds, { verbs: ['list'] })).toHaveLength(kinds.length);
    expect(selectResources(kinds, { verbs: ['proxy'] })).toHaveLength(0);
    expect(selectResources(kinds, { categories: ['all'] }).map((k) => k.plural)).toContain('pods');
  });

  it('prints kubectl columns, wide and name forms', () => {
    const w = widgetKind({ categories: ['all'] });
    expect(printApiResources([w], {})).toBe(
      'NAME      SHORTNAMES   APIVERSION       NAMESPACED   KIND\n' +
      'widgets   wg           example.com/v1   true         Widget\n',
    );
    expect(printApiResources([w], { output: 'wide', noHeaders: true })).toBe(
      'widgets   wg    example.com/v1   true   Widget   create,delete,get,list,patch,update   all\n',
    );
    expect(printApiResources([w, widgetKind({ group: '', plural: 'things' })], { output: 'name' })).toBe('widgets.example.com\nthings\n');
  });
});
