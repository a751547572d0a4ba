/**
 * The nodes `cordon`, `uncordon` and `drain` work on, found as kubectl's drain Complete() finds them:
 * node names (or `node/NAME`), or `-l SELECTOR` over all nodes — never both. A name that does not
 * exist stops the command before anything changes.
 */
import type { Client } from '../../api/client.js';
import type { KubeObject } from '../../api/types.js';
import type { Registry } from '../../api/registry.js';
import { PlainError } from '../errors.js';
import { selectorParam } from '../resource-args.js';

export interface NodeSelection {
  args: string[];
  selector?: string;
  /** `cordon NODE` / `drain NODE`: the usage line of the command. */
  usage: string;
  /** The command line as `-h` is asked for (`pocketkube cordon`). */
  commandLine: string;
}

export function usageError(message: string, commandLine: string): PlainError {
  return new PlainError(`error: ${message}\nSee '${commandLine} -h' for help and examples`);
}

export async function findNodes(client: Client, registry: Registry, sel: NodeSelection): Promise<KubeObject[]> {
  const selector = selectorParam(sel.selector);
  if (sel.args.length === 0 && sel.selector === undefined) throw usageError(`USAGE: ${sel.usage} [flags]`, sel.commandLine);
  if (sel.args.length > 0 && selector) throw usageError('cannot specify both a node name and a --selector option', sel.commandLine);
  if (sel.args.length === 0) return (await client.list('nodes', { labelSelector: selector })).items;
  const nodes: KubeObject[] = [];
  for (const arg of sel.args) {
    const slash = arg.indexOf('/');
    if (slash >= 0) {
      const kind = registry.resolve(arg.slice(0, slash));
      if (!kind) throw new Error(`the server doesn't have a resource type "${arg.slice(0, slash)}"`);
      if (kind.kind !== 'Node') throw new Error(`expected resource of type node, got "${kind.kind}"`);
    }
    nodes.push(await client.get('nodes', undefined, slash >= 0 ? arg.slice(slash + 1) : arg));
  }
  return nodes;
}
