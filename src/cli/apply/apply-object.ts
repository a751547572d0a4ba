import type { Client, FieldValidation } from '../../api/client.js';
import { StatusError, isStatusError } from '../../api/errors.js';
import { type KindDef, convertTo, hasStrategicMerge, resourceOf } from '../../api/kind.js';
import type { KubeObject } from '../../api/types.js';
import { createThreeWayMergePatch } from '../../api/patch/strategic-merge.js';
import { type DryRunStrategy, apiDryRun } from '../flags.js';
import { sortedJson } from '../json-sort.js';
import { lastAppliedOf, stripNulls, withLastApplied } from './last-applied.js';

export type ApplyOperation = 'created' | 'configured' | 'unchanged' | 'serverside-applied';

export interface ApplyResult {
  operation: ApplyOperation;
  /** The object after the operation (as the server returned it, or as it would be sent for client dry runs). */
  object: KubeObject;
  /** Lines for stderr (kubectl's warnings). */
  warnings: string[];
}

export interface ApplyTarget {
  source: string;
  obj: KubeObject;
  kind: KindDef;
  /** Namespace the object lives in (undefined for cluster-scoped kinds). */
  namespace: string | undefined;
}

const MAX_PATCH_TRIES = 5;

/**
 * Client-side apply of one object (kubectl apply's applyOneObject): create it with the
 * last-applied annotation when absent, else send the three-way strategic merge patch between the
 * last-applied configuration, the manifest and the live object. Errors are StatusErrors carrying
 * kubectl's source prefix.
 */
export async function applyObject(
  client: Client, t: ApplyTarget, dryRun: DryRunStrategy, fieldValidation: FieldValidation = 'Strict', fieldManager = 'kubectl-client-side-apply',
): Promise<ApplyResult> {
  const name = t.obj.metadata?.name ?? '';
  if (!name && t.obj.metadata?.generateName) throw new Error(`from ${t.obj.metadata.generateName}: cannot use generate name with apply`);
  const { modified } = withLastApplied(t.obj);
  // the server's warnings (unknown fields under --validate=warn), printed as kubectl prints them
  const warnings: string[] = [];
  // a manifest in another served version: the patch is written against it, the answer read in it
  const version = t.kind.alsoServed?.includes(t.obj.apiVersion) ? t.obj.apiVersion : undefined;
  const shown = (o: KubeObject): KubeObject => (version ? convertTo(t.kind, o, version) : o);
  const opts = { dryRun: apiDryRun(dryRun), fieldManager, fieldValidation, onWarning: (w: string) => warnings.push(`Warning: ${w}`), apiVersion: version };

  let live = await getLive(client, t, name);
  if (!live) {
    const body = stripNulls(modified);
    if (dryRun === 'client') return { operation: 'created', object: body, warnings: [] };
    try {
      return { operation: 'created', object: shown(await client.create(resourceOf(t.kind), body, opts)), warnings };
    } catch (err) {
      throw withSource(err, `error when creating "${t.source}": `);
    }
  }

  if (!lastAppliedOf(live)) {
    warnings.push(
      `Warning: resource ${t.kind.plural}/${name} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`,
    );
  }
  if (live.metadata.deletionTimestamp) warnings.push(`Warning: Detected changes to resource ${name} which is currently being deleted.`);

  for (let attempt = 1; ; attempt++) {
    const patch = createThreeWayMergePatch(lastAppliedOf(live), modified, live, t.kind.schemaType);
    const patchText = sortedJson(patch);
    if (patchText === '{}') return { operation: 'unchanged', object: live, warnings };
    if (dryRun === 'client') {
      const { applyStrategicMergePatch } = await import('../../api/patch/strategic-merge.js');
      return { operation: 'configured', object: applyStrategicMergePatch(live, patch, t.kind.schemaType), warnings };
    }
    try {
      const object = await client.patch(resourceOf(t.kind), t.namespace, name, hasStrategicMerge(t.kind) ? 'strategic' : 'merge', patch, opts);
      return { operation: 'configured', object: shown(object), warnings };
    } catch (err) {
      if (isStatusError(err) && err.reason === 'Conflict' && attempt < MAX_PATCH_TRIES) {
        const again = await getLive(client, t, name);
        if (again) {
          live = again;
          continue;
        }
      }
      throw withSource(err, `error when applying patch:\n${patchText}\nto:\n${infoLines(t, name)}\nfor: "${t.source}": error when patching "${t.source}": `);
    }
  }
}

async function getLive(client: Client, t: ApplyTarget, name: string): Promise<KubeObject | undefined> {
  try {
    const live = await client.get(resourceOf(t.kind), t.namespace, name);
    // read in the manifest's version, as kubectl reads through its endpoint (KindDef.convert)
    const version = t.obj.apiVersion;
    return version !== live.apiVersion && t.kind.alsoServed?.includes(version) ? convertTo(t.kind, live, version) : live;
  } catch (err) {
    if (isStatusError(err) && err.reason === 'NotFound') return undefined;
    throw withSource(err, `error when retrieving current configuration of:\n${infoLines(t, name)}\nfrom server for: "${t.source}": `);
  }
}

function infoLines(t: ApplyTarget, name: string): string {
  return `Resource: "${resourceString(t.kind)}", GroupVersionKind: "${gvkString(t.kind)}"\nName: "${name}", Namespace: "${t.namespace ?? ''}"`;
}

/** GroupVersionResource.String(): `apps/v1, Resource=deployments`, `/v1, Resource=pods`. */
function resourceString(k: KindDef): string {
  return `${k.group}/${k.version}, Resource=${k.plural}`;
}

function gvkString(k: KindDef): string {
  return `${k.group}/${k.version}, Kind=${k.kind}`;
}

/** kubectl's AddSourceToErr: API errors get the prefix inside their message; others pass through. */
export function withSource(err: unknown, prefix: string): unknown {
  return err instanceof StatusError ? err.withPrefix(prefix) : err;
}
