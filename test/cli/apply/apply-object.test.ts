import { beforeEach, describe, expect, it } from 'vitest';
import { kindRegistry } from '../../../src/api/kinds/index.js';
import type { KubeObject } from '../../../src/api/types.js';
import { applyObject } from '../../../src/cli/apply/apply-object.js';
import { LAST_APPLIED, withLastApplied } from '../../../src/cli/apply/last-applied.js';
import { Cluster } from '../../../src/cluster.js';
import { FakeClock } from '../../../src/util/clock.js';

const registry = kindRegistry();
const deployments = registry.byPlural('deployments')!;
const configmaps = registry.byPlural('configmaps')!;

function deployment(over: { replicas?: number; image?: string; labels?: Record<string, string> } = {}): KubeObject {
  const spec: Record<string, unknown> = {
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: over.image ?? 'nginx:1.27' }] } },
  };
  if (over.replicas !== undefined) spec.replicas = over.replicas;
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', labels: over.labels }, spec };
}

const target = (obj: KubeObject, kind = deployments) => ({ source: 'web.yaml', obj, kind, namespace: 'default' });

describe('withLastApplied', () => {
  it('records the manifest as compact sorted JSON with a newline, its own annotation removed', () => {
    const { annotation, modified } = withLastApplied({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'c', namespace: 'default', annotations: { [LAST_APPLIED]: 'old' } }, data: { b: '<&>', a: '1' } });
    expect(annotation).toBe('{"apiVersion":"v1","data":{"a":"1","b":"\\u003c\\u0026\\u003e"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"c","namespace":"default"}}\n');
    expect(modified.metadata.annotations).toEqual({ [LAST_APPLIED]: annotation });
  });
});

describe('applyObject', () => {
  let cluster: Cluster;
  beforeEach(async () => {
    cluster = await Cluster.inMemory({ clock: new FakeClock() });
  });
  const live = () => cluster.client.get('deployments', 'default', 'web');

  it('creates, then reports unchanged, then configured', async () => {
    const first = await applyObject(cluster.client, target(deployment({ replicas: 2 })), 'none');
    expect(first.operation).toBe('created');
    expect((await live()).metadata.annotations?.[LAST_APPLIED]).toContain('"replicas":2');
    expect((await applyObject(cluster.client, target(deployment({ replicas: 2 })), 'none')).operation).toBe('unchanged');
    const third = await applyObject(cluster.client, target(deployment({ replicas: 3 })), 'none');
    expect(third.operation).toBe('configured');
    expect((await live()).spec.replicas).toBe(3);
  });

  it('removes fields dropped from the manifest but keeps fields others set', async () => {
    await applyObject(cluster.client, target(deployment({ labels: { tier: 'front', team: 'a' } })), 'none');
    const scaled = await live();
    scaled.spec.replicas = 5;
    await cluster.client.update('deployments', scaled);
    const res = await applyObject(cluster.client, target(deployment({ labels: { team: 'a' } })), 'none');
    expect(res.operation).toBe('configured');
    const after = await live();
    expect(after.metadata.labels).toEqual({ team: 'a' });
    expect(after.spec.replicas).toBe(5);
  });

  it('forces back a field the manifest manages', async () => {
    await applyObject(cluster.client, target(deployment({ replicas: 2 })), 'none');
    const scaled = await live();
    scaled.spec.replicas = 7;
    await cluster.client.update('deployments', scaled);
    expect((await applyObject(cluster.client, target(deployment({ replicas: 2 })), 'none')).operation).toBe('configured');
    expect((await live()).spec.replicas).toBe(2);
  });

  it('warns when the live object has no last-applied annotation, and patches it in', async () => {
    await cluster.client.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' }, data: { a: '1' } });
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' }, data: { a: '1' } };
    const res = await applyObject(cluster.client, target(cm, configmaps), 'none');
    expect(res.operation).toBe('configured');
    expect(res.warnings).toEqual([
      'Warning: resource configmaps/c is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.',
    ]);
    expect((await cluster.client.get('configmaps', 'default', 'c')).metadata.annotations?.[LAST_APPLIED]).toBeDefined();
  });

  it('writes nothing on client or server dry runs', async () => {
    expect((await applyObject(cluster.client, target(deployment()), 'client')).operation).toBe('created');
    expect((await applyObject(cluster.client, target(deployment()), 'server')).operation).toBe('created');
    await expect(live()).rejects.toThrow('deployments.apps "web" not found');
    await applyObject(cluster.client, target(deployment({ image: 'a' })), 'none');
    const dry = await applyObject(cluster.client, target(deployment({ image: 'b' })), 'client');
    expect(dry.operation).toBe('configured');
    expect(dry.object.spec.template.spec.containers[0].image).toBe('b');
    await applyObject(cluster.client, target(deployment({ image: 'c' })), 'server');
    expect((await live()).spec.template.spec.containers[0].image).toBe('a');
  });

  it('puts the source in server errors', async () => {
    const obj = deployment();
    obj.metadata.namespace = 'nope';
    await expect(applyObject(cluster.client, { ...target(obj), namespace: 'nope' }, 'none')).rejects.toThrow(
      'error when creating "web.yaml": namespaces "nope" not found',
    );
  });
});
