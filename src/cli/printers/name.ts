import type { KindDef } from '../../api/kind.js';
import type { KubeObject } from '../../api/types.js';

/** `deployment.apps` / `pod`: the lower-case Kind plus `.group` outside the core group. */
export function kindPrefix(kind: Pick<KindDef, 'kind' | 'group'>): string {
  const k = kind.kind.toLowerCase();
  return kind.group ? `${k}.${kind.group}` : k;
}

/** kubectl's name printer: `deployment.apps/web`, `pod/web`. */
export function resourceName(obj: KubeObject, kind?: Pick<KindDef, 'kind' | 'group'>): string {
  return `${kindPrefix(kind ?? kindOfObject(obj))}/${obj.metadata?.name ?? ''}`;
}

/** The kind and group an object names in its own apiVersion/kind. */
export function kindOfObject(obj: Pick<KubeObject, 'apiVersion' | 'kind'>): { kind: string; group: string } {
  const av = obj.apiVersion ?? '';
  const slash = av.indexOf('/');
  return { kind: obj.kind ?? '', group: slash >= 0 ? av.slice(0, slash) : '' };
}

/** `-o name` output for a set of objects: one line each. */
export function printNames(objs: KubeObject[]): string {
  return objs.map((o) => resourceName(o) + '\n').join('');
}
