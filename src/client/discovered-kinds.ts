/**
 * The resources a remote API server serves that pocketkube has no kind for (a newer release's
 * types, aggregated APIs such as metrics.k8s.io, ones pocketkube does not model), read from its
 * aggregated discovery (GET /api and /apis as APIGroupDiscoveryList: two requests, as kubectl 1.32
 * makes them). Each becomes a kind without a schema, as a CRD without one is: its objects are
 * listed, read, written and printed (NAME, AGE) and the server validates them. A server without
 * aggregated discovery (before Kubernetes 1.26) adds none.
 */
import { customKindOf } from '../api/crd/custom-kind.js';
import type { KindDef } from '../api/kind.js';
import type { Registry } from '../api/registry.js';
import { send } from './http-transport.js';
import type { RemoteTarget } from './kubeconfig.js';

const AGGREGATED = 'as=APIGroupDiscoveryList';
const ACCEPT = [
  `application/json;g=apidiscovery.k8s.io;v=v2;${AGGREGATED}`,
  `application/json;g=apidiscovery.k8s.io;v=v2beta1;${AGGREGATED}`,
  'application/json',
].join(',');

interface DiscoveredResource {
  resource: string;
  responseKind?: { kind?: string };
  scope?: string;
  singularResource?: string;
  shortNames?: string[];
  categories?: string[];
  subresources?: { subresource: string }[];
}

export interface DiscoveredGroup {
  metadata?: { name?: string };
  versions?: { version: string; resources?: DiscoveredResource[] }[];
}

/** The groups of GET path as aggregated discovery, or [] when the server answers otherwise. */
async function groupsAt(target: RemoteTarget, path: string): Promise<DiscoveredGroup[]> {
  const answer = await send(target, { method: 'GET', path, headers: { Accept: ACCEPT } });
  if (answer.status !== 200 || !String(answer.headers['content-type'] ?? '').includes(AGGREGATED)) return [];
  const doc = JSON.parse(answer.text) as { items?: DiscoveredGroup[] };
  return doc.items ?? [];
}

/** A discovered resource as a kind: a schemaless custom resource of its preferred version. */
function kindOf(group: string, version: string, r: DiscoveredResource): KindDef | undefined {
  const kind = r.responseKind?.kind;
  if (!kind || r.resource.includes('/')) return undefined;
  const k = customKindOf({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${r.resource}.${group}` },
    spec: {
      group,
      scope: r.scope === 'Cluster' ? 'Cluster' : 'Namespaced',
      names: { plural: r.resource, singular: r.singularResource || kind.toLowerCase(), kind, shortNames: r.shortNames, categories: r.categories },
      versions: [{
        name: version, served: true, storage: true,
        subresources: r.subresources?.some((s) => s.subresource === 'status') ? { status: {} } : undefined,
      }],
    },
  });
  // a core resource is named by its plural alone (`componentstatuses`), as built-in core kinds are
  return k && group === '' ? { ...k, resource: undefined } : k;
}

/** The server's aggregated discovery: its groups, core first ([] when it serves none). */
export async function discoverGroups(target: RemoteTarget): Promise<DiscoveredGroup[]> {
  return (await Promise.all([groupsAt(target, '/api'), groupsAt(target, '/apis')])).flat();
}

/** The kinds of the resources the groups serve in their preferred versions and registry lacks. */
export function kindsMissingFrom(groups: readonly DiscoveredGroup[], registry: Registry): KindDef[] {
  const known = new Set(registry.kinds.map((k) => `${k.group}|${k.plural}`));
  const out: KindDef[] = [];
  for (const g of groups) {
    const group = g.metadata?.name ?? '';
    // versions come in the server's order of preference
    const preferred = g.versions?.[0];
    if (!preferred) continue;
    for (const r of preferred.resources ?? []) {
      if (known.has(`${group}|${r.resource}`)) continue;
      const k = kindOf(group, preferred.version, r);
      if (k) {
        known.add(`${group}|${r.resource}`);
        out.push(k);
      }
    }
  }
  return out;
}
