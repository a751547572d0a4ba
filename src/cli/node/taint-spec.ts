/**
 * kubectl taint's arguments (pkg/cmd/taint utils.go): which words are taint changes, how each is
 * parsed and checked (`key[=value]:Effect` to add, `key[:Effect]-` to remove), and how the changes
 * make a node's new taint list and the word kubectl prints for it (tainted, untainted, modified).
 */
import { labelValueErrors, qualifiedNameErrors } from '../../api/validation/labels.js';

export interface Taint {
  key: string;
  value?: string;
  effect?: string;
  timeAdded?: string;
}

export interface TaintChanges {
  add: Taint[];
  remove: Taint[];
}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** A word is a taint change when it has `=` or `:`, or ends in `-`; the rest name the resources. */
export function isTaintArg(s: string): boolean {
  return s.includes('=') || s.includes(':') || s.endsWith('-');
}

/** Resources first, then taint changes (kubectl refuses a resource word after a change). */
export function splitTaintArgs(args: string[]): { resources: string[]; taints: string[] } {
  const resources: string[] = [];
  const taints: string[] = [];
  for (const s of args) {
    if (isTaintArg(s)) taints.push(s);
    else if (taints.length > 0) throw new Error(`all resources must be specified before taint changes: ${s}`);
    else resources.push(s);
  }
  return { resources, taints };
}

/** parseTaint: `key`, `key=value:Effect` or `key:Effect`. */
function parseTaint(st: string): Taint {
  const parts = st.split(':');
  let key: string;
  let value: string | undefined;
  let effect: string | undefined;
  if (parts.length === 1) {
    key = parts[0]!;
  } else if (parts.length === 2) {
    effect = parts[1]!;
    if (!EFFECTS.includes(effect)) throw new Error(`invalid taint effect: ${effect}, unsupported taint effect`);
    const kv = parts[0]!.split('=');
    if (kv.length > 2) throw new Error(`invalid taint spec: ${st}`);
    key = kv[0]!;
    if (kv.length === 2) {
      value = kv[1]!;
      const errs = labelValueErrors(value);
      if (errs.length > 0) throw new Error(`invalid taint spec: ${st}, ${errs.join('; ')}`);
    }
  } else {
    throw new Error(`invalid taint spec: ${st}`);
  }
  const errs = qualifiedNameErrors(key);
  if (errs.length > 0) throw new Error(`invalid taint spec: ${st}, ${errs.join('; ')}`);
  return { key, ...(value !== undefined ? { value } : {}), ...(effect !== undefined ? { effect } : {}) };
}

/** Go's %v of a v1.Taint (what the duplicate error prints). */
function goTaint(t: Taint): string {
  return `{${t.key} ${t.value ?? ''} ${t.effect ?? ''} <nil>}`;
}

/** ParseTaints: the taints to add (each with an effect, unique by key and effect) and to remove. */
export function parseTaints(specs: string[]): TaintChanges {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const t = parseTaint(spec.slice(0, -1));
      remove.push({ key: t.key, ...(t.effect ? { effect: t.effect } : {}) });
      continue;
    }
    const t = parseTaint(spec);
    if (!t.effect) throw new Error(`invalid taint spec: ${spec}`);
    if (add.some((a) => a.key === t.key && a.effect === t.effect)) throw new Error(`duplicated taints with the same key and effect: ${goTaint(t)}`);
    add.push(t);
  }
  return { add, remove };
}

/** Validate()'s check that no key is both added and removed. */
export function conflictingChanges(changes: TaintChanges): string[] {
  const out: string[] = [];
  for (const a of changes.add) {
    for (const r of changes.remove) {
      if (a.key === r.key && (!r.effect || a.effect === r.effect)) out.push(`{"${r.key}":"${r.effect ?? ''}"}`);
    }
  }
  return out;
}

/** Taint.ToString(): `key=value:effect`, without the parts it does not have. */
export function taintString(t: Taint): string {
  let s = t.key;
  if (t.value) s += `=${t.value}`;
  if (t.effect) s += `:${t.effect}`;
  return s;
}

const sameKeyEffect = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;

export type TaintOperation = 'tainted' | 'untainted' | 'modified';

/**
 * updateTaints + reorganizeTaints: the node's new taints (the added ones first, then the old ones
 * they do not replace, less the removed ones) and kubectl's word for the change. Throws kubectl's
 * error for an existing key and effect without --overwrite, or a removed taint that is not there.
 */
export function applyTaintChanges(nodeName: string, old: readonly Taint[], changes: TaintChanges, overwrite: boolean): { taints: Taint[]; operation: TaintOperation } {
  if (!overwrite) {
    const exists = changes.add.flatMap((t) => old.filter((o) => sameKeyEffect(t, o)).map(() => t.key));
    if (exists.length > 0) throw new Error(`node ${nodeName} already has ${exists.join(',')} taint(s) with same effect(s) and --overwrite is false`);
  }
  let taints: Taint[] = [...changes.add];
  for (const o of old) if (!taints.some((t) => sameKeyEffect(t, o))) taints.push(o);
  const added = old.length !== taints.length;
  const errors: string[] = [];
  let removed = false;
  for (const r of changes.remove) {
    const kept = taints.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)));
    removed = kept.length !== taints.length;
    taints = kept;
    if (!removed) errors.push(`taint ${JSON.stringify(taintString(r))} not found`);
  }
  if (errors.length === 1) throw new Error(errors[0]);
  if (errors.length > 1) throw new Error(`[${[...new Set(errors)].join(', ')}]`);
  const operation = (added && removed) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { taints, operation };
}
