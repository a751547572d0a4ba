import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, CliSandbox } from './cli-runner.js';
import { CORPUS } from './corpus-path.js';
import { runAsync } from './settle.js';

/** cordon, uncordon, taint and drain through the built CLI (`npm run build` first), against kubectl's words. */

let sb: CliSandbox;
const pk = (...args: string[]): Promise<CliResult> => runAsync(sb, args);

/** pod name → node name, for the pods `get pods` lists with these arguments. */
async function placement(...args: string[]): Promise<Map<string, string>> {
  const out = (await pk('get', 'pods', ...args, '-o', 'jsonpath={range .items[*]}{.metadata.name} {.spec.nodeName}{"\\n"}{end}')).stdout;
  return new Map(out.trim().split('\n').filter(Boolean).map((l) => l.split(' ') as [string, string]));
}

const PDB = `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 5
  selector:
    matchLabels:
      app: web
`;

beforeAll(() => {
  sb = new CliSandbox('pk-e2e-nodes-');
});
afterAll(() => sb.dispose());

describe('cordon and uncordon', () => {
  it('marks a node unschedulable, says so once, and lets it back', async () => {
    expect(await pk('cordon', 'pocketkube-node-1')).toEqual({ code: 0, stdout: 'node/pocketkube-node-1 cordoned\n', stderr: '' });
    expect((await pk('cordon', 'node/pocketkube-node-1')).stdout).toBe('node/pocketkube-node-1 already cordoned\n');
    expect((await pk('get', 'nodes')).stdout).toMatch(/^pocketkube-node-1\s+Ready,SchedulingDisabled\s/m);
    expect((await pk('describe', 'node', 'pocketkube-node-1')).stdout).toMatch(/^Taints:\s+node\.kubernetes\.io\/unschedulable:NoSchedule$/m);
    // new pods go elsewhere
    await pk('create', 'deployment', 'spread', '--image=nginx', '--replicas=4');
    expect([...(await placement('-l', 'app=spread')).values()]).not.toContain('pocketkube-node-1');
    expect((await pk('uncordon', 'pocketkube-node-1', 'pocketkube-node-2')).stdout).toBe('node/pocketkube-node-1 uncordoned\nnode/pocketkube-node-2 already uncordoned\n');
    expect((await pk('describe', 'node', 'pocketkube-node-1')).stdout).toMatch(/^Taints:\s+<none>$/m);
    await pk('delete', 'deployment', 'spread');
  });

  it('selects nodes by label, changes nothing in a client dry run, and refuses bad arguments', async () => {
    expect((await pk('cordon', '-l', 'kubernetes.io/hostname=pocketkube-node-3', '--dry-run=client')).stdout).toBe('node/pocketkube-node-3 cordoned (dry run)\n');
    expect((await pk('get', 'node', 'pocketkube-node-3', '-o', 'jsonpath={.spec.unschedulable}')).stdout).toBe('');
    expect(await pk('cordon')).toEqual({ code: 1, stdout: '', stderr: "error: USAGE: cordon NODE [flags]\nSee 'pocketkube cordon -h' for help and examples\n" });
    expect((await pk('cordon', 'pocketkube-node-1', '-l', 'a=b')).stderr).toBe("error: cannot specify both a node name and a --selector option\nSee 'pocketkube cordon -h' for help and examples\n");
    const missing = await pk('cordon', 'pocketkube-node-1', 'nope');
    expect(missing).toEqual({ code: 1, stdout: '', stderr: 'Error from server (NotFound): nodes "nope" not found\n' });
    expect((await pk('get', 'node', 'pocketkube-node-1', '-o', 'jsonpath={.spec.unschedulable}')).stdout).toBe('');
  });
});

describe('taint', () => {
  it('adds, refuses to overwrite, overwrites, removes, and keeps pods off NoSchedule nodes', async () => {
    expect(await pk('taint', 'nodes', 'pocketkube-node-1', 'dedicated=gpu:NoSchedule')).toEqual({ code: 0, stdout: 'node/pocketkube-node-1 tainted\n', stderr: '' });
    expect((await pk('taint', 'node', 'pocketkube-node-2', 'dedicated=gpu:NoSchedule')).stdout).toBe('node/pocketkube-node-2 tainted\n');
    await pk('create', 'deployment', 'plain', '--image=nginx', '--replicas=3');
    expect(new Set((await placement('-l', 'app=plain')).values())).toEqual(new Set(['pocketkube-node-3']));
    expect(await pk('taint', 'nodes', 'pocketkube-node-1', 'dedicated=cpu:NoSchedule')).toEqual({
      code: 1, stdout: '', stderr: 'error: node pocketkube-node-1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n',
    });
    expect((await pk('taint', 'nodes', 'pocketkube-node-1', 'dedicated=cpu:NoSchedule', '--overwrite')).stdout).toBe('node/pocketkube-node-1 modified\n');
    expect((await pk('get', 'node', 'pocketkube-node-1', '-o', 'jsonpath={.spec.taints}')).stdout).toBe('[{"effect":"NoSchedule","key":"dedicated","value":"cpu"}]');
    expect((await pk('taint', 'nodes', 'pocketkube-node-1', 'pocketkube-node-2', 'dedicated-')).stdout).toBe('node/pocketkube-node-1 untainted\nnode/pocketkube-node-2 untainted\n');
    expect(await pk('taint', 'nodes', 'pocketkube-node-1', 'dedicated:NoSchedule-')).toEqual({ code: 1, stdout: '', stderr: 'error: taint "dedicated:NoSchedule" not found\n' });
    await pk('delete', 'deployment', 'plain');
  });

  it("words kubectl's argument errors", async () => {
    expect((await pk('taint', 'nodes', 'pocketkube-node-1', 'k=v:Sometimes')).stderr).toBe("error: invalid taint effect: Sometimes, unsupported taint effect\nSee 'pocketkube taint -h' for help and examples\n");
    expect((await pk('taint', 'pods', 'x', 'k=v:NoSchedule')).stderr).toBe('error: invalid resource type pods, only node types are supported\n');
    expect((await pk('taint', 'nodes', 'k=v:NoSchedule')).stderr).toBe("error: at least one resource name must be specified since 'all' parameter is not set\n");
    expect((await pk('taint', 'nodes', 'pocketkube-node-1')).stderr).toBe('error: at least one taint update is required\n');
    expect((await pk('taint', 'nodes', 'pocketkube-node-1', 'k=v:NoSchedule', 'k-')).stderr).toBe('error: can not both modify and remove the following taint(s) in the same command: {"k":""}\n');
    const r = await pk('taint', 'nodes', 'pocketkube-node-1', 'nope', 'k=v:NoSchedule');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: nodes "nope" not found\n'.replace('error: ', 'Error from server (NotFound): '));
    // the node that exists was tainted all the same (kubectl goes on past a missing one)
    expect((await pk('taint', 'nodes', 'pocketkube-node-1', 'k-')).stdout).toBe('node/pocketkube-node-1 untainted\n');
  });

  it('evicts the pods a NoExecute taint does not tolerate; their ReplicaSet replaces them elsewhere', async () => {
    await pk('create', 'deployment', 'evictme', '--image=nginx', '--replicas=6');
    const before = await placement('-l', 'app=evictme');
    const onNode2 = [...before].filter(([, n]) => n === 'pocketkube-node-2').map(([p]) => p);
    expect(onNode2.length).toBeGreaterThan(0);
    expect((await pk('taint', 'nodes', 'pocketkube-node-2', 'maintenance=now:NoExecute')).stdout).toBe('node/pocketkube-node-2 tainted\n');
    const after = await placement('-l', 'app=evictme');
    expect(after.size).toBe(6);
    expect([...after.values()]).not.toContain('pocketkube-node-2');
    for (const p of onNode2) expect(after.has(p)).toBe(false);
    await pk('taint', 'nodes', 'pocketkube-node-2', 'maintenance-');
    await pk('delete', 'deployment', 'evictme');
  });
});

describe('drain', () => {
  it('refuses DaemonSet and unmanaged pods with kubectl\'s words, then drains with the flags', async () => {
    await pk('apply', '-f', join(CORPUS, 'website__content_en_examples_controllers_daemonset.yaml'));
    await pk('create', 'deployment', 'web', '--image=nginx', '--replicas=6');
    writeFileSync(sb.path('solo.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: solo\nspec:\n  nodeName: pocketkube-node-1\n  containers:\n  - name: c\n    image: nginx\n');
    expect((await pk('apply', '-f', sb.path('solo.yaml'))).stdout).toBe('pod/solo created\n');
    const agent = [...(await placement('-n', 'kube-system', '-l', 'name=fluentd-elasticsearch'))].find(([, n]) => n === 'pocketkube-node-1')![0];
    const refused = await pk('drain', 'pocketkube-node-1');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('node/pocketkube-node-1 cordoned\n');
    const errs = [
      'cannot delete Pods that declare no controller (use --force to override): default/solo',
      `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/${agent}`,
    ];
    expect(refused.stderr).toBe(`error: unable to drain node "pocketkube-node-1" due to error: [${errs.join(', ')}], continuing command...\n`
      + 'There are pending nodes to be drained:\n pocketkube-node-1\n' + `${errs.join('\n')}\n`);

    const webOnNode = [...(await placement('-l', 'app=web'))].filter(([, n]) => n === 'pocketkube-node-1').map(([p]) => p);
    const drained = await pk('drain', 'pocketkube-node-1', '--ignore-daemonsets', '--force');
    expect(drained.code).toBe(0);
    expect(drained.stderr).toBe(`Warning: deleting Pods that declare no controller: default/solo; ignoring DaemonSet-managed Pods: kube-system/${agent}\n`);
    const lines = drained.stdout.trim().split('\n');
    expect(lines[0]).toBe('node/pocketkube-node-1 already cordoned');
    expect(lines.at(-1)).toBe('node/pocketkube-node-1 drained');
    expect(lines.filter((l) => l.startsWith('evicting pod ')).sort()).toEqual(['default/solo', ...webOnNode.map((p) => `default/${p}`)].map((p) => `evicting pod ${p}`).sort());
    expect(lines.filter((l) => l.endsWith(' evicted')).sort()).toEqual(['solo', ...webOnNode].map((p) => `pod/${p} evicted`).sort());
    const web = await placement('-l', 'app=web');
    expect(web.size).toBe(6);
    expect([...web.values()]).not.toContain('pocketkube-node-1');
    // the DaemonSet's pod stays
    expect((await placement('-n', 'kube-system', '-l', 'name=fluentd-elasticsearch')).get(agent)).toBe('pocketkube-node-1');
    expect((await pk('uncordon', 'pocketkube-node-1')).stdout).toBe('node/pocketkube-node-1 uncordoned\n');
  });

  it('waits out a PodDisruptionBudget: a refused eviction is retried until the replacement is healthy', async () => {
    writeFileSync(sb.path('pdb.yaml'), PDB);
    expect((await pk('apply', '-f', sb.path('pdb.yaml'))).stdout).toBe('poddisruptionbudget.policy/web created\n');
    expect((await pk('get', 'pdb')).stdout).toMatch(/^NAME\s+MIN AVAILABLE\s+MAX UNAVAILABLE\s+ALLOWED DISRUPTIONS\s+AGE\nweb\s+5\s+N\/A\s+1\s+\d+s\n$/);
    const onNode = [...(await placement('-l', 'app=web'))].filter(([, n]) => n === 'pocketkube-node-2').map(([p]) => p);
    expect(onNode.length).toBeGreaterThan(1);
    const r = await runAsync(sb, ['drain', 'pocketkube-node-2', '--ignore-daemonsets', '--timeout=50s'], 90_000);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^error when evicting pods\/"web-[a-z0-9-]+" -n "default" \(will retry after 5s\): Cannot evict pod as it would violate the pod's disruption budget\.$/m);
    expect(r.stdout.trim().split('\n').filter((l) => l.endsWith(' evicted')).sort()).toEqual(onNode.map((p) => `pod/${p} evicted`).sort());
    expect(r.stdout).toMatch(/node\/pocketkube-node-2 drained\n$/);
    const describe = (await pk('describe', 'pdb', 'web')).stdout;
    expect(describe).toMatch(/^Min available:\s+5$/m);
    expect(describe).toMatch(/^Status:\n    Allowed disruptions:\s+1\n    Current:\s+6\n    Desired:\s+5\n    Total:\s+6\n/m);
    await pk('uncordon', 'pocketkube-node-2');
  }, 120_000);

  it('prints what it would do in a client dry run, and deletes instead of evicting with --disable-eviction', async () => {
    const onNode = [...(await placement('-l', 'app=web'))].filter(([, n]) => n === 'pocketkube-node-3').map(([p]) => p).sort();
    const dry = await pk('drain', 'pocketkube-node-3', '--ignore-daemonsets', '--dry-run=client');
    expect(dry.stdout).toBe(['node/pocketkube-node-3 cordoned (dry run)', ...onNode.map((p) => `evicting pod default/${p} (dry run)`), 'node/pocketkube-node-3 drained (dry run)', ''].join('\n'));
    expect((await pk('get', 'node', 'pocketkube-node-3', '-o', 'jsonpath={.spec.unschedulable}')).stdout).toBe('');
    const del = await pk('drain', 'pocketkube-node-3', '--ignore-daemonsets', '--disable-eviction', '--pod-selector', 'app=web');
    expect(del.code).toBe(0);
    expect(del.stdout).toBe(['node/pocketkube-node-3 cordoned', ...onNode.map((p) => `pod/${p} deleted`), 'node/pocketkube-node-3 drained', ''].join('\n'));
  });
});
