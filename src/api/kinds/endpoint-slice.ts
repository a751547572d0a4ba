/** discovery.k8s.io/v1 EndpointSlice. */
import { DescribeWriter } from '../describe-writer.js';
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import type { KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { ageColumn, nameColumn, writeMetaHeader } from './meta-columns.js';
import { isValidIP } from './service-validation.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const MAX = 3;
const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];

function listWithMore(list: string[], more: boolean, count: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - MAX} more...`;
  return ret || '<unset>';
}

function portsCell(ports: any[] | undefined): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const p of ports ?? []) {
    if (list.length < MAX) list.push(p.port !== undefined && p.port !== null ? String(p.port) : p.name !== undefined && p.name !== null ? p.name : '*');
    else if (list.length === MAX) more = true;
    count++;
  }
  return listWithMore(list, more, count);
}

function endpointsCell(endpoints: any[] | undefined): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const e of endpoints ?? []) {
    for (const a of e.addresses ?? []) {
      if (list.length < MAX) list.push(a);
      else if (list.length === MAX) more = true;
      count++;
    }
  }
  return listWithMore(list, more, count);
}

const isReady = (e: any): boolean => e.conditions?.ready === undefined || e.conditions?.ready === null || e.conditions.ready === true;
const hostPort = (addr: string, port: number): string => (addr.includes(':') ? `[${addr}]:${port}` : `${addr}:${port}`);

/** kubectl describe's formatEndpointSlices for one service port name (`Endpoints:` line of `describe svc`). */
export function formatSliceEndpoints(slices: KubeObject[], portName: string | undefined): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const s of slices) {
    const endpoints: any[] = s.endpoints ?? [];
    const ports: any[] = s.ports ?? [];
    if (ports.length === 0) {
      for (const e of endpoints) {
        if (list.length === MAX) more = true;
        if (!isReady(e)) continue;
        if (!more) list.push(e.addresses?.[0] ?? '');
        count++;
      }
      continue;
    }
    for (const p of ports) {
      if (portName !== undefined && (p.name ?? '') !== portName) continue;
      for (const e of endpoints) {
        if (list.length === MAX) more = true;
        if (!isReady(e)) continue;
        if (!more) list.push(hostPort(e.addresses?.[0] ?? '', p.port));
        count++;
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - MAX} more...` : ret;
}

function validateSlice(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const type = obj.addressType;
  if (!type) errs.push(fe.required('addressType'));
  else if (!ADDRESS_TYPES.includes(type)) errs.push(fe.unsupported('addressType', type, ADDRESS_TYPES));
  const endpoints: any[] = obj.endpoints ?? [];
  if (endpoints.length > 1000) errs.push(fe.tooMany('endpoints', endpoints.length, 1000));
  endpoints.forEach((e, i) => {
    const addrs: any[] = e?.addresses ?? [];
    if (addrs.length === 0) errs.push(fe.required(`endpoints[${i}].addresses`, 'must contain at least 1 address'));
    else if (addrs.length > 100) errs.push(fe.tooMany(`endpoints[${i}].addresses`, addrs.length, 100));
    addrs.forEach((a, j) => {
      if ((type === 'IPv4' || type === 'IPv6') && !isValidIP(String(a))) {
        errs.push(fe.invalid(`endpoints[${i}].addresses[${j}]`, a, 'must be a valid IP address'));
      }
    });
  });
  const ports: any[] = obj.ports ?? [];
  if (ports.length > 20000) errs.push(fe.tooMany('ports', ports.length, 20000));
  ports.forEach((p, i) => {
    if (p?.protocol && !['SCTP', 'TCP', 'UDP'].includes(p.protocol)) errs.push(fe.unsupported(`ports[${i}].protocol`, p.protocol, ['SCTP', 'TCP', 'UDP']));
  });
  return errs;
}

function describeSlice(eps: KubeObject): string {
  const w = new DescribeWriter();
  writeMetaHeader(w, eps);
  w.write(0, 'AddressType:', eps.addressType ?? '');
  const ports: any[] = eps.ports ?? [];
  if (ports.length === 0) w.write(0, 'Ports: <unset>');
  else {
    w.write(0, 'Ports:');
    w.write(1, 'Name', 'Port', 'Protocol');
    w.write(1, '----', '----', '--------');
    for (const p of ports) w.write(1, p.name ? p.name : '<unset>', p.port !== undefined && p.port !== null ? String(p.port) : '<unset>', p.protocol ?? '');
  }
  const endpoints: any[] = eps.endpoints ?? [];
  if (endpoints.length === 0) w.write(0, 'Endpoints: <none>');
  else {
    w.write(0, 'Endpoints:');
    for (const e of endpoints) {
      w.write(1, '- Addresses:', (e.addresses ?? []).join(', ') || '<none>');
      w.write(2, 'Conditions:');
      w.write(3, 'Ready:', e.conditions?.ready === undefined || e.conditions?.ready === null ? '<unset>' : String(e.conditions.ready));
      w.write(2, 'Hostname:', e.hostname ?? '<unset>');
      if (e.targetRef) w.write(2, 'TargetRef:', `${e.targetRef.kind ?? ''}/${e.targetRef.name ?? ''}`);
      w.write(2, 'NodeName:', e.nodeName ?? '<unset>');
      w.write(2, 'Zone:', e.zone ?? '<unset>');
    }
  }
  return w.toString();
}

export const endpointSliceKind: KindDef = {
  group: 'discovery.k8s.io',
  version: 'v1',
  kind: 'EndpointSlice',
  plural: 'endpointslices',
  singular: 'endpointslice',
  shortNames: [],
  categories: [],
  namespaced: true,
  schemaType: 'V1EndpointSlice',
  statusSubresource: false,
  bumpsGeneration: true,
  nameRule: 'subdomain',

  defaults(obj) {
    for (const p of obj.ports ?? []) {
      if (!p || typeof p !== 'object') continue;
      p.name ??= '';
      p.protocol ??= 'TCP';
    }
  },
  validate: validateSlice,

  columns: [
    nameColumn,
    { name: 'ADDRESSTYPE', cell: (o) => o.addressType ?? '' },
    { name: 'PORTS', cell: (o) => portsCell(o.ports) },
    { name: 'ENDPOINTS', cell: (o) => endpointsCell(o.endpoints) },
    ageColumn,
  ],
  describe: describeSlice,
  describeEvents: true,
};
