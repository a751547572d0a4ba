import { describe, expect, it } from 'vitest';
import { podReadyText, podRestartsText, podStatusText } from '../../../src/api/kinds/pod-status.js';
import { podKind } from '../../../src/api/kinds/pod.js';

const now = new Date('2026-01-01T01:00:00Z');
const running = { running: { startedAt: '2026-01-01T00:00:00Z' } };

function pod(status: any, spec: any = { containers: [{ name: 'a' }] }, metadata: any = {}): any {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', creationTimestamp: '2026-01-01T00:00:00Z', ...metadata }, spec, status };
}
const cs = (name: string, state: any, extra: any = {}) => ({ name, state, ready: false, restartCount: 0, ...extra });
const row = (p: any) => [podReadyText(p), podStatusText(p), podRestartsText(p, now)];

describe('pod READY / STATUS / RESTARTS', () => {
  it('Pending before scheduling', () => expect(row(pod({ phase: 'Pending' }))).toEqual(['0/1', 'Pending', '0']));

  it('ContainerCreating while the kubelet starts it', () => {
    expect(row(pod({ phase: 'Pending', containerStatuses: [cs('a', { waiting: { reason: 'ContainerCreating' } })] })))
      .toEqual(['0/1', 'ContainerCreating', '0']);
  });

  it('Running and ready', () => {
    expect(row(pod({ phase: 'Running', containerStatuses: [cs('a', running, { ready: true })] }))).toEqual(['1/1', 'Running', '0']);
  });

  it('the first non-running container in spec order decides', () => {
    const p = pod({ phase: 'Running', containerStatuses: [
      cs('a', { waiting: { reason: 'CrashLoopBackOff' } }, { restartCount: 3, lastState: { terminated: { exitCode: 1, finishedAt: '2026-01-01T00:59:15Z' } } }),
      cs('b', { waiting: { reason: 'ImagePullBackOff' } }),
      cs('c', running, { ready: true }),
    ] }, { containers: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] });
    expect(row(p)).toEqual(['1/3', 'CrashLoopBackOff', '3 (45s ago)']);
  });

  it('Completed, Error, OOMKilled and exit codes without a reason', () => {
    expect(podStatusText(pod({ phase: 'Succeeded', containerStatuses: [cs('a', { terminated: { exitCode: 0, reason: 'Completed' } })] }))).toBe('Completed');
    expect(podStatusText(pod({ phase: 'Failed', containerStatuses: [cs('a', { terminated: { exitCode: 1, reason: 'Error' } })] }))).toBe('Error');
    expect(podStatusText(pod({ phase: 'Running', containerStatuses: [cs('a', { terminated: { exitCode: 137, reason: 'OOMKilled' } })] }))).toBe('OOMKilled');
    expect(podStatusText(pod({ phase: 'Failed', containerStatuses: [cs('a', { terminated: { exitCode: 3 } })] }))).toBe('ExitCode:3');
    expect(podStatusText(pod({ phase: 'Failed', containerStatuses: [cs('a', { terminated: { exitCode: 0, signal: 9 } })] }))).toBe('Signal:9');
  });

  it('Completed with a container still running becomes Running or NotReady', () => {
    const spec = { containers: [{ name: 'a' }, { name: 'b' }] };
    const statuses = [cs('a', { terminated: { exitCode: 0, reason: 'Completed' } }), cs('b', running, { ready: true })];
    expect(podStatusText(pod({ phase: 'Running', containerStatuses: statuses, conditions: [{ type: 'Ready', status: 'True' }] }, spec))).toBe('Running');
    expect(podStatusText(pod({ phase: 'Running', containerStatuses: statuses, conditions: [{ type: 'Ready', status: 'False' }] }, spec))).toBe('NotReady');
  });

  it('init containers: progress, failures and waiting reasons', () => {
    const spec = { initContainers: [{ name: 'i1' }, { name: 'i2' }], containers: [{ name: 'a' }] };
    const done = cs('i1', { terminated: { exitCode: 0, reason: 'Completed' } });
    expect(podStatusText(pod({ phase: 'Pending', initContainerStatuses: [done, cs('i2', running)] }, spec))).toBe('Init:1/2');
    expect(podStatusText(pod({ phase: 'Pending', initContainerStatuses: [done, cs('i2', { waiting: { reason: 'CrashLoopBackOff' } })] }, spec))).toBe('Init:CrashLoopBackOff');
    expect(podStatusText(pod({ phase: 'Pending', initContainerStatuses: [cs('i1', { terminated: { exitCode: 2, reason: 'Error' } })] }, spec))).toBe('Init:Error');
    expect(podStatusText(pod({ phase: 'Pending', initContainerStatuses: [cs('i1', { terminated: { exitCode: 2 } })] }, spec))).toBe('Init:ExitCode:2');
    expect(podStatusText(pod({ phase: 'Pending', initContainerStatuses: [cs('i1', { waiting: { reason: 'PodInitializing' } })] }, spec))).toBe('Init:0/2');
  });

  it('restartable init containers (sidecars) count towards READY and RESTARTS', () => {
    const spec = { initContainers: [{ name: 'side', restartPolicy: 'Always' }], containers: [{ name: 'a' }] };
    const p = pod({
      phase: 'Running',
      conditions: [{ type: 'Initialized', status: 'True' }],
      initContainerStatuses: [cs('side', running, { ready: true, started: true, restartCount: 2 })],
      containerStatuses: [cs('a', running, { ready: true, restartCount: 1 })],
    }, spec);
    expect(row(p)).toEqual(['2/2', 'Running', '3']);
  });

  it('status.reason wins over the phase (Evicted) and SchedulingGated is shown', () => {
    expect(podStatusText(pod({ phase: 'Failed', reason: 'Evicted' }))).toBe('Evicted');
    expect(podStatusText(pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }))).toBe('SchedulingGated');
  });

  it('Terminating while deleting, Unknown for a lost node, nothing for finished pods', () => {
    const meta = { deletionTimestamp: '2026-01-01T01:00:30Z' };
    expect(podStatusText(pod({ phase: 'Running', containerStatuses: [cs('a', running, { ready: true })] }, undefined, meta))).toBe('Terminating');
    expect(podStatusText(pod({ phase: 'Running', reason: 'NodeLost' }, undefined, meta))).toBe('Unknown');
    expect(podStatusText(pod({ phase: 'Succeeded', containerStatuses: [cs('a', { terminated: { exitCode: 0, reason: 'Completed' } })] }, undefined, meta))).toBe('Completed');
  });

  it('wide columns', () => {
    const p = pod({ phase: 'Running', podIPs: [{ ip: '10.244.0.5' }], containerStatuses: [cs('a', running, { ready: true })] },
      { nodeName: 'node-1', containers: [{ name: 'a' }], readinessGates: [{ conditionType: 'x/ready' }] });
    const cells = podKind.columns.map((c) => c.cell(p, now));
    expect(podKind.columns.map((c) => c.name)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']);
    expect(cells).toEqual(['p', '1/1', 'Running', '0', '60m', '10.244.0.5', 'node-1', '<none>', '0/1']);
  });
});
