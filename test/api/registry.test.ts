import { describe, expect, it } from 'vitest';
import type { KindDef } from '../../src/api/kind.js';
import { kindRegistry } from '../../src/api/kinds/index.js';

const custom = (plural: string, group: string, kind: string, shortNames: string[] = []): KindDef => ({
  group, version: 'v1', kind, plural, resource: `${plural}.${group}`, singular: kind.toLowerCase(), shortNames, categories: ['all'],
  namespaced: true, schemaType: '', statusSubresource: false, bumpsGeneration: true, nameRule: 'subdomain', columns: [],
});

describe('registry of a cluster', () => {
  it('serves custom kinds on a copy, leaving the built-in registry as it was', () => {
    const r = kindRegistry().copy();
    r.add([custom('widgets', 'example.com', 'Widget', ['wd'])]);
    expect(r.byPlural('widgets.example.com')?.kind).toBe('Widget');
    expect(r.byPlural('widgets')?.kind).toBe('Widget');
    expect(r.resolve('wd')?.kind).toBe('Widget');
    expect(r.resolve('widget.example.com')?.kind).toBe('Widget');
    expect(r.forManifest('example.com/v1', 'Widget')?.plural).toBe('widgets');
    expect(r.category('all').map((k) => k.kind)).toContain('Widget');
    expect(kindRegistry().byPlural('widgets')).toBeUndefined();
    r.remove('widgets.example.com');
    expect(r.byPlural('widgets')).toBeUndefined();
    expect(r.resolve('wd')).toBeUndefined();
  });

  it('keeps a built-in plural and short name for the built-in kind when a CRD reuses them in its group', () => {
    const r = kindRegistry().copy();
    r.add([custom('services', 'serving.knative.dev', 'Service', ['ksvc'])]);
    expect(r.byPlural('services')?.group).toBe('');
    expect(r.resolve('services')?.group).toBe('');
    expect(r.resolve('svc')?.group).toBe('');
    expect(r.byPlural('services.serving.knative.dev')?.group).toBe('serving.knative.dev');
    expect(r.resolve('services.serving.knative.dev')?.group).toBe('serving.knative.dev');
    expect(r.resolve('ksvc')?.group).toBe('serving.knative.dev');
  });
});
