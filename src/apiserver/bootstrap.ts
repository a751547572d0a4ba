/**
 * What a new cluster holds before anyone uses it, created through the API like everything else:
 * the four system namespaces, the `kubernetes` Service (10.96.0.1:443 → 6443) with its Endpoints and EndpointSlice,
 * the nodes, the default StorageClass `standard`, and the system PriorityClasses.
 *
 * Nodes are named `pocketkube-node-1` … `pocketkube-node-N` (a kind-like cluster of workers with no
 * control-plane node to schedule around); node i has InternalIP 172.18.0.1 + i (in 172.18.0.0/16) and
 * the i-th /24 of the cluster CIDR 10.244.0.0/14 as podCIDR (10.244.1.0/24, …, 10.245.0.0/24 for node
 * 256), so clusters of up to 1,023 nodes get valid, distinct ranges. The API server is 172.18.0.1.
 */
import type { Client } from '../api/client.js';
import { isStatusError } from '../api/errors.js';
import { SYSTEM_PRIORITY_CLASSES, systemPriorityClass } from '../api/kinds/priority-class.js';
import type { KubeObject } from '../api/types.js';
import { DEFAULT_CLASS_ANNOTATION } from './admission/default-storage-class.js';
import { bootstrapClusterRoleBindings, bootstrapClusterRoles } from './authorization/bootstrap-policy.js';

export interface BootstrapOptions {
  nodes?: number;
  cpu?: string;
  memory?: string;
  pods?: number;
  /** ephemeral-storage capacity (default 100Gi). */
  ephemeralStorage?: string;
}

export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];
export const API_SERVER_IP = '172.18.0.1';
export const KUBELET_VERSION = 'v1.32.0';
export const STORAGE_PROVISIONER = 'pocketkube.io/hostpath';

/** Most nodes a cluster can have: the /24s of the cluster CIDR 10.244.0.0/14, less the first. */
export const MAX_NODES = 1023;

/** Dotted IPv4 address of a 32-bit number. */
function ipv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => (n >>> shift) & 255).join('.');
}

/** 10.244.0.0 + i × 256, as a /24. */
export function nodePodCIDR(i: number): string {
  return `${ipv4(((10 << 24) | (244 << 16)) + i * 256)}/24`;
}

/** 172.18.0.1 + i. */
export function nodeInternalIP(i: number): string {
  return ipv4(((172 << 24) | (18 << 16) | 1) + i);
}

export function nodeName(i: number): string {
  return `pocketkube-node-${i}`;
}

export function nodeObject(i: number, o: Required<BootstrapOptions>, now: string): KubeObject {
  const name = nodeName(i);
  const resources = { cpu: o.cpu, memory: o.memory, pods: String(o.pods), 'ephemeral-storage': o.ephemeralStorage, 'hugepages-1Gi': '0', 'hugepages-2Mi': '0' };
  const cond = (type: string, status: 'True' | 'False', reason: string, message: string) => ({
    type, status, reason, message, lastHeartbeatTime: now, lastTransitionTime: now,
  });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
      },
      annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
    },
    spec: { podCIDR: nodePodCIDR(i), podCIDRs: [nodePodCIDR(i)], providerID: `pocketkube://${name}` },
    status: {
      capacity: resources,
      allocatable: { ...resources },
      conditions: [
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      addresses: [
        { type: 'InternalIP', address: nodeInternalIP(i) },
        { type: 'Hostname', address: name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: '',
        containerRuntimeVersion: 'pocketkube://0.1.0',
        kernelVersion: '6.8.0-pocketkube',
        kubeProxyVersion: KUBELET_VERSION,
        kubeletVersion: KUBELET_VERSION,
        machineID: '',
        operatingSystem: 'linux',
        osImage: 'pocketkube simulated node',
        systemUUID: '',
      },
    },
  };
}

const DEFAULTS: Required<BootstrapOptions> = { nodes: 3, cpu: '4', memory: '16Gi', pods: 110, ephemeralStorage: '100Gi' };

export async function bootstrapCluster(client: Client, now: string, options: BootstrapOptions = {}): Promise<void> {
  const o: Required<BootstrapOptions> = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  for (const name of SYSTEM_NAMESPACES) {
    await client.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }
  await client.create('services', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { type: 'ClusterIP', clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], sessionAffinity: 'None' },
  });
  await client.create('endpoints', {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: API_SERVER_IP }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
  });
  await client.create('endpointslices', {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [API_SERVER_IP], conditions: { ready: true } }],
    ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
  });
  for (let i = 1; i <= o.nodes; i++) {
    const node = nodeObject(i, o, now);
    const created = await client.create('nodes', node);
    await client.updateStatus('nodes', { ...created, status: node.status });
  }
  await client.create('storageclasses', {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'standard', annotations: { [DEFAULT_CLASS_ANNOTATION]: 'true' } },
    provisioner: STORAGE_PROVISIONER,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'Immediate',
  });
  await ensureSystemPriorityClasses(client);
  await ensureBootstrapPolicy(client);
}

/**
 * Creates the system PriorityClasses that do not exist, as kube-apiserver's post-start hook does
 * at every start: a cluster bootstrapped by an older build gets them at its next write.
 */
export async function ensureSystemPriorityClasses(client: Client): Promise<void> {
  for (const { name } of SYSTEM_PRIORITY_CLASSES) {
    try {
      await client.create('priorityclasses', systemPriorityClass(name)!);
    } catch (e) {
      if (!isStatusError(e) || e.code !== 409) throw e;
    }
  }
}

async function createIfMissing(client: Client, resource: string, obj: KubeObject): Promise<void> {
  try {
    await client.create(resource, obj);
  } catch (e) {
    if (!isStatusError(e) || e.code !== 409) throw e;
  }
}

/**
 * Creates the default RBAC roles and bindings that do not exist (kube-apiserver's rbac/bootstrap-roles
 * post-start hook, plus kubeadm's admin binding); a cluster bootstrapped by an older build gets them
 * at its next start (see BOOTSTRAP_POLICY_VERSION).
 */
export async function ensureBootstrapPolicy(client: Client): Promise<void> {
  for (const role of bootstrapClusterRoles()) await createIfMissing(client, 'clusterroles', role);
  for (const binding of bootstrapClusterRoleBindings()) await createIfMissing(client, 'clusterrolebindings', binding);
}

/** Stored in the store's meta once ensureBootstrapPolicy has run: raise it when the policy gains objects. */
export const BOOTSTRAP_POLICY_VERSION = 1;

/** The stored name of each system PriorityClass (what ensureSystemPriorityClasses makes sure of). */
export const SYSTEM_PRIORITY_CLASS_NAMES = SYSTEM_PRIORITY_CLASSES.map((c) => c.name);
