import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { Cluster } from '../../src/cluster.js';
import { FakeClock } from '../../src/util/clock.js';
import { complete, type CompletionCommand } from '../../src/cli/completion/candidates.js';
import { completionWorld } from '../../src/cli/completion/world.js';
import { completionScript } from '../../src/cli/completion/scripts.js';

const flag = (name: string, char?: string, takesValue = true) => ({ name, char, takesValue });
const globals = [flag('namespace', 'n'), flag('context'), flag('state-dir')];
const commands: CompletionCommand[] = [
  { id: 'get', flags: [...globals, flag('output', 'o'), flag('all-namespaces', 'A', false), flag('selector', 'l')] },
  { id: 'apply', flags: [...globals, flag('filename', 'f')] },
  { id: 'logs', flags: globals },
  { id: 'cordon', flags: globals },
  { id: 'taint', flags: globals },
  { id: 'explain', flags: [...globals, flag('recursive', undefined, false)] },
  { id: 'completion', flags: globals },
  { id: 'config:use-context', flags: globals },
  { id: 'config:get-contexts', flags: globals },
  { id: 'create', flags: globals },
  { id: 'create:configmap', flags: globals },
  { id: '__complete', hidden: true, flags: [] },
];

let cluster: Cluster;
const pod = (name: string, namespace: string) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, spec: { containers: [{ name: 'c', image: 'nginx' }] },
});

beforeEach(async () => {
  cluster = await Cluster.inMemory({ clock: new FakeClock('2026-01-01T00:00:00Z') });
  await cluster.client.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
  await cluster.client.create('pods', pod('web-1', 'default'));
  await cluster.client.create('pods', pod('web-2', 'default'));
  await cluster.client.create('pods', pod('cart', 'shop'));
});
afterEach(async () => {
  await cluster.close();
});

const run = (words: string[], defaultNamespace = 'default') =>
  complete(
    completionWorld({ commands, registry: cluster.registry, contexts: ['dev', 'pocketkube'], defaultNamespace, client: async () => cluster.client }),
    words,
  );

describe('__complete candidates', () => {
  it('completes command words, hiding hidden commands, and topics', async () => {
    expect((await run([''])).candidates).toEqual(['apply', 'completion', 'config', 'cordon', 'create', 'explain', 'get', 'logs', 'taint']);
    expect((await run(['config', ''])).candidates).toEqual(['get-contexts', 'use-context']);
    expect((await run(['create', 'c'])).candidates).toEqual(['configmap']);
  });

  it('completes resource types by every name they are known by', async () => {
    const { candidates, directive } = await run(['get', 'po']);
    expect(candidates).toEqual(expect.arrayContaining(['po', 'pod', 'pods']));
    expect(candidates.every((c) => c.startsWith('po'))).toBe(true);
    expect(directive).toBe(4);
  });

  it('completes object names of the given type in the current namespace', async () => {
    expect((await run(['get', 'pods', ''])).candidates).toEqual(['web-1', 'web-2']);
    expect((await run(['get', 'po', 'web-1', ''])).candidates).toEqual(['web-2']);
    expect((await run(['get', 'pods', ''], 'shop')).candidates).toEqual(['cart']);
    expect((await run(['get', '-n', 'shop', 'pods', ''])).candidates).toEqual(['cart']);
    expect((await run(['get', 'pods', '-A', ''])).candidates).toEqual(['cart', 'web-1', 'web-2']);
    expect((await run(['--context', 'dev', '-n', 'shop', 'get', 'po', ''])).candidates).toEqual(['cart']);
    expect((await run(['get', 'ns', 's'])).candidates).toEqual(['shop']);
  });

  it('completes TYPE/NAME and pod names for logs', async () => {
    expect((await run(['get', 'pod/w'])).candidates).toEqual(['pod/web-1', 'pod/web-2']);
    expect((await run(['logs', ''])).candidates).toEqual(['web-1', 'web-2']);
  });

  it('completes node names for cordon, and the node type then node names for taint', async () => {
    const nodes = (await cluster.client.list('nodes')).items.map((n) => n.metadata.name).sort();
    expect(nodes.length).toBeGreaterThan(1);
    expect((await run(['cordon', ''])).candidates).toEqual(nodes);
    expect((await run(['cordon', nodes[0]!, ''])).candidates).toEqual(nodes.slice(1));
    expect((await run(['taint', ''])).candidates).toEqual(['node']);
    expect((await run(['taint', 'node', ''])).candidates).toEqual(nodes);
  });

  it('completes flags and flag values', async () => {
    expect((await run(['get', '--out'])).candidates).toEqual(['--output']);
    expect((await run(['get', '-o', 'y'])).candidates).toEqual(['yaml']);
    expect((await run(['get', '-n', ''])).candidates).toEqual(expect.arrayContaining(['default', 'kube-system', 'shop']));
    expect((await run(['get', '--context', ''])).candidates).toEqual(['dev', 'pocketkube']);
    expect((await run(['--context', ''])).candidates).toEqual(['dev', 'pocketkube']);
    expect(await run(['apply', '-f', ''])).toEqual({ candidates: [], directive: 0 });
  });

  it('completes contexts, shells and explain types', async () => {
    expect((await run(['config', 'use-context', ''])).candidates).toEqual(['dev', 'pocketkube']);
    expect((await run(['completion', ''])).candidates).toEqual(['bash', 'fish', 'powershell', 'zsh']);
    expect((await run(['explain', 'deploy'])).candidates).toEqual(['deploy', 'deployment', 'deployments']);
  });
});

describe('completion scripts', () => {
  it('bash script is valid bash and fills COMPREPLY from __complete', () => {
    const script = completionScript('bash', 'pocketkube');
    // A stand-in program answering like `__complete get pods ''` would.
    const harness = `${script}
pocketkube() { [ "$1" = __complete ] && printf 'web-1\\nweb-2\\n:4\\n'; }
COMP_LINE='pocketkube get pods '; COMP_POINT=\${#COMP_LINE}
__pocketkube_complete
printf '%s\\n' "\${COMPREPLY[@]}"`;
    expect(execFileSync('bash', ['-c', harness], { encoding: 'utf8' })).toBe('web-1\nweb-2\n');
  });

  it('every shell script calls back into the program', () => {
    for (const shell of ['bash', 'zsh', 'fish', 'powershell'] as const) {
      expect(completionScript(shell, 'pocketkube')).toContain('pocketkube __complete');
    }
  });
});
