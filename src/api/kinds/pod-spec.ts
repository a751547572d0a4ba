/**
 * Pod spec defaulting and validation, shared by Pods and every workload's pod template
 * (pkg/apis/core/validation ValidatePodSpec / ValidatePodTemplateSpec).
 */
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import { validateDNS1123Label, validateDNS1123Subdomain } from '../validation/names.js';
import { validateAnnotations, validateLabels } from '../validation/labels.js';
import { validateTolerations } from '../validation/tolerations.js';
import { validateContainer, validateNonNegative } from './container-validation.js';
import { volumeSourceKeys } from './pod-spec-defaults.js';

export { defaultPodSpec, defaultPodTemplateSpec, defaultPodOnly, imageTag } from './pod-spec-defaults.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];

function validateVolumes(volumes: any[] | undefined, field: string): { errs: FieldError[]; names: Set<string> } {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (volumes ?? []).forEach((v, i) => {
    const path = `${field}[${i}]`;
    if (!v?.name) errs.push(fe.required(`${path}.name`));
    else {
      const nameErrs = validateDNS1123Label(v.name, `${path}.name`);
      if (nameErrs.length) errs.push(...nameErrs);
      else if (names.has(v.name)) errs.push(fe.duplicate(`${path}.name`, v.name));
      else names.add(v.name);
    }
    const sources = volumeSourceKeys(v);
    if (sources.length === 0) errs.push(fe.required(path, 'must specify a volume type'));
    else if (sources.length > 1) errs.push(fe.forbidden(`${path}.${sources[1]}`, 'may not specify more than 1 volume type'));
    if (v?.secret && !v.secret.secretName) errs.push(fe.required(`${path}.secret.secretName`));
    if (v?.configMap && !v.configMap.name) errs.push(fe.required(`${path}.configMap.name`));
    if (v?.persistentVolumeClaim && !v.persistentVolumeClaim.claimName) {
      errs.push(fe.required(`${path}.persistentVolumeClaim.claimName`));
    }
    if (v?.hostPath && !v.hostPath.path) errs.push(fe.required(`${path}.hostPath.path`));
    for (const src of ['secret', 'configMap', 'downwardAPI', 'projected']) {
      const mode = v?.[src]?.defaultMode;
      if (typeof mode === 'number' && (mode < 0 || mode > 0o777)) {
        errs.push(fe.invalid(`${path}.${src}.defaultMode`, mode, 'must be a number between 0 and 0777 (octal), both inclusive'));
      }
    }
  });
  return { errs, names };
}

/** ValidatePodSpec at `field` (`spec`, `spec.template.spec`, …). */
export function validatePodSpec(spec: any, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!spec || typeof spec !== 'object') return [fe.required(`${field}.containers`)];
  const { errs: volErrs, names: volumes } = validateVolumes(spec.volumes, `${field}.volumes`);
  errs.push(...volErrs);

  const containers: any[] = spec.containers ?? [];
  const initContainers: any[] = spec.initContainers ?? [];
  if (containers.length === 0) errs.push(fe.required(`${field}.containers`));
  const seen = new Set<string>();
  const checkName = (c: any, path: string): void => {
    if (!c?.name) return;
    if (seen.has(c.name)) errs.push(fe.duplicate(`${path}.name`, c.name));
    seen.add(c.name);
  };
  initContainers.forEach((c, i) => {
    const path = `${field}.initContainers[${i}]`;
    errs.push(...validateContainer(c, path, volumes, { probes: c?.restartPolicy === 'Always' }));
    if (c?.restartPolicy && c.restartPolicy !== 'Always') errs.push(fe.unsupported(`${path}.restartPolicy`, c.restartPolicy, ['Always']));
    checkName(c, path);
  });
  containers.forEach((c, i) => {
    const path = `${field}.containers[${i}]`;
    errs.push(...validateContainer(c, path, volumes, { probes: true }));
    if (c?.restartPolicy) errs.push(fe.forbidden(`${path}.restartPolicy`, 'may not be set for non-init containers'));
    checkName(c, path);
  });

  if (!spec.restartPolicy) errs.push(fe.required(`${field}.restartPolicy`));
  else if (!RESTART_POLICIES.includes(spec.restartPolicy)) errs.push(fe.unsupported(`${field}.restartPolicy`, spec.restartPolicy, RESTART_POLICIES));
  if (!spec.dnsPolicy) errs.push(fe.required(`${field}.dnsPolicy`));
  else if (!DNS_POLICIES.includes(spec.dnsPolicy)) errs.push(fe.unsupported(`${field}.dnsPolicy`, spec.dnsPolicy, DNS_POLICIES));
  if (spec.dnsPolicy === 'None' && !spec.dnsConfig) {
    errs.push(fe.required(`${field}.dnsConfig`, 'must provide `dnsConfig` when `dnsPolicy` is None'));
  }
  if (spec.nodeSelector) errs.push(...validateLabels(spec.nodeSelector, `${field}.nodeSelector`));
  if (spec.serviceAccountName) errs.push(...validateDNS1123Subdomain(spec.serviceAccountName, `${field}.serviceAccountName`));
  if (spec.nodeName) errs.push(...validateDNS1123Subdomain(spec.nodeName, `${field}.nodeName`));
  if (spec.hostname) errs.push(...validateDNS1123Label(spec.hostname, `${field}.hostname`));
  if (spec.subdomain) errs.push(...validateDNS1123Label(spec.subdomain, `${field}.subdomain`));
  if (spec.activeDeadlineSeconds !== undefined && !(spec.activeDeadlineSeconds >= 1)) {
    errs.push(fe.invalid(`${field}.activeDeadlineSeconds`, spec.activeDeadlineSeconds, 'must be between 1 and 2147483647, inclusive'));
  }
  errs.push(...validateNonNegative(spec.terminationGracePeriodSeconds, `${field}.terminationGracePeriodSeconds`));
  errs.push(...validateTolerations(spec.tolerations, `${field}.tolerations`));
  return errs;
}

/** ValidatePodTemplateSpec at `field` (e.g. `spec.template`): labels, annotations, then the pod spec. */
export function validatePodTemplateSpec(template: any, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const meta = template?.metadata ?? {};
  if (meta.labels) errs.push(...validateLabels(meta.labels, `${field}.metadata.labels`));
  if (meta.annotations) errs.push(...validateAnnotations(meta.annotations, `${field}.metadata.annotations`));
  errs.push(...validatePodSpec(template?.spec, `${field}.spec`));
  return errs;
}
