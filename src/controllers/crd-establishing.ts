/**
 * The CRD naming and establishing controllers of apiextensions-apiserver (naming_controller.go,
 * establishing_controller.go), as one step: a CRD's names are accepted when no other CRD of its
 * group uses them (NamesAccepted, status.acceptedNames), and a CRD whose names are accepted is
 * Established, from when on the API server serves its resource (apiserver/custom-resources.ts).
 * status.storedVersions records the storage version.
 */
import { isStatusError } from '../api/errors.js';
import type { Condition, KubeObject } from '../api/types.js';
import { CRD_RESOURCE } from '../api/crd/custom-kind.js';
import { deepEqual } from '../api/patch/json-value.js';
import { rfc3339 } from '../util/clock.js';
import type { Reconciler } from './reconciler.js';

interface Names {
  plural?: string;
  singular?: string;
  shortNames?: string[];
  kind?: string;
  listKind?: string;
  categories?: string[];
}

/** The first of the CRD's names another CRD of its group has accepted: the condition's reason and message. */
function conflict(names: Names, others: Names[]): { reason: string; message: string } | undefined {
  const used = (pick: (n: Names) => (string | undefined)[]) => new Set(others.flatMap(pick).filter((v) => v));
  const all = (n: Names) => [n.plural, n.singular, ...(n.shortNames ?? [])];
  const resourceNames = used(all);
  if (names.plural && resourceNames.has(names.plural)) return { reason: 'PluralConflict', message: `"${names.plural}" is already in use` };
  if (names.singular && resourceNames.has(names.singular)) return { reason: 'SingularConflict', message: `"${names.singular}" is already in use` };
  for (const s of names.shortNames ?? []) {
    if (resourceNames.has(s)) return { reason: 'ShortNamesConflict', message: `"${s}" is already in use` };
  }
  const kinds = used((n) => [n.kind, n.listKind]);
  if (names.kind && kinds.has(names.kind)) return { reason: 'KindConflict', message: `"${names.kind}" is already in use` };
  if (names.listKind && kinds.has(names.listKind)) return { reason: 'ListKindConflict', message: `"${names.listKind}" is already in use` };
  return undefined;
}

/** Sets a condition, keeping its lastTransitionTime when its status does not change. */
function setCondition(conditions: Condition[], c: Condition, now: string): Condition[] {
  const old = conditions.find((x) => x.type === c.type);
  const next = { ...c, lastTransitionTime: old && old.status === c.status ? old.lastTransitionTime : now };
  return old ? conditions.map((x) => (x.type === c.type ? next : x)) : [...conditions, next];
}

/** The CRD's status as the controllers would leave it. */
export function establishedStatus(crd: KubeObject, others: KubeObject[], now: string): Record<string, unknown> {
  const status = crd.status ?? {};
  const names: Names = crd.spec?.names ?? {};
  const group = crd.spec?.group;
  const taken = others
    .filter((o) => o.metadata.name !== crd.metadata.name && o.spec?.group === group)
    .map((o) => (o.status?.acceptedNames ?? {}) as Names);
  const clash = conflict(names, taken);
  let conditions: Condition[] = status.conditions ?? [];
  conditions = setCondition(conditions, clash
    ? { type: 'NamesAccepted', status: 'False', reason: clash.reason, message: clash.message }
    : { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found' }, now);
  const wasEstablished = conditions.some((c) => c.type === 'Established' && c.status === 'True');
  if (!clash || wasEstablished) {
    // names once established stay served (a later conflict only stops the new names)
    conditions = setCondition(conditions, { type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted' }, now);
  } else {
    conditions = setCondition(conditions, { type: 'Established', status: 'False', reason: 'NotAccepted', message: 'not all names are accepted' }, now);
  }
  const storage: string | undefined = (crd.spec?.versions ?? []).find((v: { storage?: boolean }) => v.storage)?.name;
  const stored: string[] = status.storedVersions ?? [];
  return {
    ...status,
    acceptedNames: clash ? (status.acceptedNames ?? { plural: '', kind: '' }) : stripEmpty(names),
    conditions,
    storedVersions: storage && !stored.includes(storage) ? [...stored, storage] : stored,
  };
}

function stripEmpty(names: Names): Names {
  return Object.fromEntries(Object.entries(names).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))) as Names;
}

export function crdEstablishingReconciler(): Reconciler {
  return {
    name: 'crd-establishing',
    watches: [{ resource: CRD_RESOURCE, keys: (o, type) => (type === 'put' && !o.metadata.deletionTimestamp ? [o.metadata.name ?? ''] : []) }],
    async reconcile(name, ctx) {
      const all = (await ctx.client.list(CRD_RESOURCE)).items;
      const crd = all.find((o) => o.metadata.name === name);
      if (!crd || crd.metadata.deletionTimestamp) return;
      const status = establishedStatus(crd, all, rfc3339(ctx.clock.now()));
      if (deepEqual(status, crd.status ?? {})) return;
      try {
        await ctx.client.updateStatus(CRD_RESOURCE, { ...crd, status });
      } catch (e) {
        // changed meanwhile: the change brings this key back
        if (isStatusError(e) && (e.code === 409 || e.code === 404)) return;
        throw e;
      }
    },
  };
}
