/**
 * networking.k8s.io/v1 IngressClass: which controller implements an Ingress's class. The one
 * annotated ingressclass.kubernetes.io/is-default-class is what the DefaultIngressClass admission
 * plugin gives an Ingress created without a class (apiserver/admission/default-ingress-class.ts).
 */
import { DescribeWriter } from '../describe-writer.js';
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import type { KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { dns1123SubdomainErrors } from '../validation/names.js';
import { ageColumn, writeAnnotations } from './meta-columns.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export const DEFAULT_INGRESS_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';
/** validation.maxLenIngressClassController. */
const MAX_CONTROLLER_LENGTH = 250;
const SCOPES = ['Cluster', 'Namespace'];
/** validation.httpPathFmt. */
const HTTP_PATH_FMT = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
const HTTP_PATH = new RegExp(`^${HTTP_PATH_FMT}$`);

/** validation.IsDomainPrefixedPath: `acme.io/foo`. */
function domainPrefixedPathErrors(field: string, value: string): FieldError[] {
  if (value === '') return [fe.required(field, '')];
  const slash = value.indexOf('/');
  const host = slash < 0 ? value : value.slice(0, slash);
  const path = slash < 0 ? '' : value.slice(slash + 1);
  if (slash < 0 || host === '' || path === '') return [fe.invalid(field, value, 'must be a domain-prefixed path (such as "acme.io/foo")')];
  const errs = dns1123SubdomainErrors(host).map((m) => fe.invalid(field, host, m));
  if (!HTTP_PATH.test(path)) errs.push(fe.invalid(field, path, `Invalid path (regex used for validation is '${HTTP_PATH_FMT}')`));
  return errs;
}

/** validateIngressClassParametersReference. */
function validateParameters(params: any, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (params.apiGroup != null) {
    for (const m of dns1123SubdomainErrors(String(params.apiGroup))) errs.push(fe.invalid(`${field}.apiGroup`, params.apiGroup, m));
  }
  if (!params.kind) errs.push(fe.required(`${field}.kind`, 'kind is required'));
  if (!params.name) errs.push(fe.required(`${field}.name`, 'name is required'));
  const scope = params.scope;
  if (scope == null) errs.push(fe.required(`${field}.scope`, ''));
  else if (!SCOPES.includes(scope)) errs.push(fe.unsupported(`${field}.scope`, scope, SCOPES));
  else if (scope === 'Namespace' && !params.namespace) errs.push(fe.required(`${field}.namespace`, '`parameters.scope` is set to "Namespace"'));
  else if (scope === 'Cluster' && params.namespace != null) errs.push(fe.forbidden(`${field}.namespace`, '`parameters.scope` is set to "Cluster"'));
  return errs;
}

/** ValidateIngressClass (the name is checked with the object meta). */
function validate(ic: KubeObject): FieldError[] {
  const spec = ic.spec ?? {};
  const controller = String(spec.controller ?? '');
  const errs: FieldError[] = [];
  if (controller.length > MAX_CONTROLLER_LENGTH) errs.push(fe.tooLong('spec.controller', controller, MAX_CONTROLLER_LENGTH));
  errs.push(...domainPrefixedPathErrors('spec.controller', controller));
  if (spec.parameters != null) errs.push(...validateParameters(spec.parameters, 'spec.parameters'));
  return errs;
}

/** ValidateIngressClassUpdate: the controller is fixed at creation. */
function validateUpdate(ic: KubeObject, old: KubeObject): FieldError[] {
  return ic.spec?.controller === old.spec?.controller ? [] : [fe.immutable('spec.controller', ic.spec?.controller ?? '')];
}

/** printIngressClass's PARAMETERS cell: `Kind[.apiGroup]/name`. */
function parametersCell(ic: KubeObject): string {
  const p = ic.spec?.parameters;
  if (!p) return '<none>';
  return `${p.kind ?? ''}${p.apiGroup != null ? `.${p.apiGroup}` : ''}/${p.name ?? ''}`;
}

/** kubectl's IngressClassDescriber. */
function describe(ic: KubeObject): string {
  const w = new DescribeWriter();
  const spec = ic.spec ?? {};
  w.write(0, 'Name:', ic.metadata.name ?? '');
  w.writeMap(0, 'Labels', ic.metadata.labels);
  writeAnnotations(w, 0, 'Annotations', ic.metadata.annotations);
  w.write(0, 'Controller:', String(spec.controller ?? ''));
  const p = spec.parameters;
  if (p) {
    w.write(0, 'Parameters:');
    if (p.apiGroup != null) w.write(1, 'APIGroup:', String(p.apiGroup));
    w.write(1, 'Kind:', String(p.kind ?? ''));
    w.write(1, 'Name:', String(p.name ?? ''));
  }
  return w.toString();
}

export const ingressClassKind: KindDef = {
  group: 'networking.k8s.io',
  version: 'v1',
  kind: 'IngressClass',
  plural: 'ingressclasses',
  singular: 'ingressclass',
  shortNames: [],
  categories: [],
  namespaced: false,
  schemaType: 'V1IngressClass',
  statusSubresource: false,
  bumpsGeneration: true,
  nameRule: 'subdomain',
  defaults(ic) {
    // SetDefaults_IngressClass: parameters without a scope are cluster-scoped
    const params = ic.spec?.parameters;
    if (params && params.scope == null) params.scope = 'Cluster';
  },
  validate,
  validateUpdate,
  columns: [
    { name: 'NAME', cell: (o) => o.metadata.name ?? '' },
    { name: 'CONTROLLER', cell: (o) => String(o.spec?.controller ?? '') },
    { name: 'PARAMETERS', cell: parametersCell },
    ageColumn,
  ],
  describe,
  describeEvents: true,
};
