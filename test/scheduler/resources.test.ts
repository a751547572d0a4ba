import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import { isScalarResourceName, nodeAllocatable, podRequests } from '../../src/scheduler/resources.js';
import { node } from './fixtures.js';

const c = (name: string, requests?: Record<string, string>, extra: Record<string, unknown> = {}) => ({ name, image: 'x', resources: requests ? { requests } : {}, ...extra });
const podOf = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });

describe('podRequests', () => {
  it('sums app containers and takes the larger of that and any init container', () => {
    const p = podOf({
      initContainers: [c('init', { cpu: '2', memory: '64Mi' })],
      containers: [c('a', { cpu: '500m', memory: '256Mi' }), c('b', { cpu: '250m', memory: '256Mi' })],
    });
    expect(podRequests(p, false)).toMatchObject({ milliCPU: 2000, memory: 512 * 1024 * 1024 });
  });

  it('adds sidecars (restartPolicy Always) to the sum and to later init containers', () => {
    const p = podOf({
      initContainers: [c('sidecar', { cpu: '200m' }, { restartPolicy: 'Always' }), c('init', { cpu: '1' })],
      containers: [c('a', { cpu: '300m' })],
    });
    // sum = 300m + 200m = 500m; init after the sidecar needs 1 + 200m = 1200m
    expect(podRequests(p, false).milliCPU).toBe(1200);
  });

  it('adds pod overhead and extended resources', () => {
    const p = podOf({ containers: [c('a', { cpu: '100m', 'nvidia.com/gpu': '2' })], overhead: { cpu: '50m', memory: '10Mi' } });
    const r = podRequests(p, false);
    expect(r.milliCPU).toBe(150);
    expect(r.memory).toBe(10 * 1024 * 1024);
    expect([...(r.scalar ?? [])]).toEqual([['nvidia.com/gpu', 2]]);
  });

  it('counts 0 for fit but 100m / 200Mi per request-less container for scoring', () => {
    const p = podOf({ containers: [c('a'), c('b', { cpu: '1' })] });
    expect(podRequests(p, false)).toMatchObject({ milliCPU: 1000, memory: 0 });
    expect(podRequests(p, true)).toMatchObject({ milliCPU: 1100, memory: 2 * 200 * 1024 * 1024 });
  });
});

describe('resource names and allocatable', () => {
  it('knows which names are scalar resources', () => {
    expect(isScalarResourceName('nvidia.com/gpu')).toBe(true);
    expect(isScalarResourceName('hugepages-2Mi')).toBe(true);
    expect(isScalarResourceName('cpu')).toBe(false);
    expect(isScalarResourceName('kubernetes.io/something')).toBe(false);
  });

  it('reads node allocatable in integer units', () => {
    expect(nodeAllocatable(node('n', { cpu: '3500m', memory: '2Gi', pods: '20' }))).toMatchObject({ milliCPU: 3500, memory: 2 ** 31, pods: 20 });
  });
});
