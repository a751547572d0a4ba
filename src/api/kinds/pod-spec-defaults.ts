/**
 * Pod spec defaulting as pkg/apis/core/v1/defaults.go does it (SetDefaults_PodSpec, _Container,
 * _ContainerPort, _Probe, _HTTPGetAction, _Volume and volume sources, _ObjectFieldSelector), plus the
 * Pod-only steps (SetDefaults_Pod) and the admission plugins whose results `kubectl get pod -o yaml`
 * shows (ServiceAccount, Priority, DefaultTolerationSeconds).
 */
import { canonicalQuantity } from '../quantity.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** The tag part of an image reference (`latest` when there is neither tag nor digest, '' with a digest). */
export function imageTag(image: string): string {
  if (image.includes('@')) return '';
  const lastSlash = image.lastIndexOf('/');
  const name = image.slice(lastSlash + 1);
  const colon = name.indexOf(':');
  return colon >= 0 ? name.slice(colon + 1) : 'latest';
}

function defaultProbe(probe: any): void {
  if (!probe || typeof probe !== 'object') return;
  probe.timeoutSeconds ??= 1;
  probe.periodSeconds ??= 10;
  probe.successThreshold ??= 1;
  probe.failureThreshold ??= 3;
  if (probe.httpGet) {
    if (!probe.httpGet.path) probe.httpGet.path = '/';
    probe.httpGet.scheme ??= 'HTTP';
  }
}

function defaultLifecycleHandler(h: any): void {
  if (h?.httpGet) {
    if (!h.httpGet.path) h.httpGet.path = '/';
    h.httpGet.scheme ??= 'HTTP';
  }
}

/** The API server stores quantities in canonical form (`0.5` → `500m`); invalid ones are left for validation. */
export function canonical(q: unknown): unknown {
  if (typeof q !== 'string' && typeof q !== 'number') return q;
  try {
    return canonicalQuantity(q);
  } catch {
    return q;
  }
}

function canonicalList(list: any): void {
  if (!list || typeof list !== 'object') return;
  for (const k of Object.keys(list)) list[k] = canonical(list[k]);
}

function defaultEnv(env: any[] | undefined): void {
  for (const e of env ?? []) {
    const fieldRef = e?.valueFrom?.fieldRef;
    if (fieldRef) fieldRef.apiVersion ??= 'v1';
    const resRef = e?.valueFrom?.resourceFieldRef;
    if (resRef) resRef.divisor = resRef.divisor === undefined ? '0' : canonical(resRef.divisor);
  }
}

export function defaultContainer(c: any): void {
  if (!c || typeof c !== 'object') return;
  if (!c.imagePullPolicy && typeof c.image === 'string') {
    c.imagePullPolicy = imageTag(c.image) === 'latest' ? 'Always' : 'IfNotPresent';
  }
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.resources ??= {};
  canonicalList(c.resources.limits);
  canonicalList(c.resources.requests);
  for (const p of c.ports ?? []) if (p && typeof p === 'object') p.protocol ??= 'TCP';
  defaultEnv(c.env);
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  defaultLifecycleHandler(c.lifecycle?.postStart);
  defaultLifecycleHandler(c.lifecycle?.preStop);
}

const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc',
  'azureFile', 'configMap', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected',
  'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image',
];

export function volumeSourceKeys(v: any): string[] {
  return Object.keys(v ?? {}).filter((k) => VOLUME_SOURCES.includes(k));
}

function defaultVolume(v: any): void {
  if (!v || typeof v !== 'object') return;
  if (volumeSourceKeys(v).length === 0) v.emptyDir = {};
  if (v.secret) v.secret.defaultMode ??= 420;
  if (v.configMap) v.configMap.defaultMode ??= 420;
  if (v.downwardAPI) {
    v.downwardAPI.defaultMode ??= 420;
    for (const item of v.downwardAPI.items ?? []) if (item?.fieldRef) item.fieldRef.apiVersion ??= 'v1';
  }
  if (v.hostPath) v.hostPath.type ??= '';
  if (v.emptyDir?.sizeLimit !== undefined) v.emptyDir.sizeLimit = canonical(v.emptyDir.sizeLimit);
  if (v.projected) {
    v.projected.defaultMode ??= 420;
    for (const src of v.projected.sources ?? []) {
      if (src?.serviceAccountToken) src.serviceAccountToken.expirationSeconds ??= 3600;
      for (const item of src?.downwardAPI?.items ?? []) if (item?.fieldRef) item.fieldRef.apiVersion ??= 'v1';
    }
  }
  if (v.iscsi) {
    v.iscsi.iscsiInterface ??= 'default';
  }
}

/** SetDefaults_PodSpec and everything below it; used for Pods and for every pod template. */
export function defaultPodSpec(spec: any): void {
  if (!spec || typeof spec !== 'object') return;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.restartPolicy ??= 'Always';
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ??= 'default-scheduler';
  const all = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  for (const c of all) defaultContainer(c);
  if (spec.hostNetwork) {
    for (const c of all) for (const p of c?.ports ?? []) if (p && p.hostPort === undefined) p.hostPort = p.containerPort;
  }
  for (const v of spec.volumes ?? []) defaultVolume(v);
}

export function defaultPodTemplateSpec(template: any): void {
  if (!template || typeof template !== 'object') return;
  template.spec ??= {};
  defaultPodSpec(template.spec);
}

const TOLERATED_KEYS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'];

/** Pod-only defaults (SetDefaults_Pod) and the admission plugins' results. */
export function defaultPodOnly(spec: any): void {
  if (!spec || typeof spec !== 'object') return;
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    const limits = c?.resources?.limits;
    if (!limits || typeof limits !== 'object') continue;
    c.resources.requests ??= {};
    for (const [k, v] of Object.entries(limits)) if (c.resources.requests[k] === undefined) c.resources.requests[k] = v;
  }
  spec.enableServiceLinks ??= true;
  // ServiceAccount admission.
  if (!spec.serviceAccountName) spec.serviceAccountName = spec.serviceAccount || 'default';
  spec.serviceAccount = spec.serviceAccountName;
  // (spec.priority and spec.preemptionPolicy: the Priority admission plugin, from the PriorityClass)
  // DefaultTolerationSeconds admission.
  const tolerations: any[] = Array.isArray(spec.tolerations) ? spec.tolerations : [];
  for (const key of TOLERATED_KEYS) {
    const tolerated = tolerations.some((t) => (!t?.key || t.key === key) && (!t?.effect || t.effect === 'NoExecute'));
    if (!tolerated) tolerations.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 });
  }
  spec.tolerations = tolerations;
}
