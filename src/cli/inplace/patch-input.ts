/**
 * `kubectl patch` input: the patch type (`--type`), the patch text (`-p` or `--patch-file`, YAML or
 * JSON, converted as kubectl's yaml.ToJSON does) and the client-side application used for
 * `--dry-run=client` (the same patch code the API server runs).
 */
import { readFileSync } from 'node:fs';
import type { PatchType } from '../../api/client.js';
import type { KindDef } from '../../api/kind.js';
import { applyJsonMergePatch } from '../../api/patch/json-merge.js';
import { applyJsonPatch } from '../../api/patch/json-patch.js';
import { applyStrategicMergePatch } from '../../api/patch/strategic-merge.js';
import type { KubeObject } from '../../api/types.js';
import { ManifestSyntaxError, parseYamlDocument } from '../manifest-parse.js';

const TYPES: PatchType[] = ['json', 'merge', 'strategic'];

export function patchType(value: string | undefined): PatchType {
  const t = (value ?? 'strategic').toLowerCase();
  if (t === '') return 'strategic';
  if ((TYPES as string[]).includes(t)) return t as PatchType;
  throw new Error(`--type must be one of [${TYPES.join(' ')}], not ${JSON.stringify(value)}`);
}

/** The patch value from `-p` / `--patch-file` (exactly one of them). */
export function readPatch(patch: string | undefined, patchFile: string | undefined): unknown {
  if (patch && patchFile) throw new Error('cannot specify --patch and --patch-file together');
  if (!patch && !patchFile) throw new Error('must specify --patch or --patch-file containing the contents of the patch');
  let text = patch ?? '';
  if (patchFile) {
    try {
      text = readFileSync(patchFile, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file or directory' : code === 'EISDIR' ? 'is a directory' : (err as Error).message;
      throw new Error(`unable to read patch file: open ${patchFile}: ${why}`);
    }
  }
  try {
    const value = parseYamlDocument(text);
    return value === undefined ? null : value;
  } catch (err) {
    if (!(err instanceof ManifestSyntaxError)) throw err;
    throw new Error(`unable to parse ${JSON.stringify(patch ?? '')}: ${err.message.replace(/^error converting YAML to JSON: /, '')}`);
  }
}

/** The patched object, computed on the client (`--dry-run=client`). */
export function applyPatchLocally(kind: KindDef, obj: KubeObject, type: PatchType, patch: unknown): KubeObject {
  switch (type) {
    case 'strategic':
      return applyStrategicMergePatch(obj, patch, kind.schemaType);
    case 'merge':
      return applyJsonMergePatch(obj, patch);
    case 'json':
      return applyJsonPatch(obj, patch);
    case 'apply':
      // not one of patch's --type values (patchType() never returns it)
      throw new Error('server-side apply is computed by the server: use apply --server-side');
  }
}
