/** NodeName: a pod that names a node (spec.nodeName) fits only that node. */
import { Code, SKIP, status, type FilterPlugin } from '../framework.js';

export const NODE_NAME = 'NodeName';
export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";

const rejected = status(NODE_NAME, Code.UnschedulableAndUnresolvable, ERR_REASON_NODE_NAME);

export const nodeName: FilterPlugin = {
  name: NODE_NAME,
  prepareFilter(pod) {
    const wanted: string | undefined = pod.pod.spec?.nodeName;
    if (!wanted) return SKIP;
    return { kind: 'filter', filter: (node) => (node.name === wanted ? null : rejected) };
  },
};
