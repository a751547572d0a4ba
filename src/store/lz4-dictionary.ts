/**
 * The LZ4 dictionaries stored object values are compressed with (see LmdbBackend). A value is
 * compressed against the dictionary the store recorded when it first wrote, so a dictionary, once
 * released, never changes: a better one is added under the next number, and stores keep theirs.
 *
 * LZ4 finds repeats of at least four bytes, inside the value or in the dictionary. Within a value,
 * the repeats are the timestamps, names and host names an object names more than once; the
 * dictionary adds the words that many objects share: field values Kubernetes fills in by default,
 * condition types and reasons, and the messages of the components' Events. Nothing in it may be
 * specific to one workload (names, images, UIDs): it is read by every cluster.
 *
 * It is kept short: lmdb-js loads the dictionary again for every value it compresses, which costs
 * about 1 µs per KB. This one (1.1 KB) compresses a scale-up's pods, Events and nodes as well as
 * one of 2.7 KB with every common Kubernetes word did (561, 242 and 471 bytes, from 1,045, 378 and
 * 1,016), for a third of the loading.
 */
const V1: readonly string[] = [
  // pods: defaults, conditions, what the simulated runtime reports
  'IfNotPresent', '/dev/termination-log', 'ClusterFirst', 'PreemptLowerPriority', 'default-scheduler',
  'node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable', 'NoExecute', 'Exists',
  'PodReadyToStartContainers', 'Initialized', 'ContainersReady', 'PodScheduled', 'Running', 'Burstable', 'BestEffort',
  'containerd://', 'docker.io/library/', '@sha256:', '10.244.', '172.18.0.', 'pod-template-hash', 'ReplicaSet', 'apps/v1',
  // the Events every pod start writes
  'Successfully assigned ', ' to pocketkube-node-', 'Container image "', '" already present on machine',
  'Created container ', 'Started container ', 'spec.containers{', 'kubelet', 'Normal', 'Scheduled', 'Pulled', 'Created', 'Started',
  'default', 'True', 'False', 'Always', 'File',
  // nodes (their status is written again on every heartbeat)
  'kubelet has sufficient memory available', 'KubeletHasSufficientMemory', 'kubelet has no disk pressure', 'KubeletHasNoDiskPressure',
  'kubelet has sufficient PID available', 'KubeletHasSufficientPID', 'kubelet is posting ready status', 'KubeletReady',
  'MemoryPressure', 'DiskPressure', 'PIDPressure', 'pocketkube simulated node', 'kubernetes.io/hostname', 'beta.kubernetes.io/arch',
  'beta.kubernetes.io/os', 'amd64', 'linux', 'hugepages-1Gi', 'hugepages-2Mi', 'InternalIP', 'Hostname', 'pocketkube://0.1.0',
  '6.8.0-pocketkube', 'v1.32.0', 'volumes.kubernetes.io/controller-managed-attach-detach', 'node.alpha.kubernetes.io/ttl',
];

/** Every dictionary ever used, by number; the newest is what new stores record. */
const DICTIONARIES: Readonly<Record<number, readonly string[]>> = { 1: V1 };

export const NEWEST_DICTIONARY = 1;

/** The bytes of dictionary `n`, or undefined when this build does not know it (a newer build wrote the store). */
export function lz4Dictionary(n: number): Buffer | undefined {
  const words = DICTIONARIES[n];
  return words ? Buffer.from(words.join('\u0000'), 'utf8') : undefined;
}
