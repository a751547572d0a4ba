/**
 * Where an object keeps its pod spec (kubectl's UpdatePodSpecForObject): a Pod's own spec, the
 * template of the workload kinds, a CronJob's job template. Containers are chosen by a
 * shell-style pattern (`*` = all), as `-c/--containers` does.
 */
import type { KubeObject } from '../../api/types.js';

export interface Container {
  name: string;
  image?: string;
  env?: EnvVar[];
  resources?: { limits?: Record<string, string>; requests?: Record<string, string> };
  [k: string]: unknown;
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: Record<string, Record<string, unknown>>;
}

export interface PodSpec {
  containers?: Container[];
  initContainers?: Container[];
  ephemeralContainers?: Container[];
}

const TEMPLATED = new Set(['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job', 'ReplicationController']);

/** The pod spec inside obj (mutable), or an error naming the type as kubectl does. */
export function podSpecOf(obj: KubeObject): PodSpec {
  const spec = obj.spec as Record<string, any> | undefined; // eslint-disable-line @typescript-eslint/no-explicit-any
  if (obj.kind === 'Pod' && spec) return spec as PodSpec;
  if (TEMPLATED.has(obj.kind ?? '') && spec?.template?.spec) return spec.template.spec as PodSpec;
  if (obj.kind === 'CronJob' && spec?.jobTemplate?.spec?.template?.spec) return spec.jobTemplate.spec.template.spec as PodSpec;
  const version = String(obj.apiVersion ?? '').split('/').pop();
  throw new Error(`the object is not a pod or does not have a pod template: *${version}.${obj.kind ?? ''}`);
}

/** Go's path.Match for the patterns users give (`*`, `?`, `[…]`). */
export function matchPattern(pattern: string, name: string): boolean {
  const re = pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${re}$`).test(name);
}

export function selectContainers(containers: Container[] | undefined, pattern: string): Container[] {
  return (containers ?? []).filter((c) => matchPattern(pattern, c.name));
}
