import { MAX_NODES } from '../apiserver/bootstrap.js';

/** Checks of `cluster create` sizes (what each simulated node reports as capacity). */
export interface ClusterSize {
  nodes: number;
  cpu: string;
  memory: string;
  pods: number;
}

/** Pod IPs of a node's /24: .2 to .254 (.1 is the node's gateway). */
const MAX_PODS_PER_NODE = 253;

const QUANTITY = /^([+-]?[0-9.]+)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?[0-9]+)?$/;

export function checkClusterSize(s: ClusterSize): void {
  if (!Number.isInteger(s.nodes) || s.nodes < 1) throw new Error(`invalid --nodes value ${s.nodes}: a cluster needs at least 1 node`);
  if (s.nodes > MAX_NODES) throw new Error(`invalid --nodes value ${s.nodes}: a cluster has at most ${MAX_NODES} nodes (one /24 of the pod network 10.244.0.0/14 each)`);
  if (!Number.isInteger(s.pods) || s.pods < 1) throw new Error(`invalid --pods value ${s.pods}: must be a positive integer`);
  if (s.pods > MAX_PODS_PER_NODE) throw new Error(`invalid --pods value ${s.pods}: a node's /24 pod range holds at most ${MAX_PODS_PER_NODE} pod IPs`);
  for (const [flag, v] of [['cpu', s.cpu], ['memory', s.memory]] as const) {
    const m = QUANTITY.exec(v);
    if (!m || !(Number(m[1]) > 0)) throw new Error(`invalid --${flag} value "${v}": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$' and be positive`);
  }
}
