import type { Client } from '../api/client.js';
import { isStatusError } from '../api/errors.js';
import { type KindDef, apiVersionOf, convertTo, resourceOf } from '../api/kind.js';
import type { Registry } from '../api/registry.js';
import type { KubeObject } from '../api/types.js';

/**
 * The resource arguments of the reading and deleting commands, as kubectl's resource builder reads
 * them: `TYPE[,TYPE…]` (a whole collection of each), `TYPE[,TYPE…] NAME…`, or `TYPE/NAME…`.
 * TYPE is a plural, singular, short name, Kind (any case) or `name.group`; `all` is the category.
 */
export interface NamedResource {
  kind: KindDef;
  name: string;
  /** Its own namespace (objects named by `-f` files); otherwise the request's. */
  namespace?: string;
}

export interface ResourceSelection {
  /** Whole collections, in the order asked (no names given). */
  types: KindDef[];
  /** Named objects, in the order asked. */
  named: NamedResource[];
  /** kubectl's "single item implied": exactly one object was named. */
  singleItem: boolean;
  /** Whether the objects were named in the TYPE/NAME form. */
  slashForm: boolean;
  /**
   * The apiVersion a TYPE in the `name.version.group` form asks its objects in, when that is another
   * served version than the kind's own (`hpa.v1.autoscaling`): they are read converted to it.
   */
  versions?: Map<KindDef, string>;
}

/** Notes the version a TYPE word asks for, when another than its kind's own (see ResourceSelection.versions). */
function noteVersion(registry: Registry, type: string, kind: KindDef, versions: Map<KindDef, string>): void {
  const v = registry.versionOf(type);
  if (v && v !== apiVersionOf(kind)) versions.set(kind, v);
}

function withVersions(sel: ResourceSelection, versions: Map<KindDef, string>): ResourceSelection {
  return versions.size > 0 ? { ...sel, versions } : sel;
}

/** The error kubectl prints for a TYPE the server does not serve. */
export function unknownTypeError(type: string): Error {
  return new Error(`the server doesn't have a resource type "${type}"`);
}

/** `a,b,a` → `[a, b]` (kubectl's SplitResourceArgument; an empty part stays, and is unknown). */
export function splitTypes(arg: string): string[] {
  return [...new Set(arg.split(','))];
}

/** The kinds one TYPE word stands for (`all` expands to its category). */
export function resolveType(registry: Registry, type: string): KindDef[] {
  const kind = registry.resolve(type);
  if (kind) return [kind];
  const members = registry.category(type.toLowerCase());
  if (members.length > 0) return members;
  throw unknownTypeError(type);
}

function resolveTypes(registry: Registry, arg: string): KindDef[] {
  const out: KindDef[] = [];
  for (const t of splitTypes(arg)) for (const k of resolveType(registry, t)) if (!out.includes(k)) out.push(k);
  return out;
}

/** One TYPE of a TYPE/NAME argument: categories do not expand there. */
function resolveSingle(registry: Registry, type: string): KindDef {
  const kind = registry.resolve(type);
  if (!kind) throw unknownTypeError(type);
  return kind;
}

/** `pods,svc a b` → `pods/a pods/b svc/a svc/b` (kubectl's normalizeMultipleResourcesArgs). */
function normalise(args: string[]): string[] {
  if (args.length < 2) return args;
  const types = splitTypes(args[0]);
  if (types.length < 2) return args;
  return types.flatMap((t) => args.slice(1).map((n) => `${t}/${n}`));
}

export function parseResourceArgs(rawArgs: string[], registry: Registry, bin = 'pocketkube'): ResourceSelection {
  const args = normalise(rawArgs);
  const versions = new Map<KindDef, string>();
  const slashed = args.filter((a) => a.includes('/')).length;
  if (slashed > 0 && slashed !== args.length) {
    throw new Error(
      'there is no need to specify a resource type as a separate argument when passing arguments in resource/name form ' +
        `(e.g. '${bin} get resource/<resource_name>' instead of '${bin} get resource resource/<resource_name>'`,
    );
  }
  if (slashed > 0) {
    const named = args.map((a) => {
      const seg = a.split('/');
      if (seg.length !== 2) throw new Error('arguments in resource/name form may not have more than one slash');
      const [type, name] = seg;
      if (!type || !name || splitTypes(type).length !== 1) {
        throw new Error('arguments in resource/name form must have a single resource and name');
      }
      const kind = resolveSingle(registry, type);
      noteVersion(registry, type, kind, versions);
      return { kind, name };
    });
    return withVersions({ types: [], named, singleItem: named.length === 1, slashForm: true }, versions);
  }
  if (args.length === 0) return { types: [], named: [], singleItem: false, slashForm: false };
  const kinds = resolveTypes(registry, args[0]);
  for (const t of splitTypes(args[0])) {
    const kind = registry.resolve(t);
    if (kind) noteVersion(registry, t, kind, versions);
  }
  if (args.length === 1) return withVersions({ types: kinds, named: [], singleItem: false, slashForm: false }, versions);
  if (kinds.length > 1) throw new Error('you must specify only one resource');
  const named = args.slice(1).map((name) => ({ kind: kinds[0], name }));
  return withVersions({ types: [], named, singleItem: named.length === 1, slashForm: false }, versions);
}

/**
 * The builder's rules for combining names with other ways of choosing objects, checked before
 * anything is read.
 */
export function checkNamedSelection(sel: ResourceSelection, opts: { selector?: boolean; allNamespaces?: boolean }): void {
  if (sel.named.length === 0) return;
  if (opts.selector) {
    throw new Error(sel.slashForm
      ? 'selectors and the all flag cannot be used when passing resource/name arguments'
      : 'name cannot be provided when a selector is specified');
  }
  if (opts.allNamespaces && sel.named.some((n) => n.kind.namespaced)) {
    throw new Error('a resource cannot be retrieved by name across all namespaces');
  }
}

/** Objects of one kind, in the order they were read. */
export interface FetchedGroup {
  kind: KindDef;
  objects: KubeObject[];
}

export interface FetchOptions {
  /** The namespace of the request (`-n`, the context's, or `default`). */
  namespace: string;
  allNamespaces?: boolean;
  labelSelector?: string;
  fieldSelector?: string;
  /** `--ignore-not-found`: a missing named object is no error. */
  ignoreNotFound?: boolean;
}

/**
 * Reads what a selection names through the API: a list per type (namespace-scoped unless `-A` or
 * the kind is cluster-scoped), or each named object. Errors do not stop the reading (kubectl's
 * ContinueOnError); they come back in order, after the groups that were read.
 */
export async function fetchSelection(
  client: Client,
  sel: ResourceSelection,
  opts: FetchOptions,
): Promise<{ groups: FetchedGroup[]; errors: Error[] }> {
  const groups: FetchedGroup[] = [];
  const errors: Error[] = [];
  const add = (kind: KindDef, read: KubeObject[]): void => {
    const version = sel.versions?.get(kind);
    const objs = version ? read.map((o) => convertTo(kind, o, version)) : read;
    const last = groups[groups.length - 1];
    if (last && last.kind === kind) last.objects.push(...objs);
    else groups.push({ kind, objects: [...objs] });
  };
  const scope = (kind: KindDef): string | undefined => (kind.namespaced ? opts.namespace : undefined);
  for (const kind of sel.types) {
    try {
      const list = await client.list(resourceOf(kind), {
        namespace: opts.allNamespaces ? undefined : scope(kind),
        labelSelector: opts.labelSelector,
        fieldSelector: opts.fieldSelector,
      });
      add(kind, list.items);
    } catch (err) {
      errors.push(asError(err));
    }
  }
  for (const { kind, name, namespace } of sel.named) {
    try {
      add(kind, [await client.get(resourceOf(kind), kind.namespaced ? namespace ?? opts.namespace : undefined, name)]);
    } catch (err) {
      if (opts.ignoreNotFound && isStatusError(err) && err.reason === 'NotFound') continue;
      errors.push(asError(err));
    }
  }
  return { groups, errors };
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}

/** A selector flag as the builder takes it: blank means none. */
export function selectorParam(value: string | undefined): string | undefined {
  const s = value?.trim();
  return s ? s : undefined;
}
