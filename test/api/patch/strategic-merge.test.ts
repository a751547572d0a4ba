import { describe, expect, it } from 'vitest';
import { applyStrategicMergePatch, createThreeWayMergePatch } from '../../../src/api/patch/strategic-merge.js';

interface TestContainer { name: string; image?: string; ports?: Array<{ containerPort: number }>; env?: Array<{ name: string; value: string }> }
const pod = (containers: TestContainer[]) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers } });

describe('applyStrategicMergePatch', () => {
  it('merges maps and deletes keys set to null', () => {
    const out = applyStrategicMergePatch({ metadata: { labels: { a: '1', tier: 'x' } } }, { metadata: { labels: { tier: null, b: '2' } } });
    expect(out).toEqual({ metadata: { labels: { a: '1', b: '2' } } });
  });

  it('merges containers by name and keeps untouched fields', () => {
    const orig = pod([{ name: 'a', image: 'nginx:1', ports: [{ containerPort: 80 }] }, { name: 'b', image: 'busybox' }]);
    const out = applyStrategicMergePatch(orig, { spec: { containers: [{ name: 'a', image: 'nginx:2' }] } }, 'V1Pod');
    expect(out.spec.containers).toEqual([{ name: 'a', image: 'nginx:2', ports: [{ containerPort: 80 }] }, { name: 'b', image: 'busybox' }]);
    expect(orig.spec.containers[0]).toMatchObject({ image: 'nginx:1' });
  });

  it('puts new patch items before server-only items (observed kubectl order)', () => {
    const orig = pod([{ name: 'a', image: 'x', ports: [{ containerPort: 80 }, { containerPort: 443 }], env: [{ name: 'X', value: '1' }, { name: 'Y', value: '2' }] }]);
    const out = applyStrategicMergePatch(orig, {
      spec: { containers: [{ name: 'a', ports: [{ containerPort: 8080 }], env: [{ name: 'X', value: '9' }, { name: 'Z', value: '3' }] }] },
    }, 'V1Pod');
    const c = out.spec.containers[0];
    expect(c.ports!.map((p) => p.containerPort)).toEqual([8080, 80, 443]);
    expect(c.env).toEqual([{ name: 'X', value: '9' }, { name: 'Z', value: '3' }, { name: 'Y', value: '2' }]);
  });

  it('merges service ports by port, in a deployment template by containerPort', () => {
    const svc = { spec: { ports: [{ port: 80, targetPort: 8080 }] } };
    expect(applyStrategicMergePatch(svc, { spec: { ports: [{ port: 80, name: 'http' }] } }, 'V1Service').spec.ports).toEqual([{ port: 80, targetPort: 8080, name: 'http' }]);
    const dep = { spec: { template: { spec: { containers: [{ name: 'a', ports: [{ containerPort: 80, name: 'x' }] }] } } } };
    const out = applyStrategicMergePatch(dep, { spec: { template: { spec: { containers: [{ name: 'a', ports: [{ containerPort: 80, protocol: 'TCP' }] }] } } } }, 'V1Deployment');
    expect(out.spec.template.spec.containers[0].ports).toEqual([{ containerPort: 80, name: 'x', protocol: 'TCP' }]);
  });

  it('deletes a list item with $patch: delete', () => {
    const out = applyStrategicMergePatch(pod([{ name: 'a' }, { name: 'b' }]), { spec: { containers: [{ name: 'b', $patch: 'delete' }] } }, 'V1Pod');
    expect(out.spec.containers).toEqual([{ name: 'a' }]);
  });

  it('replaces a list with $patch: replace', () => {
    const out = applyStrategicMergePatch(pod([{ name: 'a', image: 'x' }, { name: 'b' }]), { spec: { containers: [{ name: 'c', image: 'y' }, { $patch: 'replace' }] } }, 'V1Pod');
    expect(out.spec.containers).toEqual([{ name: 'c', image: 'y' }]);
  });

  it('replaces a map with $patch: replace', () => {
    const out = applyStrategicMergePatch({ metadata: { labels: { a: '1' } } }, { metadata: { labels: { b: '2', $patch: 'replace' } } });
    expect(out.metadata.labels).toEqual({ b: '2' });
  });

  it('replaces atomic lists such as tolerations and args', () => {
    const orig = { spec: { tolerations: [{ key: 'a', operator: 'Exists' }], containers: [{ name: 'a', args: ['x', 'y'] }] } };
    const out = applyStrategicMergePatch(orig, { spec: { tolerations: [{ key: 'b', operator: 'Exists' }], containers: [{ name: 'a', args: ['z'] }] } }, 'V1Pod');
    expect(out.spec.tolerations).toEqual([{ key: 'b', operator: 'Exists' }]);
    expect(out.spec.containers[0].args).toEqual(['z']);
  });

  it('unions finalizers and removes with $deleteFromPrimitiveList', () => {
    const orig = { metadata: { finalizers: ['a', 'b'] } };
    expect(applyStrategicMergePatch(orig, { metadata: { finalizers: ['b', 'c'] } }).metadata.finalizers).toEqual(['a', 'b', 'c']);
    expect(applyStrategicMergePatch(orig, { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } }).metadata.finalizers).toEqual(['b']);
  });

  it('reorders with $setElementOrder', () => {
    const out = applyStrategicMergePatch(pod([{ name: 'a' }, { name: 'b' }]), { spec: { '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }] } }, 'V1Pod');
    expect(out.spec.containers.map((c: { name: string }) => c.name)).toEqual(['b', 'a']);
  });

  it('drops keys not retained by $retainKeys', () => {
    const dep = { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } };
    const out = applyStrategicMergePatch(dep, { spec: { strategy: { type: 'Recreate', $retainKeys: ['type'] } } }, 'V1Deployment');
    expect(out.spec.strategy).toEqual({ type: 'Recreate' });
  });

  it('rejects a merge-keyed item without its key', () => {
    expect(() => applyStrategicMergePatch(pod([{ name: 'a' }]), { spec: { containers: [{ image: 'x' }] } }, 'V1Pod')).toThrow(/does not contain declared merge key: name/);
  });
});

describe('createThreeWayMergePatch', () => {
  const manifest = (replicas: number | undefined, labels: Record<string, string>) => ({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', labels },
    spec: { ...(replicas === undefined ? {} : { replicas }), template: { spec: { containers: [{ name: 'web', image: 'nginx:1' }] } } },
  });

  it('is empty when nothing changed, ignoring live-only fields', () => {
    const m = manifest(2, { app: 'web' });
    const live = { ...manifest(2, { app: 'web' }), status: { replicas: 2 }, metadata: { name: 'web', labels: { app: 'web' }, uid: 'u', resourceVersion: '5' } };
    expect(createThreeWayMergePatch(m, m, live, 'V1Deployment')).toEqual({});
  });

  it('removes a field dropped from the manifest and keeps a live-only field', () => {
    const original = manifest(2, { app: 'web', tier: 'fe' });
    const modified = manifest(2, { app: 'web' });
    const live = { ...manifest(2, { app: 'web', tier: 'fe', extra: 'kept' }) };
    const patch = createThreeWayMergePatch(original, modified, live, 'V1Deployment');
    expect(patch).toEqual({ metadata: { labels: { tier: null } } });
  });

  it('forces back a managed field changed live (kubectl scale undone)', () => {
    const m = manifest(3, { app: 'web' });
    const live = manifest(5, { app: 'web' });
    expect(createThreeWayMergePatch(m, m, live, 'V1Deployment')).toEqual({ spec: { replicas: 3 } });
  });

  it('deletes a removed container with $patch: delete and sets the element order', () => {
    const two = { spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] } };
    const one = { spec: { containers: [{ name: 'a', image: 'x' }] } };
    const patch = createThreeWayMergePatch(two, one, two, 'V1Pod');
    expect(patch).toEqual({ spec: { containers: [{ $patch: 'delete', name: 'b' }], '$setElementOrder/containers': [{ name: 'a' }] } });
    expect(applyStrategicMergePatch(two, patch, 'V1Pod')).toEqual(one);
  });

  it('changes a container image by merge key', () => {
    const live = { spec: { containers: [{ name: 'a', image: 'x', imagePullPolicy: 'Always' }] } };
    const orig = { spec: { containers: [{ name: 'a', image: 'x' }] } };
    const mod = { spec: { containers: [{ name: 'a', image: 'z' }] } };
    const patch = createThreeWayMergePatch(orig, mod, live, 'V1Pod');
    expect(patch).toEqual({ spec: { containers: [{ name: 'a', image: 'z' }], '$setElementOrder/containers': [{ name: 'a' }] } });
    expect(applyStrategicMergePatch(live, patch, 'V1Pod').spec.containers).toEqual([{ name: 'a', image: 'z', imagePullPolicy: 'Always' }]);
  });

  it('adds $retainKeys when the deployment strategy changes', () => {
    const orig = { spec: { strategy: { type: 'RollingUpdate' } } };
    const live = { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%' } } } };
    const mod = { spec: { strategy: { type: 'Recreate' } } };
    const patch = createThreeWayMergePatch(orig, mod, live, 'V1Deployment');
    expect(patch).toEqual({ spec: { strategy: { type: 'Recreate', $retainKeys: ['type'] } } });
    expect(applyStrategicMergePatch(live, patch, 'V1Deployment').spec.strategy).toEqual({ type: 'Recreate' });
  });

  it('removes finalizers with $deleteFromPrimitiveList', () => {
    const patch = createThreeWayMergePatch({ metadata: { finalizers: ['a', 'b'] } }, { metadata: { finalizers: ['a'] } }, { metadata: { finalizers: ['a', 'b'] } });
    expect(patch).toEqual({ metadata: { '$deleteFromPrimitiveList/finalizers': ['b'], '$setElementOrder/finalizers': ['a'] } });
  });
});
