/** core/v1 Endpoints. */
import { DescribeWriter } from '../describe-writer.js';
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import type { KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { isValidPortNum, validateDNS1123Label } from '../validation/names.js';
import { ageColumn, nameColumn, writeMetaHeader } from './meta-columns.js';
import { isValidIP } from './service-validation.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const MAX = 3;

/** ENDPOINTS cell (formatEndpoints): `ip:port` of ready addresses, first 3 then ` + N more...`. */
export function formatEndpoints(ep: KubeObject): string {
  const subsets: any[] = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses: any[] = ss.addresses ?? [];
    const ports: any[] = ss.ports ?? [];
    if (ports.length === 0) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const p of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX) {
          more = true;
          break;
        }
        list.push(String(a.ip).includes(':') ? `[${a.ip}]:${p.port}` : `${a.ip}:${p.port}`);
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - MAX} more...` : ret;
}

function validateEndpoints(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  (obj.subsets ?? []).forEach((ss: any, i: number) => {
    const path = `subsets[${i}]`;
    if (!ss?.addresses?.length && !ss?.notReadyAddresses?.length) {
      errs.push(fe.required(path, 'must specify `addresses` or `notReadyAddresses`'));
    }
    for (const list of ['addresses', 'notReadyAddresses']) {
      (ss?.[list] ?? []).forEach((a: any, j: number) => {
        if (!a?.ip || !isValidIP(a.ip)) errs.push(fe.invalid(`${path}.${list}[${j}].ip`, a?.ip ?? '', 'must be a valid IP address'));
      });
    }
    const ports: any[] = ss?.ports ?? [];
    ports.forEach((p, j) => {
      const pp = `${path}.ports[${j}]`;
      if (ports.length > 1 && !p?.name) errs.push(fe.required(`${pp}.name`));
      else if (p?.name) errs.push(...validateDNS1123Label(p.name, `${pp}.name`));
      if (!isValidPortNum(p?.port)) errs.push(fe.invalid(`${pp}.port`, p?.port ?? 0, 'must be between 1 and 65535, inclusive'));
      if (!p?.protocol) errs.push(fe.required(`${pp}.protocol`));
      else if (!['SCTP', 'TCP', 'UDP'].includes(p.protocol)) errs.push(fe.unsupported(`${pp}.protocol`, p.protocol, ['SCTP', 'TCP', 'UDP']));
    });
  });
  return errs;
}

function describeEndpoints(ep: KubeObject): string {
  const w = new DescribeWriter();
  writeMetaHeader(w, ep);
  w.write(0, 'Subsets:');
  for (const ss of ep.subsets ?? []) {
    w.write(1, 'Addresses:', (ss.addresses ?? []).map((a: any) => a.ip).join(',') || '<none>');
    w.write(1, 'NotReadyAddresses:', (ss.notReadyAddresses ?? []).map((a: any) => a.ip).join(',') || '<none>');
    if (ss.ports?.length) {
      w.write(1, 'Ports:');
      w.write(2, 'Name', 'Port', 'Protocol');
      w.write(2, '----', '----', '--------');
      for (const p of ss.ports) w.write(2, p.name || '<unset>', String(p.port), p.protocol ?? '');
    }
    w.write(0, '');
  }
  return w.toString();
}

export const endpointsKind: KindDef = {
  group: '',
  version: 'v1',
  kind: 'Endpoints',
  plural: 'endpoints',
  singular: 'endpoints',
  shortNames: ['ep'],
  categories: [],
  namespaced: true,
  schemaType: 'V1Endpoints',
  statusSubresource: false,
  bumpsGeneration: false,
  nameRule: 'subdomain',

  defaults(obj) {
    for (const ss of obj.subsets ?? []) for (const p of ss?.ports ?? []) if (p && typeof p === 'object') p.protocol ??= 'TCP';
  },
  validate: validateEndpoints,

  columns: [nameColumn, { name: 'ENDPOINTS', cell: (o) => formatEndpoints(o) }, ageColumn],
  describe: describeEndpoints,
  describeEvents: true,
};
