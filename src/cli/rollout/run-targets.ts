/** The common shape of the rollout commands: resolve targets, act, print lines, then report errors (exit 1). */
import type { Connection } from '../../client/embedded.js';
import { ReportedError, renderErrors } from '../errors.js';
import { resolveTargets, type Target, type TargetOptions } from './targets.js';

export interface RolloutIO {
  out(text: string): void;
  err(text: string): void;
}

export async function forTargets(
  conn: Connection,
  args: string[],
  opts: TargetOptions,
  io: RolloutIO,
  act: (targets: Target[]) => Promise<{ lines: string[]; errors: Error[] }>,
): Promise<void> {
  const { targets, errors } = await resolveTargets(conn.client, conn.registry, args, opts);
  const res = await act(targets);
  for (const l of res.lines) io.out(`${l}\n`);
  const all = [...errors, ...res.errors];
  if (all.length > 0) {
    io.err(renderErrors(all));
    throw new ReportedError(1);
  }
}
