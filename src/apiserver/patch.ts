/**
 * PATCH: the patch is applied to the stored object, then the result goes through the update
 * pipeline. There is no resourceVersion precondition unless the patch itself sets one.
 */
import type { PatchType, WriteOptions } from '../api/client.js';
import { StatusError, apiErrors } from '../api/errors.js';
import { type KindDef, convertTo, hasStrategicMerge } from '../api/kind.js';
import { applyJsonMergePatch } from '../api/patch/json-merge.js';
import { JsonPatchError, applyJsonPatch } from '../api/patch/json-patch.js';
import { applyStrategicMergePatch } from '../api/patch/strategic-merge.js';
import type { KubeObject } from '../api/types.js';
import type { ServerContext } from './context.js';
import { scopeNamespace } from './resolve.js';
import { loadExisting, updateObject } from './update.js';
import { applyObject } from './apply.js';

/** The object with the patch applied (nothing stored): PATCH, and PATCH of the status and scale subresources. */
export function applyPatch(kind: KindDef, old: KubeObject, type: PatchType, patch: unknown): KubeObject {
  switch (type) {
    case 'strategic':
      // a custom resource has no Go type to read merge keys from: the server refuses the type
      if (!hasStrategicMerge(kind)) {
        throw new StatusError(415, 'UnsupportedMediaType', 'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml');
      }
      return applyStrategicMergePatch(old, patch, kind.schemaType);
    case 'merge':
      return applyJsonMergePatch(old, patch);
    case 'json':
      try {
        return applyJsonPatch(old, patch);
      } catch (e) {
        if (!(e instanceof JsonPatchError)) throw e;
        if (e.malformed) throw apiErrors.badRequest(e.message);
        // the API server answers a failed JSON patch with a generic 422
        throw new StatusError(422, 'Invalid', 'the server rejected our request due to an error in our request');
      }
    default:
      throw new StatusError(415, '', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json`);
  }
}

export function patchObject(ctx: ServerContext, kind: KindDef, namespace: string | undefined, name: string, type: PatchType, patch: unknown, opts: WriteOptions = {}): KubeObject {
  // server-side apply creates what is missing: no existing object to load first
  if (type === 'apply') return applyObject(ctx, kind, namespace, name, patch, opts);
  const current = loadExisting(ctx, kind, scopeNamespace(kind, namespace), name);
  // a patch written against another served version applies to the object in that version; the
  // update converts the result back (checkTypeMeta)
  const base = opts.apiVersion && kind.alsoServed?.includes(opts.apiVersion) ? convertTo(kind, current.old, opts.apiVersion) : current.old;
  const patched = applyPatch(kind, base, type, patch);
  if (typeof patched !== 'object' || patched === null || Array.isArray(patched)) {
    throw apiErrors.badRequest('the body of the request was in an unknown format');
  }
  return updateObject(ctx, kind, patched, opts, current);
}
