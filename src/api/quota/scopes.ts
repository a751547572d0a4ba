/**
 * ResourceQuota scopes: which pods a quota tracks (podMatchesScopeFunc in
 * pkg/quota/v1/evaluator/core/pods.go; GetScopeSelectorsFromQuota in the generic evaluator).
 */
import { podQosClass } from '../kinds/pod-qos.js';
import type { KubeObject } from '../types.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export interface ScopeRequirement {
  scopeName: string;
  operator: string;
  values?: string[];
}

export const QUOTA_SCOPES = ['Terminating', 'NotTerminating', 'BestEffort', 'NotBestEffort', 'PriorityClass', 'CrossNamespacePodAffinity'];

/** A quota's scopes as Exists requirements, then its scope selector's expressions. */
export function quotaScopes(quota: Readonly<KubeObject>): ScopeRequirement[] {
  const out: ScopeRequirement[] = (quota.spec?.scopes ?? []).map((s: string) => ({ scopeName: s, operator: 'Exists' }));
  for (const e of quota.spec?.scopeSelector?.matchExpressions ?? []) out.push({ scopeName: e.scopeName, operator: e.operator, values: e.values });
  return out;
}

const isTerminating = (pod: KubeObject): boolean => typeof pod.spec?.activeDeadlineSeconds === 'number' && pod.spec.activeDeadlineSeconds >= 0;
const isBestEffort = (pod: KubeObject): boolean => (pod.status?.qosClass ?? podQosClass(pod.spec)) === 'BestEffort';

/** A selector requirement over the one label `PriorityClass=<the pod's class>` (none when it has no class). */
function priorityClassMatches(req: ScopeRequirement, pod: KubeObject): boolean {
  const cls: string = pod.spec?.priorityClassName ?? '';
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In': return cls !== '' && values.includes(cls);
    case 'NotIn': return cls === '' || !values.includes(cls);
    case 'Exists': return cls !== '';
    case 'DoesNotExist': return cls === '';
    default: return false;
  }
}

/** Whether the pod's affinity names other namespaces (a term with namespaces or a namespace selector). */
function crossNamespaceAffinity(pod: KubeObject): boolean {
  const crosses = (t: any) => (t?.namespaces?.length ?? 0) > 0 || t?.namespaceSelector != null;
  for (const a of [pod.spec?.affinity?.podAffinity, pod.spec?.affinity?.podAntiAffinity]) {
    if ((a?.requiredDuringSchedulingIgnoredDuringExecution ?? []).some(crosses)) return true;
    if ((a?.preferredDuringSchedulingIgnoredDuringExecution ?? []).some((w: any) => crosses(w?.podAffinityTerm))) return true;
  }
  return false;
}

export function podMatchesScope(req: ScopeRequirement, pod: KubeObject): boolean {
  switch (req.scopeName) {
    case 'Terminating': return isTerminating(pod);
    case 'NotTerminating': return !isTerminating(pod);
    case 'BestEffort': return isBestEffort(pod);
    case 'NotBestEffort': return !isBestEffort(pod);
    case 'PriorityClass': return priorityClassMatches(req, pod);
    case 'CrossNamespacePodAffinity': return crossNamespaceAffinity(pod);
    default: return false;
  }
}

/** helpTextForResourceQuotaScope (kubectl describe). */
export function scopeHelpText(scope: string): string {
  switch (scope) {
    case 'Terminating': return 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.';
    case 'NotTerminating': return 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.';
    case 'BestEffort': return 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.';
    case 'NotBestEffort': return 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.';
    default: return '';
  }
}
