/**
 * JSON patch (RFC 6902, application/json-patch+json): add, remove, replace, move, copy, test.
 * Atomic: the first failing operation aborts the whole patch. Errors carry the detail texts of the
 * json-patch library the API server uses; the server wraps them in its 422 response.
 */
import { type JsonMap, clone, deepEqual, isMap } from './json-value.js';

export class JsonPatchError extends Error {
  constructor(message: string, readonly malformed = false) {
    super(message);
    this.name = 'JsonPatchError';
  }
}

interface Operation {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new JsonPatchError(`invalid JSON pointer: ${JSON.stringify(pointer)}`);
  return pointer.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

type Container = JsonMap | unknown[];

/** Operations run on `{doc}` so the root can be replaced; messages show the caller's pointer. */
const shown = (pointer: string) => pointer.replace(/^\/doc/, '');

/** The container holding the last segment of `pointer`, and that segment. */
function locate(doc: unknown, pointer: string): { parent: Container; key: string } | undefined {
  const parts = parsePointer(pointer);
  const key = parts.pop();
  if (key === undefined) return undefined;
  let node: unknown = doc;
  for (const p of parts) {
    if (Array.isArray(node)) node = /^\d+$/.test(p) ? node[Number(p)] : undefined;
    else if (isMap(node)) node = node[p];
    else return undefined;
  }
  if (Array.isArray(node) || isMap(node)) return { parent: node, key };
  return undefined;
}

function getAt(doc: unknown, pointer: string): { found: boolean; value?: unknown } {
  if (pointer === '') return { found: true, value: doc };
  const loc = locate(doc, pointer);
  if (!loc) return { found: false };
  if (Array.isArray(loc.parent)) {
    if (!/^\d+$/.test(loc.key) || Number(loc.key) >= loc.parent.length) return { found: false };
    return { found: true, value: loc.parent[Number(loc.key)] };
  }
  if (!Object.prototype.hasOwnProperty.call(loc.parent, loc.key)) return { found: false };
  return { found: true, value: loc.parent[loc.key] };
}

function add(doc: unknown, pointer: string, value: unknown, what = 'add'): void {
  const loc = locate(doc, pointer);
  if (!loc) throw new JsonPatchError(`${what} operation does not apply: doc is missing path: "${shown(pointer)}": missing value`);
  if (Array.isArray(loc.parent)) {
    const idx = loc.key === '-' ? loc.parent.length : /^\d+$/.test(loc.key) ? Number(loc.key) : NaN;
    if (!(idx >= 0 && idx <= loc.parent.length)) throw new JsonPatchError(`${what} operation does not apply: doc is missing path: "${shown(pointer)}": missing value`);
    loc.parent.splice(idx, 0, value);
  } else loc.parent[loc.key] = value;
}

function remove(doc: unknown, pointer: string, what = 'remove'): unknown {
  const loc = locate(doc, pointer);
  const got = getAt(doc, pointer);
  if (!loc || !got.found) throw new JsonPatchError(`${what} operation does not apply: doc is missing path: "${shown(pointer)}": missing value`);
  if (Array.isArray(loc.parent)) loc.parent.splice(Number(loc.key), 1);
  else delete loc.parent[loc.key];
  return got.value;
}

function decode(patch: unknown): Operation[] {
  if (!Array.isArray(patch)) {
    throw new JsonPatchError(`json: cannot unmarshal ${isMap(patch) ? 'object' : typeof patch} into Go value of type jsonpatch.Patch`, true);
  }
  return patch.map((op) => {
    if (!isMap(op)) throw new JsonPatchError('json: cannot unmarshal into Go value of type jsonpatch.Operation', true);
    return op as unknown as Operation;
  });
}

export function applyJsonPatch<T>(original: T, patch: unknown): T {
  const ops = decode(patch);
  const box: JsonMap = { doc: clone(original) };
  const at = (p: string) => `/doc${p}`;
  for (const op of ops) {
    if (typeof op.path !== 'string') throw new JsonPatchError(`${op.op} operation missing path`, true);
    switch (op.op) {
      case 'add':
        if (!('value' in op)) throw new JsonPatchError('add operation missing value');
        add(box, at(op.path), clone(op.value));
        break;
      case 'remove':
        remove(box, at(op.path));
        break;
      case 'replace': {
        if (!getAt(box, at(op.path)).found) throw new JsonPatchError(`replace operation does not apply: doc is missing key: ${op.path}: missing value`);
        const loc = locate(box, at(op.path))!;
        if (Array.isArray(loc.parent)) loc.parent[Number(loc.key)] = clone(op.value);
        else loc.parent[loc.key] = clone(op.value);
        break;
      }
      case 'move': {
        if (typeof op.from !== 'string' || !getAt(box, at(op.from)).found) throw new JsonPatchError(`move operation does not apply: doc is missing from path: ${op.from}: missing value`);
        const v = remove(box, at(op.from), 'move');
        add(box, at(op.path), v, 'move');
        break;
      }
      case 'copy': {
        const src = typeof op.from === 'string' ? getAt(box, at(op.from)) : { found: false };
        if (!src.found) throw new JsonPatchError(`copy operation does not apply: doc is missing from path: ${op.from}: missing value`);
        add(box, at(op.path), clone(src.value), 'copy');
        break;
      }
      case 'test': {
        const got = getAt(box, at(op.path));
        const ok = got.found ? deepEqual(got.value, op.value) : op.value === null || op.value === undefined;
        if (!ok) throw new JsonPatchError(`testing value ${op.path} failed: test failed`);
        break;
      }
      default:
        throw new JsonPatchError(`Unexpected kind: ${String(op.op)}`);
    }
  }
  return box.doc as T;
}
