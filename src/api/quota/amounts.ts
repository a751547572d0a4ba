/**
 * Resource lists as exact amounts (nanos plus the format Quantity.String prints them in), with the
 * arithmetic LimitRanger and ResourceQuota do on them (k8s.io/apiserver/pkg/quota/v1/resources.go,
 * the v1 resource helpers), and a pod's total requests and limits.
 */
import { type Amount, type Amounts } from '../kinds/node-resources.js';
import { formatNanos, parseQuantityExact } from '../quantity.js';
import type { KubeObject } from '../types.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export type { Amount, Amounts };

export function amountOf(q: unknown): Amount | undefined {
  try {
    const p = parseQuantityExact(q as string);
    return { nanos: p.nanos, format: p.format };
  } catch {
    return undefined;
  }
}

/** A resource list as exact amounts (what does not parse is left out). */
export function amounts(list: Record<string, unknown> | undefined | null): Amounts {
  const out: Amounts = new Map();
  for (const [k, v] of Object.entries(list ?? {})) {
    const a = amountOf(v);
    if (a) out.set(k, a);
  }
  return out;
}

/** Quantity.String() of an amount. */
export const amountText = (a: Amount): string => formatNanos(a.nanos, a.format);

/** A resource list as the API stores it. */
export function resourceList(list: Amounts): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of [...list.keys()].sort()) out[k] = amountText(list.get(k)!);
  return out;
}

/** Quantity.Add: the sum keeps the receiver's format, unless the receiver is zero. */
export function plus(a: Amount, b: Amount): Amount {
  return { nanos: a.nanos + b.nanos, format: a.nanos === 0n ? b.format : a.format };
}

/** Adds `list` into `into`. */
export function addInto(into: Amounts, list: Amounts): void {
  for (const [k, a] of list) {
    const cur = into.get(k);
    into.set(k, cur ? plus(cur, a) : { ...a });
  }
}

/** quota.Add: a new list. */
export function sum(a: Amounts, b: Amounts): Amounts {
  const out: Amounts = new Map(a);
  addInto(out, b);
  return out;
}

/** Keeps the larger of each resource. */
export function maxInto(into: Amounts, list: Amounts): void {
  for (const [k, a] of list) {
    const cur = into.get(k);
    if (!cur || a.nanos > cur.nanos) into.set(k, { ...a });
  }
}

/** quota.Mask: only the named resources. */
export function mask(list: Amounts, names: Iterable<string>): Amounts {
  const out: Amounts = new Map();
  for (const k of names) {
    const a = list.get(k);
    if (a) out.set(k, a);
  }
  return out;
}

/** quota.Equals: the same resources, each with an equal value. */
export function equalAmounts(a: Amounts, b: Amounts): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k)?.nanos !== v.nanos) return false;
  return true;
}

/**
 * A pod's total requests or limits (resourcehelper.PodRequests / PodLimits): the containers' sum,
 * and at least what each init container needs while it runs with the sidecars started before it.
 * The quota adds the pod overhead (to every request, to the limits it sets); LimitRanger does not.
 */
export function podTotals(pod: KubeObject, which: 'requests' | 'limits', overhead = false): Amounts {
  const total: Amounts = new Map();
  for (const c of pod.spec?.containers ?? []) addInto(total, amounts(c?.resources?.[which]));
  const sidecars: Amounts = new Map();
  const init: Amounts = new Map();
  for (const c of (pod.spec?.initContainers ?? []) as any[]) {
    const own = amounts(c?.resources?.[which]);
    if (c?.restartPolicy === 'Always') {
      addInto(total, own);
      addInto(sidecars, own);
      maxInto(init, sidecars);
    } else {
      maxInto(init, sum(own, sidecars));
    }
  }
  maxInto(total, init);
  if (overhead) {
    const extra = amounts(pod.spec?.overhead);
    if (which === 'requests') addInto(total, extra);
    else for (const [k, a] of extra) if (total.has(k)) total.set(k, plus(total.get(k)!, a));
  }
  return total;
}
