/**
 * VolumeBinding: a pod's PersistentVolumeClaims (and the claims of its generic ephemeral volumes) must exist
 * and, unless their class binds on first consumer, be bound before the pod can go anywhere (PreFilter);
 * a bound claim's volume restricts the nodes by its node affinity (Filter). Claims that wait for their first
 * consumer pass: the provisioner creates their volume once the pod has a node.
 */
import type { KubeObject } from '../../api/types.js';
import { storageClassOf } from '../../api/kinds/storage-helpers.js';
import { Code, SKIP, status, type FilterPlugin, type Status } from '../framework.js';
import { termMatches, type NodeSelectorTerm } from '../node-selector.js';
import type { PodInfo } from '../pod-info.js';
import type { VolumeIndex } from '../volume-index.js';

export const VOLUME_BINDING = 'VolumeBinding';
export const ERR_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims';
export const ERR_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
export const ERR_PV_NOT_EXIST = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';

const unresolvable = (msg: string): Status => status(VOLUME_BINDING, Code.UnschedulableAndUnresolvable, msg);
const conflict = unresolvable(ERR_NODE_CONFLICT);
const notExist = unresolvable(ERR_PV_NOT_EXIST);

/** The claim names a pod uses: persistentVolumeClaim volumes and `<pod>-<volume>` for ephemeral ones. */
function podClaims(pod: KubeObject): { name: string; ephemeral: boolean }[] {
  const out: { name: string; ephemeral: boolean }[] = [];
  for (const v of pod.spec?.volumes ?? []) {
    if (v.persistentVolumeClaim?.claimName) out.push({ name: v.persistentVolumeClaim.claimName, ephemeral: false });
    else if (v.ephemeral) out.push({ name: `${pod.metadata.name}-${v.name}`, ephemeral: true });
  }
  return out;
}

/** IsDelayBindingMode: the claim's class exists and binds on first consumer. */
function delaysBinding(claim: KubeObject, volumes: VolumeIndex): boolean {
  const cls = storageClassOf(claim);
  if (!cls) return false;
  return volumes.storageClass(cls)?.volumeBindingMode === 'WaitForFirstConsumer';
}

type Checked = { kind: 'reject'; status: Status } | { kind: 'ok'; bound: KubeObject[] };

function checkClaims(pod: PodInfo, volumes: VolumeIndex): Checked {
  const bound: KubeObject[] = [];
  let unboundImmediate = false;
  for (const ref of podClaims(pod.pod)) {
    const claim = volumes.claim(pod.namespace, ref.name);
    if (!claim) return { kind: 'reject', status: unresolvable(`persistentvolumeclaim "${ref.name}" not found`) };
    if (claim.metadata.deletionTimestamp) return { kind: 'reject', status: unresolvable(`persistentvolumeclaim "${ref.name}" is being deleted`) };
    if (ref.ephemeral && !(claim.metadata.ownerReferences ?? []).some((o) => o.controller === true && o.uid === pod.pod.metadata.uid)) {
      return { kind: 'reject', status: unresolvable(`PVC ${pod.namespace}/${ref.name} was not created for pod ${pod.key} (pod is not owner)`) };
    }
    if (claim.spec?.volumeName) bound.push(claim);
    else if (!delaysBinding(claim, volumes)) unboundImmediate = true;
  }
  if (unboundImmediate) return { kind: 'reject', status: unresolvable(ERR_UNBOUND_IMMEDIATE) };
  return { kind: 'ok', bound };
}

export const volumeBinding: FilterPlugin = {
  name: VOLUME_BINDING,
  prepareFilter(pod, snapshot) {
    if (podClaims(pod.pod).length === 0) return SKIP;
    const checked = checkClaims(pod, snapshot.volumes);
    if (checked.kind === 'reject') return checked;
    const terms: NodeSelectorTerm[][] = [];
    for (const claim of checked.bound) {
      const pv = snapshot.volumes.volume(claim.spec.volumeName);
      if (!pv) return { kind: 'filter', filter: () => notExist };
      const required: NodeSelectorTerm[] | undefined = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms;
      if (required) terms.push(required);
    }
    if (terms.length === 0) return SKIP;
    return {
      kind: 'filter',
      filter: (node) => (terms.every((ts) => ts.some((t) => termMatches(t, node.labels, node.name))) ? null : conflict),
    };
  },
};
