/**
 * LimitRanger (plugin/pkg/admission/limitranger). Mutating, on pod CREATE: each LimitRange of the
 * namespace gives the containers the default requests and limits of its Container item that they
 * leave out (noting what it set in the kubernetes.io/limit-ranger annotation). Validating, after the
 * object's own validation: the pod's containers and the pod as a whole, and a claim's storage
 * request (CREATE and UPDATE), must keep within each range's min, max and max limit/request ratio;
 * the first range refused gives a 403 `... is forbidden: <why>`.
 */
import { apiErrors } from '../../api/errors.js';
import { type Amounts, amountOf, amounts, podTotals } from '../../api/quota/amounts.js';
import type { KubeObject } from '../../api/types.js';
import type { AdmissionAttributes, AdmissionPlugin } from '../context.js';
import { aggregate, maxConstraint, maxRequestConstraint, minConstraint, ratioConstraint } from './limit-constraints.js';
import { NamespaceObjects } from './namespace-objects.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export const LIMIT_RANGER_ANNOTATION = 'kubernetes.io/limit-ranger';

const limitRanges = new NamespaceObjects('limitranges');

const isCore = (a: AdmissionAttributes, plural: string) => a.kind.group === '' && a.kind.plural === plural;

/** defaultContainerResourceRequirements: the Container items' defaults, the later item winning. */
function containerDefaults(lr: Readonly<KubeObject>): { requests: Record<string, string>; limits: Record<string, string> } {
  const requests: Record<string, string> = {};
  const limits: Record<string, string> = {};
  for (const item of lr.spec?.limits ?? []) {
    if (item?.type !== 'Container') continue;
    Object.assign(requests, item.defaultRequest ?? {});
    Object.assign(limits, item.default ?? {});
  }
  return { requests, limits };
}

/** mergeContainerResources: fills what the container leaves out; returns the annotation's phrases. */
function mergeContainer(c: any, defaults: ReturnType<typeof containerDefaults>, what: string): string[] {
  const out: string[] = [];
  for (const which of ['requests', 'limits'] as const) {
    const set: string[] = [];
    for (const [k, v] of Object.entries(defaults[which])) {
      c.resources ??= {};
      if (c.resources[which]?.[k] !== undefined) continue;
      (c.resources[which] ??= {})[k] = v;
      set.push(k);
    }
    if (set.length > 0) out.push(`${set.sort().join(', ')} ${which === 'requests' ? 'request' : 'limit'} for ${what} ${c.name ?? ''}`);
  }
  return out;
}

/** PodMutateLimitFunc for one range. */
function applyDefaults(pod: KubeObject, lr: Readonly<KubeObject>): void {
  const defaults = containerDefaults(lr);
  const phrases: string[] = [];
  for (const c of pod.spec?.containers ?? []) phrases.push(...mergeContainer(c, defaults, 'container'));
  for (const c of pod.spec?.initContainers ?? []) phrases.push(...mergeContainer(c, defaults, 'init container'));
  if (phrases.length === 0) return;
  pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), [LIMIT_RANGER_ANNOTATION]: `LimitRanger plugin set: ${phrases.join('; ')}` };
}

type Check = (type: string, name: string, enforced: NonNullable<ReturnType<typeof amountOf>>, requests: Amounts, limits: Amounts) => string | undefined;

/** Every min, max and ratio of one item against one set of requests and limits (resources in name order). */
function checkItem(item: any, requests: Amounts, limits: Amounts, out: string[]): void {
  const lists: [string, Check][] = [['min', minConstraint], ['max', maxConstraint], ['maxLimitRequestRatio', ratioConstraint]];
  for (const [list, check] of lists) {
    for (const k of Object.keys(item[list] ?? {}).sort()) {
      const enforced = amountOf(item[list][k]);
      const why = enforced && check(item.type, k, enforced, requests, limits);
      if (why) out.push(why);
    }
  }
}

/** PodValidateLimitFunc for one range. */
function podViolations(pod: KubeObject, lr: Readonly<KubeObject>): string | undefined {
  const out: string[] = [];
  for (const item of lr.spec?.limits ?? []) {
    if (item?.type === 'Container') {
      for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
        checkItem(item, amounts(c?.resources?.requests), amounts(c?.resources?.limits), out);
      }
    } else if (item?.type === 'Pod') {
      checkItem(item, podTotals(pod, 'requests'), podTotals(pod, 'limits'), out);
    }
  }
  return aggregate(out);
}

/** PersistentVolumeClaimValidateLimitFunc for one range: only the claim's requests count. */
function claimViolations(pvc: KubeObject, lr: Readonly<KubeObject>): string | undefined {
  const out: string[] = [];
  const requests = amounts(pvc.spec?.resources?.requests);
  for (const item of lr.spec?.limits ?? []) {
    if (item?.type !== 'PersistentVolumeClaim') continue;
    for (const k of Object.keys(item.min ?? {}).sort()) {
      const enforced = amountOf(item.min[k]);
      const why = enforced && minConstraint(item.type, k, enforced, requests, new Map());
      if (why) out.push(why);
    }
    for (const k of Object.keys(item.max ?? {}).sort()) {
      const enforced = amountOf(item.max[k]);
      const why = enforced && maxRequestConstraint(item.type, k, enforced, requests);
      if (why) out.push(why);
    }
  }
  return aggregate(out);
}

export const limitRanger: AdmissionPlugin = {
  name: 'LimitRanger',
  admit(a) {
    if (isCore(a, 'limitranges')) return limitRanges.written(a);
    if (!isCore(a, 'pods') || a.operation !== 'CREATE') return undefined;
    for (const lr of limitRanges.in(a.ctx, a.obj.metadata.namespace ?? '')) applyDefaults(a.obj, lr);
    return undefined;
  },
  validate(a) {
    const pod = isCore(a, 'pods') && a.operation === 'CREATE';
    const claim = isCore(a, 'persistentvolumeclaims') && (a.operation === 'CREATE' || a.operation === 'UPDATE');
    // objects being deleted are left alone
    if ((!pod && !claim) || a.old?.metadata.deletionTimestamp) return;
    for (const lr of limitRanges.in(a.ctx, a.obj.metadata.namespace ?? '')) {
      const why = pod ? podViolations(a.obj, lr) : claimViolations(a.obj, lr);
      if (why) throw apiErrors.forbidden(a.kind.plural, a.kind.group, a.obj.metadata.name || 'Unknown', why);
    }
  },
};
