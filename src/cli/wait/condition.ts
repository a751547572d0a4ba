/**
 * `kubectl wait --for=…`: what to wait for and how to tell it is there (kubectl 1.32's
 * conditionFuncFor, its condition and JSONPath checks, in kubectl's words).
 */
import type { KubeObject } from '../../api/types.js';
import { relaxedJsonPath } from '../printers/custom-columns.js';
import { JsonPath, goSprint } from '../../util/jsonpath/index.js';

export type WaitFor =
  | { type: 'delete' }
  | { type: 'create' }
  | { type: 'condition'; names: string[]; status: string }
  | { type: 'jsonpath'; path: JsonPath; value: string | undefined };

/** Parses `--for`; throws kubectl's error for anything else. */
export function parseWaitFor(text: string): WaitFor {
  const lower = text.toLowerCase();
  if (lower === 'delete') return { type: 'delete' };
  if (lower === 'create') return { type: 'create' };
  if (text.startsWith('condition=')) {
    let name = text.slice('condition='.length);
    let status = 'true';
    const eq = name.indexOf('=');
    if (eq >= 0) {
      status = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    return { type: 'condition', names: name.split(','), status };
  }
  if (text.startsWith('jsonpath=')) return parseJsonPathWait(text.slice('jsonpath='.length));
  throw new Error(`unrecognized condition: ${goQuoted(text)}`);
}

function parseJsonPathWait(input: string): WaitFor {
  const parts = splitOnSingleEquals(input);
  if (parts.length > 2) {
    throw new Error("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
  }
  const expression = relaxedJsonPath(parts[0]!);
  let value: string | undefined;
  if (parts.length === 2) {
    value = trimChars(parts[1]!, `'"`);
    if (value === '') throw new Error("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
  }
  if (expression === '') throw new Error('jsonpath expression cannot be empty');
  return { type: 'jsonpath', path: new JsonPath(expression, { allowMissingKeys: true }), value };
}

/** Splits on a single `=`; `==` (a filter's comparison) stays inside its part. */
export function splitOnSingleEquals(input: string): string[] {
  const out: string[] = [];
  let part = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] !== '=') {
      part += input[i];
    } else if (input[i + 1] === '=') {
      part += '==';
      i++;
    } else {
      out.push(part);
      part = '';
    }
  }
  out.push(part);
  return out;
}

function trimChars(s: string, chars: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && chars.includes(s[a]!)) a++;
  while (b > a && chars.includes(s[b - 1]!)) b--;
  return s.slice(a, b);
}

/** Go's %q of a plain string. */
function goQuoted(s: string): string {
  return JSON.stringify(s);
}

/**
 * Whether `obj` meets a condition or JSONPath wait. Conditions written for an older generation
 * (observedGeneration below metadata.generation) do not count; statuses compare case-insensitively.
 */
export function conditionMet(obj: KubeObject, waitFor: WaitFor): boolean {
  if (waitFor.type === 'condition') return checkCondition(obj, waitFor.names, waitFor.status);
  if (waitFor.type === 'jsonpath') return checkJsonPath(obj, waitFor.path, waitFor.value);
  throw new Error(`--for=${waitFor.type} is not a condition on an object`);
}

type Cond = { type?: unknown; status?: unknown; observedGeneration?: unknown };

function checkCondition(obj: KubeObject, names: string[], status: string): boolean {
  const conditions = (obj as { status?: { conditions?: unknown; observedGeneration?: unknown } }).status?.conditions;
  if (!Array.isArray(conditions)) return false;
  const wanted = names.map(fold);
  for (const c of conditions as Cond[]) {
    if (typeof c?.type !== 'string' || !wanted.includes(fold(c.type))) continue;
    if (typeof c.status !== 'string') continue;
    const generation = obj.metadata.generation;
    if (typeof generation === 'number') {
      const observed = typeof c.observedGeneration === 'number' ? c.observedGeneration : (obj as { status?: { observedGeneration?: unknown } }).status?.observedGeneration;
      if (typeof observed === 'number' && observed < generation) return false;
    }
    return fold(c.status) === fold(status);
  }
  return false;
}

/** Unicode simple case folding, near enough: compare lower-cased upper-cased forms. */
function fold(s: string): string {
  return s.toUpperCase().toLowerCase();
}

function checkJsonPath(obj: KubeObject, path: JsonPath, value: string | undefined): boolean {
  const results = path.findResults(obj);
  if (results.length === 0 || results[0]!.length === 0) return false;
  if (results.length > 1) throw new Error('given jsonpath expression matches more than one list');
  if (results[0]!.length > 1) throw new Error('given jsonpath expression matches more than one value');
  if (value === undefined) return true;
  const found = results[0]![0];
  if (found !== null && typeof found === 'object') throw new Error('jsonpath leads to a nested object or list which is not supported');
  return goSprint(found).trim() === value.trim();
}
