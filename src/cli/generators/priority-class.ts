/** `kubectl create priorityclass` (create_priorityclass.go). */
import type { KubeObject } from '../../api/types.js';
import { objectMeta, typed } from './meta.js';

export interface PriorityClassInput {
  name: string;
  value: number;
  globalDefault: boolean;
  description: string;
  preemptionPolicy: string;
}

/** schedulingv1.PriorityClass in struct order; globalDefault and description are omitempty. */
export function generatePriorityClass(p: PriorityClassInput): KubeObject {
  return typed('PriorityClass', 'scheduling.k8s.io/v1', {
    metadata: objectMeta({ name: p.name }),
    value: p.value,
    ...(p.globalDefault ? { globalDefault: true } : {}),
    ...(p.description ? { description: p.description } : {}),
    preemptionPolicy: p.preemptionPolicy,
  });
}
