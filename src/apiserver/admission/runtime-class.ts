/**
 * RuntimeClass (plugin/pkg/admission/runtimeclass): a pod created with spec.runtimeClassName must
 * name a RuntimeClass that exists. Admit gives the pod the class's overhead.podFixed as
 * spec.overhead and merges the class's scheduling (nodeSelector entries, tolerations) into the pod;
 * the validating phase then checks that spec.overhead is exactly the class's, and that a pod
 * without such a class sets none. Only pod creation is looked at.
 */
import { apiErrors } from '../../api/errors.js';
import { compareQuantities } from '../../api/quantity.js';
import type { KubeObject } from '../../api/types.js';
import { registryKey } from '../../store/store.js';
import { cloneJson } from '../../util/json-clone.js';
import type { AdmissionAttributes, AdmissionPlugin } from '../context.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

type ResourceList = Record<string, string | number>;

/** admission.NewForbidden names the object as it is before name generation: by its generateName. */
function forbidden(a: AdmissionAttributes, why: string): Error {
  const meta = a.obj.metadata;
  return apiErrors.forbidden(a.kind.plural, a.kind.group, meta.name || meta.generateName || 'Unknown', why);
}

function isPodCreate(a: AdmissionAttributes): boolean {
  return a.operation === 'CREATE' && a.kind.group === '' && a.kind.plural === 'pods';
}

/** prepareObjects: the pod's RuntimeClass; undefined when it names none, forbidden when it does not exist. */
function runtimeClassOf(a: AdmissionAttributes): Readonly<KubeObject> | undefined {
  const name = a.obj.spec?.runtimeClassName;
  if (name == null) return undefined;
  const rc = a.ctx.store.peek(registryKey('runtimeclasses', undefined, String(name)));
  if (!rc) throw forbidden(a, `pod rejected: RuntimeClass ${JSON.stringify(String(name))} not found`);
  return rc;
}

function sameQuantity(x: string | number, y: string | number): boolean {
  try {
    return compareQuantities(x, y) === 0;
  } catch {
    return String(x) === String(y);
  }
}

/** apiequality.Semantic.DeepEqual of two ResourceLists: nil and empty are equal, quantities compare by value. */
export function sameResourceList(a: ResourceList | undefined | null, b: ResourceList | undefined | null): boolean {
  const x = a ?? {};
  const y = b ?? {};
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  return keys.every((k) => k in y && sameQuantity(x[k], y[k]));
}

/** Semantic.DeepEqual of two tolerations (absent strings are "", absent tolerationSeconds is nil). */
function sameToleration(t: any, u: any): boolean {
  return (t.key ?? '') === (u.key ?? '') && (t.operator ?? '') === (u.operator ?? '') && (t.value ?? '') === (u.value ?? '') &&
    (t.effect ?? '') === (u.effect ?? '') && (t.tolerationSeconds ?? null) === (u.tolerationSeconds ?? null);
}

/** tolerations.isSuperset: whether ss tolerates everything t does. */
function isSuperset(ss: any, t: any): boolean {
  if (sameToleration(t, ss)) return true;
  const ssKey = ss.key ?? '';
  const ssOp = ss.operator ?? '';
  // an empty key with Exists matches every key
  if ((t.key ?? '') !== ssKey && (ssKey !== '' || ssOp !== 'Exists')) return false;
  // an empty effect matches every effect
  if ((t.effect ?? '') !== (ss.effect ?? '') && (ss.effect ?? '') !== '') return false;
  if (ss.effect === 'NoExecute' && ss.tolerationSeconds != null) {
    if (t.tolerationSeconds == null || t.tolerationSeconds > ss.tolerationSeconds) return false;
  }
  if (ssOp === 'Equal' || ssOp === '') return t.operator === 'Equal' && (t.value ?? '') === (ss.value ?? '');
  return ssOp === 'Exists';
}

/** tolerations.MergeTolerations: both lists, without the ones another tolerates a superset of. */
export function mergeTolerations(first: any[], second: any[]): any[] {
  const all = [...first, ...second];
  const merged: any[] = [];
  all.forEach((t, i) => {
    if (merged.some((m) => isSuperset(m, t))) return;
    // of two equal tolerations the first is kept
    if (all.slice(i + 1).some((u) => !sameToleration(t, u) && isSuperset(u, t))) return;
    merged.push(t);
  });
  return merged;
}

/** setOverhead: the class's podFixed becomes the pod's overhead (a different one set by the pod is refused). */
function setOverhead(a: AdmissionAttributes, rc: Readonly<KubeObject>): void {
  if (rc.overhead == null) return;
  const spec = a.obj.spec;
  const podFixed: ResourceList | undefined = rc.overhead.podFixed ?? undefined;
  if (spec.overhead != null && !sameResourceList(podFixed, spec.overhead)) {
    throw forbidden(a, "pod rejected: Pod's Overhead doesn't match RuntimeClass's defined Overhead");
  }
  if (podFixed == null) delete spec.overhead;
  else spec.overhead = cloneJson(podFixed);
}

/** setScheduling: the class's node selector entries (a different value for a key is refused) and tolerations. */
function setScheduling(a: AdmissionAttributes, rc: Readonly<KubeObject>): void {
  const scheduling = rc.scheduling;
  if (scheduling == null) return;
  const spec = a.obj.spec;
  const rcSelector: Record<string, string> = scheduling.nodeSelector ?? {};
  if (spec.nodeSelector == null) {
    if (scheduling.nodeSelector != null) spec.nodeSelector = { ...rcSelector };
  } else {
    for (const key of Object.keys(rcSelector).sort()) {
      const podValue = spec.nodeSelector[key];
      if (podValue !== undefined && podValue !== rcSelector[key]) {
        throw forbidden(a, `conflict: runtimeClass.scheduling.nodeSelector[${key}] = ${rcSelector[key]}; pod.spec.nodeSelector[${key}] = ${podValue}`);
      }
      spec.nodeSelector[key] = rcSelector[key];
    }
  }
  const tolerations = mergeTolerations(spec.tolerations ?? [], cloneJson(scheduling.tolerations ?? []));
  if (tolerations.length > 0) spec.tolerations = tolerations;
  else delete spec.tolerations;
}

/** validateOverhead: the pod's overhead is its class's, or absent when the class defines none. */
function validateOverhead(a: AdmissionAttributes, rc: Readonly<KubeObject> | undefined): void {
  const overhead = a.obj.spec?.overhead;
  if (rc?.overhead != null) {
    if (!sameResourceList(rc.overhead.podFixed, overhead)) {
      throw forbidden(a, "pod rejected: Pod's Overhead doesn't match RuntimeClass's defined Overhead");
    }
  } else if (overhead != null) {
    throw forbidden(a, 'pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead');
  }
}

export const runtimeClassAdmission: AdmissionPlugin = {
  name: 'RuntimeClass',
  admit(a) {
    if (!isPodCreate(a)) return;
    const rc = runtimeClassOf(a);
    if (!rc) return;
    setOverhead(a, rc);
    setScheduling(a, rc);
  },
  validate(a) {
    if (!isPodCreate(a)) return;
    validateOverhead(a, runtimeClassOf(a));
  },
};
