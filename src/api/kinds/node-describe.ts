/** `kubectl describe node` body (kubectl 1.32 describeNode), pods fetched through the Client. */
import { DescribeWriter } from '../describe-writer.js';
import type { DescribeContext } from '../kind.js';
import type { KubeObject } from '../types.js';
import { age } from '../../util/human-duration.js';
import { rfc1123z, sortedKeys, writeAnnotations } from './meta-columns.js';
import { addInto, amountText, type Amounts, percent, podRequestsAndLimits } from './node-resources.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export function nodeRoles(node: KubeObject): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort();
}

export function taintText(t: any): string {
  return `${t.key ?? ''}${t.value ? `=${t.value}` : ''}:${t.effect ?? ''}`;
}

function writeTaints(w: DescribeWriter, taints: any[] | undefined): void {
  const key = (t: any): string => `${t.effect ?? ''},${t.key ?? ''}`;
  const list = [...(taints ?? [])].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  if (list.length === 0) w.write(0, 'Taints:', '<none>');
  list.forEach((t, i) => w.write(0, i === 0 ? 'Taints:' : '', taintText(t)));
}

async function writeLease(w: DescribeWriter, node: KubeObject, ctx: DescribeContext): Promise<void> {
  let lease: KubeObject;
  try {
    lease = await ctx.client.get('leases', 'kube-node-lease', node.metadata.name ?? '');
  } catch (e) {
    w.write(0, 'Lease:', `Failed to get lease: ${(e as Error).message}`);
    return;
  }
  w.write(0, 'Lease:');
  w.write(1, 'HolderIdentity:', lease.spec?.holderIdentity ?? '<unset>');
  w.write(1, 'AcquireTime:', lease.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : '<unset>');
  w.write(1, 'RenewTime:', lease.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : '<unset>');
}

function writeResourceList(w: DescribeWriter, title: string, list: Record<string, unknown> | undefined): void {
  const keys = sortedKeys(list);
  if (keys.length === 0) return;
  w.write(0, `${title}:`);
  for (const k of keys) w.write(1, `${k}:`, String(list![k]));
}

const isStandard = (r: string): boolean => ['cpu', 'memory', 'ephemeral-storage'].includes(r) || r.startsWith('hugepages-');

function writePods(w: DescribeWriter, node: KubeObject, pods: KubeObject[], now: Date): void {
  const alloc: Record<string, unknown> = Object.keys(node.status?.allocatable ?? {}).length ? node.status.allocatable : (node.status?.capacity ?? {});
  const pct = (a: Amounts, r: string): string => `${amountText(a.get(r))} (${percent(a.get(r), alloc[r], r === 'cpu')}%)`;
  w.write(0, 'Non-terminated Pods:', `(${pods.length} in total)`);
  w.write(1, 'Namespace', 'Name', '', 'CPU Requests', 'CPU Limits', 'Memory Requests', 'Memory Limits', 'Age');
  w.write(1, '---------', '----', '', '------------', '----------', '---------------', '-------------', '---');
  const totalReqs: Amounts = new Map();
  const totalLimits: Amounts = new Map();
  for (const pod of pods) {
    const { reqs, limits } = podRequestsAndLimits(pod);
    addInto(totalReqs, reqs);
    addInto(totalLimits, limits);
    w.write(1, pod.metadata.namespace ?? '', pod.metadata.name ?? '', '', pct(reqs, 'cpu'), pct(limits, 'cpu'),
      pct(reqs, 'memory'), pct(limits, 'memory'), age(pod.metadata.creationTimestamp, now));
  }
  w.write(0, 'Allocated resources:');
  w.write(1, '(Total limits may be over 100 percent, i.e., overcommitted.)');
  w.write(1, 'Resource', 'Requests', 'Limits');
  w.write(1, '--------', '--------', '------');
  for (const r of ['cpu', 'memory', 'ephemeral-storage']) w.write(1, r, pct(totalReqs, r), pct(totalLimits, r));
  const keys = Object.keys(alloc).sort();
  for (const r of keys.filter((k) => k.startsWith('hugepages-'))) w.write(1, r, pct(totalReqs, r), pct(totalLimits, r));
  for (const r of keys.filter((k) => !isStandard(k) && k !== 'pods')) {
    w.write(1, r, amountText(totalReqs.get(r)), amountText(totalLimits.get(r)));
  }
}

export async function describeNode(node: KubeObject, ctx: DescribeContext): Promise<string> {
  const status = node.status ?? {};
  const spec = node.spec ?? {};
  const w = new DescribeWriter();
  w.write(0, 'Name:', node.metadata.name ?? '');
  const roles = nodeRoles(node);
  w.write(0, 'Roles:', roles.length ? roles.join(',') : '<none>');
  w.writeMap(0, 'Labels', node.metadata.labels);
  writeAnnotations(w, 0, 'Annotations', node.metadata.annotations);
  w.write(0, 'CreationTimestamp:', rfc1123z(node.metadata.creationTimestamp));
  writeTaints(w, spec.taints);
  w.write(0, 'Unschedulable:', String(!!spec.unschedulable));
  await writeLease(w, node, ctx);
  const conditions: any[] = status.conditions ?? [];
  if (conditions.length) {
    w.write(0, 'Conditions:');
    w.write(1, 'Type', 'Status', 'LastHeartbeatTime', 'LastTransitionTime', 'Reason', 'Message');
    w.write(1, '----', '------', '-----------------', '------------------', '------', '-------');
    for (const c of conditions) {
      w.write(1, `${c.type} `, `${c.status} `, `${rfc1123z(c.lastHeartbeatTime)} `, `${rfc1123z(c.lastTransitionTime)} `, `${c.reason ?? ''} `, c.message ?? '');
    }
  }
  w.write(0, 'Addresses:');
  for (const a of status.addresses ?? []) w.write(1, `${a.type}:`, a.address ?? '');
  writeResourceList(w, 'Capacity', status.capacity);
  writeResourceList(w, 'Allocatable', status.allocatable);
  const info = status.nodeInfo ?? {};
  w.write(0, 'System Info:');
  const infoRows: [string, string][] = [
    ['Machine ID', 'machineID'], ['System UUID', 'systemUUID'], ['Boot ID', 'bootID'], ['Kernel Version', 'kernelVersion'],
    ['OS Image', 'osImage'], ['Operating System', 'operatingSystem'], ['Architecture', 'architecture'],
    ['Container Runtime Version', 'containerRuntimeVersion'], ['Kubelet Version', 'kubeletVersion'], ['Kube-Proxy Version', 'kubeProxyVersion'],
  ];
  for (const [title, key] of infoRows) w.write(1, `${title}:`, info[key] ?? '');
  if (spec.podCIDR) w.write(0, 'PodCIDR:', spec.podCIDR);
  if (spec.podCIDRs?.length) w.write(0, 'PodCIDRs:', spec.podCIDRs.join(','));
  if (spec.providerID) w.write(0, 'ProviderID:', spec.providerID);
  let pods: KubeObject[] | undefined;
  try {
    const fieldSelector = `spec.nodeName=${node.metadata.name},status.phase!=Succeeded,status.phase!=Failed`;
    pods = (await ctx.client.list('pods', { fieldSelector })).items;
  } catch (e) {
    if ((e as { code?: number }).code !== 403) throw e;
  }
  if (pods) writePods(w, node, pods, ctx.now);
  else w.write(0, 'Pods:', 'not authorized');
  return w.toString();
}
