import { describe, expect, it } from 'vitest';
import { importGraph } from './import-graph.js';

/** DESIGN rule 1: the parts inside the cluster never import the layers above them. */
const INSIDE_CLUSTER = ['src/apiserver/', 'src/controllers/', 'src/scheduler/', 'src/node/', 'src/store/', 'src/api/'];
const ABOVE_CLUSTER = ['src/client/', 'src/cli/', 'src/commands/', 'src/serve/'];
/** Only the API server, the wiring in cluster.ts and its control loop, and the client may reach the store directly. */
const STORE_USERS = ['src/apiserver/', 'src/cluster.ts', 'src/cluster-control-loop.ts', 'src/client/', 'src/store/'];

const under = (file: string, prefixes: string[]) => prefixes.some((p) => file === p || file.startsWith(p));

function violations(allowed: (from: string, to: string) => boolean): string[] {
  const found: string[] = [];
  for (const [from, targets] of importGraph()) {
    for (const to of targets) if (!allowed(from, to)) found.push(`${from} -> ${to}`);
  }
  return found;
}

describe('house layers', () => {
  it('keeps arrows inside the cluster from running back up to client, cli or commands', () => {
    expect(violations((from, to) => !(under(from, INSIDE_CLUSTER) && under(to, ABOVE_CLUSTER)))).toEqual([]);
  });

  it('lets only the API server, cluster.ts, its control loop and the client import the store', () => {
    expect(violations((from, to) => !under(to, ['src/store/']) || under(from, STORE_USERS))).toEqual([]);
  });
});
