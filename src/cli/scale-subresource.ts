/**
 * Whether a resource has a /scale subresource, as the commands learn it from discovery (kubectl's
 * ScaleKindResolver): the ones `scale` can resize and `autoscale` can target (KindDef.scaleSubresource).
 */
import type { KindDef } from '../api/kind.js';

export function hasScaleSubresource(kind: Pick<KindDef, 'scaleSubresource'>): boolean {
  return kind.scaleSubresource === true;
}

/** discoveryScaleResolver's error for a resource without one (`/v1, Resource=configmaps` for the core group). */
export function noScaleSubresource(kind: Pick<KindDef, 'group' | 'version' | 'plural'>): string {
  return `could not find scale subresource for ${kind.group}/${kind.version}, Resource=${kind.plural} in discovery information`;
}
