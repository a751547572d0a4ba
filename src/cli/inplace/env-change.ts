/**
 * `set env`: the `KEY=VALUE` / `KEY-` arguments (kubectl's envutil.ParseEnv), merging them into a
 * container's env (a known name is replaced in place, a new one appended, removals dropped) and
 * the `--list` listing.
 */
import { envVarNameErrors, goQuote } from '../generators/key-names.js';
import type { Container, EnvVar } from './pod-spec.js';

export interface EnvChange {
  set: EnvVar[];
  remove: string[];
}

export function parseEnv(specs: string[]): EnvChange {
  const change: EnvChange = { set: [], remove: [] };
  for (const spec of specs) {
    if (spec.includes('=')) {
      const at = spec.indexOf('=');
      const name = spec.slice(0, at);
      const errs = envVarNameErrors(name);
      if (errs.length > 0) throw new Error(`${goQuote(name)} is not a valid key name: ${errs.join(';')}`);
      change.set.push({ name, value: spec.slice(at + 1) });
    } else if (spec.endsWith('-')) {
      change.remove.push(spec.slice(0, -1));
    } else {
      throw new Error(`unknown environment variable: ${spec}`);
    }
  }
  return change;
}

/** The container's env after the change. */
export function updateEnv(existing: EnvVar[] | undefined, change: EnvChange): EnvVar[] {
  const out = [...(existing ?? [])];
  for (const e of change.set) {
    const i = out.findIndex((x) => x.name === e.name);
    if (i >= 0) out[i] = e;
    else out.push(e);
  }
  return out.filter((e) => !change.remove.includes(e.name));
}

/** Without --overwrite, an existing variable may not get a different value. */
export function overwriteRefusal(existing: EnvVar[] | undefined, change: EnvChange): string | undefined {
  for (const e of change.set) {
    const cur = (existing ?? []).find((x) => x.name === e.name);
    if (cur && (cur.value !== e.value || cur.valueFrom)) return `'${e.name}' already has a value (${cur.value ?? ''}), and --overwrite is false`;
  }
  return undefined;
}

/** envutil.GetEnvVarRefString. */
function refString(from: Record<string, Record<string, unknown>>): string {
  if (from.configMapKeyRef) return `configmap ${from.configMapKeyRef.name}, key ${from.configMapKeyRef.key}`;
  if (from.secretKeyRef) return `secret ${from.secretKeyRef.name}, key ${from.secretKeyRef.key}`;
  if (from.fieldRef) return `field path ${from.fieldRef.fieldPath}`;
  if (from.resourceFieldRef) {
    const r = from.resourceFieldRef;
    return `resource ${r.containerName ? `${r.containerName}/` : ''}${r.resource}`;
  }
  return 'invalid valueFrom';
}

/** `--list` for one container: `# Deployment web, container nginx`, then `KEY=VALUE` lines. */
export function listEnv(kind: string, name: string, c: Container): string {
  let out = `# ${kind} ${name}, container ${c.name}\n`;
  for (const e of c.env ?? []) {
    out += e.valueFrom ? `# ${e.name} from ${refString(e.valueFrom)}\n` : `${e.name}=${e.value ?? ''}\n`;
  }
  return out;
}
