/**
 * networking.k8s.io/v1 Ingress: stored, validated and printed as a cluster without an ingress
 * controller keeps it (no controller fills status.loadBalancer, so ADDRESS stays empty).
 */
import { isIP } from 'node:net';
import { DescribeWriter } from '../describe-writer.js';
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import type { DescribeContext, KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { dns1035LabelErrors, dns1123SubdomainErrors, portNameErrors, validatePortNum, wildcardDNS1123SubdomainErrors } from '../validation/names.js';
import { formatSliceEndpoints } from './endpoint-slice.js';
import { invalidRaw } from './go-render.js';
import { ageColumn, nameColumn, writeAnnotations } from './meta-columns.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_SUFFIXES = ['/..', '/.'];
function hostErrors(host: string, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (isIP(host) !== 0) errs.push(fe.invalid(field, host, 'must be a DNS name, not an IP address'));
  const msgs = host.includes('*') ? wildcardDNS1123SubdomainErrors(host) : dns1123SubdomainErrors(host);
  for (const m of msgs) errs.push(fe.invalid(field, host, m));
  return errs;
}

/** validateIngressBackend. */
function validateBackend(backend: any, field: string): FieldError[] {
  const svc = backend?.service;
  const resource = backend?.resource;
  if (svc && resource) return [fe.invalid(field, '', 'cannot set both resource and service backends')];
  if (resource) {
    const errs: FieldError[] = [];
    if (!resource.kind) errs.push(fe.required(`${field}.resource.kind`, 'kind is required'));
    if (!resource.name) errs.push(fe.required(`${field}.resource.name`, 'name is required'));
    return errs;
  }
  if (!svc) return [fe.invalid(field, '', 'resource or service backend is required')];
  const errs: FieldError[] = [];
  // ValidateServiceName: a DNS-1035 label (a 1123 label that starts with a letter)
  if (!svc.name) errs.push(fe.required(`${field}.service.name`, ''));
  else for (const m of dns1035LabelErrors(String(svc.name))) errs.push(fe.invalid(`${field}.service.name`, svc.name, m));
  const portName = svc.port?.name ?? '';
  const portNumber = svc.port?.number ?? 0;
  if (portName && portNumber) errs.push(fe.invalid(field, '', 'cannot set both port name & port number'));
  else if (portName) for (const m of portNameErrors(portName)) errs.push(fe.invalid(`${field}.service.port.name`, portName, m));
  else if (portNumber) errs.push(...validatePortNum(portNumber, `${field}.service.port.number`));
  else errs.push(fe.required(field, 'port name or number is required'));
  return errs;
}

/** validateHTTPIngressPath. */
function validatePath(p: any, field: string): FieldError[] {
  if (p?.pathType == null) return [fe.required(`${field}.pathType`, 'pathType must be specified')];
  const errs: FieldError[] = [];
  const path = String(p.path ?? '');
  if (p.pathType === 'Exact' || p.pathType === 'Prefix') {
    if (!path.startsWith('/')) errs.push(fe.invalid(`${field}.path`, path, 'must be an absolute path'));
    if (path) {
      for (const seq of INVALID_PATH_SEQUENCES) if (path.includes(seq)) errs.push(fe.invalid(`${field}.path`, path, `must not contain '${seq}'`));
      for (const suf of INVALID_PATH_SUFFIXES) if (path.endsWith(suf)) errs.push(fe.invalid(`${field}.path`, path, `cannot end with '${suf}'`));
    }
  } else if (p.pathType === 'ImplementationSpecific') {
    if (path && !path.startsWith('/')) errs.push(fe.invalid(`${field}.path`, path, 'must be an absolute path'));
  } else errs.push(fe.unsupported(`${field}.pathType`, p.pathType, PATH_TYPES));
  errs.push(...validateBackend(p.backend, `${field}.backend`));
  return errs;
}

/** ValidateIngressSpec. */
function validate(ing: KubeObject): FieldError[] {
  const spec = ing.spec ?? {};
  const rules: any[] = spec.rules ?? [];
  const errs: FieldError[] = [];
  if (rules.length === 0 && !spec.defaultBackend) {
    errs.push(invalidRaw('spec', spec.rules ? '[]networking.IngressRule{}' : '[]networking.IngressRule(nil)', 'either `defaultBackend` or `rules` must be specified'));
  }
  if (spec.defaultBackend) errs.push(...validateBackend(spec.defaultBackend, 'spec.defaultBackend'));
  rules.forEach((rule, i) => {
    const field = `spec.rules[${i}]`;
    if (rule?.host) errs.push(...hostErrors(String(rule.host), `${field}.host`));
    if (rule?.http) {
      const paths: any[] = rule.http.paths ?? [];
      if (paths.length === 0) errs.push(fe.required(`${field}.http.paths`, ''));
      paths.forEach((p, j) => errs.push(...validatePath(p, `${field}.http.paths[${j}]`)));
    }
  });
  ((spec.tls ?? []) as any[]).forEach((tls, i) => {
    ((tls?.hosts ?? []) as string[]).forEach((host, j) => {
      const msgs = host.includes('*') ? wildcardDNS1123SubdomainErrors(host) : dns1123SubdomainErrors(host);
      for (const m of msgs) errs.push(fe.invalid(`spec.tls[${i}].hosts[${j}]`, host, m));
    });
    if (tls?.secretName) for (const m of dns1123SubdomainErrors(String(tls.secretName))) errs.push(fe.invalid(`spec.tls[${i}].secretName`, tls.secretName, m));
  });
  if (spec.ingressClassName != null) {
    for (const m of dns1123SubdomainErrors(String(spec.ingressClassName))) errs.push(fe.invalid('spec.ingressClassName', spec.ingressClassName, m));
  }
  return errs;
}

/** formatHosts: the rules' hosts, `*` when none, the first 3 then ` + N more...`. */
function hostsCell(ing: KubeObject): string {
  const hosts = ((ing.spec?.rules ?? []) as any[]).map((r) => r?.host).filter((h): h is string => Boolean(h));
  if (hosts.length === 0) return '*';
  return hosts.length > 3 ? `${hosts.slice(0, 3).join(',')} + ${hosts.length - 3} more...` : hosts.join(',');
}

/** ingressLoadBalancerStatusStringer (wide): the load balancer's IPs and hostnames. */
function addressCell(ing: KubeObject): string {
  return ((ing.status?.loadBalancer?.ingress ?? []) as any[]).map((i) => i?.ip || i?.hostname).filter(Boolean).join(',');
}

/** serviceBackendStringer: `name:port`. */
function serviceBackend(svc: any): string {
  return `${svc.name}:${svc.port?.name ? svc.port.name : String(svc.port?.number ?? 0)}`;
}

/** describeBackendV1: the service and its ready endpoints, or the resource. */
async function describeBackend(namespace: string, backend: any, ctx: DescribeContext): Promise<string> {
  if (backend?.service) {
    const svc = backend.service;
    const sb = serviceBackend(svc);
    const slices = (await ctx.client.list('endpointslices', { namespace, labelSelector: `kubernetes.io/service-name=${svc.name}` })).items;
    let service: KubeObject;
    try {
      service = await ctx.client.get('services', namespace, svc.name);
    } catch (e) {
      return `${sb} (<error: ${e instanceof Error ? e.message : String(e)}>)`;
    }
    let portName = '';
    for (const sp of (service.spec?.ports ?? []) as any[]) {
      if ((svc.port?.number && svc.port.number === sp.port) || (svc.port?.name && svc.port.name === sp.name)) portName = sp.name ?? '';
    }
    return `${sb} (${formatSliceEndpoints(slices, portName)})`;
  }
  if (backend?.resource) {
    const r = backend.resource;
    return `APIGroup: ${r.apiGroup ?? '<none>'}, Kind: ${r.kind}, Name: ${r.name}`;
  }
  return '';
}

async function describe(ing: KubeObject, ctx: DescribeContext): Promise<string> {
  const w = new DescribeWriter();
  const spec = ing.spec ?? {};
  const ns = ing.metadata.namespace ?? '';
  w.write(0, 'Name:', ing.metadata.name ?? '');
  w.writeMap(0, 'Labels', ing.metadata.labels);
  w.write(0, 'Namespace:', ns);
  w.write(0, 'Address:', addressCell(ing));
  w.write(0, 'Ingress Class:', spec.ingressClassName ?? '<none>');
  const defaultBackend = spec.defaultBackend ? await describeBackend(ns, spec.defaultBackend, ctx) : '<default>';
  w.write(0, 'Default backend:', defaultBackend);
  const tls: any[] = spec.tls ?? [];
  if (tls.length > 0) {
    w.write(0, 'TLS:');
    for (const t of tls) w.write(1, t.secretName ? `${t.secretName} terminates ${(t.hosts ?? []).join(',')}` : `SNI routes ${(t.hosts ?? []).join(',')}`);
  }
  w.write(0, 'Rules:');
  w.write(1, 'Host', 'Path', 'Backends');
  w.write(1, '----', '----', '--------');
  let count = 0;
  for (const rule of (spec.rules ?? []) as any[]) {
    if (!rule?.http) continue;
    count++;
    w.write(1, rule.host || '*', '');
    for (const p of (rule.http.paths ?? []) as any[]) w.write(2, '', `${p.path ?? ''} `, await describeBackend(ns, p.backend, ctx));
  }
  if (count === 0) w.write(1, '*', '*', defaultBackend);
  writeAnnotations(w, 0, 'Annotations', ing.metadata.annotations);
  return w.toString();
}

export const ingressKind: KindDef = {
  group: 'networking.k8s.io',
  version: 'v1',
  kind: 'Ingress',
  plural: 'ingresses',
  singular: 'ingress',
  shortNames: ['ing'],
  categories: [],
  namespaced: true,
  schemaType: 'V1Ingress',
  statusSubresource: true,
  bumpsGeneration: true,
  nameRule: 'subdomain',
  prepareForCreate(obj) {
    // no ingress controller here: the load balancer status stays empty, as the API server creates it
    obj.status = { loadBalancer: {} };
  },
  validate,
  columns: [
    nameColumn,
    { name: 'CLASS', cell: (o) => o.spec?.ingressClassName ?? '<none>' },
    { name: 'HOSTS', cell: hostsCell },
    { name: 'ADDRESS', cell: addressCell },
    { name: 'PORTS', cell: (o) => ((o.spec?.tls ?? []).length > 0 ? '80, 443' : '80') },
    ageColumn,
  ],
  describe,
  describeEvents: true,
};

