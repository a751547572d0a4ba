/**
 * apiregistration.k8s.io/v1 APIService: an API group version served by the aggregator, either by
 * the API server itself (no spec.service: `Local`) or by an extension API server behind a Service
 * (metrics-server's v1beta1.metrics.k8s.io). pocketkube stores them and prints them as kube-aggregator
 * does; nothing proxies to the Service, and status is whatever a client writes to /status.
 */
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import type { KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { inclusiveRangeError } from '../validation/messages.js';
import { dns1035LabelErrors, dns1123SubdomainErrors, isValidPortNum, pathSegmentNameErrors } from '../validation/names.js';
import { ageColumn, nameColumn } from './meta-columns.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Bytes of spec.caBundle ([]byte, base64 in JSON). */
function caBundleLength(caBundle: unknown): number {
  if (typeof caBundle !== 'string' || caBundle === '') return 0;
  return Buffer.from(caBundle, 'base64').length;
}

/** ValidateAPIService (kube-aggregator): the name must be `<version>.<group>`. */
function validate(as: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const spec = as.spec ?? {};
  const group = String(spec.group ?? '');
  const version = String(spec.version ?? '');
  const name = as.metadata.name ?? '';
  // the server's meta check reports IsValidPathSegmentName (nameRule); only then is the name compared
  const requiredName = `${version}.${group}`;
  if (name !== '' && pathSegmentNameErrors(name).length === 0 && name !== requiredName) {
    errs.push(fe.invalid('metadata.name', name, `must be \`spec.version+"."+spec.group\`: ${JSON.stringify(requiredName)}`));
  }
  // an empty group is allowed for the legacy core API only
  if (group === '' && version !== 'v1') {
    errs.push(fe.required('spec.group', 'only v1 may have an empty group and it better be legacy kube'));
  }
  if (group !== '') for (const m of dns1123SubdomainErrors(group)) errs.push(fe.invalid('spec.group', group, m));
  for (const m of dns1035LabelErrors(version)) errs.push(fe.invalid('spec.version', version, m));

  const groupPriority = spec.groupPriorityMinimum ?? 0;
  if (!(groupPriority > 0 && groupPriority <= 20000)) {
    errs.push(fe.invalid('spec.groupPriorityMinimum', groupPriority, 'must be positive and less than 20000'));
  }
  const versionPriority = spec.versionPriority ?? 0;
  if (!(versionPriority > 0 && versionPriority <= 1000)) {
    errs.push(fe.invalid('spec.versionPriority', versionPriority, 'must be positive and less than 1000'));
  }

  const caBytes = caBundleLength(spec.caBundle);
  const insecure = spec.insecureSkipTLSVerify === true;
  const service: any = spec.service;
  if (service == null) {
    if (caBytes !== 0) errs.push(fe.invalid('spec.caBundle', `${caBytes} bytes`, 'local APIServices may not have a caBundle'));
    if (insecure) errs.push(fe.invalid('spec.insecureSkipTLSVerify', true, 'local APIServices may not have insecureSkipTLSVerify'));
    return errs;
  }
  if (!service.namespace) errs.push(fe.required('spec.service.namespace', ''));
  if (!service.name) errs.push(fe.required('spec.service.name', ''));
  const port = service.port ?? 0;
  if (!isValidPortNum(port)) errs.push(fe.invalid('spec.service.port', port, `port is not valid: ${inclusiveRangeError(1, 65535)}`));
  if (insecure && caBytes > 0) errs.push(fe.invalid('spec.insecureSkipTLSVerify', true, 'may not be true if caBundle is present'));
  return errs;
}

/** The SERVICE cell: `<namespace>/<name>`, or `Local` for groups the API server serves itself. */
function serviceCell(as: KubeObject): string {
  const svc = as.spec?.service;
  return svc ? `${svc.namespace ?? ''}/${svc.name ?? ''}` : 'Local';
}

/** The AVAILABLE cell: the Available condition's status, with its reason unless True. */
function availableCell(as: KubeObject): string {
  const c = (as.status?.conditions ?? []).find((x: any) => x?.type === 'Available');
  if (!c) return 'Unknown';
  const status = String(c.status ?? '');
  if (status === 'True' || !c.reason) return status;
  return `${status} (${c.reason})`;
}

export const apiServiceKind: KindDef = {
  group: 'apiregistration.k8s.io',
  version: 'v1',
  kind: 'APIService',
  plural: 'apiservices',
  singular: 'apiservice',
  shortNames: [],
  categories: ['api-extensions'],
  namespaced: false,
  schemaType: 'V1APIService',
  statusSubresource: true,
  bumpsGeneration: false,
  nameRule: 'path-segment',
  defaults(as) {
    // SetDefaults_ServiceReference
    const svc = as.spec?.service;
    if (svc && typeof svc === 'object') svc.port ??= 443;
  },
  prepareForCreate(as) {
    // apiServerStrategy.PrepareForCreate: status is the aggregator's to fill
    as.status = {};
  },
  validate,
  columns: [
    nameColumn,
    { name: 'SERVICE', cell: serviceCell },
    { name: 'AVAILABLE', cell: availableCell },
    ageColumn,
  ],
  describeEvents: true,
};
