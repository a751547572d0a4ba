/**
 * What a real kubelet checks before it mounts volumes and starts containers: the Secrets,
 * ConfigMaps and PersistentVolumeClaims a pod references must exist (unless optional). Answers are
 * worded as the kubelet words them (FailedMount, CreateContainerConfigError).
 */
import type { Client } from '../api/client.js';
import { getOptional } from '../api/get-optional.js';
import type { KubeObject } from '../api/types.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

type Fetch = (resource: string, name: string) => Promise<KubeObject | undefined>;

/** A per-sync cached getter: missing objects are undefined. */
export function fetcher(client: Client, namespace: string): Fetch {
  const cache = new Map<string, Promise<KubeObject | undefined>>();
  return (resource, name) => {
    const key = `${resource}/${name}`;
    let p = cache.get(key);
    if (!p) {
      p = getOptional(client, resource, namespace, name);
      cache.set(key, p);
    }
    return p;
  };
}

const hasKey = (obj: KubeObject, key: string, maps: string[]) => maps.some((m) => (obj as any)[m] && key in (obj as any)[m]);
const SECRET_MAPS = ['data', 'stringData'];
const CONFIG_MAPS = ['data', 'binaryData'];

/** The CreateContainerConfigError message of one container, or undefined when its env can be built. */
export async function containerConfigError(pod: KubeObject, spec: any, get: Fetch): Promise<string | undefined> {
  const ns = pod.metadata.namespace;
  for (const from of spec.envFrom ?? []) {
    if (from.secretRef && !from.secretRef.optional && !(await get('secrets', from.secretRef.name))) return `secret "${from.secretRef.name}" not found`;
    if (from.configMapRef && !from.configMapRef.optional && !(await get('configmaps', from.configMapRef.name))) return `configmap "${from.configMapRef.name}" not found`;
  }
  for (const env of spec.env ?? []) {
    const s = env.valueFrom?.secretKeyRef;
    if (s && !s.optional) {
      const obj = await get('secrets', s.name);
      if (!obj) return `secret "${s.name}" not found`;
      if (!hasKey(obj, s.key, SECRET_MAPS)) return `couldn't find key ${s.key} in Secret ${ns}/${s.name}`;
    }
    const c = env.valueFrom?.configMapKeyRef;
    if (c && !c.optional) {
      const obj = await get('configmaps', c.name);
      if (!obj) return `configmap "${c.name}" not found`;
      if (!hasKey(obj, c.key, CONFIG_MAPS)) return `couldn't find key ${c.key} in ConfigMap ${ns}/${c.name}`;
    }
  }
  return undefined;
}

async function sourceError(src: any, kind: 'secret' | 'configmap', name: string | undefined, get: Fetch): Promise<string | undefined> {
  if (!src || src.optional || !name) return undefined;
  const obj = await get(kind === 'secret' ? 'secrets' : 'configmaps', name);
  if (!obj) return `${kind} "${name}" not found`;
  for (const item of src.items ?? []) {
    if (!hasKey(obj, item.key, kind === 'secret' ? SECRET_MAPS : CONFIG_MAPS)) {
      return kind === 'secret' ? `references non-existent secret key: ${item.key}` : `configmap references non-existent config key: ${item.key}`;
    }
  }
  return undefined;
}

/** FailedMount messages, one per volume that cannot be set up (empty when all mount). */
export async function mountErrors(pod: KubeObject, get: Fetch): Promise<string[]> {
  const out: string[] = [];
  const ns = pod.metadata.namespace;
  for (const v of pod.spec?.volumes ?? []) {
    let err: string | undefined;
    if (v.secret) err = await sourceError(v.secret, 'secret', v.secret.secretName, get);
    else if (v.configMap) err = await sourceError(v.configMap, 'configmap', v.configMap.name, get);
    else if (v.projected) {
      for (const s of v.projected.sources ?? []) {
        err = (await sourceError(s.secret, 'secret', s.secret?.name, get)) ?? (await sourceError(s.configMap, 'configmap', s.configMap?.name, get));
        if (err) break;
      }
    } else if (v.persistentVolumeClaim) {
      const claim = v.persistentVolumeClaim.claimName;
      const pvc = await get('persistentvolumeclaims', claim);
      const why = !pvc ? `failed to fetch PVC from API server: persistentvolumeclaims "${claim}" not found` : pvc.status?.phase !== 'Bound' ? 'PVC is not bound' : undefined;
      if (why) {
        out.push(`Unable to attach or mount volumes: unmounted volumes=[${v.name}], unattached volumes=[${v.name}], failed to process volumes=[${v.name}]: error processing PVC ${ns}/${claim}: ${why}`);
      }
      continue;
    }
    if (err) out.push(`MountVolume.SetUp failed for volume "${v.name}" : ${err}`);
  }
  return out;
}

/** Whether a pod references (by env, envFrom or volume) anything a Secret/ConfigMap/PVC change can unblock. */
export function referencesConfig(pod: KubeObject): boolean {
  const containers: any[] = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  const envRefs = containers.some((c) => (c.envFrom ?? []).length > 0 || (c.env ?? []).some((e: any) => e.valueFrom?.secretKeyRef || e.valueFrom?.configMapKeyRef));
  return envRefs || (pod.spec?.volumes ?? []).some((v: any) => v.secret || v.configMap || v.projected || v.persistentVolumeClaim);
}
