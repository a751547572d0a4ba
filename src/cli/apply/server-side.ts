/**
 * `apply --server-side`: each object is sent whole as an apply patch (application/apply-patch+yaml)
 * under the field manager; the server creates or merges it and answers conflicts with other
 * managers' fields (apiserver/apply.ts). kubectl adds no last-applied annotation and reads nothing first.
 */
import type { Client, FieldValidation } from '../../api/client.js';
import { convertTo, resourceOf } from '../../api/kind.js';
import { isStatusError } from '../../api/errors.js';
import { type DryRunStrategy, apiDryRun } from '../flags.js';
import type { ApplyResult, ApplyTarget } from './apply-object.js';

/** kubectl apply's (and diff's) --field-manager default; --server-side means `kubectl` unless named. */
export const CLIENT_SIDE_MANAGER = 'kubectl-client-side-apply';

export interface ServerSideOptions {
  fieldManager: string;
  force: boolean;
  dryRun: DryRunStrategy;
  fieldValidation: FieldValidation;
}

/** kubectl's advice under a conflict (apply.go), after the server's message. */
const CONFLICT_ADVICE = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`;

/** The flags kubectl refuses together with --server-side (or without it). */
export function checkServerSideFlags(serverSide: boolean, force: boolean, dryRun: DryRunStrategy): void {
  if (force && !serverSide) throw new Error('--force-conflicts only works with --server-side');
  if (serverSide && dryRun === 'client') throw new Error("--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)");
}

export async function applyServerSide(client: Client, t: ApplyTarget, opts: ServerSideOptions): Promise<ApplyResult> {
  const name = t.obj.metadata?.name ?? '';
  if (!name) {
    if (t.obj.metadata?.generateName) throw new Error(`from ${t.obj.metadata.generateName}: cannot use generate name with apply`);
    throw new Error(`error when retrieving current configuration of: resource name may not be empty`);
  }
  const warnings: string[] = [];
  const version = t.kind.alsoServed?.includes(t.obj.apiVersion) ? t.obj.apiVersion : undefined;
  try {
    const object = await client.patch(resourceOf(t.kind), t.namespace, name, 'apply', t.obj, {
      dryRun: apiDryRun(opts.dryRun),
      fieldManager: opts.fieldManager,
      force: opts.force,
      fieldValidation: opts.fieldValidation,
      onWarning: (w: string) => warnings.push(`Warning: ${w}`),
      apiVersion: version,
    });
    return { operation: 'serverside-applied', object: version ? convertTo(t.kind, object, version) : object, warnings };
  } catch (err) {
    // kubectl wraps a conflict in its advice: a plain error from then on (`error: Apply failed …`)
    if (isStatusError(err) && err.code === 409 && err.reason === 'Conflict' && err.message.startsWith('Apply failed')) {
      throw new Error(`${err.message}\n${CONFLICT_ADVICE}`);
    }
    throw err;
  }
}
