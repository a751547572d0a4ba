import { type KindDef, apiVersionOf } from '../../api/kind.js';
import { tabulate } from './tabwriter.js';

/**
 * `kubectl api-resources`: discovery as a table. The verbs are the operations pocketkube's API
 * serves for every resource (the Client interface), in kubectl's alphabetical order.
 */
export const SERVED_VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update'];

export interface ApiResourceFilter {
  apiGroup?: string;
  namespaced?: boolean;
  verbs?: string[];
  categories?: string[];
}

export type ApiResourceSort = '' | 'name' | 'kind';

export function selectResources(kinds: readonly KindDef[], f: ApiResourceFilter, sortBy: ApiResourceSort = ''): KindDef[] {
  const picked = kinds.filter((k) =>
    (f.apiGroup === undefined || k.group === f.apiGroup) &&
    (f.namespaced === undefined || k.namespaced === f.namespaced) &&
    (f.verbs ?? []).every((v) => SERVED_VERBS.includes(v)) &&
    (f.categories ?? []).every((c) => k.categories.includes(c)));
  const key = (k: KindDef): string => (sortBy === 'name' ? k.plural : sortBy === 'kind' ? k.kind : k.group);
  // A stable sort on the key, then on the resource name (kubectl's sortableResource).
  return picked
    .map((k, i) => ({ k, i }))
    .sort((a, b) => cmp(key(a.k), key(b.k)) || cmp(a.k.plural, b.k.plural) || a.i - b.i)
    .map(({ k }) => k);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function printApiResources(kinds: readonly KindDef[], opts: { output?: 'wide' | 'name'; noHeaders?: boolean }): string {
  if (opts.output === 'name') return kinds.map((k) => (k.group ? `${k.plural}.${k.group}` : k.plural) + '\n').join('');
  const wide = opts.output === 'wide';
  const rows = kinds.map((k) => [
    k.plural,
    k.shortNames.join(','),
    apiVersionOf(k),
    String(k.namespaced),
    k.kind,
    ...(wide ? [SERVED_VERBS.join(','), k.categories.join(',')] : []),
  ]);
  const header = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])];
  return tabulate(opts.noHeaders ? rows : [header, ...rows]);
}
