/**
 * A StatefulSet pod's identity: its ordinal, its name `<set>-<ordinal>`, hostname and subdomain, the
 * identity labels, and the claims `<template>-<set>-<ordinal>` its volumes refer to.
 */
import type { KubeObject } from '../../api/types.js';
import { ownerRefTo } from '../controller-ref.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export const REVISION_LABEL = 'controller-revision-hash';
export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

export const startOrdinal = (set: KubeObject): number => set.spec?.ordinals?.start ?? 0;
export const replicasOf = (set: KubeObject): number => set.spec?.replicas ?? 1;

/** The ordinal in `<set>-<n>`, or -1 when the name is not one of this set's. */
export function ordinalOf(set: KubeObject, pod: KubeObject): number {
  const name = pod.metadata.name ?? '';
  const prefix = `${set.metadata.name}-`;
  if (!name.startsWith(prefix)) return -1;
  const rest = name.slice(prefix.length);
  return /^(0|[1-9]\d*)$/.test(rest) ? Number(rest) : -1;
}

export const podName = (set: KubeObject, ordinal: number): string => `${set.metadata.name}-${ordinal}`;
export const claimName = (template: any, set: KubeObject, ordinal: number): string => `${template.metadata?.name}-${set.metadata.name}-${ordinal}`;

/** The PersistentVolumeClaims this pod's identity needs, from spec.volumeClaimTemplates. */
export function claimsFor(set: KubeObject, ordinal: number): KubeObject[] {
  const retention = set.spec?.persistentVolumeClaimRetentionPolicy ?? {};
  const owned = retention.whenDeleted === 'Delete';
  return (set.spec?.volumeClaimTemplates ?? []).map((t: any) => {
    const labels = { ...(t.metadata?.labels ?? {}), ...(set.spec?.selector?.matchLabels ?? {}) };
    return {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name: claimName(t, set, ordinal),
        namespace: set.metadata.namespace,
        ...(Object.keys(labels).length > 0 ? { labels } : {}),
        ...(t.metadata?.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
        ...(owned ? { ownerReferences: [{ ...ownerRefTo(set) }] } : {}),
      },
      spec: JSON.parse(JSON.stringify(t.spec ?? {})),
    };
  });
}

/** The pod for an ordinal at a revision (newVersionedStatefulSetPod). */
export function newPod(set: KubeObject, template: any, ordinal: number, revisionName: string): KubeObject {
  const name = podName(set, ordinal);
  const spec = JSON.parse(JSON.stringify(template?.spec ?? {}));
  const volumes: any[] = spec.volumes ?? [];
  for (const t of set.spec?.volumeClaimTemplates ?? []) {
    const volume = { name: t.metadata?.name, persistentVolumeClaim: { claimName: claimName(t, set, ordinal) } };
    const i = volumes.findIndex((v) => v.name === volume.name);
    if (i >= 0) volumes[i] = volume;
    else volumes.push(volume);
  }
  if (volumes.length > 0) spec.volumes = volumes;
  spec.hostname = name;
  if (set.spec?.serviceName) spec.subdomain = set.spec.serviceName;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: set.metadata.namespace,
      labels: {
        ...(template?.metadata?.labels ?? {}),
        [POD_NAME_LABEL]: name,
        [POD_INDEX_LABEL]: String(ordinal),
        [REVISION_LABEL]: revisionName,
      },
      ...(template?.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
      ownerReferences: [ownerRefTo(set)],
    },
    spec,
  };
}
