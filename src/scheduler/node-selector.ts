/**
 * Node selection terms (v1.NodeSelector, nodeaffinity.RequiredNodeAffinity): `nodeSelector` labels plus
 * required node affinity terms (ORed; each term's expressions and fields ANDed; an empty term matches nothing).
 */
import type { KubeObject } from '../api/types.js';

export interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

function parseIntStrict(s: string | undefined): number | undefined {
  if (s === undefined || !/^[+-]?\d+$/.test(s)) return undefined;
  return Number(s);
}

export function requirementMatches(r: NodeSelectorRequirement, fields: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(fields, r.key);
  const v = has ? fields[r.key] : undefined;
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return has && values.includes(v!);
    case 'NotIn':
      return !has || !values.includes(v!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      const a = parseIntStrict(v);
      const b = values.length === 1 ? parseIntStrict(values[0]) : undefined;
      if (a === undefined || b === undefined) return false;
      return r.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return false;
  }
}

export function termMatches(term: NodeSelectorTerm, labels: Record<string, string>, nodeName: string): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  for (const r of exprs) if (!requirementMatches(r, labels)) return false;
  if (fields.length > 0) {
    const f = { 'metadata.name': nodeName };
    for (const r of fields) {
      if (r.key !== 'metadata.name' || !requirementMatches(r, f)) return false;
    }
  }
  return true;
}

/** A pod's hard node constraints, compiled once per scheduling cycle. */
export class RequiredNodeAffinity {
  private readonly selector: [string, string][];
  private readonly terms: NodeSelectorTerm[] | null;

  constructor(pod: KubeObject) {
    this.selector = Object.entries((pod.spec?.nodeSelector ?? {}) as Record<string, string>);
    this.terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? null;
  }

  get isEmpty(): boolean {
    return this.selector.length === 0 && this.terms === null;
  }

  matches(labels: Record<string, string>, nodeName: string): boolean {
    for (const [k, v] of this.selector) if (labels[k] !== v) return false;
    if (this.terms === null) return true;
    for (const t of this.terms) if (termMatches(t, labels, nodeName)) return true;
    return false;
  }
}
