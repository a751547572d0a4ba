/** ValidatePodUpdate: a pod's spec is immutable except a few fields (pkg/apis/core/validation). */
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import type { KubeObject } from '../types.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const FORBIDDEN_DETAIL =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,' +
  '`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),' +
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).sort().filter((k) => (v as any)[k] !== undefined).map((k) => `${JSON.stringify(k)}:${stable((v as any)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

const sameToleration = (a: any, b: any): boolean =>
  (a.key ?? '') === (b.key ?? '') && (a.operator ?? 'Equal') === (b.operator ?? 'Equal') &&
  (a.value ?? '') === (b.value ?? '') && (a.effect ?? '') === (b.effect ?? '');

function goName(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}

/** A short `- old / + new` listing of the changed spec fields, in the spirit of the cmp.Diff kube-apiserver appends. */
function specDiff(oldSpec: any, newSpec: any): string {
  const keys = [...new Set([...Object.keys(oldSpec), ...Object.keys(newSpec)])].sort();
  const lines = ['  core.PodSpec{'];
  for (const k of keys) {
    if (stable(oldSpec[k]) === stable(newSpec[k])) continue;
    if (oldSpec[k] !== undefined) lines.push(`- \t${goName(k)}: ${stable(oldSpec[k])},`);
    if (newSpec[k] !== undefined) lines.push(`+ \t${goName(k)}: ${stable(newSpec[k])},`);
  }
  lines.push('  }');
  return lines.join('\n');
}

export function validatePodUpdate(pod: KubeObject, old: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const spec = pod.spec ?? {};
  const oldSpec = old.spec ?? {};

  const ads = spec.activeDeadlineSeconds;
  const oldAds = oldSpec.activeDeadlineSeconds;
  if (ads !== undefined && ads !== null) {
    if (ads < 0 || ads > 2147483647) return [fe.invalid('spec.activeDeadlineSeconds', ads, 'must be between 0 and 2147483647, inclusive')];
    if (oldAds !== undefined && oldAds !== null && oldAds < ads) {
      return [fe.invalid('spec.activeDeadlineSeconds', ads, 'must be less than or equal to previous value')];
    }
  } else if (oldAds !== undefined && oldAds !== null) {
    errs.push(fe.invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'));
  }

  const oldTolerations: any[] = oldSpec.tolerations ?? [];
  const newTolerations: any[] = spec.tolerations ?? [];
  const tolerationsOk = oldTolerations.every((o) => newTolerations.some((n) => sameToleration(o, n)));
  if (!tolerationsOk) errs.push(fe.forbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds'));

  // Munge the mutable fields to the old values, then anything else that differs is forbidden.
  const munged: any = structuredClone(spec);
  for (const list of ['containers', 'initContainers']) {
    const oldList: any[] = oldSpec[list] ?? [];
    (munged[list] ?? []).forEach((c: any, i: number) => {
      if (oldList[i] && c && typeof c === 'object') c.image = oldList[i].image;
    });
  }
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  // Binding (pods/binding in Kubernetes) sets spec.nodeName once; the Client has no binding call, so an
  // update that only assigns a node to an unbound pod stands in for it.
  if (!oldSpec.nodeName && spec.nodeName) munged.nodeName = oldSpec.nodeName;
  munged.tolerations = oldSpec.tolerations;
  if (typeof oldSpec.terminationGracePeriodSeconds === 'number' && oldSpec.terminationGracePeriodSeconds < 0 && spec.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = oldSpec.terminationGracePeriodSeconds;
  }
  const oldGates: any[] = oldSpec.schedulingGates ?? [];
  const newGates: any[] = spec.schedulingGates ?? [];
  if (newGates.every((g) => oldGates.some((o) => o.name === g.name))) munged.schedulingGates = oldSpec.schedulingGates;
  for (const k of Object.keys(munged)) if (munged[k] === undefined) delete munged[k];
  if (stable(munged) !== stable(oldSpec)) errs.push(fe.forbidden('spec', `${FORBIDDEN_DETAIL}\n${specDiff(oldSpec, munged)}`));
  return errs;
}
