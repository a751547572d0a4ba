/**
 * What an object counts against a ResourceQuota (pkg/quota/v1/evaluator/core and the generic
 * object-count evaluator of k8s.io/apiserver/pkg/quota/v1/generic): for each resource, the quota
 * resources it can be charged to, its usage, and — for pods — which quota scopes it falls under.
 * The admission plugin charges a new object's usage; the quota controller sums the usage of all.
 */
import type { KubeObject } from '../types.js';
import { type Amounts, amounts, podTotals } from './amounts.js';
import { podMatchesScope, type ScopeRequirement } from './scopes.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export interface Evaluator {
  /** The resource it measures: a plural, with `.group` outside the core group. */
  resource: string;
  /** The quota resources among `names` it can be charged to. */
  matching(names: readonly string[]): string[];
  usage(obj: KubeObject, now: Date): Amounts;
  /** Whether the object falls under one scope requirement of a quota. */
  matchesScope(req: ScopeRequirement, obj: KubeObject): boolean;
}

const ONE = { nanos: 1_000_000_000n, format: 'DecimalSI' as const };
const ZERO = { nanos: 0n, format: 'DecimalSI' as const };

/** ObjectCountQuotaResourceNameFor: `count/<resource>[.<group>]`. */
export const countName = (resource: string): string => `count/${resource}`;

const intersect = (names: readonly string[], known: readonly string[]) => names.filter((n) => known.includes(n));
/** MatchesNoScopeFunc: objects other than pods fall under no scope. */
const noScope = () => false;

/** NewObjectCountEvaluator: one of each object (under `count/…` and an older alias, if any). */
function objectCount(resource: string, alias?: string): Evaluator {
  const names = alias ? [countName(resource), alias] : [countName(resource)];
  return {
    resource,
    matching: (input) => intersect(input, names),
    usage: () => new Map(names.map((n) => [n, ONE])),
    matchesScope: noScope,
  };
}

const POD_RESOURCES = [
  'count/pods', 'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'pods',
];

/** podComputeUsageHelper: what one set of requests and limits counts. */
export function computeUsage(requests: Amounts, limits: Amounts): Amounts {
  const out: Amounts = new Map([['pods', ONE]]);
  for (const r of ['cpu', 'memory', 'ephemeral-storage']) {
    const req = requests.get(r);
    if (req) {
      out.set(r, req);
      out.set(`requests.${r}`, req);
    }
    const lim = limits.get(r);
    if (lim) out.set(`limits.${r}`, lim);
  }
  for (const [r, req] of requests) {
    if (r.startsWith('hugepages-')) {
      out.set(r, req);
      out.set(`requests.${r}`, req);
    } else if (r.includes('/') && !r.includes('kubernetes.io/') && !r.startsWith('requests.')) {
      // extended resources are quota'd as `requests.<name>` only
      out.set(`requests.${r}`, req);
    }
  }
  return out;
}

/** QuotaV1Pod: a pod stops counting when it finishes, or when its deletion's grace period is over. */
export function podCountsForQuota(pod: KubeObject, now: Date): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  const { deletionTimestamp, deletionGracePeriodSeconds } = pod.metadata;
  if (deletionTimestamp && deletionGracePeriodSeconds !== undefined) {
    return now.getTime() <= Date.parse(deletionTimestamp) + deletionGracePeriodSeconds * 1000;
  }
  return true;
}

const podEvaluator: Evaluator = {
  resource: 'pods',
  matching(input) {
    return input.filter((n) => POD_RESOURCES.includes(n) || n.startsWith('hugepages-') || n.startsWith('requests.hugepages-')
      || (n.startsWith('requests.') && n.includes('/') && !n.includes('kubernetes.io/')));
  },
  usage(pod, now) {
    // count/pods counts every pod in storage; the rest only pods that are still alive
    const out: Amounts = new Map([['count/pods', ONE]]);
    if (!podCountsForQuota(pod, now)) return out;
    for (const [k, v] of computeUsage(podTotals(pod, 'requests', true), podTotals(pod, 'limits', true))) out.set(k, v);
    return out;
  },
  matchesScope: podMatchesScope,
};

/** The resources a quota demands every container set, if it tracks them (validationSet). */
const MUST_SPECIFY = ['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'];

/** The pod evaluator's Constraints: which tracked resources each container leaves unset (`must specify …`), if any. */
export function podConstraints(required: readonly string[], pod: KubeObject): string | undefined {
  const demanded = required.filter((r) => MUST_SPECIFY.includes(r));
  const missing = new Map<string, Set<string>>();
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])] as any[]) {
    const has = computeUsage(amounts(c?.resources?.requests), amounts(c?.resources?.limits));
    for (const r of demanded) {
      if (has.has(r)) continue;
      if (!missing.has(r)) missing.set(r, new Set());
      missing.get(r)!.add(c?.name ?? '');
    }
  }
  if (missing.size === 0) return undefined;
  const parts = [...missing.keys()].sort().map((r) => `${r} for: ${[...missing.get(r)!].sort().join(',')}`);
  return `must specify ${parts.join('; ')}`;
}

const SERVICE_RESOURCES = ['count/services', 'services', 'services.nodeports', 'services.loadbalancers'];

const serviceEvaluator: Evaluator = {
  resource: 'services',
  matching: (input) => intersect(input, SERVICE_RESOURCES),
  usage(svc) {
    const ports = (svc.spec?.ports ?? []).length;
    const n = (count: number) => ({ nanos: BigInt(count) * ONE.nanos, format: 'DecimalSI' as const });
    const out: Amounts = new Map([['count/services', ONE], ['services', ONE], ['services.loadbalancers', ZERO], ['services.nodeports', ZERO]]);
    if (svc.spec?.type === 'NodePort') out.set('services.nodeports', n(ports));
    if (svc.spec?.type === 'LoadBalancer') {
      out.set('services.nodeports', n(svc.spec?.allocateLoadBalancerNodePorts === false ? 0 : ports));
      out.set('services.loadbalancers', ONE);
    }
    return out;
  },
  matchesScope: noScope,
};

const STORAGE_CLASS_SUFFIX = '.storageclass.storage.k8s.io/';
const CLAIM_RESOURCES = ['persistentvolumeclaims', 'requests.storage'];

/** A claim's storage class (the beta annotation wins over the field). */
const claimClass = (pvc: KubeObject): string =>
  pvc.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? pvc.spec?.storageClassName ?? '';

const claimEvaluator: Evaluator = {
  resource: 'persistentvolumeclaims',
  matching: (input) => input.filter((n) => n === 'count/persistentvolumeclaims' || CLAIM_RESOURCES.includes(n)
    || CLAIM_RESOURCES.some((r) => n.endsWith(STORAGE_CLASS_SUFFIX + r))),
  usage(pvc) {
    const out: Amounts = new Map([['persistentvolumeclaims', ONE], ['count/persistentvolumeclaims', ONE]]);
    const cls = claimClass(pvc);
    if (cls) out.set(`${cls}${STORAGE_CLASS_SUFFIX}persistentvolumeclaims`, ONE);
    const requested = amounts(pvc.spec?.resources?.requests).get('storage');
    const allocated = amounts(pvc.status?.allocatedResources).get('storage');
    let storage = requested && allocated && allocated.nanos > requested.nanos ? allocated : requested ?? allocated;
    if (storage) {
      // counted in whole bytes (quota validation wants integers)
      const rem = storage.nanos % ONE.nanos;
      if (rem !== 0n) storage = { ...storage, nanos: storage.nanos - rem + (storage.nanos > 0n ? ONE.nanos : 0n) };
      out.set('requests.storage', storage);
      if (cls) out.set(`${cls}${STORAGE_CLASS_SUFFIX}requests.storage`, storage);
    }
    return out;
  },
  matchesScope: noScope,
};

/** Resources with object counts under an older name too. */
const ALIASED: Record<string, string> = {
  configmaps: 'configmaps', secrets: 'secrets', resourcequotas: 'resourcequotas', replicationcontrollers: 'replicationcontrollers',
};

const SPECIAL: Record<string, Evaluator> = { pods: podEvaluator, services: serviceEvaluator, persistentvolumeclaims: claimEvaluator };
for (const [resource, alias] of Object.entries(ALIASED)) SPECIAL[resource] = objectCount(resource, alias);

/** Quota admission leaves these alone (DefaultIgnoredResources). */
export const IGNORED_RESOURCES = new Set(['events', 'events.events.k8s.io']);

const generic = new Map<string, Evaluator>();
/** The evaluator of a resource: a special one, else one that counts objects. */
export function evaluatorFor(resource: string): Evaluator {
  const special = SPECIAL[resource];
  if (special) return special;
  let e = generic.get(resource);
  if (!e) generic.set(resource, (e = objectCount(resource)));
  return e;
}

/** The evaluators with special resources (the controller asks each; count/… names name their own resource). */
export const specialEvaluators = (): Evaluator[] => Object.values(SPECIAL);
