/**
 * networking.k8s.io/v1 NetworkPolicy: stored, defaulted, validated and printed. Nothing enforces it
 * (no network plugin here), as on a cluster whose network plugin does not implement policies.
 */
import { isIP } from 'node:net';
import { DescribeWriter } from '../describe-writer.js';
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import type { KindDef } from '../kind.js';
import { formatLabelSelector } from '../label-selector.js';
import type { KubeObject } from '../types.js';
import { validateLabelSelector } from '../validation/labels.js';
import { isValidPortNum, portNameErrors, validatePortNum } from '../validation/names.js';
import { invalidRaw } from './go-render.js';
import { ageColumn, nameColumn, writeAnnotations } from './meta-columns.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const POLICY_TYPES = ['Egress', 'Ingress'];

/** SetDefaults_NetworkPolicySpec / _NetworkPolicyPort: policy types from the rules, TCP ports. */
function defaults(np: KubeObject): void {
  const spec = (np.spec ??= {});
  spec.podSelector ??= {};
  if (!spec.policyTypes || spec.policyTypes.length === 0) spec.policyTypes = (spec.egress ?? []).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  for (const rule of [...(spec.ingress ?? []), ...(spec.egress ?? [])] as any[]) {
    for (const port of (rule?.ports ?? []) as any[]) if (port && port.protocol == null) port.protocol = 'TCP';
  }
}

/** An IPv4 CIDR as [network bits, prefix]; undefined when not one. */
function ipv4Cidr(cidr: string): [number, number] | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
  if (!m || isIP(cidr.split('/')[0]!) !== 4) return undefined;
  const prefix = Number(m[5]);
  if (prefix > 32) return undefined;
  const ip = ((Number(m[1]) << 24) | (Number(m[2]) << 16) | (Number(m[3]) << 8) | Number(m[4])) >>> 0;
  return [ip, prefix];
}

function isCidr(cidr: string): boolean {
  const [ip, prefix, extra] = cidr.split('/');
  if (extra !== undefined || prefix === undefined || !/^\d+$/.test(prefix)) return false;
  const family = isIP(ip ?? '');
  return family !== 0 && Number(prefix) <= (family === 4 ? 32 : 128);
}

function validatePort(port: any, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (port.protocol != null && !PROTOCOLS.includes(port.protocol)) errs.push(fe.unsupported(`${field}.protocol`, port.protocol, PROTOCOLS));
  if (port.port == null) {
    if (port.endPort != null) errs.push(fe.invalid(`${field}.endPort`, port.endPort, 'may not be specified when `port` is not specified'));
    return errs;
  }
  if (typeof port.port === 'number') {
    errs.push(...validatePortNum(port.port, `${field}.port`));
    if (port.endPort != null) {
      if (!isValidPortNum(port.endPort)) errs.push(...validatePortNum(port.endPort, `${field}.endPort`));
      else if (port.endPort < port.port) errs.push(fe.invalid(`${field}.endPort`, port.endPort, 'must be greater than or equal to `port`'));
    }
  } else {
    if (port.endPort != null) errs.push(fe.invalid(`${field}.endPort`, port.endPort, 'may not be specified when `port` is non-numeric'));
    for (const m of portNameErrors(String(port.port))) errs.push(fe.invalid(`${field}.port`, port.port, m));
  }
  return errs;
}

function validatePeer(peer: any, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const count = ['podSelector', 'namespaceSelector', 'ipBlock'].filter((k) => peer?.[k] != null).length;
  if (peer?.podSelector) errs.push(...validateLabelSelector(peer.podSelector, `${field}.podSelector`));
  if (peer?.namespaceSelector) errs.push(...validateLabelSelector(peer.namespaceSelector, `${field}.namespaceSelector`));
  if (peer?.ipBlock) {
    if (count > 1) errs.push(fe.forbidden(field, 'may not specify both ipBlock and another peer'));
    else errs.push(...validateIPBlock(peer.ipBlock, `${field}.ipBlock`));
  }
  if (count === 0) errs.push(fe.required(field, 'must specify a peer'));
  return errs;
}

function validateIPBlock(block: any, field: string): FieldError[] {
  const cidr = String(block.cidr ?? '');
  if (!cidr) return [fe.required(`${field}.cidr`, '')];
  if (!isCidr(cidr)) return [fe.invalid(`${field}.cidr`, cidr, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)')];
  const errs: FieldError[] = [];
  const outer = ipv4Cidr(cidr);
  ((block.except ?? []) as string[]).forEach((ex, i) => {
    const f = `${field}.except[${i}]`;
    if (!isCidr(ex)) {
      errs.push(fe.invalid(f, ex, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'));
      return;
    }
    const inner = ipv4Cidr(ex);
    if (outer && inner) {
      const mask = outer[1] === 0 ? 0 : (~0 << (32 - outer[1])) >>> 0;
      const within = inner[1] > outer[1] && ((inner[0] & mask) >>> 0) === ((outer[0] & mask) >>> 0);
      if (!within) errs.push(fe.invalid(f, ex, 'must be a strict subset of `cidr`'));
    }
  });
  return errs;
}

/** ValidateNetworkPolicySpec. */
function validate(np: KubeObject): FieldError[] {
  const spec = np.spec ?? {};
  const errs: FieldError[] = [...validateLabelSelector(spec.podSelector, 'spec.podSelector')];
  for (const [dir, peers] of [['ingress', 'from'], ['egress', 'to']] as const) {
    ((spec[dir] ?? []) as any[]).forEach((rule, i) => {
      ((rule?.ports ?? []) as any[]).forEach((p, j) => errs.push(...validatePort(p ?? {}, `spec.${dir}[${i}].ports[${j}]`)));
      ((rule?.[peers] ?? []) as any[]).forEach((peer, j) => errs.push(...validatePeer(peer, `spec.${dir}[${i}].${peers}[${j}]`)));
    });
  }
  const types: string[] = spec.policyTypes ?? [];
  types.forEach((t, i) => {
    if (!POLICY_TYPES.includes(t)) errs.push(fe.unsupported(`spec.policyTypes[${i}]`, t, POLICY_TYPES));
  });
  if (types.length > 2) errs.push(invalidRaw('spec.policyTypes', `[]networking.PolicyType{${types.map((t) => JSON.stringify(t)).join(', ')}}`, 'may not specify more than two policyTypes'));
  return errs;
}

/** metav1.Time's %s: `2006-01-02 15:04:05 +0000 UTC`. */
function goTime(ts: string | undefined): string {
  const d = new Date(ts ?? 0);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000 UTC`;
}

/** printNetworkPolicySpecIngressFrom / EgressTo: one block per rule, `----------` between them. */
function writeRules(w: DescribeWriter, rules: any[], dir: 'ingress' | 'egress'): void {
  const indent = '    ';
  const peerKey = dir === 'ingress' ? 'from' : 'to';
  const title = dir === 'ingress' ? 'From' : 'To';
  if (rules.length === 0) {
    w.write(0, `${indent}<none> (Selected pods are isolated for ${dir} connectivity)`);
    return;
  }
  rules.forEach((rule, i) => {
    const ports: any[] = rule?.ports ?? [];
    if (ports.length === 0) w.write(0, `${indent}To Port: <any> (traffic allowed to all ports)`);
    for (const port of ports) {
      const proto = port?.protocol ?? 'TCP';
      const p = port?.port == null ? '<nil>' : String(port.port);
      w.write(0, port?.endPort == null ? `${indent}To Port: ${p}/${proto}` : `${indent}To Port Range: ${p}-${port.endPort}/${proto}`);
    }
    const peers: any[] = rule?.[peerKey] ?? [];
    if (peers.length === 0) w.write(0, `${indent}${title}: <any> (traffic not restricted by ${dir === 'ingress' ? 'source' : 'destination'})`);
    for (const peer of peers) {
      w.write(0, `${indent}${title}:`);
      if (peer?.podSelector && peer?.namespaceSelector) {
        w.write(1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}`);
        w.write(1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}`);
      } else if (peer?.podSelector) w.write(1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}`);
      else if (peer?.namespaceSelector) w.write(1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}`);
      else if (peer?.ipBlock) {
        w.write(1, `${indent}IPBlock:`);
        w.write(2, `${indent}CIDR: ${peer.ipBlock.cidr ?? ''}`);
        w.write(2, `${indent}Except: ${(peer.ipBlock.except ?? []).join(', ')}`);
      }
    }
    if (i !== rules.length - 1) w.write(0, `${indent}----------`);
  });
}

function describe(np: KubeObject): string {
  const w = new DescribeWriter();
  const spec = np.spec ?? {};
  const types: string[] = spec.policyTypes ?? [];
  w.write(0, 'Name:', np.metadata.name ?? '');
  w.write(0, 'Namespace:', np.metadata.namespace ?? '');
  w.write(0, 'Created on:', goTime(np.metadata.creationTimestamp));
  w.writeMap(0, 'Labels', np.metadata.labels);
  writeAnnotations(w, 0, 'Annotations', np.metadata.annotations);
  w.write(0, 'Spec:');
  const sel = spec.podSelector ?? {};
  const empty = Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0;
  w.write(1, `PodSelector:     ${empty ? '<none> (Allowing the specific traffic to all pods in this namespace)' : formatLabelSelector(sel)}`);
  for (const dir of ['ingress', 'egress'] as const) {
    if (types.includes(dir === 'ingress' ? 'Ingress' : 'Egress')) {
      w.write(1, `Allowing ${dir} traffic:`);
      writeRules(w, spec[dir] ?? [], dir);
    } else w.write(1, `Not affecting ${dir} traffic`);
  }
  w.write(1, `Policy Types: ${types.join(', ')}`);
  return w.toString();
}

export const networkPolicyKind: KindDef = {
  group: 'networking.k8s.io',
  version: 'v1',
  kind: 'NetworkPolicy',
  plural: 'networkpolicies',
  singular: 'networkpolicy',
  shortNames: ['netpol'],
  categories: [],
  namespaced: true,
  schemaType: 'V1NetworkPolicy',
  statusSubresource: false,
  bumpsGeneration: true,
  nameRule: 'subdomain',
  defaults,
  validate,
  columns: [nameColumn, { name: 'POD-SELECTOR', cell: (o) => formatLabelSelector(o.spec?.podSelector ?? {}) }, ageColumn],
  describe,
  describeEvents: false,
};
