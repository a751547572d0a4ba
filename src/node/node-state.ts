/** The simulated node's health switch (README "Simulated runtime"): `pocketkube.io/node-state: down` stops its kubelet. */
import type { KubeObject } from '../api/types.js';

export const NODE_STATE_ANNOTATION = 'pocketkube.io/node-state';

export function nodeIsDown(node: KubeObject): boolean {
  return node.metadata.annotations?.[NODE_STATE_ANNOTATION]?.trim().toLowerCase() === 'down';
}
