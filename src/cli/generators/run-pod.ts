import type { KubeObject } from '../../api/types.js';
import { envVarNameErrors } from './key-names.js';
import { objectMeta, sortedMap, typed } from './meta.js';

export interface RunPodInput {
  name: string;
  namespace?: string;
  image: string;
  restart?: string;
  env: string[];
  labels?: string;
  annotations: string[];
  port?: string;
  /** With --command the words after NAME are the command, otherwise the args. */
  useCommand: boolean;
  words: string[];
  imagePullPolicy?: string;
  privileged: boolean;
}

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];

/** `a=b,c=d` → map (kubectl's label spec; a later key wins). */
export function parseLabelSpec(spec: string): Record<string, string> {
  const out = new Map<string, string>();
  for (const part of spec.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) throw new Error(`unexpected label spec: ${part}`);
    out.set(kv[0], kv[1]);
  }
  return sortedMap(out);
}

function parseEnv(specs: string[]): { name: string; value: string }[] {
  return specs.map((spec) => {
    const eq = spec.indexOf('=');
    const name = eq >= 0 ? spec.slice(0, eq) : '';
    if (eq < 0 || envVarNameErrors(name).length > 0) throw new Error(`invalid env: ${spec}`);
    return { name, value: spec.slice(eq + 1) };
  });
}

function parseAnnotations(specs: string[]): Record<string, string> {
  const out = new Map<string, string>();
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq < 0) throw new Error(`invalid annotations format: ${spec}`);
    out.set(spec.slice(0, eq), spec.slice(eq + 1));
  }
  return sortedMap(out);
}

/** Go's strconv.Atoi, with its error text. */
export function atoi(s: string): number {
  if (!/^[+-]?[0-9]+$/.test(s)) throw new Error(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (!Number.isSafeInteger(n)) throw new Error(`strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}

/** The validation `kubectl run` does before generating (restart policy first). */
export function checkRunInput(input: RunPodInput): void {
  const restart = input.restart ?? 'Always';
  if (!RESTART_POLICIES.includes(restart)) throw new Error(`invalid restart policy: ${restart}`);
  if (input.imagePullPolicy && !PULL_POLICIES.includes(input.imagePullPolicy)) throw new Error(`invalid image pull policy: ${input.imagePullPolicy}`);
}

/** `kubectl run NAME --image=…`: the run-pod/v1 generator. */
export function generateRunPod(input: RunPodInput): KubeObject {
  checkRunInput(input);
  const labels = input.labels ? parseLabelSpec(input.labels) : { run: input.name };
  const annotations = parseAnnotations(input.annotations);
  const container: Record<string, unknown> = { name: input.name, image: input.image };
  if (input.words.length > 0) container[input.useCommand ? 'command' : 'args'] = input.words;
  if (input.port !== undefined && input.port !== '') {
    container.ports = [{ containerPort: atoi(input.port) }];
  }
  const env = parseEnv(input.env);
  if (env.length > 0) container.env = env;
  container.resources = {};
  if (input.imagePullPolicy) container.imagePullPolicy = input.imagePullPolicy;
  if (input.privileged) container.securityContext = { privileged: true };
  return typed('Pod', 'v1', {
    metadata: objectMeta({ name: input.name, namespace: input.namespace, labels, annotations }),
    spec: { containers: [container], restartPolicy: input.restart ?? 'Always', dnsPolicy: 'ClusterFirst' },
    status: {},
  });
}
