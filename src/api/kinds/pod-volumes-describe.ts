/** kubectl describe's Volumes section (describeVolumes) and Tolerations lines, shared by pods and pod templates. */
import type { DescribeWriter } from '../describe-writer.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const bool = (v: unknown): string => String(!!v);
const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

function writeSource(w: DescribeWriter, v: any): void {
  const L = 2;
  if (v.hostPath) {
    w.write(L, 'Type:', 'HostPath (bare host directory volume)');
    w.write(L, 'Path:', str(v.hostPath.path));
    w.write(L, 'HostPathType:', v.hostPath.type === undefined ? '<none>' : str(v.hostPath.type));
  } else if (v.emptyDir) {
    w.write(L, 'Type:', "EmptyDir (a temporary directory that shares a pod's lifetime)");
    w.write(L, 'Medium:', str(v.emptyDir.medium));
    const size = v.emptyDir.sizeLimit;
    w.write(L, 'SizeLimit:', size !== undefined && String(size) !== '0' ? String(size) : '<unset>');
  } else if (v.secret) {
    w.write(L, 'Type:', 'Secret (a volume populated by a Secret)');
    w.write(L, 'SecretName:', str(v.secret.secretName));
    w.write(L, 'Optional:', bool(v.secret.optional));
  } else if (v.configMap) {
    w.write(L, 'Type:', 'ConfigMap (a volume populated by a ConfigMap)');
    w.write(L, 'Name:', str(v.configMap.name));
    w.write(L, 'Optional:', bool(v.configMap.optional));
  } else if (v.persistentVolumeClaim) {
    w.write(L, 'Type:', 'PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)');
    w.write(L, 'ClaimName:', str(v.persistentVolumeClaim.claimName));
    w.write(L, 'ReadOnly:', bool(v.persistentVolumeClaim.readOnly));
  } else if (v.nfs) {
    w.write(L, 'Type:', 'NFS (an NFS mount that lasts the lifetime of a pod)');
    w.write(L, 'Server:', str(v.nfs.server));
    w.write(L, 'Path:', str(v.nfs.path));
    w.write(L, 'ReadOnly:', bool(v.nfs.readOnly));
  } else if (v.downwardAPI) {
    w.write(L, 'Type:', 'DownwardAPI (a volume populated by information about the pod)');
    w.write(L, 'Items:');
    for (const item of v.downwardAPI.items ?? []) {
      if (item.fieldRef) w.write(3, `${item.fieldRef.fieldPath} -> ${item.path}`);
      if (item.resourceFieldRef) w.write(3, `${item.resourceFieldRef.resource} -> ${item.path}`);
    }
  } else if (v.projected) {
    writeProjected(w, v.projected);
  } else if (v.csi) {
    w.write(L, 'Type:', 'CSI (a Container Storage Interface (CSI) volume source)');
    w.write(L, 'Driver:', str(v.csi.driver));
    w.write(L, 'FSType:', str(v.csi.fsType));
    w.write(L, 'ReadOnly:', bool(v.csi.readOnly));
    const attrs = v.csi.volumeAttributes ?? {};
    const keys = Object.keys(attrs).sort();
    if (keys.length === 0) w.write(L, 'VolumeAttributes:', '<none>');
    keys.forEach((k, i) => w.write(L, i === 0 ? 'VolumeAttributes:' : '', `${k}=${attrs[k]}`));
  } else if (v.ephemeral) {
    w.write(L, 'Type:', 'EphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)');
  } else if (v.image) {
    w.write(L, 'Type:', 'Image (a container image or OCI artifact)');
    w.write(L, 'Reference:', str(v.image.reference));
    w.write(L, 'PullPolicy:', str(v.image.pullPolicy));
  } else {
    w.write(1, '<unknown>');
  }
}

function writeProjected(w: DescribeWriter, p: any): void {
  w.write(2, 'Type:', 'Projected (a volume that contains injected data from multiple sources)');
  for (const src of p.sources ?? []) {
    if (src.secret) {
      w.write(2, 'SecretName:', str(src.secret.name));
      w.write(2, 'Optional:', bool(src.secret.optional));
    } else if (src.downwardAPI) {
      w.write(2, 'DownwardAPI:', 'true');
    } else if (src.configMap) {
      w.write(2, 'ConfigMapName:', str(src.configMap.name));
      w.write(2, 'Optional:', bool(src.configMap.optional));
    } else if (src.serviceAccountToken) {
      w.write(2, 'TokenExpirationSeconds:', str(src.serviceAccountToken.expirationSeconds));
    }
  }
}

/** `Volumes:` (or `  Volumes:` in a pod template, where `indented` is true). */
export function describeVolumes(w: DescribeWriter, volumes: any[] | undefined, indented: boolean): void {
  const title = `${indented ? '  ' : ''}Volumes:`;
  if (!volumes?.length) {
    w.write(0, title, '<none>');
    return;
  }
  w.write(0, title);
  for (const v of volumes) {
    w.write(1, `${indented ? ' ' : ''}${v.name}:`);
    writeSource(w, v);
  }
}

/** One toleration as kubectl prints it: `key=value:Effect op=Exists for 300s`. */
export function tolerationText(t: any): string {
  let s = str(t.key);
  if (t.value) s += `=${t.value}`;
  if (t.effect) s += `:${t.effect}`;
  if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
  if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
  return s;
}

/** `Tolerations:` lines, sorted by key (printTolerationsMultilineWithIndent). */
export function describeTolerations(w: DescribeWriter, level: number, tolerations: any[] | undefined): void {
  const list = [...(tolerations ?? [])].sort((a, b) => (str(a.key) < str(b.key) ? -1 : str(a.key) > str(b.key) ? 1 : 0));
  if (list.length === 0) {
    w.write(level, 'Tolerations:', '<none>');
    return;
  }
  list.forEach((t, i) => w.write(level, i === 0 ? 'Tolerations:' : '', tolerationText(t)));
}
