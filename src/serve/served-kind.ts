/**
 * Which kind a resource path names: the served kind of that group with that plural, in that version
 * (its own, or one of the other versions a CRD serves, converted with strategy None: only the
 * apiVersion differs).
 */
import { apiVersionOf, type KindDef } from '../api/kind.js';
import type { Registry } from '../api/registry.js';
import type { KubeObject } from '../api/types.js';

export interface ServedKind {
  kind: KindDef;
  /** The apiVersion the request speaks (`apps/v1`). */
  apiVersion: string;
}

export function servedKind(registry: Registry, group: string, version: string, resource: string): ServedKind | undefined {
  const apiVersion = group ? `${group}/${version}` : version;
  for (const kind of registry.kinds) {
    if (kind.group !== group || kind.plural !== resource) continue;
    if (kind.version === version || (kind.alsoServed ?? []).includes(apiVersion)) return { kind, apiVersion };
  }
  return undefined;
}

/** The object as the request's version shows it (a no-op for the kind's own version). */
export function inServedVersion(obj: KubeObject, served: ServedKind): KubeObject {
  if (served.apiVersion === apiVersionOf(served.kind) || obj.apiVersion === served.apiVersion) return obj;
  return { ...obj, apiVersion: served.apiVersion };
}
