/** NodeUnschedulable: cordoned nodes (spec.unschedulable) take only pods that tolerate the unschedulable taint. */
import { Code, SKIP, status, type FilterPlugin } from '../framework.js';
import { tolerationsTolerate } from '../tolerations.js';

export const NODE_UNSCHEDULABLE = 'NodeUnschedulable';
export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';

const rejected = status(NODE_UNSCHEDULABLE, Code.UnschedulableAndUnresolvable, ERR_REASON_UNSCHEDULABLE);
const unschedulableTaint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

export const nodeUnschedulable: FilterPlugin = {
  name: NODE_UNSCHEDULABLE,
  prepareFilter(pod) {
    if (tolerationsTolerate(pod.tolerations, unschedulableTaint)) return SKIP;
    return { kind: 'filter', filter: (node) => (node.unschedulable ? rejected : null), memo: '' };
  },
};
