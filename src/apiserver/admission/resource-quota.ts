/**
 * ResourceQuota (k8s.io/apiserver/pkg/admission/plugin/resourcequota), validating, on CREATE of
 * any namespaced object: every quota of the namespace that tracks something the object uses (and
 * whose scopes take it in) must have room for it, else a 403 `exceeded quota: …`. A pod must set
 * the cpu/memory requests and limits such a quota tracks (`failed quota: …`), and a quota whose
 * usage the controller has not counted yet refuses (`status unknown for quota: …`). What it admits
 * it charges to the quotas' status.used once the object is stored; the quota controller recounts
 * from there. A namespace without quotas costs one map lookup.
 */
import { apiErrors } from '../../api/errors.js';
import { type Amounts, amountText, amounts, mask, resourceList, sum } from '../../api/quota/amounts.js';
import { type Evaluator, IGNORED_RESOURCES, evaluatorFor, podConstraints } from '../../api/quota/evaluators.js';
import { quotaScopes } from '../../api/quota/scopes.js';
import type { KubeObject } from '../../api/types.js';
import { registryKey } from '../../store/store.js';
import type { AdmissionAttributes, AdmissionPlugin, ServerContext } from '../context.js';
import { NamespaceObjects } from './namespace-objects.js';

const quotas = new NamespaceObjects('resourcequotas');

/** prettyPrint: `name=value` pairs in name order. */
const prettyPrint = (list: Amounts): string => [...list.keys()].sort().map((k) => `${k}=${amountText(list.get(k)!)}`).join(',');

function forbidden(a: AdmissionAttributes, why: string): Error {
  return apiErrors.forbidden(a.kind.plural, a.kind.group, a.obj.metadata.name || 'Unknown', why);
}

/** Whether every scope of the quota takes the object in (a quota without scopes takes everything). */
const inScope = (q: Readonly<KubeObject>, e: Evaluator, obj: KubeObject): boolean => quotaScopes(q).every((req) => e.matchesScope(req, obj));

/** The quotas that track the object: refuses one the object cannot go under at all. */
function trackingQuotas(a: AdmissionAttributes, e: Evaluator, list: Readonly<KubeObject>[]): Readonly<KubeObject>[] {
  const out: Readonly<KubeObject>[] = [];
  for (const q of list) {
    const hard: Record<string, unknown> = q.status?.hard ?? {};
    const tracked = e.matching(Object.keys(hard));
    if (tracked.length === 0 || !inScope(q, e, a.obj)) continue;
    const name = q.metadata.name ?? '';
    if (e.resource === 'pods') {
      const why = podConstraints(tracked, a.obj);
      if (why) throw forbidden(a, `failed quota: ${name}: ${why}`);
    }
    const used: Record<string, unknown> = q.status?.used ?? {};
    if (tracked.some((r) => used[r] === undefined)) {
      throw forbidden(a, `status unknown for quota: ${name}, resources: ${[...tracked].sort().join(',')}`);
    }
    out.push(q);
  }
  return out;
}

/** Adds `requested` to the stored quota's status.used (kube-apiserver charges quota at admission). */
function charge(ctx: ServerContext, key: string, requested: Amounts): void {
  const current = ctx.store.peek(key);
  if (!current) return;
  const used = resourceList(sum(amounts(current.status?.used), requested));
  // stored objects never change: the new one shares what it keeps of the old
  const next: KubeObject = { ...current, metadata: { ...current.metadata }, status: { ...current.status, used } };
  ctx.store.put(key, next, current.metadata.resourceVersion);
}

function evaluate(a: AdmissionAttributes, e: Evaluator, list: Readonly<KubeObject>[]): (() => void) | undefined {
  const tracking = trackingQuotas(a, e, list);
  if (tracking.length === 0) return undefined;
  const delta: Amounts = new Map([...e.usage(a.obj, a.ctx.clock.now())].filter(([, v]) => v.nanos !== 0n));
  if (delta.size === 0) return undefined;
  const charges: [string, Amounts][] = [];
  for (const q of tracking) {
    const hard = amounts(q.status?.hard);
    const used = amounts(q.status?.used);
    const requested = mask(delta, hard.keys());
    const after = sum(used, requested);
    const exceeded = [...requested.keys()].filter((k) => after.get(k)!.nanos > hard.get(k)!.nanos).sort();
    if (exceeded.length > 0) {
      throw forbidden(a, `exceeded quota: ${q.metadata.name}, requested: ${prettyPrint(mask(requested, exceeded))}, `
        + `used: ${prettyPrint(mask(used, exceeded))}, limited: ${prettyPrint(mask(hard, exceeded))}`);
    }
    if (requested.size > 0) charges.push([quotaKey(q), requested]);
  }
  return () => {
    for (const [key, requested] of charges) charge(a.ctx, key, requested);
  };
}

const quotaKey = (q: Readonly<KubeObject>): string => registryKey('resourcequotas', q.metadata.namespace, q.metadata.name ?? '');

/** The resource as quotas name it: the plural, with `.group` outside the core group. */
const quotaResource = (a: AdmissionAttributes): string => (a.kind.group ? `${a.kind.plural}.${a.kind.group}` : a.kind.plural);

export const resourceQuotaAdmission: AdmissionPlugin = {
  name: 'ResourceQuota',
  admit(a) {
    if (a.kind.group === '' && a.kind.plural === 'resourcequotas') return quotas.written(a);
    return undefined;
  },
  validate(a) {
    const namespace = a.obj.metadata.namespace;
    if (a.operation !== 'CREATE' || !a.kind.namespaced || !namespace) return undefined;
    if (quotas.keysIn(a.ctx, namespace).length === 0) return undefined;
    const resource = quotaResource(a);
    if (IGNORED_RESOURCES.has(resource)) return undefined;
    return evaluate(a, evaluatorFor(resource), quotas.in(a.ctx, namespace));
  },
};
