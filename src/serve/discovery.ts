/**
 * The discovery documents of `pocketkube serve`, as kube-apiserver serves them (legacy, unaggregated
 * discovery): GET /version, /api, /apis, /apis/{group}, /api/v1 and /apis/{group}/{version}. Pure
 * functions of the cluster's registry of kinds.
 */
import { createHash } from 'node:crypto';
import type { KindDef } from '../api/kind.js';
import type { Registry } from '../api/registry.js';
import { EMULATED_SERVER_VERSION, type VersionInfo, versionInfo } from '../cli/printers/version-info.js';
import { servedGroups, servedIn, type ServedGroup } from './discovery-groups.js';

export { openapiV3Document, openapiV3DocumentJson, openapiV3Index } from './openapi-v3.js';

export interface GroupVersionForDiscovery {
  groupVersion: string;
  version: string;
}

export interface APIGroup {
  name: string;
  versions: GroupVersionForDiscovery[];
  preferredVersion: GroupVersionForDiscovery;
}

export interface APIResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  group?: string;
  version?: string;
  kind: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  storageVersionHash?: string;
}

export interface APIResourceList {
  kind: 'APIResourceList';
  apiVersion: 'v1';
  groupVersion: string;
  resources: APIResource[];
}

/** What every resource serves: the verbs of a full REST storage, sorted as kube-apiserver lists them. */
export const RESOURCE_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
/** Namespaces cannot be deleted as a collection (their storage is no CollectionDeleter). */
const NAMESPACE_VERBS = RESOURCE_VERBS.filter((v) => v !== 'deletecollection');
const SUBRESOURCE_VERBS = ['get', 'patch', 'update'];

/** GET /version: version.Info of the emulated release (as `pocketkube version` prints the server's). */
export function versionDocument(): VersionInfo {
  return versionInfo(EMULATED_SERVER_VERSION, 'node');
}

/** GET /api: the core group's versions. */
export function coreApiVersions(serverAddress: string): object {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function toApiGroup(g: ServedGroup): APIGroup {
  const versions = g.versions.map((version) => ({ groupVersion: `${g.name}/${version}`, version }));
  return { name: g.name, versions, preferredVersion: versions[0] };
}

/** GET /apis: every named group (not the core one), built-in groups in kube-apiserver's order, then custom resource groups. */
export function apiGroupList(registry: Registry): { kind: 'APIGroupList'; apiVersion: 'v1'; groups: APIGroup[] } {
  const groups = servedGroups(registry.kinds).filter((g) => g.name !== '').map(toApiGroup);
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

/** GET /apis/{group}, or undefined when the group is not served. */
export function apiGroup(registry: Registry, group: string): ({ kind: 'APIGroup'; apiVersion: 'v1' } & APIGroup) | undefined {
  if (group === '') return undefined;
  const found = servedGroups(registry.kinds.filter((k) => k.group === group))[0];
  return found ? { kind: 'APIGroup', apiVersion: 'v1', ...toApiGroup(found) } : undefined;
}

/** apimachinery's discovery.StorageVersionHash: base64 of the first 8 bytes of sha256("group/version/kind"). */
export function storageVersionHash(group: string, version: string, kind: string): string {
  return createHash('sha256').update(`${group}/${version}/${kind}`).digest().subarray(0, 8).toString('base64');
}

/** The resource and its subresources, as the API server lists them for one kind. */
export function resourcesOf(k: KindDef): APIResource[] {
  const namespaced = k.namespaced;
  const main: APIResource = {
    name: k.plural,
    singularName: k.singular,
    namespaced,
    kind: k.kind,
    verbs: k.group === '' && k.plural === 'namespaces' ? NAMESPACE_VERBS : RESOURCE_VERBS,
  };
  if (k.shortNames.length) main.shortNames = [...k.shortNames];
  if (k.categories.length) main.categories = [...k.categories];
  main.storageVersionHash = storageVersionHash(k.group, k.version, k.kind);
  const out: APIResource[] = [main];
  const sub = (name: string, kind: string, verbs: string[], gv?: { group: string; version: string }): APIResource => ({
    name: `${k.plural}/${name}`, singularName: '', namespaced, ...(gv ?? {}), kind, verbs,
  });
  if (k.statusSubresource) out.push(sub('status', k.kind, SUBRESOURCE_VERBS));
  if (k.scaleSubresource) out.push(sub('scale', 'Scale', SUBRESOURCE_VERBS, { group: 'autoscaling', version: 'v1' }));
  if (k.group === '' && k.plural === 'pods') {
    out.push(
      sub('binding', 'Binding', ['create']),
      sub('eviction', 'Eviction', ['create'], { group: 'policy', version: 'v1' }),
      sub('log', 'Pod', ['get']),
    );
  }
  return out;
}

/**
 * GET /api/v1 or /apis/{group}/{version}, or undefined when that group version is not served.
 * Built-in resources are sorted by name with their subresources (kube-apiserver installs its
 * storage paths sorted); a custom resource lists itself, then /status, then /scale.
 */
export function apiResourceList(registry: Registry, group: string, version: string): APIResourceList | undefined {
  const kinds = registry.kinds.filter((k) => servedIn(k, group, version));
  if (kinds.length === 0) return undefined;
  const builtIn = kinds.filter(isBuiltIn).flatMap(resourcesOf).sort((a, b) => cmp(a.name, b.name));
  const custom = kinds.filter((k) => !isBuiltIn(k)).sort((a, b) => cmp(a.plural, b.plural)).flatMap(resourcesOf);
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources: [...builtIn, ...custom] };
}

/** Built-in kinds have a generated schema type; custom resources have none (their CRD's schema instead). */
export const isBuiltIn = (k: KindDef): boolean => k.schemaType !== '';

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
