/**
 * Which PersistentVolume may serve a claim (checkVolumeSatisfyClaim) and the best of them
 * (findBestMatchForClaim: a PV pre-bound to the claim wins, otherwise the smallest that fits).
 */
import { selectorFromLabelSelector } from '../../api/label-selector.js';
import { compareQuantities, isValidQuantity } from '../../api/quantity.js';
import type { KubeObject } from '../../api/types.js';
import { storageClassOf } from '../../api/kinds/storage-helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export const BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';
export const STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
export const SELECTED_NODE = 'volume.kubernetes.io/selected-node';

const storageOf = (o: any, path: 'capacity' | 'request'): string | undefined =>
  path === 'capacity' ? o.spec?.capacity?.storage : o.spec?.resources?.requests?.storage;

/** Why the volume cannot serve the claim ('' when it can), in the PV controller's words. */
export function mismatchReason(pv: KubeObject, claim: KubeObject): string {
  const want = storageOf(claim, 'request');
  const have = storageOf(pv, 'capacity');
  if (isValidQuantity(want) && (!isValidQuantity(have) || compareQuantities(have!, want!) < 0)) return 'requested PV is too small';
  if (storageClassOf(pv) !== storageClassOf(claim)) return 'storageClassName does not match';
  if ((pv.spec?.volumeMode ?? 'Filesystem') !== (claim.spec?.volumeMode ?? 'Filesystem')) return 'incompatible volumeMode';
  const modes = new Set<string>(pv.spec?.accessModes ?? []);
  if (!(claim.spec?.accessModes ?? []).every((m: string) => modes.has(m))) return 'incompatible accessMode';
  return '';
}

/** The claimRef names this claim (by namespace/name, and by uid once it has one). */
export function claimRefMatches(pv: KubeObject, claim: KubeObject): boolean {
  const ref = pv.spec?.claimRef;
  if (!ref || ref.name !== claim.metadata.name || (ref.namespace ?? '') !== claim.metadata.namespace) return false;
  return !ref.uid || ref.uid === claim.metadata.uid;
}

/** findMatchingVolume; with delayed binding and no chosen node only pre-bound volumes count. */
export function bestMatch(claim: KubeObject, volumes: readonly KubeObject[], delayBinding: boolean, node?: KubeObject): KubeObject | undefined {
  const selector = claim.spec?.selector ? selectorFromLabelSelector(claim.spec.selector) : undefined;
  let best: KubeObject | undefined;
  for (const pv of volumes) {
    if (pv.metadata.deletionTimestamp) continue;
    if (mismatchReason(pv, claim) !== '') continue;
    const ref = pv.spec?.claimRef;
    if (ref) {
      if (claimRefMatches(pv, claim)) return pv;
      continue;
    }
    if (delayBinding && !node) continue;
    if (node && !nodeAllowed(pv, node)) continue;
    if (selector && !selector.matches(pv.metadata.labels)) continue;
    if (!best || compareQuantities(storageOf(pv, 'capacity')!, storageOf(best, 'capacity')!) < 0) best = pv;
  }
  return best;
}

/** The PV's required nodeAffinity (In / NotIn / Exists / DoesNotExist on node labels) allows the node. */
function nodeAllowed(pv: KubeObject, node: KubeObject): boolean {
  const terms: any[] = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms ?? [];
  if (terms.length === 0) return true;
  const labels: Record<string, string> = node.metadata.labels ?? {};
  return terms.some((t) => (t.matchExpressions ?? []).every((e: any) => {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    switch (e.operator) {
      case 'In': return has && (e.values ?? []).includes(labels[e.key]);
      case 'NotIn': return !has || !(e.values ?? []).includes(labels[e.key]);
      case 'Exists': return has;
      case 'DoesNotExist': return !has;
      default: return false;
    }
  }));
}
