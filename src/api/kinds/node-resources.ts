/** Resource arithmetic for `describe node`: pod requests/limits (resourcehelper.PodRequestsAndLimits) and their sums. */
import { formatNanos, parseQuantityExact, type QuantityFormat } from '../quantity.js';
import type { KubeObject } from '../types.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** An exact quantity: nanos plus the format its first operand had (Quantity.Add keeps the receiver's format). */
export interface Amount {
  nanos: bigint;
  format: QuantityFormat;
}
export type Amounts = Map<string, Amount>;

function parse(q: unknown): Amount | undefined {
  try {
    const p = parseQuantityExact(q as string);
    return { nanos: p.nanos, format: p.format };
  } catch {
    return undefined;
  }
}

export function addInto(into: Amounts, list: Record<string, unknown> | Amounts | undefined): void {
  const entries = list instanceof Map ? [...list.entries()] : Object.entries(list ?? {}).map(([k, v]) => [k, parse(v)] as const);
  for (const [k, a] of entries) {
    if (!a) continue;
    const cur = into.get(k);
    into.set(k, cur ? { nanos: cur.nanos + a.nanos, format: cur.format } : { ...a });
  }
}

function maxInto(into: Amounts, list: Record<string, unknown> | undefined): void {
  for (const [k, v] of Object.entries(list ?? {})) {
    const a = parse(v);
    if (!a) continue;
    const cur = into.get(k);
    if (!cur || a.nanos > cur.nanos) into.set(k, a);
  }
}

/** Requests and limits of a pod: the sum of its containers, at least the largest init container, plus overhead. */
export function podRequestsAndLimits(pod: KubeObject): { reqs: Amounts; limits: Amounts } {
  const reqs: Amounts = new Map();
  const limits: Amounts = new Map();
  const spec = pod.spec ?? {};
  for (const c of spec.containers ?? []) {
    addInto(reqs, c.resources?.requests);
    addInto(limits, c.resources?.limits);
  }
  for (const c of spec.initContainers ?? []) {
    if (c.restartPolicy === 'Always') {
      addInto(reqs, c.resources?.requests);
      addInto(limits, c.resources?.limits);
    } else {
      maxInto(reqs, c.resources?.requests);
      maxInto(limits, c.resources?.limits);
    }
  }
  addInto(reqs, spec.overhead);
  addInto(limits, spec.overhead);
  return { reqs, limits };
}

/** Quantity.String() of an amount; `0` for a missing one. */
export function amountText(a: Amount | undefined): string {
  return a ? formatNanos(a.nanos, a.format) : '0';
}

/** int64(float64(part)/float64(whole)*100) as kubectl computes the percentages (milli for cpu). */
export function percent(part: Amount | undefined, whole: unknown, milli: boolean): number {
  const w = parse(whole);
  if (!w || w.nanos === 0n) return 0;
  const scale = milli ? 1_000_000n : 1_000_000_000n;
  const ceil = (n: bigint): bigint => (n % scale === 0n || n < 0n ? n / scale : n / scale + 1n);
  const p = part ? Number(ceil(part.nanos)) : 0;
  return Math.trunc((p / Number(ceil(w.nanos))) * 100);
}
