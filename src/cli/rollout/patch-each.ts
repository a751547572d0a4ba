/**
 * pause / resume / restart: a patch per object (set.CalculatePatches with a PatchFn); an empty patch
 * prints `already <op>` (or an error for restart), a refused object `error: <resource> "<name>" <why>`.
 */
import type { Client } from '../../api/client.js';
import type { KubeObject } from '../../api/types.js';
import { kindPrefix } from '../printers/name.js';
import { groupResource, type Target } from './targets.js';
import { resourceOf } from '../../api/kind.js';

export type PatchFn = (t: Target) => Record<string, unknown> | undefined;

export interface PatchEachResult {
  lines: string[];
  errors: Error[];
}

function isEmptyPatch(p: Record<string, unknown> | undefined): boolean {
  return p === undefined || Object.keys(p).length === 0;
}

export async function patchEach(client: Client, targets: Target[], operation: string, fn: PatchFn, onEmpty: (t: Target) => string | Error): Promise<PatchEachResult> {
  const lines: string[] = [];
  const errors: Error[] = [];
  for (const t of targets) {
    let patch: Record<string, unknown> | undefined;
    try {
      patch = fn(t);
    } catch (e) {
      errors.push(new Error(`error: ${groupResource(t.kind)} "${t.obj.metadata.name}" ${e instanceof Error ? e.message : String(e)}`));
      continue;
    }
    const name = `${kindPrefix(t.kind)}/${t.obj.metadata.name}`;
    if (isEmptyPatch(patch)) {
      const r = onEmpty(t);
      if (r instanceof Error) errors.push(r);
      else lines.push(`${name} ${r}`);
      continue;
    }
    try {
      await client.patch(resourceOf(t.kind), t.obj.metadata.namespace, t.obj.metadata.name ?? '', 'strategic', patch);
      lines.push(`${name} ${operation}`);
    } catch (e) {
      errors.push(e instanceof Error ? e : new Error(String(e)));
    }
  }
  return { lines, errors };
}

/** The `spec.paused` patch of pause/resume (only Deployments can be paused). */
export function pausePatch(paused: boolean) {
  return (t: Target): Record<string, unknown> | undefined => {
    if (t.kind.kind !== 'Deployment') throw new Error(`${paused ? 'pausing' : 'resuming'} is not supported`);
    return Boolean(t.obj.spec?.paused) === paused ? undefined : { spec: { paused: paused ? true : null } };
  };
}

export function isPaused(obj: KubeObject): boolean {
  return Boolean(obj.spec?.paused);
}
