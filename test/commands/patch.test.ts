import { describe, expect, it } from 'vitest';
import { kindRegistry } from '../../src/api/kinds/index.js';
import type { KubeObject } from '../../src/api/types.js';
import { connectionOf } from '../../src/client/embedded.js';
import { renderError } from '../../src/cli/errors.js';
import { applyPatchLocally, patchType, readPatch } from '../../src/cli/inplace/patch-input.js';
import { testCluster } from '../controllers/helpers.js';

const podKind = kindRegistry().resolve('pods')!;
const pod = (): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', labels: { app: 'web', tier: 'fe' } },
  spec: {
    containers: [
      { name: 'a', image: 'nginx:1.27', ports: [{ containerPort: 80 }, { containerPort: 443 }], env: [{ name: 'X', value: '1' }, { name: 'Y', value: '2' }] },
      { name: 'b', image: 'busybox', args: ['sleep', '1'] },
    ],
  },
});

describe('patch input', () => {
  it('validates --type and the patch flags in kubectl words', () => {
    expect(patchType('JSON')).toBe('json');
    expect(() => patchType('foo')).toThrow('--type must be one of [json merge strategic], not "foo"');
    expect(() => readPatch(undefined, undefined)).toThrow('must specify --patch or --patch-file containing the contents of the patch');
    expect(() => readPatch('{}', 'x')).toThrow('cannot specify --patch and --patch-file together');
    expect(() => readPatch(undefined, '/nonexistent/p.json')).toThrow('unable to read patch file: open /nonexistent/p.json: no such file or directory');
    expect(() => readPatch('{bad', undefined)).toThrow(/^unable to parse "\{bad": yaml: line 1: /);
  });
  it('accepts YAML as well as JSON', () => {
    expect(readPatch('spec:\n  replicas: 2', undefined)).toEqual({ spec: { replicas: 2 } });
  });
});

describe('strategic merge patch (Kubernetes cases)', () => {
  const smp = (p: unknown) => applyPatchLocally(podKind, pod(), 'strategic', p) as KubeObject & { spec: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  it('adds a container and replaces a field of one by its merge key', () => {
    const r = smp({ spec: { containers: [{ name: 'a', image: 'nginx:1.28' }, { name: 'c', image: 'redis' }] } });
    expect(r.spec.containers.map((c: { name: string; image: string }) => `${c.name}=${c.image}`)).toEqual(['a=nginx:1.28', 'c=redis', 'b=busybox']);
    expect(r.spec.containers[0].ports).toHaveLength(2);
  });
  it('merges ports by containerPort and env by name, patch items first', () => {
    const r = smp({ spec: { containers: [{ name: 'a', ports: [{ containerPort: 8080 }], env: [{ name: 'X', value: '9' }, { name: 'Z', value: '3' }] }] } });
    expect(r.spec.containers[0].ports.map((p: { containerPort: number }) => p.containerPort)).toEqual([8080, 80, 443]);
    expect(r.spec.containers[0].env).toEqual([{ name: 'X', value: '9' }, { name: 'Z', value: '3' }, { name: 'Y', value: '2' }]);
  });
  it('deletes a container with $patch: delete and a label with null', () => {
    const r = smp({ metadata: { labels: { tier: null } }, spec: { containers: [{ name: 'b', $patch: 'delete' }] } });
    expect(r.spec.containers.map((c: { name: string }) => c.name)).toEqual(['a']);
    expect(r.metadata.labels).toEqual({ app: 'web' });
  });
  it('replaces the list with $patch: replace', () => {
    const r = smp({ spec: { containers: [{ name: 'z', image: 'z' }, { $patch: 'replace' }] } });
    expect(r.spec.containers).toEqual([{ name: 'z', image: 'z' }]);
  });
  it('replaces a list of primitives (args) wholesale', () => {
    const r = smp({ spec: { containers: [{ name: 'b', args: ['sleep', '99'] }] } });
    expect(r.spec.containers[1].args).toEqual(['sleep', '99']);
  });
});

describe('merge and JSON patches', () => {
  it('JSON merge patch replaces lists entirely', () => {
    const r = applyPatchLocally(podKind, pod(), 'merge', { spec: { containers: [{ name: 'a', image: 'x' }] } });
    expect(r.spec?.containers).toEqual([{ name: 'a', image: 'x' }]);
  });
  it('JSON patch applies every operation or none', () => {
    const r = applyPatchLocally(podKind, pod(), 'json', [
      { op: 'replace', path: '/spec/containers/0/image', value: 'nginx:1.28' },
      { op: 'add', path: '/metadata/labels/new', value: 'yes' },
    ]);
    expect(r.spec?.containers[0].image).toBe('nginx:1.28');
    expect(r.metadata.labels?.new).toBe('yes');
    expect(() => applyPatchLocally(podKind, pod(), 'json', [{ op: 'test', path: '/metadata/name', value: 'other' }])).toThrow();
  });
});

describe('patch against the API', () => {
  it('leaves the object unchanged when a JSON patch test fails, with kubectl\'s message', async () => {
    const { c } = await testCluster();
    const conn = connectionOf(c);
    await conn.client.create('pods', pod());
    const before = await conn.client.get('pods', 'default', 'web');
    const err = await conn.client.patch('pods', 'default', 'web', 'json', [
      { op: 'test', path: '/metadata/labels/app', value: 'nope' },
      { op: 'replace', path: '/metadata/labels/app', value: 'changed' },
    ]).catch((e: unknown) => e);
    expect(renderError(err)).toBe('The request is invalid: the server rejected our request due to an error in our request\n');
    const missing = await conn.client.patch('pods', 'default', 'web', 'json', [{ op: 'replace', path: '/spec/nope/x', value: 1 }]).catch((e: unknown) => e);
    expect(renderError(missing)).toMatch(/^The request is invalid: /);
    expect(await conn.client.get('pods', 'default', 'web')).toEqual(before);
  });
});
