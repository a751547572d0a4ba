/**
 * Validation of one container (pkg/apis/core/validation: validateContainerCommon and friends):
 * name, image, ports, env, resources, probes, volume mounts — with Kubernetes' field paths and words.
 */
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import { isValidQuantity, parseQuantity } from '../quantity.js';
import { validateDNS1123Label, validateIANASvcPortName, isValidPortNum } from '../validation/names.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const PORT_RANGE = 'must be between 1 and 65535, inclusive';
const QUANTITY_RE = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const STANDARD_CONTAINER_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'];

export function validateNonNegative(value: unknown, field: string): FieldError[] {
  return typeof value === 'number' && value < 0 ? [fe.invalid(field, value, 'must be greater than or equal to 0')] : [];
}

export function validatePorts(ports: any[] | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((p, i) => {
    const path = `${field}[${i}]`;
    if (p?.name) {
      const nameErrs = validateIANASvcPortName(p.name, `${path}.name`);
      if (nameErrs.length) errs.push(...nameErrs);
      else if (names.has(p.name)) errs.push(fe.duplicate(`${path}.name`, p.name));
      else names.add(p.name);
    }
    if (!p?.containerPort) errs.push(fe.required(`${path}.containerPort`));
    else if (!isValidPortNum(p.containerPort)) errs.push(fe.invalid(`${path}.containerPort`, p.containerPort, PORT_RANGE));
    if (p?.hostPort && !isValidPortNum(p.hostPort)) errs.push(fe.invalid(`${path}.hostPort`, p.hostPort, PORT_RANGE));
    if (!p?.protocol) errs.push(fe.required(`${path}.protocol`));
    else if (!PROTOCOLS.includes(p.protocol)) errs.push(fe.unsupported(`${path}.protocol`, p.protocol, PROTOCOLS));
  });
  return errs;
}

function validateEnv(env: any[] | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  (env ?? []).forEach((e, i) => {
    const path = `${field}[${i}]`;
    if (!e?.name) errs.push(fe.required(`${path}.name`));
    else if (!/^[\x20-\x3c\x3e-\x7e]+$/.test(e.name)) {
      errs.push(fe.invalid(`${path}.name`, e.name, "a valid environment variable name must consist only of printable ASCII characters other than '='"));
    }
    const from = e?.valueFrom;
    if (from) {
      const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'].filter((k) => from[k]);
      if (sources.length === 0) errs.push(fe.invalid(`${path}.valueFrom`, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
      else if (sources.length > 1) errs.push(fe.invalid(`${path}.valueFrom`, '', 'may not have more than one field specified at a time'));
      if (e.value) errs.push(fe.invalid(`${path}.valueFrom`, '', 'may not be specified when `value` is not empty'));
      for (const ref of ['configMapKeyRef', 'secretKeyRef']) {
        if (from[ref] && !from[ref].key) errs.push(fe.required(`${path}.valueFrom.${ref}.key`));
      }
      if (from.fieldRef && !from.fieldRef.fieldPath) errs.push(fe.required(`${path}.valueFrom.fieldRef.fieldPath`));
      if (from.resourceFieldRef && !from.resourceFieldRef.resource) errs.push(fe.required(`${path}.valueFrom.resourceFieldRef.resource`));
    }
  });
  return errs;
}

function validateResourceName(name: string, field: string): FieldError[] {
  if (STANDARD_CONTAINER_RESOURCES.includes(name) || name.startsWith('hugepages-') || name.includes('/')) return [];
  return [fe.invalid(field, name, 'must be a standard resource for containers')];
}

function quantityValue(q: unknown): number | undefined {
  if (!isValidQuantity(q as string)) return undefined;
  return parseQuantity(q as string);
}

export function validateResources(res: any, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const limits = res?.limits ?? {};
  const requests = res?.requests ?? {};
  for (const [kind, list] of [['limits', limits], ['requests', requests]] as const) {
    for (const [name, q] of Object.entries(list)) {
      const path = `${field}.${kind}[${name}]`;
      errs.push(...validateResourceName(name, path));
      const v = quantityValue(q);
      if (v === undefined) errs.push(fe.invalid(path, q, QUANTITY_RE));
      else if (v < 0) errs.push(fe.invalid(path, q, 'must be greater than or equal to 0'));
    }
  }
  for (const [name, q] of Object.entries(requests)) {
    const req = quantityValue(q);
    const lim = limits[name] === undefined ? undefined : quantityValue(limits[name]);
    if (req !== undefined && lim !== undefined && req > lim) {
      errs.push(fe.invalid(`${field}.requests`, String(q), `must be less than or equal to ${name} limit of ${String(limits[name])}`));
    }
  }
  return errs;
}

const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];

function validateProbe(probe: any, field: string, mustSucceedOnce: boolean): FieldError[] {
  if (!probe) return [];
  const errs: FieldError[] = [];
  const handlers = HANDLERS.filter((h) => probe[h]);
  if (handlers.length === 0) errs.push(fe.required(field, 'must specify a handler type'));
  else if (handlers.length > 1) errs.push(fe.forbidden(`${field}.${handlers[1]}`, 'may not specify more than 1 handler type'));
  for (const k of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    errs.push(...validateNonNegative(probe[k], `${field}.${k}`));
  }
  if (mustSucceedOnce && probe.successThreshold !== undefined && probe.successThreshold !== 1) {
    errs.push(fe.invalid(`${field}.successThreshold`, probe.successThreshold, 'must be 1'));
  }
  for (const h of ['httpGet', 'tcpSocket'] as const) {
    const port = probe[h]?.port;
    if (probe[h] && port === undefined) errs.push(fe.required(`${field}.${h}.port`));
    else if (typeof port === 'number' && !isValidPortNum(port)) errs.push(fe.invalid(`${field}.${h}.port`, port, PORT_RANGE));
  }
  if (probe.httpGet?.scheme && !['HTTP', 'HTTPS'].includes(probe.httpGet.scheme)) {
    errs.push(fe.unsupported(`${field}.httpGet.scheme`, probe.httpGet.scheme, ['HTTP', 'HTTPS']));
  }
  return errs;
}

function validateVolumeMounts(mounts: any[] | undefined, volumes: Set<string>, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const paths = new Set<string>();
  (mounts ?? []).forEach((m, i) => {
    const path = `${field}[${i}]`;
    if (!m?.name) errs.push(fe.required(`${path}.name`));
    if (!volumes.has(m?.name ?? '')) errs.push(fe.notFound(`${path}.name`, m?.name ?? ''));
    if (!m?.mountPath) errs.push(fe.required(`${path}.mountPath`));
    else if (paths.has(m.mountPath)) errs.push(fe.invalid(`${path}.mountPath`, m.mountPath, 'must be unique'));
    if (m?.mountPath) paths.add(m.mountPath);
    if (typeof m?.subPath === 'string' && (m.subPath.startsWith('/') || m.subPath.split('/').includes('..'))) {
      errs.push(fe.invalid(`${path}.subPath`, m.subPath, m.subPath.startsWith('/') ? 'must be a relative path' : "must not contain '..'"));
    }
  });
  return errs;
}

/** One container at `field` (e.g. `spec.containers[0]`). `probes` is false for init containers without sidecar restart. */
export function validateContainer(c: any, field: string, volumes: Set<string>, opts: { probes: boolean }): FieldError[] {
  const errs: FieldError[] = [];
  if (!c?.name) errs.push(fe.required(`${field}.name`));
  else errs.push(...validateDNS1123Label(c.name, `${field}.name`));
  if (!c?.image) errs.push(fe.required(`${field}.image`));
  else if (typeof c.image === 'string' && c.image.trim() !== c.image) {
    errs.push(fe.invalid(`${field}.image`, c.image, 'must not have leading or trailing whitespace'));
  }
  if (c?.imagePullPolicy && !PULL_POLICIES.includes(c.imagePullPolicy)) {
    errs.push(fe.unsupported(`${field}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
  }
  if (c?.terminationMessagePolicy && !['File', 'FallbackToLogsOnError'].includes(c.terminationMessagePolicy)) {
    errs.push(fe.unsupported(`${field}.terminationMessagePolicy`, c.terminationMessagePolicy, ['File', 'FallbackToLogsOnError']));
  }
  errs.push(...validatePorts(c?.ports, `${field}.ports`));
  errs.push(...validateEnv(c?.env, `${field}.env`));
  errs.push(...validateVolumeMounts(c?.volumeMounts, volumes, `${field}.volumeMounts`));
  errs.push(...validateResources(c?.resources, `${field}.resources`));
  if (opts.probes) {
    errs.push(...validateProbe(c?.livenessProbe, `${field}.livenessProbe`, true));
    errs.push(...validateProbe(c?.readinessProbe, `${field}.readinessProbe`, false));
    errs.push(...validateProbe(c?.startupProbe, `${field}.startupProbe`, true));
  } else {
    for (const p of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
      if (c?.[p]) errs.push(fe.forbidden(`${field}.${p}`, 'may not be set for init containers without restartPolicy=Always'));
    }
  }
  return errs;
}
