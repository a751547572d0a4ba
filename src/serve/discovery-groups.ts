/**
 * Which group versions a registry serves, in the order kube-apiserver lists them: groups by the
 * aggregator's APIService priorities (GroupPriorityMinimum, highest first; ties by the APIService's
 * name `version.group`), versions in a group by VersionPriority, then kube-aware version order
 * (v2 > v1 > v1beta1 > v1alpha1 > other versions, alphabetically). Custom resource groups get the
 * priorities the CRD registration controller gives them (1000 and 100): after every built-in group.
 */
import type { KindDef } from '../api/kind.js';

export interface GroupVersion {
  group: string;
  version: string;
}

export interface ServedGroup {
  name: string;
  /** Served versions, preferred (highest priority) first. */
  versions: string[];
}

/** kube-apiserver's DefaultGenericAPIServicePriorities and the kube-specific additions (1.32). */
const GROUP_PRIORITY: Record<string, number> = {
  '': 18000,
  apps: 17800,
  'events.k8s.io': 17750,
  'authentication.k8s.io': 17700,
  'authorization.k8s.io': 17600,
  autoscaling: 17500,
  batch: 17400,
  'certificates.k8s.io': 17300,
  'networking.k8s.io': 17200,
  policy: 17100,
  'rbac.authorization.k8s.io': 17000,
  'storage.k8s.io': 16800,
  'admissionregistration.k8s.io': 16700,
  'apiextensions.k8s.io': 16700,
  'apiregistration.k8s.io': 16700,
  'scheduling.k8s.io': 16600,
  'coordination.k8s.io': 16500,
  'node.k8s.io': 16300,
  'discovery.k8s.io': 16200,
  'flowcontrol.apiserver.k8s.io': 16100,
};
/** Version priorities of the built-in group versions that are not 15 (autoscaling/v2 outranks v1). */
const VERSION_PRIORITY: Record<string, number> = { v1: 1, 'autoscaling/v1': 15, 'autoscaling/v2': 30 };
const CRD_GROUP_PRIORITY = 1000;
const CRD_VERSION_PRIORITY = 100;

const groupPriority = (group: string): number => GROUP_PRIORITY[group] ?? CRD_GROUP_PRIORITY;
function versionPriority(gv: GroupVersion): number {
  if (!(gv.group in GROUP_PRIORITY)) return CRD_VERSION_PRIORITY;
  return VERSION_PRIORITY[gv.group ? `${gv.group}/${gv.version}` : gv.version] ?? 15;
}

const KUBE_VERSION = /^v([1-9]\d*)(?:(alpha|beta)([1-9]\d*))?$/;
const TYPE_RANK: Record<string, number> = { alpha: 0, beta: 1, '': 2 };

/** apimachinery's CompareKubeAwareVersionStrings: > 0 when a ranks above b. */
export function compareKubeAwareVersions(a: string, b: string): number {
  if (a === b) return 0;
  const ma = KUBE_VERSION.exec(a);
  const mb = KUBE_VERSION.exec(b);
  if (!ma && !mb) return a < b ? 1 : -1;
  if (!ma) return -1;
  if (!mb) return 1;
  const ta = TYPE_RANK[ma[2] ?? ''];
  const tb = TYPE_RANK[mb[2] ?? ''];
  if (ta !== tb) return ta - tb;
  if (ma[1] !== mb[1]) return Number(ma[1]) - Number(mb[1]);
  return Number(ma[3] ?? 0) - Number(mb[3] ?? 0);
}

/** The apiVersions a kind is served at: its own, then a custom resource's other served versions. */
export function servedVersionsOf(k: KindDef): string[] {
  const others = (k.alsoServed ?? []).map((av) => av.slice(av.indexOf('/') + 1));
  return [k.version, ...others.filter((v) => v !== k.version)];
}

/** Whether the kind is served in group/version. */
export function servedIn(k: KindDef, group: string, version: string): boolean {
  return k.group === group && (k.version === version || servedVersionsOf(k).includes(version));
}

/** Every served group (the core group '' included, first) with its versions, in kube-apiserver's order. */
export function servedGroups(kinds: readonly KindDef[]): ServedGroup[] {
  const seen = new Set<string>();
  const gvs: GroupVersion[] = [];
  for (const k of kinds) {
    for (const version of servedVersionsOf(k)) {
      const key = `${k.group}/${version}`;
      if (seen.has(key)) continue;
      seen.add(key);
      gvs.push({ group: k.group, version });
    }
  }
  const apiServiceName = (gv: GroupVersion): string => `${gv.version}.${gv.group}`;
  gvs.sort((a, b) => groupPriority(b.group) - groupPriority(a.group) || cmp(apiServiceName(a), apiServiceName(b)));
  const groups: ServedGroup[] = [];
  for (const gv of gvs) {
    const found = groups.find((g) => g.name === gv.group);
    if (found) found.versions.push(gv.version);
    else groups.push({ name: gv.group, versions: [gv.version] });
  }
  for (const g of groups) {
    g.versions.sort((a, b) =>
      versionPriority({ group: g.name, version: b }) - versionPriority({ group: g.name, version: a }) || compareKubeAwareVersions(b, a));
  }
  return groups;
}

/** The served group versions in discovery order, core v1 first. */
export function servedGroupVersions(kinds: readonly KindDef[]): GroupVersion[] {
  return servedGroups(kinds).flatMap((g) => g.versions.map((version) => ({ group: g.name, version })));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
