/** storage.k8s.io/v1 StorageClass. */
import { DescribeWriter } from '../describe-writer.js';
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import type { KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { validateQualifiedName } from '../validation/labels.js';
import { ageColumn, formatLabels, printBool } from './meta-columns.js';
import { deepEqual } from './workload-validation.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
const BETA_DEFAULT_CLASS_ANNOTATION = 'storageclass.beta.kubernetes.io/is-default-class';
const MAX_PARAMETERS = 512;
const MAX_PARAMETERS_SIZE = 256 * 1024;

/** storageutil.IsDefaultAnnotation. */
export function isDefaultClass(sc: KubeObject): boolean {
  const ann = sc.metadata.annotations ?? {};
  return ann[DEFAULT_CLASS_ANNOTATION] === 'true' || ann[BETA_DEFAULT_CLASS_ANNOTATION] === 'true';
}

/** IsDefaultAnnotationText: Yes / No. */
function isDefaultText(sc: KubeObject): string {
  return isDefaultClass(sc) ? 'Yes' : 'No';
}

function validate(sc: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const provisioner = sc.provisioner ?? '';
  if (!provisioner) errs.push(fe.required('provisioner', ''));
  else errs.push(...validateQualifiedName(String(provisioner).toLowerCase(), 'provisioner'));
  const params: Record<string, string> = sc.parameters ?? {};
  const keys = Object.keys(params);
  if (keys.length > MAX_PARAMETERS) {
    errs.push({ type: 'Too long', field: 'parameters', hasValue: false, detail: `must have at most ${MAX_PARAMETERS} bytes` });
  } else {
    let size = 0;
    for (const k of keys) {
      if (k.length < 1) errs.push(fe.invalid('parameters', k, 'field can not be empty.'));
      size += k.length + String(params[k]).length;
    }
    if (size > MAX_PARAMETERS_SIZE) errs.push(fe.tooLong('parameters', '', MAX_PARAMETERS_SIZE));
  }
  if (sc.reclaimPolicy && !['Delete', 'Retain'].includes(sc.reclaimPolicy)) {
    errs.push(fe.unsupported('reclaimPolicy', sc.reclaimPolicy, ['Delete', 'Retain']));
  }
  if (sc.volumeBindingMode == null) errs.push(fe.required('volumeBindingMode'));
  else if (!['Immediate', 'WaitForFirstConsumer'].includes(sc.volumeBindingMode)) {
    errs.push(fe.unsupported('volumeBindingMode', sc.volumeBindingMode, ['Immediate', 'WaitForFirstConsumer']));
  }
  return errs;
}

function validateUpdate(sc: KubeObject, old: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  if (!deepEqual(sc.parameters ?? {}, old.parameters ?? {})) errs.push(fe.forbidden('parameters', 'updates to parameters are forbidden.'));
  if (sc.provisioner !== old.provisioner) errs.push(fe.forbidden('provisioner', 'updates to provisioner are forbidden.'));
  if (sc.reclaimPolicy !== old.reclaimPolicy) errs.push(fe.forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
  if (sc.volumeBindingMode !== old.volumeBindingMode) errs.push(fe.immutable('volumeBindingMode', sc.volumeBindingMode ?? ''));
  return errs;
}

function describe(sc: KubeObject): string {
  const w = new DescribeWriter();
  w.write(0, 'Name:', sc.metadata.name ?? '');
  w.write(0, 'IsDefaultClass:', isDefaultText(sc));
  w.write(0, 'Annotations:', formatLabels(sc.metadata.annotations));
  w.write(0, 'Provisioner:', String(sc.provisioner ?? ''));
  w.write(0, 'Parameters:', formatLabels(sc.parameters));
  w.write(0, 'AllowVolumeExpansion:', sc.allowVolumeExpansion == null ? '<unset>' : printBool(sc.allowVolumeExpansion));
  const options: string[] = sc.mountOptions ?? [];
  if (options.length === 0) w.write(0, 'MountOptions:', '<none>');
  else {
    w.write(0, 'MountOptions:');
    for (const o of options) w.write(1, o);
  }
  if (sc.reclaimPolicy != null) w.write(0, 'ReclaimPolicy:', String(sc.reclaimPolicy));
  if (sc.volumeBindingMode != null) w.write(0, 'VolumeBindingMode:', String(sc.volumeBindingMode));
  if (sc.allowedTopologies != null) {
    const terms: any[] = sc.allowedTopologies;
    w.write(0, 'AllowedTopologies:', terms.length === 0 ? '<none>' : '');
    terms.forEach((term, i) => {
      const reqs: any[] = term.matchLabelExpressions ?? [];
      if (reqs.length === 0) w.write(1, `Term ${i}:`, '<none>');
      reqs.forEach((r, j) => {
        const expr = r.values?.length ? `${r.key} in [${r.values.join(', ')}]` : `${r.key} in`;
        w.write(1, j === 0 ? `Term ${i}:` : '', expr);
      });
    });
  }
  return w.toString();
}

export const storageClassKind: KindDef = {
  group: 'storage.k8s.io',
  version: 'v1',
  kind: 'StorageClass',
  plural: 'storageclasses',
  singular: 'storageclass',
  shortNames: ['sc'],
  categories: [],
  namespaced: false,
  schemaType: 'V1StorageClass',
  statusSubresource: false,
  bumpsGeneration: false,
  nameRule: 'subdomain',
  defaults(sc) {
    sc.reclaimPolicy ??= 'Delete';
    sc.volumeBindingMode ??= 'Immediate';
  },
  validate,
  validateUpdate,
  columns: [
    { name: 'NAME', cell: (o) => `${o.metadata.name ?? ''}${isDefaultClass(o) ? ' (default)' : ''}` },
    { name: 'PROVISIONER', cell: (o) => String(o.provisioner ?? '') },
    { name: 'RECLAIMPOLICY', cell: (o) => String(o.reclaimPolicy ?? 'Delete') },
    { name: 'VOLUMEBINDINGMODE', cell: (o) => String(o.volumeBindingMode ?? 'Immediate') },
    { name: 'ALLOWVOLUMEEXPANSION', cell: (o) => String(o.allowVolumeExpansion === true) },
    ageColumn,
  ],
  describe,
  describeEvents: true,
};
