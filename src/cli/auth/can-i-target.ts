/**
 * What `auth can-i VERB TARGET` asks about (kubectl cani.go Complete/Validate): a non-resource URL
 * (`/logs/`), or TYPE[/NAME] resolved like kubectl's RESTMapper resolves it (plural, singular, short
 * name, `type.group`, `type.version.group`), custom resources included. An unknown type is asked
 * about as written, after a warning; `users` and `groups` (impersonation's resources, which
 * discovery does not list) without one.
 */
import type { KindDef } from '../../api/kind.js';
import type { Registry } from '../../api/registry.js';

export interface CanITarget {
  nonResourceURL?: string;
  group: string;
  resource: string;
  name: string;
  /** The resolved kind (undefined for `*`, unknown types, URLs). */
  kind?: KindDef;
}

const RESOURCE_VERBS = new Set(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*', 'approve', 'sign', 'escalate', 'attest']);
const NON_RESOURCE_VERBS = new Set(['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*']);
const NON_STANDARD = new Set(['users', 'groups']);

/** schema.ParseGroupResource of the lower-cased type: the resource before the first dot, the group after. */
function groupResource(arg: string): { resource: string; group: string } {
  const dot = arg.indexOf('.');
  return dot < 0 ? { resource: arg, group: '' } : { resource: arg.slice(0, dot), group: arg.slice(dot + 1) };
}

export function resolveTarget(registry: Registry, arg: string, warn: (message: string) => void): CanITarget {
  if (arg.startsWith('/')) return { nonResourceURL: arg, group: '', resource: '', name: '' };
  const slash = arg.indexOf('/');
  const type = slash < 0 ? arg : arg.slice(0, slash);
  const name = slash < 0 ? '' : arg.slice(slash + 1);
  if (type === '*') return { group: '', resource: '*', name };
  const kind = registry.resolve(type);
  if (kind) return { group: kind.group, resource: kind.plural, name, kind };
  const gr = groupResource(type.toLowerCase());
  if (!NON_STANDARD.has(type.toLowerCase())) {
    warn(gr.group ? `the server doesn't have a resource type '${gr.resource}' in group '${gr.group}'` : `the server doesn't have a resource type '${gr.resource}'`);
  }
  return { group: '', resource: type, name };
}

/** Validate's warnings about a resolved target (cluster-scoped type asked in a namespace, unknown verb). */
export function targetWarnings(t: CanITarget, verb: string, allNamespaces: boolean): string[] {
  if (t.nonResourceURL !== undefined) return NON_RESOURCE_VERBS.has(verb) ? [] : [`verb '${verb}' is not a known verb`];
  if (!t.resource || allNamespaces) return [];
  const out: string[] = [];
  if (t.kind && !t.kind.namespaced) {
    out.push(t.group ? `resource '${t.resource}' is not namespace scoped in group '${t.group}'` : `resource '${t.resource}' is not namespace scoped`);
  }
  if (!RESOURCE_VERBS.has(verb)) out.push(`verb '${verb}' is not a known verb`);
  return out;
}
