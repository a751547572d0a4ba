import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import { Cluster } from '../../src/cluster.js';
import { FakeClock } from '../../src/util/clock.js';

const ingressClass = (name: string, isDefault: boolean): KubeObject => ({
  apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass',
  metadata: { name, annotations: isDefault ? { 'ingressclass.kubernetes.io/is-default-class': 'true' } : {} },
  spec: { controller: `example.com/${name}` },
});
const ingress = (name: string, extra: { className?: string; annotation?: string } = {}): KubeObject => ({
  apiVersion: 'networking.k8s.io/v1', kind: 'Ingress',
  metadata: { name, namespace: 'default', ...(extra.annotation ? { annotations: { 'kubernetes.io/ingress.class': extra.annotation } } : {}) },
  spec: { ...(extra.className ? { ingressClassName: extra.className } : {}), defaultBackend: { service: { name: 'web', port: { number: 80 } } } },
});

describe('DefaultIngressClass admission', () => {
  it('gives an Ingress without a class the newest default class, and leaves a chosen class alone', async () => {
    const clock = new FakeClock('2026-01-01T00:00:00Z');
    const c = await Cluster.inMemory({ clock, bootstrap: { nodes: 1 } });
    const create = async (ing: KubeObject) => (await c.client.create('ingresses', ing)).spec.ingressClassName;
    expect(await create(ingress('none-yet'))).toBeUndefined();
    await c.client.create('ingressclasses', ingressClass('plain', false));
    await c.client.create('ingressclasses', ingressClass('older', true));
    clock.advance(1000);
    await c.client.create('ingressclasses', ingressClass('newer', true));
    expect(await create(ingress('a'))).toBe('newer');
    expect(await create(ingress('b', { className: 'plain' }))).toBe('plain');
    // the class an Ingress names by the older annotation is its class too
    expect(await create(ingress('c', { annotation: 'plain' }))).toBeUndefined();
    await c.close();
  });
});
