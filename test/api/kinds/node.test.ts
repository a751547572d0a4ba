import { describe, expect, it } from 'vitest';
import { nodeKind, nodeStatusText } from '../../../src/api/kinds/node.js';
import { fakeClient } from './helpers.js';

const now = new Date('2026-01-01T01:00:00Z');

function node(): any {
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name: 'node-1', creationTimestamp: '2026-01-01T00:00:00Z', labels: { 'kubernetes.io/hostname': 'node-1', 'node-role.kubernetes.io/worker': '' } },
    spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'] },
    status: {
      capacity: { cpu: '2', memory: '4Gi', pods: '110' },
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status',
        lastHeartbeatTime: '2026-01-01T00:59:50Z', lastTransitionTime: '2026-01-01T00:00:10Z' }],
      addresses: [{ type: 'InternalIP', address: '172.18.0.3' }, { type: 'Hostname', address: 'node-1' }],
      nodeInfo: { kubeletVersion: 'v1.32.0', osImage: 'Debian GNU/Linux 12', kernelVersion: '6.1.0', containerRuntimeVersion: 'containerd://1.7.24',
        machineID: 'm', systemUUID: 's', bootID: 'b', operatingSystem: 'linux', architecture: 'amd64', kubeProxyVersion: 'v1.32.0' },
    },
  };
}

describe('node', () => {
  it('defaults allocatable from capacity', () => {
    const n = node();
    nodeKind.defaults!(n);
    expect(n.status.allocatable).toEqual({ cpu: '2', memory: '4Gi', pods: '110' });
  });

  it('STATUS / ROLES / VERSION and wide columns', () => {
    const n = node();
    expect(nodeKind.columns.map((c) => c.cell(n, now))).toEqual(['node-1', 'Ready', 'worker', '60m', 'v1.32.0', '172.18.0.3', '<none>',
      'Debian GNU/Linux 12', '6.1.0', 'containerd://1.7.24']);
    n.spec.unschedulable = true;
    n.status.conditions[0].status = 'Unknown';
    expect(nodeStatusText(n)).toBe('NotReady,SchedulingDisabled');
    delete n.status.conditions;
    expect(nodeStatusText(n)).toBe('Unknown,SchedulingDisabled');
  });

  it('describe lists non-terminated pods and allocated resources', async () => {
    const n = node();
    nodeKind.defaults!(n);
    const pod = (name: string, requests: any, limits: any) => ({
      apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', creationTimestamp: '2026-01-01T00:30:00Z' },
      spec: { nodeName: 'node-1', containers: [{ name: 'c', image: 'x', resources: { requests, limits } }] }, status: { phase: 'Running' },
    });
    const client = fakeClient({ pods: [pod('a', { cpu: '500m', memory: '512Mi' }, { cpu: '1', memory: '512Mi' }), pod('b', { cpu: '100m' }, {})] });
    const out = await nodeKind.describe!(n, { client, now }) as string;
    expect(client.calls.find((c) => c.resource === 'pods')?.opts?.fieldSelector).toBe('spec.nodeName=node-1,status.phase!=Succeeded,status.phase!=Failed');
    expect(out).toContain('Roles:              worker\n');
    expect(out).toContain('Taints:             <none>\nUnschedulable:      false\n');
    expect(out).toContain([
      'Non-terminated Pods:          (2 in total)',
      '  Namespace                   Name    CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
      '  ---------                   ----    ------------  ----------  ---------------  -------------  ---',
      '  default                     a       500m (25%)    1 (50%)     512Mi (12%)      512Mi (12%)    30m',
      '  default                     b       100m (5%)     0 (0%)      0 (0%)           0 (0%)         30m',
      'Allocated resources:',
      '  (Total limits may be over 100 percent, i.e., overcommitted.)',
      '  Resource           Requests     Limits',
      '  --------           --------     ------',
      '  cpu                600m (30%)   1 (50%)',
      '  memory             512Mi (12%)  512Mi (12%)',
      '  ephemeral-storage  0 (0%)       0 (0%)',
      '',
    ].join('\n'));
  });
});
