/** ValidateService / ValidateServiceUpdate (pkg/apis/core/validation), kind-specific parts. */
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import { validateLabels } from '../validation/labels.js';
import { isValidPortNum, validateDNS1123Label, validateDNS1123Subdomain, validateIANASvcPortName } from '../validation/names.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PORT_RANGE = 'must be between 1 and 65535, inclusive';
const IP_DETAIL = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

export function isValidIP(s: string): boolean {
  const v4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
  if (v4.test(s)) return true;
  if (!s.includes(':') || !/^[0-9a-fA-F:.]+$/.test(s)) return false;
  const doubles = s.split('::').length - 1;
  if (doubles > 1) return false;
  const groups = s.split(':').filter((g) => g !== '');
  return groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g)) && (doubles === 1 ? groups.length < 8 : groups.length === 8);
}

export const isHeadless = (spec: any): boolean => spec?.clusterIP === 'None';

function goServicePortKey(p: any): string {
  return `core.ServicePort{Name:"", Protocol:${JSON.stringify(p.protocol ?? '')}, AppProtocol:(*string)(nil), Port:${p.port ?? 0}, ` +
    'TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}';
}

function validatePort(p: any, path: string, requireName: boolean, names: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !p?.name) errs.push(fe.required(`${path}.name`));
  else if (p?.name) {
    errs.push(...validateDNS1123Label(p.name, `${path}.name`));
    if (names.has(p.name)) errs.push(fe.duplicate(`${path}.name`, p.name));
    else names.add(p.name);
  }
  if (!isValidPortNum(p?.port)) errs.push(fe.invalid(`${path}.port`, p?.port ?? 0, PORT_RANGE));
  if (!p?.protocol) errs.push(fe.required(`${path}.protocol`));
  else if (!PROTOCOLS.includes(p.protocol)) errs.push(fe.unsupported(`${path}.protocol`, p.protocol, PROTOCOLS));
  const tp = p?.targetPort;
  if (typeof tp === 'number' && !isValidPortNum(tp)) errs.push(fe.invalid(`${path}.targetPort`, tp, PORT_RANGE));
  else if (typeof tp === 'string') errs.push(...validateIANASvcPortName(tp, `${path}.targetPort`));
  if (p?.nodePort !== undefined && p.nodePort !== 0 && !isValidPortNum(p.nodePort)) {
    errs.push(fe.invalid(`${path}.nodePort`, p.nodePort, PORT_RANGE));
  }
  return errs;
}

export function validateServiceSpec(spec: any): FieldError[] {
  const errs: FieldError[] = [];
  if (!spec) return [fe.required('spec.ports')];
  const type = spec.type;
  if (!TYPES.includes(type)) errs.push(fe.unsupported('spec.type', type ?? '', TYPES));
  const ports: any[] = spec.ports ?? [];
  if (ports.length === 0 && !isHeadless(spec) && type !== 'ExternalName') errs.push(fe.required('spec.ports'));
  if (type === 'ExternalName') {
    if (spec.clusterIP) errs.push(fe.forbidden('spec.clusterIP', 'may not be set for ExternalName services'));
    if (!spec.externalName) errs.push(fe.required('spec.externalName'));
    else errs.push(...validateDNS1123Subdomain(String(spec.externalName).replace(/\.$/, ''), 'spec.externalName'));
  }
  const names = new Set<string>();
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const path = `spec.ports[${i}]`;
    errs.push(...validatePort(p, path, ports.length > 1, names));
    const key = `${p?.port}/${p?.protocol}`;
    if (seen.has(key)) errs.push({ type: 'Duplicate value', field: path, hasValue: false, detail: goServicePortKey(p) });
    seen.add(key);
    if (type === 'ClusterIP' && p?.nodePort) errs.push(fe.forbidden(`${path}.nodePort`, "may not be used when `type` is 'ClusterIP'"));
  });
  if (spec.selector) errs.push(...validateLabels(spec.selector, 'spec.selector'));
  if (spec.sessionAffinity && !['ClientIP', 'None'].includes(spec.sessionAffinity)) {
    errs.push(fe.unsupported('spec.sessionAffinity', spec.sessionAffinity, ['ClientIP', 'None']));
  }
  (spec.clusterIPs ?? []).forEach((ip: string, i: number) => {
    if (ip !== 'None' && ip !== '' && !isValidIP(ip)) errs.push(fe.invalid(`spec.clusterIPs[${i}]`, ip, IP_DETAIL));
  });
  if (spec.clusterIP && spec.clusterIPs?.length && spec.clusterIPs[0] !== spec.clusterIP) {
    errs.push(fe.invalid('spec.clusterIPs', spec.clusterIPs, 'first value must match `clusterIP`'));
  }
  (spec.externalIPs ?? []).forEach((ip: string, i: number) => {
    if (!isValidIP(ip)) errs.push(fe.invalid(`spec.externalIPs[${i}]`, ip, IP_DETAIL));
  });
  const external = type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && (spec.externalIPs ?? []).length > 0);
  if (spec.externalTrafficPolicy) {
    if (!external) errs.push(fe.invalid('spec.externalTrafficPolicy', spec.externalTrafficPolicy, 'may only be set for externally-accessible services'));
    else if (!['Cluster', 'Local'].includes(spec.externalTrafficPolicy)) {
      errs.push(fe.unsupported('spec.externalTrafficPolicy', spec.externalTrafficPolicy, ['Cluster', 'Local']));
    }
  }
  if (spec.internalTrafficPolicy && !['Cluster', 'Local'].includes(spec.internalTrafficPolicy)) {
    errs.push(fe.unsupported('spec.internalTrafficPolicy', spec.internalTrafficPolicy, ['Cluster', 'Local']));
  }
  return errs;
}

/** clusterIP/clusterIPs may not change once set (except to or from ExternalName). */
export function validateServiceUpdate(spec: any, oldSpec: any): FieldError[] {
  const errs: FieldError[] = [];
  if (spec?.type === 'ExternalName' || oldSpec?.type === 'ExternalName') return errs;
  const oldIPs: string[] = oldSpec?.clusterIPs ?? (oldSpec?.clusterIP ? [oldSpec.clusterIP] : []);
  const newIPs: string[] = spec?.clusterIPs ?? [];
  if (oldIPs.length > 0 && newIPs.length > 0 && newIPs[0] !== oldIPs[0]) {
    errs.push(fe.invalid('spec.clusterIPs[0]', newIPs, 'may not change once set'));
  }
  if (oldSpec?.clusterIP && (spec?.clusterIP ?? '') !== oldSpec.clusterIP) {
    errs.push(fe.immutable('spec.clusterIP', spec?.clusterIP ?? ''));
  }
  return errs;
}
