/**
 * kubectl's RunCordonOrUncordon: for each node, in order, `node/NAME cordoned` after a strategic
 * merge patch of spec.unschedulable, or `node/NAME already cordoned` (no request). A failed patch is
 * printed (`error: unable to cordon node "NAME": …`) and the others go on; like kubectl, the command
 * still exits 0.
 */
import type { Client } from '../../api/client.js';
import type { KubeObject } from '../../api/types.js';
import { renderError } from '../errors.js';
import { apiDryRun, type DryRunStrategy, dryRunSuffix } from '../flags.js';
import type { CommandIO } from '../inplace/print.js';

export type CordonVerb = 'cordon' | 'uncordon';

function isCordoned(node: KubeObject): boolean {
  return Boolean(node.spec?.unschedulable);
}

/** Cordons or uncordons each node; returns the nodes as they are afterwards (the failed ones as they were). */
export async function cordonNodes(client: Client, nodes: KubeObject[], verb: CordonVerb, dryRun: DryRunStrategy, io: CommandIO): Promise<KubeObject[]> {
  const desired = verb === 'cordon';
  const suffix = dryRunSuffix(dryRun);
  const out: KubeObject[] = [];
  for (const node of nodes) {
    const name = node.metadata.name ?? '';
    if (isCordoned(node) === desired) {
      io.out(`node/${name} already ${verb}ed${suffix}\n`);
      out.push(node);
      continue;
    }
    if (dryRun === 'client') {
      io.out(`node/${name} ${verb}ed${suffix}\n`);
      out.push(node);
      continue;
    }
    try {
      const patch = { spec: { unschedulable: desired ? true : null } };
      out.push(await client.patch('nodes', undefined, name, 'strategic', patch, { dryRun: apiDryRun(dryRun) }));
      io.out(`node/${name} ${verb}ed${suffix}\n`);
    } catch (err) {
      io.err(`error: unable to ${verb} node ${JSON.stringify(name)}: ${renderError(err).trimEnd()}`);
      out.push(node);
    }
  }
  return out;
}
