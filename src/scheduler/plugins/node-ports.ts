/** NodePorts: a pod's hostPorts must be free on the node (same protocol and port, overlapping host IP). */
import { Code, SKIP, status, type FilterPlugin } from '../framework.js';
import type { HostPort } from '../pod-info.js';

export const NODE_PORTS = 'NodePorts';
export const ERR_REASON_PORTS = "node(s) didn't have free ports for the requested pod ports";

const rejected = status(NODE_PORTS, Code.Unschedulable, ERR_REASON_PORTS);
const ANY_IP = '0.0.0.0';

function conflicts(a: HostPort, b: HostPort): boolean {
  return a.port === b.port && a.protocol === b.protocol && (a.ip === b.ip || a.ip === ANY_IP || b.ip === ANY_IP);
}

export const nodePorts: FilterPlugin = {
  name: NODE_PORTS,
  prepareFilter(pod) {
    const wanted = pod.hostPorts;
    if (wanted.length === 0) return SKIP;
    return {
      kind: 'filter',
      filter(node) {
        for (const used of node.usedPorts) for (const w of wanted) if (conflicts(used, w)) return rejected;
        return null;
      },
    };
  },
};
