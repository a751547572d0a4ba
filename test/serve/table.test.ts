import { describe, expect, it } from 'vitest';
import { kindRegistry } from '../../src/api/kinds/index.js';
import type { KubeObject } from '../../src/api/types.js';
import { parseIncludeObject, toTable, wantsTable } from '../../src/serve/table.js';

const NOW = new Date('2026-01-01T01:00:00Z');
const configMaps = kindRegistry().kinds.find((k) => k.kind === 'ConfigMap' && k.group === '')!;
const deployments = kindRegistry().kinds.find((k) => k.kind === 'Deployment' && k.group === 'apps')!;

function cm(name: string): KubeObject {
  return {
    apiVersion: 'v1', kind: 'ConfigMap',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '7', creationTimestamp: '2026-01-01T00:00:00Z', labels: { a: 'b' } },
    data: { k1: 'v', k2: 'w' },
  };
}

describe('wantsTable', () => {
  it('is true for the media type kubectl get sends, alone or before its JSON fallback', () => {
    expect(wantsTable('application/json;as=Table;v=v1;g=meta.k8s.io')).toBe(true);
    expect(wantsTable('application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json')).toBe(true);
    expect(wantsTable('application/json; as=Table; v=v1; g=meta.k8s.io')).toBe(true);
  });

  it('is false for plain JSON, no header, or another version or group of Table', () => {
    expect(wantsTable(undefined)).toBe(false);
    expect(wantsTable('')).toBe(false);
    expect(wantsTable('application/json')).toBe(false);
    expect(wantsTable('application/json;as=Table;v=v1beta1;g=meta.k8s.io')).toBe(false);
    expect(wantsTable('application/json;as=PartialObjectMetadata;v=v1;g=meta.k8s.io')).toBe(false);
  });
});

describe('parseIncludeObject', () => {
  it('defaults to Metadata, as kube-apiserver does', () => {
    expect(parseIncludeObject(null)).toBe('Metadata');
    expect(parseIncludeObject('bogus')).toBe('Metadata');
    expect(parseIncludeObject('Object')).toBe('Object');
    expect(parseIncludeObject('None')).toBe('None');
  });
});

describe('toTable', () => {
  it('gives a meta.k8s.io/v1 Table: NAME first with format name, the kind\'s cells, the resourceVersion', () => {
    const t = toTable([cm('one'), cm('two')], configMaps, NOW, { resourceVersion: '12' });
    expect(t.kind).toBe('Table');
    expect(t.apiVersion).toBe('meta.k8s.io/v1');
    expect(t.metadata).toEqual({ resourceVersion: '12' });
    expect(t.columnDefinitions.map((c) => c.name)).toEqual(['NAME', 'DATA', 'AGE']);
    expect(t.columnDefinitions[0]).toEqual({ name: 'NAME', type: 'string', format: 'name', description: '', priority: 0 });
    expect(t.columnDefinitions.slice(1).every((c) => c.format === '')).toBe(true);
    expect(t.rows.map((r) => r.cells)).toEqual([['one', '2', '60m'], ['two', '2', '60m']]);
  });

  it('marks the wide-only columns with priority 1', () => {
    const t = toTable([], deployments, NOW);
    expect(t.metadata).toEqual({});
    expect(t.rows).toEqual([]);
    const byName = Object.fromEntries(t.columnDefinitions.map((c) => [c.name, c.priority]));
    expect(byName).toMatchObject({ NAME: 0, READY: 0, 'UP-TO-DATE': 0, AVAILABLE: 0, AGE: 0, CONTAINERS: 1, IMAGES: 1, SELECTOR: 1 });
  });

  it('carries each row\'s object as PartialObjectMetadata by default', () => {
    const [row] = toTable([cm('one')], configMaps, NOW).rows;
    expect(row!.object).toEqual({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: cm('one').metadata });
  });

  it('carries the whole object with includeObject=Object and none with None', () => {
    expect(toTable([cm('one')], configMaps, NOW, { include: 'Object' }).rows[0]!.object).toEqual(cm('one'));
    const none = toTable([cm('one')], configMaps, NOW, { include: 'None' }).rows[0]!;
    expect(none).not.toHaveProperty('object');
    expect(none.cells[0]).toBe('one');
  });
});
