/**
 * The Deployment's new ReplicaSet (getAllReplicaSetsAndSyncRevision / getNewReplicaSet): found by
 * template, its revision and copied annotations kept current — or, when asked, created as
 * `<deployment>-<pod-template-hash>` with the revision after the highest old one.
 */
import { isStatusError } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import { ownerRefTo } from '../controller-ref.js';
import { controllerRef } from '../owner-index.js';
import { getCondition, hasProgressDeadline, newCondition, PROGRESSING, setCondition } from './conditions.js';
import { type DeploymentSync, writeRevision, writeStatus } from './context.js';
import { podTemplateHash } from './hash.js';
import { newRSNewReplicas } from './rollout-math.js';
import { equalIgnoreHash, HASH_LABEL, maxRevision, REVISION, REVISION_HISTORY, SKIPPED_ANNOTATIONS, splitNewAndOld } from './replica-sets.js';
import { replicasAnnotationsOn } from './scaling.js';

const MAX_REVISION_HISTORY_CHARS = 2000;

/** SetNewReplicaSetAnnotations on a copy; true when anything changed. */
function newRSAnnotations(d: KubeObject, rs: KubeObject, newRevision: number, exists: boolean): boolean {
  const a = (rs.metadata.annotations ??= {});
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (SKIPPED_ANNOTATIONS.has(k) || a[k] === v) continue;
    a[k] = v;
    changed = true;
  }
  const oldText = a[REVISION];
  const old = oldText === undefined ? 0 : Number.parseInt(oldText, 10);
  if (oldText !== undefined && !Number.isFinite(old)) return changed;
  if (old < newRevision) {
    a[REVISION] = String(newRevision);
    changed = true;
    if (oldText !== undefined) {
      const history = a[REVISION_HISTORY] ?? '';
      if (history === '') a[REVISION_HISTORY] = oldText;
      else {
        const parts = history.split(',');
        let total = history.length + oldText.length + 1;
        let start = 0;
        while (total > MAX_REVISION_HISTORY_CHARS && start < parts.length) total -= parts[start++]!.length + 1;
        if (total <= MAX_REVISION_HISTORY_CHARS) a[REVISION_HISTORY] = [...parts.slice(start), oldText].join(',');
      }
    }
  }
  if (!exists && replicasAnnotationsOn(rs, d)) changed = true;
  return changed;
}

export interface SplitSets {
  newRS?: KubeObject;
  oldRSs: KubeObject[];
}

export async function syncRevision(dc: DeploymentSync, sets: KubeObject[], create: boolean): Promise<SplitSets> {
  const { newRS: existing, oldRSs } = splitNewAndOld(dc.d, sets);
  const newRevision = maxRevision(oldRSs) + 1;
  if (existing) {
    const copy = structuredClone(existing);
    const annotationsChanged = newRSAnnotations(dc.d, copy, newRevision, true);
    const minReady = dc.d.spec?.minReadySeconds ?? 0;
    if (annotationsChanged || (copy.spec?.minReadySeconds ?? 0) !== minReady) {
      copy.spec = { ...copy.spec, minReadySeconds: minReady };
      return { newRS: await dc.client.update('replicasets', copy), oldRSs };
    }
    await writeRevision(dc, copy.metadata.annotations?.[REVISION] ?? '');
    if (hasProgressDeadline(dc.d) && !getCondition(dc.d.status, PROGRESSING)) {
      const status = structuredClone(dc.d.status ?? {});
      setCondition(status, newCondition(PROGRESSING, 'True', 'FoundNewReplicaSet', `Found new replica set "${copy.metadata.name}"`, dc.now()));
      await writeStatus(dc, status);
    }
    return { newRS: existing, oldRSs };
  }
  if (!create) return { oldRSs };
  return { newRS: await createNewRS(dc, oldRSs, newRevision), oldRSs };
}

async function createNewRS(dc: DeploymentSync, oldRSs: KubeObject[], newRevision: number): Promise<KubeObject | undefined> {
  const d = dc.d;
  const hash = podTemplateHash(d.spec?.template, d.status?.collisionCount);
  const template = structuredClone(d.spec?.template ?? {});
  template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [HASH_LABEL]: hash } };
  const selector = structuredClone(d.spec?.selector ?? {});
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [HASH_LABEL]: hash };
  const rs: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: `${d.metadata.name}-${hash}`, namespace: d.metadata.namespace, labels: { ...template.metadata.labels }, ownerReferences: [ownerRefTo(d)] },
    spec: { replicas: 0, minReadySeconds: d.spec?.minReadySeconds ?? 0, selector, template },
  };
  rs.spec.replicas = newRSNewReplicas(d, [...oldRSs, rs], rs);
  newRSAnnotations(d, rs, newRevision, false);
  let created: KubeObject;
  let alreadyExisted = false;
  try {
    created = await dc.client.create('replicasets', rs);
  } catch (e) {
    if (!isStatusError(e) || e.reason !== 'AlreadyExists') return failedCreate(dc, rs, e);
    const live = await dc.client.get('replicasets', d.metadata.namespace, rs.metadata.name ?? '');
    if (controllerRef(live)?.uid !== d.metadata.uid || !equalIgnoreHash(d.spec?.template, live.spec?.template)) {
      await writeStatus(dc, { ...structuredClone(dc.d.status ?? {}), collisionCount: (d.status?.collisionCount ?? 0) + 1 });
      throw e;
    }
    created = live;
    alreadyExisted = true;
  }
  if (!alreadyExisted && rs.spec.replicas > 0) {
    await dc.events.event(dc.d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} from 0 to ${rs.spec.replicas}`);
  }
  await writeRevision(dc, String(newRevision));
  if (!alreadyExisted && hasProgressDeadline(dc.d)) {
    const status = structuredClone(dc.d.status ?? {});
    setCondition(status, newCondition(PROGRESSING, 'True', 'NewReplicaSetCreated', `Created new replica set "${created.metadata.name}"`, dc.now()));
    await writeStatus(dc, status);
  }
  return created;
}

async function failedCreate(dc: DeploymentSync, rs: KubeObject, e: unknown): Promise<never> {
  const msg = `Failed to create new replica set "${rs.metadata.name}": ${e instanceof Error ? e.message : String(e)}`;
  const namespaceTerminating = isStatusError(e) && e.code === 403 && /being terminated/.test(e.message);
  if (!namespaceTerminating) {
    if (hasProgressDeadline(dc.d)) {
      const status = structuredClone(dc.d.status ?? {});
      setCondition(status, newCondition(PROGRESSING, 'False', 'ReplicaSetCreateError', msg, dc.now()));
      await writeStatus(dc, status);
    }
    await dc.events.event(dc.d, 'Warning', 'ReplicaSetCreateError', msg);
  }
  throw e;
}
