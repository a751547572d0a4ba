/** ReplicaSet helpers of the Deployment controller (deploymentutil): order, counts, revisions, templates. */
import type { KubeObject } from '../../api/types.js';
import { semanticEqual } from '../../api/patch/json-value.js';

export const HASH_LABEL = 'pod-template-hash';
export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const CHANGE_CAUSE = 'kubernetes.io/change-cause';

/** Deployment annotations that are not copied to its ReplicaSets (annotationsToSkip). */
export const SKIPPED_ANNOTATIONS = new Set([
  'kubectl.kubernetes.io/last-applied-configuration', REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS,
  'deprecated.deployment.rollback.to',
]);

export const specReplicas = (rs: KubeObject | undefined): number => rs?.spec?.replicas ?? 0;
export const statusReplicas = (rs: KubeObject | undefined): number => rs?.status?.replicas ?? 0;
export const availableReplicas = (rs: KubeObject | undefined): number => rs?.status?.availableReplicas ?? 0;

export const sumSpec = (sets: KubeObject[]) => sets.reduce((n, rs) => n + specReplicas(rs), 0);
export const sumActual = (sets: KubeObject[]) => sets.reduce((n, rs) => n + statusReplicas(rs), 0);
export const sumReady = (sets: KubeObject[]) => sets.reduce((n, rs) => n + (rs.status?.readyReplicas ?? 0), 0);
export const sumAvailable = (sets: KubeObject[]) => sets.reduce((n, rs) => n + availableReplicas(rs), 0);

/** FilterActiveReplicaSets: spec.replicas > 0. */
export const active = (sets: KubeObject[]) => sets.filter((rs) => specReplicas(rs) > 0);

const created = (rs: KubeObject) => new Date(rs.metadata.creationTimestamp ?? 0).getTime();

/** ReplicaSetsByCreationTimestamp: older first, then by name. */
export function byCreation(a: KubeObject, b: KubeObject): number {
  return created(a) - created(b) || ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : (a.metadata.name ?? '') > (b.metadata.name ?? '') ? 1 : 0);
}

/** ReplicaSetsBySizeOlder / BySizeNewer: larger first; ties older (or newer) first. */
export function bySize(newerFirst: boolean) {
  return (a: KubeObject, b: KubeObject) => specReplicas(b) - specReplicas(a) || (newerFirst ? byCreation(b, a) : byCreation(a, b));
}

/** The revision annotation as a number (0 when missing or not a number). */
export function revisionOf(rs: KubeObject): number {
  const v = rs.metadata.annotations?.[REVISION];
  const n = v === undefined ? 0 : Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : 0;
}

/** ReplicaSetsByRevision: lower revision first, then by creation. */
export function byRevision(a: KubeObject, b: KubeObject): number {
  return revisionOf(a) - revisionOf(b) || byCreation(a, b);
}

export const maxRevision = (sets: KubeObject[]) => sets.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);

/** The template without pod-template-hash (EqualIgnoreHash compares templates this way). */
export function templateWithoutHash(template: unknown): KubeObject['spec'] {
  const copy = structuredClone(template ?? {}) as { metadata?: { labels?: Record<string, string> } };
  if (copy.metadata?.labels) {
    delete copy.metadata.labels[HASH_LABEL];
    if (Object.keys(copy.metadata.labels).length === 0) delete copy.metadata.labels;
  }
  return copy;
}

export function equalIgnoreHash(a: unknown, b: unknown): boolean {
  return semanticEqual(templateWithoutHash(a), templateWithoutHash(b));
}

/** FindNewReplicaSet and FindOldReplicaSets. */
export function splitNewAndOld(d: KubeObject, sets: KubeObject[]): { newRS?: KubeObject; oldRSs: KubeObject[] } {
  const sorted = [...sets].sort(byCreation);
  const newRS = sorted.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
  return { newRS, oldRSs: sorted.filter((rs) => rs !== newRS) };
}
