/**
 * The flow of the `set` commands (kubectl's CalculatePatches + patch loop): change a copy of each
 * object, send the strategic merge patch from the object to the copy, print `<name> <operation>`;
 * an object that did not change prints nothing. `--dry-run=client` prints the changed copy unsent.
 */
import type { Client } from '../../api/client.js';
import { createThreeWayMergePatch } from '../../api/patch/strategic-merge.js';
import type { KubeObject } from '../../api/types.js';
import { ReportedError, renderErrors } from '../errors.js';
import { type DryRunStrategy, apiDryRun } from '../flags.js';
import type { ChangePrinter, CommandIO } from './print.js';
import type { InplaceTargets } from './targets.js';
import { resourceOf } from '../../api/kind.js';

export interface SetRun {
  client: Client;
  found: InplaceTargets;
  dryRun: DryRunStrategy;
  printer: ChangePrinter;
  io: CommandIO;
  /** `image updated`, `env updated`, `resource requirements updated`. */
  operation: string;
  /** What kubectl says when the patch fails, before the server's error (`failed to patch image update to pod template`). */
  patchFailure: string;
  fieldManager?: string;
  /** Changes obj in place; throws to refuse (reported as `error: <resource>/<name> <why>`); 'skip' sends and prints nothing. */
  change(obj: KubeObject): void | 'skip';
}

export async function runSet(r: SetRun): Promise<void> {
  const errors: unknown[] = [...r.found.errors];
  for (const { kind, obj } of r.found.targets) {
    const copy = structuredClone(obj);
    try {
      if (r.change(copy) === 'skip') continue;
    } catch (err) {
      errors.push(new Error(`error: ${kind.plural}/${obj.metadata.name ?? ''} ${(err as Error).message}`));
      continue;
    }
    const patch = createThreeWayMergePatch(obj, copy, obj, kind.schemaType);
    if (Object.keys(patch).length === 0) continue;
    if (r.dryRun === 'client') {
      r.io.out(r.printer.print(copy, kind, r.operation));
      continue;
    }
    try {
      const res = await r.client.patch(resourceOf(kind), obj.metadata.namespace, obj.metadata.name ?? '', 'strategic', patch, { dryRun: apiDryRun(r.dryRun), fieldManager: r.fieldManager });
      r.io.out(r.printer.print(res, kind, r.operation));
    } catch (err) {
      errors.push(new Error(`${r.patchFailure}: ${(err as Error).message}`));
    }
  }
  if (errors.length > 0) {
    r.io.err(renderErrors(errors));
    throw new ReportedError(1);
  }
}
