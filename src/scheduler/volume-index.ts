/**
 * The claims, volumes and storage classes the VolumeBinding plugin consults, kept by name and updated
 * object by object as the scheduler's watch sees them change.
 */
import type { KubeObject } from '../api/types.js';

export interface VolumeLists {
  persistentVolumeClaims?: readonly KubeObject[];
  persistentVolumes?: readonly KubeObject[];
  storageClasses?: readonly KubeObject[];
}

const claimKey = (namespace: string, name: string) => `${namespace}/${name}`;

export class VolumeIndex {
  private readonly claims = new Map<string, KubeObject>();
  private readonly volumes = new Map<string, KubeObject>();
  private readonly classes = new Map<string, KubeObject>();

  constructor(lists: VolumeLists = {}) {
    for (const c of lists.persistentVolumeClaims ?? []) this.setClaim(c);
    for (const v of lists.persistentVolumes ?? []) this.setVolume(v);
    for (const s of lists.storageClasses ?? []) this.setClass(s);
  }

  claim(namespace: string, name: string): KubeObject | undefined {
    return this.claims.get(claimKey(namespace, name));
  }

  volume(name: string): KubeObject | undefined {
    return this.volumes.get(name);
  }

  storageClass(name: string): KubeObject | undefined {
    return this.classes.get(name);
  }

  setClaim(c: KubeObject): void {
    this.claims.set(claimKey(c.metadata.namespace ?? 'default', c.metadata.name ?? ''), c);
  }

  removeClaim(namespace: string, name: string): void {
    this.claims.delete(claimKey(namespace, name));
  }

  setVolume(v: KubeObject): void {
    this.volumes.set(v.metadata.name ?? '', v);
  }

  removeVolume(name: string): void {
    this.volumes.delete(name);
  }

  setClass(s: KubeObject): void {
    this.classes.set(s.metadata.name ?? '', s);
  }

  removeClass(name: string): void {
    this.classes.delete(name);
  }
}
