/**
 * The run of `taint` (kubectl's TaintOptions Complete/Validate/RunTaint): the node type and names
 * (or `--all`, `-l`), the parsed changes, then per node the new taint list sent as a merge patch
 * and kubectl's line (`node/NAME tainted`). A node that fails (not found, an existing taint without
 * --overwrite, a removed taint that is not there) is reported at the end and left unchanged; the
 * others go on.
 */
import type { Client } from '../../api/client.js';
import type { Registry } from '../../api/registry.js';
import type { KubeObject } from '../../api/types.js';
import { ReportedError, renderErrors } from '../errors.js';
import { apiDryRun, type DryRunStrategy, type WriteOutput } from '../flags.js';
import { type CommandIO, ChangePrinter } from '../inplace/print.js';
import { selectorParam } from '../resource-args.js';
import { usageError } from './node-targets.js';
import { applyTaintChanges, conflictingChanges, parseTaints, splitTaintArgs, type Taint, type TaintChanges } from './taint-spec.js';

export interface TaintRequest {
  args: string[];
  all: boolean;
  overwrite: boolean;
  selector?: string;
  dryRun: DryRunStrategy;
  output: WriteOutput;
  fieldManager?: string;
  commandLine: string;
}

/** Complete + Validate: the nodes' names (none: all or by selector) and the changes, or kubectl's error. */
function complete(req: TaintRequest, registry: Registry): { names: string[]; changes: TaintChanges } {
  const { resources, taints } = splitTaintArgs(req.args);
  if (resources.length < 1) throw new Error('one or more resources must be specified as <resource> <name>');
  if (taints.length < 1) throw new Error('at least one taint update is required');
  let changes: TaintChanges;
  try {
    changes = parseTaints(taints);
  } catch (err) {
    throw usageError((err as Error).message, req.commandLine);
  }
  const type = resources[0]!.toLowerCase();
  const kind = registry.resolve(type);
  if (!kind) throw new Error(`the server doesn't have a resource type "${type}"`);
  if (kind.kind !== 'Node') throw new Error(`invalid resource type ${type}, only node types are supported`);
  const conflicts = conflictingChanges(changes);
  if (conflicts.length > 0) throw new Error(`can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`);
  const selector = selectorParam(req.selector);
  if (req.all && selector) throw new Error("setting 'all' parameter with a non empty selector is prohibited");
  if (!req.all && !selector && resources.length < 2) throw new Error("at least one resource name must be specified since 'all' parameter is not set");
  return { names: req.all || selector ? [] : resources.slice(1), changes };
}

export async function runTaint(conn: { client: Client; registry: Registry }, req: TaintRequest, io: CommandIO): Promise<void> {
  const { names, changes } = complete(req, conn.registry);
  const errors: unknown[] = [];
  const nodes: KubeObject[] = [];
  if (names.length === 0) {
    nodes.push(...(await conn.client.list('nodes', { labelSelector: req.all ? undefined : selectorParam(req.selector) })).items);
  }
  for (const name of names) {
    try {
      nodes.push(await conn.client.get('nodes', undefined, name));
    } catch (err) {
      errors.push(err);
    }
  }
  // like kubectl's taint, the line carries no dry-run suffix (its printer's operation is set last)
  const printer = new ChangePrinter(req.output, 'none');
  for (const node of nodes) {
    const name = node.metadata.name ?? '';
    try {
      const { taints, operation } = applyTaintChanges(name, (node.spec?.taints ?? []) as Taint[], changes, req.overwrite);
      let result: KubeObject = { ...node, spec: { ...node.spec, taints } };
      if (req.dryRun !== 'client') {
        const patch = { spec: { taints: taints.length > 0 ? taints : null } };
        result = await conn.client.patch('nodes', undefined, name, 'merge', patch, { dryRun: apiDryRun(req.dryRun), fieldManager: req.fieldManager });
      }
      io.out(printer.print(result, conn.registry.resolve('nodes')!, operation));
    } catch (err) {
      errors.push(err);
    }
  }
  if (errors.length > 0) {
    io.err(renderErrors(errors));
    throw new ReportedError(1);
  }
}
