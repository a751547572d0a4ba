/**
 * Which kind a resource path names: the served kind of that group with that plural, in that version
 * (its own, or one of its alsoServed versions: a CRD's others, converted with strategy None, or
 * the HorizontalPodAutoscaler's autoscaling/v1, converted by KindDef.convert).
 */
import { apiVersionOf, convertTo, type KindDef } from '../api/kind.js';
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
  return convertTo(served.kind, obj, served.apiVersion);
}

/** A body in the request's version as the kind's own version has it (what the store keeps). */
export function fromServedVersion(obj: KubeObject, served: ServedKind): KubeObject {
  return convertTo(served.kind, obj, apiVersionOf(served.kind));
}
