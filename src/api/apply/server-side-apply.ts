/**
 * Server-side apply (structured-merge-diff, simplified): field ownership recorded in
 * metadata.managedFields, conflicts between managers, and removal of fields an applier stopped setting.
 */

import { StatusError } from '../errors.js';
import type { KubeObject, ManagedFieldsEntry } from '../types.js';
import { deepEqual, isMap } from '../patch/json-value.js';
import { cloneJson } from '../../util/json-clone.js';
import { type FieldPath, pathString } from './field-path.js';
import { FieldSet, fieldSetOf } from './field-set.js';
import { mergeConfig, removeFields, valueAt } from './apply-merge.js';

export type { ManagedFieldsEntry };

export interface ApplyRequest {
  live: KubeObject | undefined;
  config: KubeObject;
  manager: string;
  force: boolean;
  schemaType: string | undefined;
  now: string;
}

export interface ApplyConflict {
  manager: ManagedFieldsEntry;
  path: FieldPath;
}

/** The managedFields of an object (empty when it has none). */
export function managedFieldsOf(obj: KubeObject | undefined): ManagedFieldsEntry[] {
  const mf = obj?.metadata?.managedFields;
  return Array.isArray(mf) ? (mf as ManagedFieldsEntry[]) : [];
}

/** The schema type name (`V1Deployment`) for an object, from its apiVersion and kind. */
export function schemaTypeOf(obj: KubeObject): string | undefined {
  const version = obj.apiVersion?.split('/').pop();
  if (!version || !obj.kind) return undefined;
  return version.charAt(0).toUpperCase() + version.slice(1) + obj.kind;
}

/** A manager as kube-apiserver prints it: `"m" with subresource "scale" using apps/v1`. */
export function printManager(e: ManagedFieldsEntry): string {
  let s = JSON.stringify(e.manager);
  if (e.subresource) s += ` with subresource ${JSON.stringify(e.subresource)}`;
  if (e.operation === 'Update') s += ` using ${e.apiVersion}`;
  return s;
}

/** The conflict message of kube-apiserver (`Apply failed with 1 conflict: conflict with …`). */
export function conflictMessage(conflicts: ApplyConflict[]): string {
  if (conflicts.length === 1) {
    const c = conflicts[0]!;
    return `Apply failed with 1 conflict: conflict with ${printManager(c.manager)}: ${pathString(c.path)}`;
  }
  const byManager = new Map<string, string[]>();
  for (const c of conflicts) {
    const m = printManager(c.manager);
    byManager.set(m, [...(byManager.get(m) ?? []), pathString(c.path)]);
  }
  const lines: string[] = [];
  for (const m of [...byManager.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    lines.push(`conflicts with ${m}:`);
    for (const p of byManager.get(m)!) lines.push(`- ${p}`);
  }
  return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
}

const isApplierEntry = (e: ManagedFieldsEntry, manager: string): boolean =>
  e.manager === manager && e.operation === 'Apply' && !e.subresource;

/** A value whose ownership is decided by its children (a non-empty map or list item), not compared itself. */
const isGranular = (v: unknown): boolean => isMap(v) && Object.keys(v).length > 0;

function withoutManagedFields(config: KubeObject): KubeObject {
  const c = cloneJson(config);
  if (isMap(c.metadata)) delete c.metadata.managedFields;
  return c;
}

export function serverSideApply(req: ApplyRequest): KubeObject {
  const { live, manager, force, schemaType, now } = req;
  const config = withoutManagedFields(req.config);
  const applied = fieldSetOf(config, schemaType);
  const applierEntry: ManagedFieldsEntry = {
    manager,
    operation: 'Apply',
    apiVersion: config.apiVersion,
    time: now,
    fieldsType: 'FieldsV1',
    fieldsV1: applied.toFieldsV1(),
  };
  if (live === undefined) {
    const created = cloneJson(config);
    created.metadata = { ...(created.metadata ?? {}), managedFields: [applierEntry] };
    return created;
  }

  const entries = managedFieldsOf(live);
  const applierIndex = entries.findIndex((e) => isApplierEntry(e, manager));
  const previous = applierIndex >= 0 ? FieldSet.fromFieldsV1(entries[applierIndex]!.fieldsV1) : FieldSet.empty();
  const others = entries
    .map((entry, index) => ({ entry, index, set: FieldSet.fromFieldsV1(entry.fieldsV1) }))
    .filter((o) => o.index !== applierIndex);

  // Conflicts: fields another manager owns whose live value differs from the configured one.
  const conflicts: ApplyConflict[] = [];
  const conflictSets = new Map<number, FieldSet>();
  for (const o of others) {
    for (const p of applied.intersection(o.set).leaves()) {
      const want = valueAt(config, p);
      // objects merge into what is there (an empty one changes nothing): only their fields can conflict
      if (isMap(want)) continue;
      const have = valueAt(live, p);
      if (have === undefined || deepEqual(have, want)) continue;
      conflicts.push({ manager: o.entry, path: p });
      conflictSets.set(o.index, (conflictSets.get(o.index) ?? FieldSet.empty()).insert(p));
    }
  }
  if (conflicts.length > 0) {
    if (!force) throw new StatusError(409, 'Conflict', conflictMessage(conflicts));
    for (const o of others) {
      const lost = conflictSets.get(o.index);
      if (lost) o.set = o.set.difference(lost);
    }
  }

  const othersUnion = others.reduce((acc, o) => acc.union(o.set), FieldSet.empty());
  const toRemove = previous.difference(applied).difference(othersUnion);
  const keep = applied.union(othersUnion);
  const object = removeFields(mergeConfig(live, config, schemaType), toRemove, keep);

  const nextEntries: ManagedFieldsEntry[] = [];
  const othersByIndex = new Map(others.map((o) => [o.index, o]));
  entries.forEach((entry, index) => {
    if (index === applierIndex) {
      nextEntries.push(applierEntry);
      return;
    }
    const o = othersByIndex.get(index)!;
    if (o.set.isEmpty()) return;
    nextEntries.push(conflictSets.has(index) ? { ...entry, fieldsV1: o.set.toFieldsV1() } : entry);
  });
  if (applierIndex < 0) nextEntries.push(applierEntry);
  object.metadata = { ...object.metadata, managedFields: nextEntries };
  return object;
}

/** Metadata fields the server sets; their changes are nobody's. */
const SERVER_METADATA = new Set(['managedFields', 'resourceVersion', 'generation', 'uid', 'creationTimestamp']);

function tracked(path: FieldPath, subresource: string | undefined): boolean {
  const first = path[0];
  const second = path[1];
  const isStatus = first?.kind === 'field' && first.name === 'status';
  if (first?.kind === 'field' && first.name === 'metadata' && second?.kind === 'field' && SERVER_METADATA.has(second.name)) return false;
  return subresource === 'status' ? isStatus : !isStatus;
}

/**
 * After a non-apply write of an object with managedFields: the fields whose value changed are owned
 * by (manager, 'Update', subresource) and taken from every other entry; fields removed are dropped
 * from every entry; entries left empty are dropped. Objects without managedFields are not tracked.
 */
export function trackUpdate(
  old: KubeObject,
  next: KubeObject,
  manager: string,
  subresource: string | undefined,
  now: string,
  schemaType: string | undefined = schemaTypeOf(next),
): KubeObject {
  const entries = managedFieldsOf(old);
  if (entries.length === 0) return next;

  const changed = FieldSet.empty();
  for (const p of fieldSetOf(next, schemaType).leaves()) {
    if (!tracked(p, subresource)) continue;
    const now_ = valueAt(next, p);
    const before = valueAt(old, p);
    if (before === undefined || (!isGranular(now_) && !deepEqual(now_, before))) changed.insert(p);
  }
  const removed = FieldSet.empty();
  for (const p of fieldSetOf(old, schemaType).leaves()) {
    if (tracked(p, subresource) && valueAt(next, p) === undefined) removed.insert(p);
  }
  const taken = changed.union(removed);

  const sub = subresource || undefined;
  const isUpdater = (e: ManagedFieldsEntry): boolean =>
    e.manager === manager && e.operation === 'Update' && (e.subresource || undefined) === sub;

  const nextEntries: ManagedFieldsEntry[] = [];
  let found = false;
  for (const e of entries) {
    const set = FieldSet.fromFieldsV1(e.fieldsV1);
    if (isUpdater(e)) {
      found = true;
      const mine = set.difference(removed).union(changed);
      if (mine.isEmpty()) continue;
      nextEntries.push({ ...e, apiVersion: next.apiVersion, time: changed.isEmpty() ? e.time : now, fieldsV1: mine.toFieldsV1() });
      continue;
    }
    const rest = set.difference(taken);
    if (rest.isEmpty()) continue;
    const fieldsV1 = rest.toFieldsV1();
    nextEntries.push(deepEqual(fieldsV1, e.fieldsV1) ? e : { ...e, fieldsV1 });
  }
  if (!found && !changed.isEmpty()) {
    const entry: ManagedFieldsEntry = {
      manager,
      operation: 'Update',
      apiVersion: next.apiVersion,
      time: now,
      fieldsType: 'FieldsV1',
      fieldsV1: changed.toFieldsV1(),
    };
    if (sub) entry.subresource = sub;
    nextEntries.push(entry);
  }
  const out = cloneJson(next);
  out.metadata = { ...out.metadata, managedFields: nextEntries };
  return out;
}
