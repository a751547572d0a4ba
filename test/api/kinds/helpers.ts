/** Test helpers for the core kinds: corpus loading and a read-only fake Client. */
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import type { Client, ListOptions } from '../../../src/api/client.js';
import { apiErrors } from '../../../src/api/errors.js';
import type { KubeObject } from '../../../src/api/types.js';
import { formatFieldError, type FieldError } from '../../../src/api/field-error.js';

export function corpus(file: string): KubeObject[] {
  const text = readFileSync(`/work/shared/corpus/${file}`, 'utf8');
  return parseAllDocuments(text).map((d) => d.toJS()).filter(Boolean) as KubeObject[];
}

export const messages = (errs: FieldError[]): string[] => errs.map(formatFieldError);

/** A Client over a fixed set of objects, supporting the list filters describers use. */
export function fakeClient(objects: Record<string, KubeObject[]>): Client & { calls: { resource: string; opts?: ListOptions }[] } {
  const calls: { resource: string; opts?: ListOptions }[] = [];
  const unsupported = async (): Promise<never> => {
    throw new Error('read-only fake client');
  };
  return {
    calls,
    async get(resource, namespace, name) {
      const found = (objects[resource] ?? []).find((o) => o.metadata.name === name && o.metadata.namespace === namespace);
      if (!found) throw apiErrors.notFound(resource, '', name);
      return found;
    },
    async list(resource, opts) {
      calls.push({ resource, opts });
      let items = objects[resource] ?? [];
      if (opts?.namespace) items = items.filter((o) => o.metadata.namespace === opts.namespace);
      const sel = opts?.labelSelector;
      if (sel) {
        const [k, v] = sel.split('=');
        items = items.filter((o) => o.metadata.labels?.[k] === v);
      }
      return { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '1' }, items };
    },
    create: unsupported,
    update: unsupported,
    updateStatus: unsupported,
    bind: unsupported,
    patch: unsupported,
    delete: unsupported,
    evict: unsupported,
    review: unsupported,
  };
}
