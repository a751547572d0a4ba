import type { KubeObject, ObjectMeta } from '../../api/types.js';

/** What the generators put in an object's metadata (ObjectMeta's field order is kept). */
export interface MetaInput {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** A map with its keys in Go's order (maps marshal sorted). */
export function sortedMap(entries: Iterable<[string, string]>): Record<string, string> {
  const list = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(list);
}

/** ObjectMeta of a typed struct as encoding/json writes it: `creationTimestamp: null` included. */
export function objectMeta(m: MetaInput): ObjectMeta {
  const meta: ObjectMeta = { name: m.name };
  if (m.namespace) meta.namespace = m.namespace;
  (meta as Record<string, unknown>).creationTimestamp = null;
  if (m.labels && Object.keys(m.labels).length > 0) meta.labels = m.labels;
  if (m.annotations && Object.keys(m.annotations).length > 0) meta.annotations = m.annotations;
  return meta;
}

/** The metadata of a pod template (no name): `creationTimestamp: null` and the labels. */
export function templateMeta(labels?: Record<string, string>): ObjectMeta {
  const meta: ObjectMeta = {};
  (meta as Record<string, unknown>).creationTimestamp = null;
  if (labels && Object.keys(labels).length > 0) meta.labels = labels;
  return meta;
}

/** ObjectMeta's fields in the order of the Go struct (what encoding/json writes). */
const META_ORDER = [
  'name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp',
  'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields',
];

/** Metadata with its fields in struct order (any unknown ones after). */
export function structOrderedMeta(meta: ObjectMeta): ObjectMeta {
  const m = meta as Record<string, unknown>;
  const ordered: Record<string, unknown> = Object.fromEntries(META_ORDER.filter((k) => k in m).map((k) => [k, m[k]]));
  for (const k of Object.keys(m)) if (!(k in ordered)) ordered[k] = m[k];
  return ordered as ObjectMeta;
}

/** TypeMeta then the rest, in struct order. */
export function typed(kind: string, apiVersion: string, rest: Omit<KubeObject, 'kind' | 'apiVersion'>): KubeObject {
  return { kind, apiVersion, ...rest } as KubeObject;
}
