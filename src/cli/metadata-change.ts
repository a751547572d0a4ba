/**
 * What `label` and `annotate` share (one implementation for both): splitting the arguments into
 * resources and `key=value` / `key-` pairs, kubectl's checks of those pairs, applying them to an
 * object (refusing to change a value without --overwrite), the message for the result and the
 * JSON merge patch that carries the change to the server.
 */
import { labelValueErrors } from '../api/validation/labels.js';
import type { KubeObject } from '../api/types.js';
import { sortKeys } from './printers/serialize.js';

export type MetaField = 'labels' | 'annotations';

export interface MetadataSpec {
  /** New values, in the order given. */
  set: Map<string, string>;
  /** Keys to remove (`key-`), in the order given. */
  remove: string[];
}

const CHANGE_CAUSE = 'kubernetes.io/change-cause';

function isPair(arg: string): boolean {
  return (arg.includes('=') && !arg.startsWith('=')) || (arg.endsWith('-') && arg !== '-');
}

/** kubectl's GetResourcesAndPairs: resources first, then the changes; a resource after a change is an error. */
export function splitResourcesAndPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const arg of args) {
    if (isPair(arg)) pairs.push(arg);
    else if (pairs.length > 0) throw new Error(`all resources must be specified before ${pairType} changes: ${arg}`);
    else resources.push(arg);
  }
  return { resources, pairs };
}

/** The label changes (kubectl label's parseLabels): `k=v` with a valid value, `k-`; never both for one key. */
export function parseLabelSpecs(pairs: string[]): MetadataSpec {
  const spec: MetadataSpec = { set: new Map(), remove: [] };
  for (const p of pairs) {
    if (p.includes('=')) {
      const parts = p.split('=');
      if (parts.length !== 2) throw new Error(`invalid label spec: ${p}`);
      const errs = labelValueErrors(parts[1]);
      if (errs.length > 0) throw new Error(`invalid label value: ${JSON.stringify(p)}: ${errs.join(';')}`);
      spec.set.set(parts[0], parts[1]);
    } else if (p.endsWith('-')) {
      spec.remove.push(p.slice(0, -1));
    } else {
      throw new Error(`unknown label spec: ${p}`);
    }
  }
  if (spec.remove.some((k) => spec.set.has(k))) throw new Error('can not both modify and remove a label in the same command');
  return spec;
}

/** The annotation changes (kubectl's ParsePairs + validateAnnotations). */
export function parseAnnotationSpecs(pairs: string[]): MetadataSpec {
  const spec: MetadataSpec = { set: new Map(), remove: [] };
  const invalid: string[] = [];
  for (const p of pairs) {
    if (p.includes('=') && !p.startsWith('=')) {
      const at = p.indexOf('=');
      spec.set.set(p.slice(0, at), p.slice(at + 1));
    } else if (p.endsWith('-') && p !== '-') spec.remove.push(p.slice(0, -1));
    else invalid.push(p);
  }
  if (invalid.length > 0) throw new Error(`invalid annotation format: ${invalid.join(', ')}`);
  const both = spec.remove.filter((k) => spec.set.has(k));
  if (both.length > 0) throw new Error(`can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);
  return spec;
}

/** The refusal to change an existing value without --overwrite, in each command's words (undefined: allowed). */
export function overwriteError(field: MetaField, current: Record<string, string>, spec: MetadataSpec): Error | undefined {
  const clashes = [...spec.set].filter(([k, v]) => k in current && current[k] !== v && !(field === 'annotations' && k === CHANGE_CAUSE));
  if (clashes.length === 0) return undefined;
  if (field === 'annotations') {
    return new Error(`--overwrite is false but found the following declared annotation(s): ${clashes.map(([k]) => `'${k}' already has a value (${current[k]})`).join('; ')}`);
  }
  const msgs = clashes.map(([k]) => `'${k}' already has a value (${current[k]}), and --overwrite is false`);
  return new Error(msgs.length === 1 ? msgs[0] : `[${msgs.join(', ')}]`);
}

export interface ChangeOptions {
  overwrite: boolean;
  /** `--resource-version`: sent with the change, so a stale one is a conflict. */
  resourceVersion?: string;
}

/**
 * The object after the change (a copy; obj is untouched). With --resource-version the copy carries
 * that version. Throws the --overwrite refusal.
 */
export function applyMetadataChange(obj: KubeObject, field: MetaField, spec: MetadataSpec, opts: ChangeOptions): KubeObject {
  const current = { ...(obj.metadata[field] ?? {}) } as Record<string, string>;
  if (!opts.overwrite) {
    const err = overwriteError(field, current, spec);
    if (err) throw err;
  }
  for (const [k, v] of spec.set) current[k] = v;
  for (const k of spec.remove) delete current[k];
  const metadata = { ...obj.metadata, [field]: current };
  if (opts.resourceVersion) metadata.resourceVersion = opts.resourceVersion;
  return { ...obj, metadata };
}

/** The object as kubectl compares it: with --resource-version, its own version is cleared first. */
export function comparable(obj: KubeObject, resourceVersion?: string): KubeObject {
  if (!resourceVersion) return obj;
  return { ...obj, metadata: { ...obj.metadata, resourceVersion: undefined } };
}

/** kubectl label's message: `labeled`, `unlabeled` (shorter without --overwrite) or `not labeled`. */
export function labelMessage(before: KubeObject, after: KubeObject, overwrite: boolean): string {
  const a = JSON.stringify(sortKeys(before));
  const b = JSON.stringify(sortKeys(after));
  if (a === b) return 'not labeled';
  return !overwrite && b.length < a.length ? 'unlabeled' : 'labeled';
}

/** The JSON merge patch from before to after for one metadata map (plus the resourceVersion precondition). */
export function metadataMergePatch(field: MetaField, before: KubeObject, after: KubeObject, resourceVersion?: string): Record<string, unknown> {
  const old = (before.metadata[field] ?? {}) as Record<string, string>;
  const next = (after.metadata[field] ?? {}) as Record<string, string>;
  const diff: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(next)) if (old[k] !== v) diff[k] = v;
  for (const k of Object.keys(old)) if (!(k in next)) diff[k] = null;
  const metadata: Record<string, unknown> = {};
  if (Object.keys(diff).length > 0) metadata[field] = diff;
  if (resourceVersion) metadata.resourceVersion = resourceVersion;
  return Object.keys(metadata).length > 0 ? { metadata } : {};
}

/** `--list`: the keys and values, sorted by key (Go's map order is random; sorted is stable). */
export function listEntries(obj: KubeObject, field: MetaField, indent: string): string {
  const m = (obj.metadata[field] ?? {}) as Record<string, string>;
  return Object.keys(m).sort().map((k) => `${indent}${k}=${m[k]}\n`).join('');
}
