/** Checks of `cluster create` sizes (what each simulated node reports as capacity). */
export interface ClusterSize {
  nodes: number;
  cpu: string;
  memory: string;
  pods: number;
}

const QUANTITY = /^([+-]?[0-9.]+)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?[0-9]+)?$/;

export function checkClusterSize(s: ClusterSize): void {
  if (!Number.isInteger(s.nodes) || s.nodes < 1) throw new Error(`invalid --nodes value ${s.nodes}: a cluster needs at least 1 node`);
  if (!Number.isInteger(s.pods) || s.pods < 1) throw new Error(`invalid --pods value ${s.pods}: must be a positive integer`);
  for (const [flag, v] of [['cpu', s.cpu], ['memory', s.memory]] as const) {
    const m = QUANTITY.exec(v);
    if (!m || !(Number(m[1]) > 0)) throw new Error(`invalid --${flag} value "${v}": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$' and be positive`);
  }
}
