import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, CliSandbox } from './cli-runner.js';
import { runAsync } from './settle.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** The scheduler through the built CLI (`npm run build` first): FailedScheduling, then a bind once a node fits. */
import { CORPUS } from './corpus-path.js';
let sb: CliSandbox;

/** The pod as `get -o json` prints it. */
async function podJson(name: string): Promise<any> {
  return JSON.parse((await pk('get', 'pod', name, '-o', 'json')).stdout);
}

const pk = (...args: string[]): Promise<CliResult> => runAsync(sb, args);

const NODE_SELECTOR_MSG =
  "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
const BIG_MSG = '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';

beforeAll(() => {
  sb = new CliSandbox('pk-e2e-sched-');
});
afterAll(() => sb.dispose());

describe('scheduling through the CLI', () => {
  it('keeps pod-nginx Pending until a node carries disktype=ssd, then runs it there', async () => {
    expect((await pk('apply', '-f', join(CORPUS, 'website__content_en_examples_pods_pod-nginx.yaml'))).stdout).toBe('pod/nginx created\n');
    const pending = await pk('describe', 'pod', 'nginx');
    expect(pending.stdout).toMatch(/Status:\s+Pending/);
    expect(pending.stdout).toContain(`Warning  FailedScheduling  `);
    expect(pending.stdout).toContain(`default-scheduler  ${NODE_SELECTOR_MSG}`);
    expect((await podJson('nginx')).status.conditions).toEqual([
      expect.objectContaining({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: NODE_SELECTOR_MSG }),
    ]);

    const label = sb.path('node-label.yaml');
    writeFileSync(label, 'apiVersion: v1\nkind: Node\nmetadata:\n  name: pocketkube-node-3\n  labels:\n    disktype: ssd\n');
    expect((await pk('apply', '-f', label)).stdout).toBe('node/pocketkube-node-3 configured\n');
    const bound = await podJson('nginx');
    expect([bound.spec.nodeName, bound.status.phase]).toEqual(['pocketkube-node-3', 'Running']);
    const described = await pk('describe', 'pod', 'nginx');
    expect(described.stdout).toContain('default-scheduler  Successfully assigned default/nginx to pocketkube-node-3');
  });

  it('keeps an over-large cpu request Pending with the exact message', async () => {
    const file = sb.path('big.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\nspec:\n  containers:\n  - name: c\n    image: nginx\n    resources:\n      requests:\n        cpu: "64"\n');
    expect((await pk('apply', '-f', file)).stdout).toBe('pod/big created\n');
    expect((await podJson('big')).status.conditions[0].message).toBe(BIG_MSG);
    expect((await pk('describe', 'pod', 'big')).stdout).toContain(`default-scheduler  ${BIG_MSG}`);
  });
});
