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
 */
const V1: readonly string[] = [
  // object types and references
  'v1', 'apps/v1', 'batch/v1', 'Pod', 'Node', 'Event', 'Service', 'Endpoints', 'EndpointSlice', 'ConfigMap', 'Secret',
  'ServiceAccount', 'Namespace', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob',
  'PersistentVolumeClaim', 'PersistentVolume', 'default', 'kube-system', 'kube-public', 'kube-node-lease',
  'kube-root-ca.crt', 'pod-template-hash', 'controller-revision-hash', 'deployment.kubernetes.io/revision',
  'kubectl.kubernetes.io/last-applied-configuration', '{"apiVersion":"', '","kind":"', '"metadata":{"', '"spec":{"',
  'app.kubernetes.io/name', 'app.kubernetes.io/instance', 'app.kubernetes.io/component', 'app.kubernetes.io/part-of',
  // pod spec defaults
  'IfNotPresent', 'Always', 'Never', 'OnFailure', '/dev/termination-log', 'File', 'ClusterFirst', 'PreemptLowerPriority',
  'default-scheduler', 'NoExecute', 'NoSchedule', 'PreferNoSchedule', 'Exists', 'Equal', 'node.kubernetes.io/not-ready',
  'node.kubernetes.io/unreachable', 'kube-api-access-', '/var/run/secrets/kubernetes.io/serviceaccount', 'ca.crt', 'token',
  'metadata.namespace', 'cpu', 'memory', 'ephemeral-storage', 'TCP', 'UDP', 'http', 'https',
  // pod status
  'PodReadyToStartContainers', 'Initialized', 'ContainersReady', 'PodScheduled', 'Ready', 'True', 'False', 'Unknown',
  'Pending', 'Running', 'Succeeded', 'Failed', 'ContainerCreating', 'CrashLoopBackOff', 'Completed', 'Error',
  'ErrImagePull', 'ImagePullBackOff', 'Guaranteed', 'Burstable', 'BestEffort', 'containerd://', 'docker.io/library/',
  '@sha256:', '10.244.', '172.18.0.',
  // events
  'kubelet', 'Normal', 'Warning', 'Scheduled', 'Pulling', 'Pulled', 'Created', 'Started', 'Killing', 'BackOff',
  'Unhealthy', 'FailedScheduling', 'SuccessfulCreate', 'SuccessfulDelete', 'ScalingReplicaSet', 'replicaset-controller',
  'deployment-controller', 'statefulset-controller', 'job-controller', 'Successfully assigned ', ' to pocketkube-node-',
  'Container image "', '" already present on machine', 'Pulling image "', 'Successfully pulled image "',
  'Created container ', 'Started container ', 'Stopping container ', 'Back-off restarting failed container ',
  'spec.containers{', 'spec.initContainers{', 'Created pod: ', 'Deleted pod: ', 'Scaled up replica set ',
  'Scaled down replica set ', '(combined from similar events): ',
  // nodes
  'pocketkube-node-', 'pocketkube://', 'pocketkube simulated node', '6.8.0-pocketkube', 'v1.32.0', 'amd64', 'linux',
  'kubernetes.io/hostname', 'kubernetes.io/os', 'kubernetes.io/arch', 'beta.kubernetes.io/arch', 'beta.kubernetes.io/os',
  'node.alpha.kubernetes.io/ttl', 'volumes.kubernetes.io/controller-managed-attach-detach', 'InternalIP', 'Hostname',
  'hugepages-1Gi', 'hugepages-2Mi', '100Gi', '16Gi', 'MemoryPressure', 'DiskPressure', 'PIDPressure',
  'KubeletHasSufficientMemory', 'kubelet has sufficient memory available', 'KubeletHasNoDiskPressure',
  'kubelet has no disk pressure', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available', 'KubeletReady',
  'kubelet is posting ready status',
  // workloads and services
  'RollingUpdate', '25%', 'Progressing', 'Available', 'NewReplicaSetAvailable', 'ReplicaSetUpdated',
  'MinimumReplicasAvailable', 'Deployment has minimum availability.', 'ClusterIP', 'SingleStack', 'IPv4', 'None',
  'Cluster', '10.96.', 'ReadWriteOnce', 'Bound', 'Filesystem', 'Delete', 'Retain', 'WaitForFirstConsumer',
];

/** Every dictionary ever used, by number; the newest is what new stores record. */
const DICTIONARIES: Readonly<Record<number, readonly string[]>> = { 1: V1 };

export const NEWEST_DICTIONARY = 1;

/** The bytes of dictionary `n`, or undefined when this build does not know it (a newer build wrote the store). */
export function lz4Dictionary(n: number): Buffer | undefined {
  const words = DICTIONARIES[n];
  return words ? Buffer.from(words.join('\u0000'), 'utf8') : undefined;
}
