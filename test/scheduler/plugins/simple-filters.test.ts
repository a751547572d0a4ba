import { describe, expect, it } from 'vitest';
import { nodeName } from '../../../src/scheduler/plugins/node-name.js';
import { nodePorts } from '../../../src/scheduler/plugins/node-ports.js';
import { nodeUnschedulable } from '../../../src/scheduler/plugins/node-unschedulable.js';
import { taintToleration } from '../../../src/scheduler/plugins/taint-toleration.js';
import { Snapshot } from '../../../src/scheduler/snapshot.js';
import { node, pod } from '../fixtures.js';
import { filterAll, scoreAll } from './helpers.js';

describe('NodeUnschedulable', () => {
  const snap = new Snapshot({ nodes: [node('a', { unschedulable: true }), node('b')] });
  it('rejects cordoned nodes as unresolvable', () => {
    expect(filterAll(nodeUnschedulable, pod('p'), snap)).toEqual({ a: 'unresolvable: node(s) were unschedulable', b: 'ok' });
  });
  it('lets a pod tolerating the unschedulable taint through', () => {
    const p = pod('p', { spec: { tolerations: [{ operator: 'Exists' }] } });
    expect(filterAll(nodeUnschedulable, p, snap)).toBe('skip');
  });
});

describe('NodeName', () => {
  const snap = new Snapshot({ nodes: [node('a'), node('b')] });
  it('fits only the named node', () => {
    expect(filterAll(nodeName, pod('p', { spec: { nodeName: 'b' } }), snap)).toEqual({
      a: "unresolvable: node(s) didn't match the requested node name",
      b: 'ok',
    });
    expect(filterAll(nodeName, pod('p'), snap)).toBe('skip');
  });
});

describe('NodePorts', () => {
  const web = (name: string, hostPort: number, extra: Record<string, unknown> = {}) =>
    pod(name, { spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80, hostPort, ...extra }] }] } });
  const snap = new Snapshot({ nodes: [node('a'), node('b')], pods: [{ ...web('running', 8080), spec: { ...web('running', 8080).spec, nodeName: 'a' }, status: { phase: 'Running' } }] });

  it('rejects nodes where the host port is taken (resolvable by preemption)', () => {
    expect(filterAll(nodePorts, web('p', 8080), snap)).toEqual({
      a: "unschedulable: node(s) didn't have free ports for the requested pod ports",
      b: 'ok',
    });
  });
  it('allows another protocol, another port, or disjoint host IPs', () => {
    expect(filterAll(nodePorts, web('p', 8080, { protocol: 'UDP' }), snap)).toEqual({ a: 'ok', b: 'ok' });
    expect(filterAll(nodePorts, web('p', 8081), snap)).toEqual({ a: 'ok', b: 'ok' });
    const snap2 = new Snapshot({ nodes: [node('a')], pods: [{ ...web('r', 80, { hostIP: '10.0.0.1' }), spec: { ...web('r', 80, { hostIP: '10.0.0.1' }).spec, nodeName: 'a' }, status: { phase: 'Running' } }] });
    expect(filterAll(nodePorts, web('p', 80, { hostIP: '10.0.0.2' }), snap2)).toEqual({ a: 'ok' });
    expect(filterAll(nodePorts, web('p', 80), snap2)).toEqual({ a: "unschedulable: node(s) didn't have free ports for the requested pod ports" });
  });
  it('skips pods without host ports', () => {
    expect(filterAll(nodePorts, pod('p'), snap)).toBe('skip');
  });
});

describe('TaintToleration', () => {
  const snap = new Snapshot({
    nodes: [
      node('cp', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }),
      node('gpu', { taints: [{ key: 'gpu', value: 'true', effect: 'NoExecute' }] }),
      node('soft', { taints: [{ key: 'spot', value: 'yes', effect: 'PreferNoSchedule' }] }),
      node('plain'),
    ],
  });

  it('names the first untolerated NoSchedule/NoExecute taint', () => {
    expect(filterAll(taintToleration, pod('p'), snap)).toEqual({
      cp: 'unresolvable: node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }',
      gpu: 'unresolvable: node(s) had untolerated taint {gpu: true}',
      soft: 'ok',
      plain: 'ok',
    });
  });

  it('honours Equal/Exists operators and effects', () => {
    const eq = pod('p', { spec: { tolerations: [{ key: 'gpu', operator: 'Equal', value: 'true', effect: 'NoExecute' }] } });
    expect(filterAll(taintToleration, eq, snap)).toMatchObject({ gpu: 'ok' });
    const wrongValue = pod('p', { spec: { tolerations: [{ key: 'gpu', value: 'false' }] } });
    expect(filterAll(taintToleration, wrongValue, snap)).toMatchObject({ gpu: 'unresolvable: node(s) had untolerated taint {gpu: true}' });
    const wrongEffect = pod('p', { spec: { tolerations: [{ key: 'gpu', operator: 'Exists', effect: 'NoSchedule' }] } });
    expect(filterAll(taintToleration, wrongEffect, snap)).toMatchObject({ gpu: 'unresolvable: node(s) had untolerated taint {gpu: true}' });
    const all = pod('p', { spec: { tolerations: [{ operator: 'Exists' }] } });
    expect(filterAll(taintToleration, all, snap)).toEqual({ cp: 'ok', gpu: 'ok', soft: 'ok', plain: 'ok' });
  });

  it('scores untolerated PreferNoSchedule taints down (reverse-normalised)', () => {
    expect(scoreAll(taintToleration, pod('p'), snap)).toEqual({ cp: 100, gpu: 100, soft: 0, plain: 100 });
    const tolerant = pod('p', { spec: { tolerations: [{ key: 'spot', operator: 'Exists', effect: 'PreferNoSchedule' }] } });
    expect(scoreAll(taintToleration, tolerant, snap)).toEqual({ cp: 100, gpu: 100, soft: 100, plain: 100 });
  });
});
