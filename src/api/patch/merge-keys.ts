/**
 * Strategic-merge-patch metadata: which lists merge (and by which key), which are atomic, and which
 * maps carry the `retainKeys` strategy. Kubernetes takes these from the Go struct tags
 * (`patchStrategy` / `patchMergeKey`); here they are a table keyed by the field's position,
 * written as a path of field names from the object root (list indices dropped).
 *
 * Pod specs appear at `spec` of a Pod and at every `…template.spec` (Deployment, ReplicaSet, Job,
 * CronJob's `jobTemplate.spec.template.spec`, …); containers are the items of the three container lists.
 */

export interface ListStrategy {
  /** Merge key for lists of objects; undefined with strategy 'merge' = a merged list of primitives (set union). */
  mergeKey?: string;
  strategy: 'merge' | 'atomic';
  /** Items of this list carry the retainKeys strategy (pod volumes). */
  retainKeysItems?: boolean;
}

const ATOMIC: ListStrategy = { strategy: 'atomic' };
const byKey = (mergeKey: string, retainKeysItems = false): ListStrategy => ({ strategy: 'merge', mergeKey, retainKeysItems });
const PRIMITIVE_SET: ListStrategy = { strategy: 'merge' };

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

/** Lists of a container (the parent path ends with a container list). */
const CONTAINER_FIELDS: Record<string, ListStrategy> = {
  ports: byKey('containerPort'),
  env: byKey('name'),
  volumeMounts: byKey('mountPath'),
  volumeDevices: byKey('devicePath'),
};

/** Lists of a PodSpec. */
const POD_SPEC_FIELDS: Record<string, ListStrategy> = {
  containers: byKey('name'),
  initContainers: byKey('name'),
  ephemeralContainers: byKey('name'),
  volumes: byKey('name', true),
  imagePullSecrets: byKey('name'),
  hostAliases: byKey('ip'),
  topologySpreadConstraints: byKey('topologyKey'),
  schedulingGates: byKey('name'),
  resourceClaims: byKey('name', true),
};

/** Lists of ObjectMeta (at the root and in templates). */
const META_FIELDS: Record<string, ListStrategy> = {
  ownerReferences: byKey('uid'),
  finalizers: PRIMITIVE_SET,
};

function isPodSpecPath(schemaType: string | undefined, path: string[]): boolean {
  if (schemaType === 'V1Pod' && path.length === 1 && path[0] === 'spec') return true;
  return path.length >= 2 && path[path.length - 1] === 'spec' && path[path.length - 2] === 'template';
}

function isContainerPath(path: string[]): boolean {
  return path.length > 0 && CONTAINER_LISTS.has(path[path.length - 1]!);
}

/**
 * The strategy of the list at `path` (field names from the root, the list's own name last) in an
 * object of `schemaType` (e.g. `V1Pod`). Lists not in the table are atomic, as untagged Go lists are.
 */
export function listStrategy(schemaType: string | undefined, path: string[]): ListStrategy {
  const field = path[path.length - 1];
  if (field === undefined) return ATOMIC;
  const parent = path.slice(0, -1);
  const parentName = parent[parent.length - 1];

  if (parentName === 'metadata' && META_FIELDS[field]) return META_FIELDS[field]!;
  if (isContainerPath(parent) && CONTAINER_FIELDS[field]) return CONTAINER_FIELDS[field]!;
  if (isPodSpecPath(schemaType, parent) && POD_SPEC_FIELDS[field]) return POD_SPEC_FIELDS[field]!;

  if (field === 'conditions' && parentName === 'status') return byKey('type');
  if (schemaType === 'V1Node' && parent.join('.') === 'status' && field === 'addresses') return byKey('type');
  if (schemaType === 'V1Pod' && parent.join('.') === 'status' && (field === 'podIPs' || field === 'hostIPs')) return byKey('ip');
  if (schemaType === 'V1Service' && parent.join('.') === 'spec' && field === 'ports') return byKey('port');
  if (schemaType === 'V1ServiceAccount' && parent.length === 0 && field === 'secrets') return byKey('name');
  return ATOMIC;
}

/** Whether the map at `path` has the retainKeys strategy (Deployment `spec.strategy`; pod volume items via listStrategy). */
export function mapRetainsKeys(schemaType: string | undefined, path: string[]): boolean {
  return schemaType === 'V1Deployment' && path.join('.') === 'spec.strategy';
}
