/**
 * The patch an edit sends (kubectl's two-way strategic merge patch from the object as shown to the
 * object as saved), with kubectl's preconditions: apiVersion, kind, name and managedFields must not
 * change.
 */
import { deepEqual } from '../../api/patch/json-value.js';
import { createThreeWayMergePatch } from '../../api/patch/strategic-merge.js';
import type { KubeObject } from '../../api/types.js';
import { forDisplay } from '../printers/serialize.js';
import type { Target } from '../rollout/targets.js';

/** undefined: nothing changed; 'changed-identity': a precondition failed. */
export function editPatch(target: Target, edited: KubeObject): Record<string, unknown> | undefined | 'changed-identity' {
  const original = JSON.parse(JSON.stringify(forDisplay(target.obj))) as KubeObject;
  const after = JSON.parse(JSON.stringify(edited)) as KubeObject;
  if (deepEqual(original, after)) return undefined;
  if (original.apiVersion !== after.apiVersion || original.kind !== after.kind || original.metadata.name !== after.metadata?.name) {
    return 'changed-identity';
  }
  if (!deepEqual(original.metadata.managedFields, after.metadata?.managedFields)) return 'changed-identity';
  const patch = createThreeWayMergePatch(original, after, original, target.kind.schemaType);
  return Object.keys(patch).length === 0 ? undefined : patch;
}
