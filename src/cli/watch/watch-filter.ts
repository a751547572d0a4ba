/**
 * Which changes a watch sees: objects of one resource, in one namespace (or all), optionally one
 * name, matching the label and field selectors — the same rules a list applies, so an object that
 * stops matching leaves the watch (DELETED) and one that starts matching enters it (ADDED).
 */
import { type KindDef, resourceOf } from '../../api/kind.js';
import { type FieldSelector, parseFieldSelector } from '../../api/field-selector.js';
import { type Selector, parseSelector } from '../../api/label-selector.js';
import type { KubeObject } from '../../api/types.js';

export interface WatchScope {
  kind: KindDef;
  /** undefined: every namespace (or a cluster-scoped kind). */
  namespace?: string;
  name?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export type ObjectFilter = (obj: KubeObject) => boolean;

export function watchFilter(scope: WatchScope): ObjectFilter {
  const labels: Selector | undefined = scope.labelSelector ? parseSelector(scope.labelSelector) : undefined;
  const fields: FieldSelector | undefined = scope.fieldSelector ? parseFieldSelector(scope.fieldSelector) : undefined;
  const extra = scope.kind.fieldSelectors ?? {};
  const field = (obj: KubeObject, f: string): string | undefined => {
    if (f === 'metadata.name') return obj.metadata.name ?? '';
    if (f === 'metadata.namespace') return obj.metadata.namespace ?? '';
    return extra[f]?.(obj) ?? '';
  };
  return (obj) => {
    if (scope.namespace !== undefined && scope.kind.namespaced && obj.metadata.namespace !== scope.namespace) return false;
    if (scope.name !== undefined && obj.metadata.name !== scope.name) return false;
    if (labels && !labels.matches(obj.metadata.labels)) return false;
    if (fields && !fields.matches((f) => field(obj, f))) return false;
    return true;
  };
}

/** The store key prefix of a watch's resource (`/registry/pods/`), to skip other resources' changes fast. */
export function resourcePrefix(kind: KindDef): string {
  return `/registry/${resourceOf(kind)}/`;
}
