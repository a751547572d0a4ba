import type { KubeObject } from '../../api/types.js';
import { parseLabelSpec } from './run-pod.js';
import { objectMeta, sortedMap, typed } from './meta.js';

export interface ExposeInput {
  /** The object being exposed, as the server has it. */
  object: KubeObject;
  namespace?: string;
  name?: string;
  port?: string;
  targetPort?: string;
  protocol?: string;
  type?: string;
  selector?: string;
  labels?: string;
  externalIP?: string;
  loadBalancerIP?: string;
  sessionAffinity?: string;
  clusterIP?: string;
}

interface PortInfo {
  port: string;
  protocol: string;
}

const EXPOSABLE = new Set(['ReplicationController', 'Service', 'Pod', 'Deployment', 'ReplicaSet']);

/** kubectl's group-kind text (`Job.batch`, `ConfigMap`). */
function groupKind(obj: KubeObject): string {
  const slash = obj.apiVersion.indexOf('/');
  return slash >= 0 ? `${obj.kind}.${obj.apiVersion.slice(0, slash)}` : obj.kind;
}

function podTemplateContainers(obj: KubeObject): Record<string, unknown>[] {
  const spec = obj.kind === 'Pod' ? obj.spec : obj.spec?.template?.spec;
  return (spec?.containers ?? []) as Record<string, unknown>[];
}

/** polymorphichelpers PortsForObject / PortsProtocolsForObject in one pass. */
function portsOf(obj: KubeObject): PortInfo[] {
  if (obj.kind === 'Service') {
    return ((obj.spec?.ports ?? []) as { port: number; protocol?: string }[]).map((p) => ({ port: String(p.port), protocol: p.protocol ?? 'TCP' }));
  }
  return podTemplateContainers(obj).flatMap((c) =>
    ((c.ports ?? []) as { containerPort: number; protocol?: string }[]).map((p) => ({ port: String(p.containerPort), protocol: p.protocol ?? 'TCP' })),
  );
}

function goStruct(e: { key: string; operator: string; values?: string[] }): string {
  return `{Key:${e.key} Operator:${e.operator} Values:[${(e.values ?? []).join(' ')}]}`;
}

/** polymorphichelpers MapBasedSelectorForObject. */
function selectorOf(obj: KubeObject): Record<string, string> {
  if (obj.kind === 'Pod') {
    const labels = obj.metadata.labels ?? {};
    if (Object.keys(labels).length === 0) throw new Error('the pod has no labels and cannot be exposed');
    return labels;
  }
  if (obj.kind === 'Service' || obj.kind === 'ReplicationController') {
    const sel = (obj.spec?.selector ?? {}) as Record<string, string>;
    if (Object.keys(sel).length === 0) throw new Error(obj.kind === 'Service' ? 'the service has no pod selector set' : 'the replication controller has no selector set');
    return sel;
  }
  const sel = (obj.spec?.selector ?? {}) as { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] };
  if (sel.matchExpressions && sel.matchExpressions.length > 0) {
    throw new Error(`couldn't convert expressions - "[${sel.matchExpressions.map(goStruct).join(' ')}]" to map-based selector format`);
  }
  return sel.matchLabels ?? {};
}

function parsePortNumber(s: string): number {
  if (!/^[+-]?[0-9]+$/.test(s)) throw new Error(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  return Number(s);
}

/** `kubectl expose TYPE NAME`: the Service kubectl's generator makes for the object. */
export function generateExposeService(input: ExposeInput): KubeObject {
  const obj = input.object;
  if (!EXPOSABLE.has(obj.kind)) throw new Error(`cannot expose a ${groupKind(obj)}`);

  let selector: Record<string, string>;
  try {
    selector = input.selector ? parseLabelSpec(input.selector) : sortedMap(Object.entries(selectorOf(obj)));
  } catch (err) {
    throw new Error(`couldn't retrieve selectors via --selector flag or introspection: ${(err as Error).message}`);
  }
  const known = portsOf(obj);
  const portStrings = input.port ? input.port.split(',') : known.map((p) => p.port);
  const headless = input.clusterIP === 'None';
  if (portStrings.length === 0 && !headless) throw new Error("couldn't find port via --port flag or introspection");

  const ports = portStrings.map((s, i) => {
    const port = parsePortNumber(s);
    const protocol = input.protocol || known.find((k) => k.port === s)?.protocol || 'TCP';
    const p: Record<string, unknown> = {};
    if (portStrings.length > 1) p.name = `port-${i + 1}`;
    p.protocol = protocol;
    p.port = port;
    p.targetPort = input.targetPort ? (/^-?[0-9]+$/.test(input.targetPort) ? Number(input.targetPort) : input.targetPort) : port;
    return p;
  });

  const labels = input.labels ? parseLabelSpec(input.labels) : sortedMap(Object.entries(obj.metadata.labels ?? {}));
  const name = (input.name || obj.metadata.name || '').slice(0, 63);
  const spec: Record<string, unknown> = {};
  if (ports.length > 0) spec.ports = ports;
  spec.selector = selector;
  if (input.clusterIP) spec.clusterIP = input.clusterIP;
  if (input.type) spec.type = input.type;
  if (input.externalIP) spec.externalIPs = [input.externalIP];
  if (input.sessionAffinity) {
    if (input.sessionAffinity !== 'ClientIP' && input.sessionAffinity !== 'None') throw new Error(`unknown session affinity: ${input.sessionAffinity}`);
    spec.sessionAffinity = input.sessionAffinity;
  }
  if (input.type === 'LoadBalancer' && input.loadBalancerIP) spec.loadBalancerIP = input.loadBalancerIP;
  return typed('Service', 'v1', {
    metadata: objectMeta({ name, namespace: input.namespace, labels }),
    spec,
    status: { loadBalancer: {} },
  });
}
