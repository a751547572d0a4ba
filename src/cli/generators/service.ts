import type { KubeObject } from '../../api/types.js';
import { portNameErrors, isDNS1123Subdomain } from '../../api/validation/names.js';
import { inclusiveRangeError } from '../../api/validation/messages.js';
import { objectMeta, typed } from './meta.js';

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export interface ServiceInput {
  name: string;
  namespace?: string;
  type: ServiceType;
  tcp: string[];
  clusterIP?: string;
  nodePort?: number;
  externalName?: string;
}

/** utilnet.ParsePort(s, allowZero=true): strconv.ParseUint(s, 10, 16), with Go's messages. */
function parsePort(s: string): number {
  if (!/^[0-9]+$/.test(s)) throw new Error(`strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (n > 65535) throw new Error(`strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}

/** `port[:target]` of `--tcp`: the port, and the target as a number or a port name. */
export function parseTcp(spec: string): { port: number; targetPort: number | string } {
  const parts = spec.split(':');
  const port = parsePort(parts[0]);
  if (parts.length === 1) return { port, targetPort: port };
  const target = parts[1];
  if (!/^[+-]?[0-9]+$/.test(target)) {
    const errs = portNameErrors(target);
    if (errs.length > 0) throw new Error(errs.join(','));
    return { port, targetPort: target };
  }
  const n = Number(target);
  if (n < 1 || n > 65535) throw new Error(inclusiveRangeError(1, 65535));
  return { port, targetPort: n };
}

/** kubectl's ServiceOptions.Validate. */
export function checkService(input: ServiceInput): void {
  if (input.clusterIP === 'None' && input.type !== 'ClusterIP') throw new Error('ClusterIP=None can only be used with ClusterIP service type');
  if (input.clusterIP !== 'None' && input.tcp.length === 0 && input.type !== 'ExternalName') throw new Error('at least one tcp port specifier must be provided');
  if (input.type === 'ExternalName' && !isDNS1123Subdomain(input.externalName ?? '')) throw new Error(`invalid service external name ${input.externalName ?? ''}`);
}

/** `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME …`. */
export function generateService(input: ServiceInput): KubeObject {
  checkService(input);
  const ports = input.tcp.map((spec) => {
    const { port, targetPort } = parseTcp(spec);
    const p: Record<string, unknown> = { name: spec.replace(/:/g, '-'), protocol: 'TCP', port, targetPort };
    if (input.nodePort) p.nodePort = input.nodePort;
    return p;
  });
  const spec: Record<string, unknown> = {};
  if (ports.length > 0) spec.ports = ports;
  spec.selector = { app: input.name };
  if (input.clusterIP) spec.clusterIP = input.clusterIP;
  spec.type = input.type;
  if (input.externalName) spec.externalName = input.externalName;
  return typed('Service', 'v1', {
    metadata: objectMeta({ name: input.name, namespace: input.namespace, labels: { app: input.name } }),
    spec,
    status: { loadBalancer: {} },
  });
}
