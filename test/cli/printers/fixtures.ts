/** Small kinds and objects for the printer tests (layout only; real kinds are tested with their own files). */
import type { KindDef } from '../../../src/api/kind.js';
import type { KubeObject } from '../../../src/api/types.js';
import { age } from '../../../src/util/human-duration.js';

export const NOW = new Date('2026-01-01T12:00:00Z');

export function widgetKind(over: Partial<KindDef> = {}): KindDef {
  return {
    group: 'example.com',
    version: 'v1',
    kind: 'Widget',
    plural: 'widgets',
    singular: 'widget',
    shortNames: ['wg'],
    categories: [],
    namespaced: true,
    schemaType: 'Widget',
    statusSubresource: false,
    bumpsGeneration: true,
    nameRule: 'subdomain',
    columns: [
      { name: 'NAME', cell: (o) => o.metadata.name ?? '' },
      { name: 'Size', cell: (o) => String(o.spec?.size ?? '') },
      { name: 'Note', priority: 1, cell: (o) => String(o.spec?.note ?? '<none>') },
      { name: 'AGE', cell: (o, now) => age(o.metadata.creationTimestamp, now) },
    ],
    ...over,
  };
}

export function widget(name: string, ns: string, spec: Record<string, unknown> = {}, labels?: Record<string, string>): KubeObject {
  return {
    apiVersion: 'example.com/v1',
    kind: 'Widget',
    metadata: { name, namespace: ns, creationTimestamp: '2026-01-01T11:55:00Z', ...(labels ? { labels } : {}) },
    spec,
  };
}
