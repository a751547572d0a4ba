/**
 * Aggregated discovery (apidiscovery.k8s.io/v2, GA in Kubernetes 1.30): GET /api and /apis with an
 * Accept asking for an APIGroupDiscoveryList answer every group version's resources in one document,
 * which kubectl 1.32 asks for first (it falls back to the per-group documents of discovery.ts
 * otherwise, one request per group version). Built from the same APIResourceLists.
 */
import type { Registry } from '../api/registry.js';
import { type APIResource, apiResourceList } from './discovery.js';
import { servedGroups } from './discovery-groups.js';

const GROUP = 'apidiscovery.k8s.io';
const LIST_KIND = 'APIGroupDiscoveryList';
/** The versions of the document served, newest first (kubectl 1.32 accepts both). */
const VERSIONS = ['v2', 'v2beta1'] as const;
export type AggregatedVersion = (typeof VERSIONS)[number];

/** The media type of an aggregated discovery answer. */
export function aggregatedMediaType(version: AggregatedVersion): string {
  return `application/json;g=${GROUP};v=${version};as=${LIST_KIND}`;
}

/**
 * The aggregated document version an Accept header asks for (its first such entry), or undefined
 * when it asks for none: the legacy documents answer then.
 */
export function acceptsAggregated(accept: string | undefined): AggregatedVersion | undefined {
  for (const entry of (accept ?? '').split(',')) {
    const [media, ...params] = entry.split(';').map((p) => p.trim());
    if (media !== 'application/json') continue;
    const p = Object.fromEntries(params.map((kv) => kv.split('=').map((s) => s.trim()) as [string, string]));
    if (p.g !== GROUP || p.as !== LIST_KIND) continue;
    const version = VERSIONS.find((v) => v === p.v);
    if (version) return version;
  }
  return undefined;
}

interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

interface DiscoverySubresource {
  subresource: string;
  responseKind: GroupVersionKind;
  verbs: string[];
}

interface DiscoveryResource {
  resource: string;
  responseKind: GroupVersionKind;
  scope: 'Namespaced' | 'Cluster';
  singularResource: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  subresources?: DiscoverySubresource[];
}

/** One group version's APIResourceList entries as aggregated resources, subresources folded in. */
function resourcesIn(list: readonly APIResource[], group: string, version: string): DiscoveryResource[] {
  const out: DiscoveryResource[] = [];
  const byName = new Map<string, DiscoveryResource>();
  const kindOf = (r: APIResource): GroupVersionKind => ({ group: r.group ?? group, version: r.version ?? version, kind: r.kind });
  for (const r of list) {
    const slash = r.name.indexOf('/');
    if (slash < 0) {
      const resource: DiscoveryResource = {
        resource: r.name, responseKind: kindOf(r), scope: r.namespaced ? 'Namespaced' : 'Cluster', singularResource: r.singularName, verbs: r.verbs,
        ...(r.shortNames ? { shortNames: r.shortNames } : {}), ...(r.categories ? { categories: r.categories } : {}),
      };
      byName.set(r.name, resource);
      out.push(resource);
      continue;
    }
    const parent = byName.get(r.name.slice(0, slash));
    if (!parent) continue;
    (parent.subresources ??= []).push({ subresource: r.name.slice(slash + 1), responseKind: kindOf(r), verbs: r.verbs });
  }
  return out;
}

/** GET /api (core: true) or /apis as an APIGroupDiscoveryList. */
export function aggregatedDiscovery(registry: Registry, core: boolean, version: AggregatedVersion): object {
  const groups = servedGroups(registry.kinds).filter((g) => (g.name === '') === core);
  const items = groups.map((g) => ({
    metadata: core ? { creationTimestamp: null } : { name: g.name, creationTimestamp: null },
    versions: g.versions.map((v) => ({
      version: v,
      resources: resourcesIn(apiResourceList(registry, g.name, v)?.resources ?? [], g.name, v),
      freshness: 'Current',
    })),
  }));
  return { kind: LIST_KIND, apiVersion: `${GROUP}/${version}`, metadata: {}, items };
}
