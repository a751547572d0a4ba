/** Helpers for the workload / storage / RBAC kind tests: a fake client with real label selectors, golden files. */
import type { Client } from '../../../src/api/client.js';
import type { KindDef } from '../../../src/api/kind.js';
import { parseSelector } from '../../../src/api/label-selector.js';
import type { KubeObject } from '../../../src/api/types.js';

export const NOW = new Date('2026-01-01T01:00:00Z');
export const CREATED = '2026-01-01T00:00:00Z';


/** A read-only Client over fixed objects whose list honours namespace and full label-selector syntax. */
export function selectorClient(objects: Record<string, KubeObject[]>): Client {
  const readOnly = async (): Promise<never> => {
    throw new Error('read-only fake client');
  };
  return {
    async get(resource, namespace, name) {
      const found = (objects[resource] ?? []).find((o) => o.metadata.name === name && o.metadata.namespace === namespace);
      if (!found) throw new Error(`${resource} "${name}" not found`);
      return found;
    },
    async list(resource, opts) {
      let items = objects[resource] ?? [];
      if (opts?.namespace) items = items.filter((o) => o.metadata.namespace === opts.namespace);
      if (opts?.labelSelector) {
        const sel = parseSelector(opts.labelSelector);
        items = items.filter((o) => sel.matches(o.metadata.labels ?? {}));
      }
      return { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '1' }, items };
    },
    create: readOnly,
    update: readOnly,
    updateStatus: readOnly,
    bind: readOnly,
    patch: readOnly,
    delete: readOnly,
    evict: readOnly,
    review: readOnly,
  };
}

/** Runs the API server's create steps a kind defines (defaults → prepareForCreate), with server metadata set first. */
export function created(kind: KindDef, obj: KubeObject, uid = 'a1b2c3d4-0000-4000-8000-000000000001'): KubeObject {
  obj.metadata.uid ??= uid;
  obj.metadata.creationTimestamp ??= CREATED;
  if (kind.namespaced) obj.metadata.namespace ??= 'default';
  kind.defaults?.(obj);
  kind.prepareForCreate?.(obj);
  return obj;
}

/** Header and cell texts of a kind's columns (wide included) for one object. */
export function row(kind: KindDef, obj: KubeObject, wide = false): Record<string, string> {
  const cols = kind.columns.filter((c) => wide || !c.priority);
  return Object.fromEntries(cols.map((c) => [c.name, c.cell(obj, NOW)]));
}
