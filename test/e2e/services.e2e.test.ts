import { afterAll, describe, expect, it } from 'vitest';
import { CliSandbox } from './cli-runner.js';
import { runAsync, runUntil } from './settle.js';

import { CORPUS } from './corpus-path.js';
const sb = new CliSandbox('pk-svc-');
afterAll(() => sb.dispose());

describe('Service endpoints (microservices-demo)', { timeout: 240_000 }, () => {
  it('gives every service endpoints once its pods are ready', async () => {
    expect((await runAsync(sb, ['apply', '-f', `${CORPUS}/microservices-demo__release_kubernetes-manifests.yaml`])).code).toBe(0);
    const ep = await runUntil(sb, ['get', 'endpoints'], (r) => r.stdout.split('\n').slice(1).filter((l) => l).every((l) => /:\d+/.test(l)), 60);
    const rows = ep.stdout.trim().split('\n').slice(1).map((l) => l.split(/\s+/));
    expect(rows.map((r) => r[0])).toEqual([
      'adservice', 'cartservice', 'checkoutservice', 'currencyservice', 'emailservice', 'frontend', 'frontend-external', 'kubernetes',
      'paymentservice', 'productcatalogservice', 'recommendationservice', 'redis-cart', 'shippingservice',
    ]);
    const byName = Object.fromEntries(rows.map((r) => [r[0], r[1]]));
    expect(byName.frontend).toMatch(/^10\.244\.\d+\.\d+:8080$/);
    expect(byName['frontend-external']).toBe(byName.frontend);
    expect(byName['redis-cart']).toMatch(/:6379$/);
    const slices = await runAsync(sb, ['get', 'endpointslices', '-l', 'kubernetes.io/service-name=frontend', '-o', 'json']);
    const items = JSON.parse(slices.stdout).items;
    expect(items).toHaveLength(1);
    expect(items[0].metadata.name).toMatch(/^frontend-[a-z0-9]{5}$/);
    expect(items[0].endpoints[0].conditions).toEqual({ ready: true, serving: true, terminating: false });
  });

  it('drops the endpoints of a deleted service', async () => {
    expect((await runAsync(sb, ['delete', 'service', 'adservice'])).code).toBe(0);
    expect((await runAsync(sb, ['get', 'endpoints', 'adservice'])).stderr).toBe('Error from server (NotFound): endpoints "adservice" not found\n');
    expect((await runAsync(sb, ['get', 'endpointslices', '-l', 'kubernetes.io/service-name=adservice'])).stderr).toBe('No resources found in default namespace.\n');
  });
});
