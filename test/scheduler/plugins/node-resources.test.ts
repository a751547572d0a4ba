import { describe, expect, it } from 'vitest';
import { nodeResourcesBalancedAllocation } from '../../../src/scheduler/plugins/node-resources-balanced-allocation.js';
import { nodeResourcesFit } from '../../../src/scheduler/plugins/node-resources-fit.js';
import { Snapshot } from '../../../src/scheduler/snapshot.js';
import { node, pod } from '../fixtures.js';
import { filterAll, scoreAll } from './helpers.js';

const on = (n: string, o: Parameters<typeof pod>[1] = {}) => pod(`on-${n}-${Math.random()}`, { ...o, nodeName: n });

describe('NodeResourcesFit filter', () => {
  it('reports every insufficient resource, pods first', () => {
    const snap = new Snapshot({ nodes: [node('full', { cpu: '1', memory: '1Gi', pods: '1' }), node('roomy')], pods: [on('full', { cpu: '500m' })] });
    expect(filterAll(nodeResourcesFit, pod('p', { cpu: '600m', memory: '2Gi' }), snap)).toEqual({
      full: 'unschedulable: Too many pods, Insufficient cpu, Insufficient memory',
      roomy: 'ok',
    });
  });

  it('counts already-placed requests and fits exactly at the limit', () => {
    const snap = new Snapshot({ nodes: [node('n', { cpu: '1' })], pods: [on('n', { cpu: '400m' })] });
    expect(filterAll(nodeResourcesFit, pod('p', { cpu: '600m' }), snap)).toEqual({ n: 'ok' });
    expect(filterAll(nodeResourcesFit, pod('p', { cpu: '601m' }), snap)).toEqual({ n: 'unschedulable: Insufficient cpu' });
  });

  it('a pod without requests only needs a pod slot', () => {
    const snap = new Snapshot({ nodes: [node('n', { cpu: '100m', pods: '2' })], pods: [on('n', { cpu: '100m' })] });
    expect(filterAll(nodeResourcesFit, pod('p'), snap)).toEqual({ n: 'ok' });
    snapAdd(snap, on('n'));
    expect(filterAll(nodeResourcesFit, pod('p'), snap)).toEqual({ n: 'unschedulable: Too many pods' });
  });

  it('checks extended resources', () => {
    const gpuNode = node('g');
    gpuNode.status.allocatable['nvidia.com/gpu'] = '1';
    const snap = new Snapshot({ nodes: [gpuNode, node('plain')] });
    const p = pod('p', { spec: { containers: [{ name: 'c', image: 'cuda', resources: { requests: { 'nvidia.com/gpu': '1' } } }] } });
    expect(filterAll(nodeResourcesFit, p, snap)).toEqual({ g: 'ok', plain: 'unschedulable: Insufficient nvidia.com/gpu' });
  });
});

function snapAdd(snap: Snapshot, p: ReturnType<typeof pod>): void {
  snap.addPod(p);
}

describe('NodeResourcesFit score (LeastAllocated)', () => {
  it('prefers the emptier node, counting request-less pods at 100m/200Mi', () => {
    const snap = new Snapshot({ nodes: [node('busy', { cpu: '1', memory: '1000Mi' }), node('idle', { cpu: '1', memory: '1000Mi' })], pods: [on('busy'), on('busy')] });
    // busy: cpu (1000-300)/1000 = 70, memory (1000-600)/1000 = 40 -> 55; idle: 90 and 80 -> 85
    expect(scoreAll(nodeResourcesFit, pod('p'), snap)).toEqual({ busy: 55, idle: 85 });
  });
});

describe('NodeResourcesBalancedAllocation', () => {
  it('scores 100 minus half the cpu/memory utilisation gap, on actual requests', () => {
    const snap = new Snapshot({ nodes: [node('n1', { cpu: '1', memory: '1Gi' }), node('n2', { cpu: '1', memory: '1Gi' })], pods: [on('n1', { cpu: '500m' })] });
    // n1: cpu 0.6, memory 0.0 -> std 0.3 -> 70; n2: cpu 0.1, memory 0 -> 95
    expect(scoreAll(nodeResourcesBalancedAllocation, pod('p', { cpu: '100m' }), snap)).toEqual({ n1: 70, n2: 95 });
  });
});
