/**
 * DaemonSet and StatefulSet revisions as kubectl reads them (polymorphichelpers history.go's
 * DaemonSetHistoryViewer / StatefulSetHistoryViewer, rollback.go's rollbackers): the
 * ControllerRevisions the object controls, each holding its pod template as a `$patch: replace`
 * strategic merge patch, with the change cause among the revision's annotations.
 */
import type { Client } from '../../api/client.js';
import { deepEqual } from '../../api/patch/json-value.js';
import { type KindDef, resourceOf } from '../../api/kind.js';
import type { KubeObject } from '../../api/types.js';
import { CHANGE_CAUSE } from '../../controllers/deployment/replica-sets.js';
import { apiDryRun, type DryRunStrategy, dryRunSuffix } from '../flags.js';
import { type Revision, templateText } from './history.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Whether kubectl keeps a ControllerRevision history for this kind. */
export function hasControllerHistory(kind: KindDef): boolean {
  return kind.group === 'apps' && (kind.kind === 'DaemonSet' || kind.kind === 'StatefulSet');
}

/** The ControllerRevisions `obj` controls, by revision. */
export async function controllerRevisionsOf(client: Client, obj: KubeObject): Promise<KubeObject[]> {
  const list = await client.list('controllerrevisions', { namespace: obj.metadata.namespace });
  return list.items
    .filter((r) => r.metadata.ownerReferences?.some((o) => o.controller && o.uid === obj.metadata.uid))
    .sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0));
}

/** The pod template a revision puts back (its patch, without the directive). */
export function revisionTemplate(cr: KubeObject): KubeObject['spec'] {
  const { $patch: _directive, ...template } = (cr.data as any)?.spec?.template ?? {};
  return template;
}

export function controllerHistory(revisions: KubeObject[]): Map<number, Revision> {
  const out = new Map<number, Revision>();
  for (const cr of revisions) out.set(cr.revision ?? 0, { template: revisionTemplate(cr), cause: cr.metadata.annotations?.[CHANGE_CAUSE] });
  return out;
}

/** findHistory: the revision asked for, or (0) the one before the newest. */
export function revisionToRestore(revisions: KubeObject[], toRevision: number): KubeObject {
  const notFound = new Error(`unable to find specified revision ${toRevision} in history`);
  if (toRevision < 0) throw notFound;
  if (toRevision === 0) {
    if (revisions.length <= 1) throw new Error('no last revision to roll back to');
    return revisions[revisions.length - 2]!;
  }
  const found = revisions.find((r) => (r.revision ?? 0) === toRevision);
  if (!found) throw notFound;
  return found;
}

/**
 * The DaemonSet/StatefulSet rollbacker: the revision's patch applied to the object, unless it
 * already has that template; returns what follows the object's name in kubectl's line.
 */
export async function rollbackToRevision(client: Client, kind: KindDef, obj: KubeObject, toRevision: number, dryRun: DryRunStrategy): Promise<string> {
  const cr = revisionToRestore(await controllerRevisionsOf(client, obj), toRevision);
  const template = revisionTemplate(cr);
  if (dryRun === 'client') return templateText(template);
  if (deepEqual(template, obj.spec?.template ?? {})) return `skipped rollback (current template already matches revision ${toRevision})`;
  try {
    await client.patch(resourceOf(kind), obj.metadata.namespace, obj.metadata.name ?? '', 'strategic', cr.data, { dryRun: apiDryRun(dryRun) });
  } catch (e) {
    throw new Error(`failed restoring revision ${toRevision}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return `rolled back${dryRunSuffix(dryRun)}`;
}
