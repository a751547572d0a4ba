/** apps/v1 ControllerRevision: immutable snapshots of StatefulSet / DaemonSet templates. */
import { type FieldError, fieldErrors as fe, renderValue } from '../field-error.js';
import type { KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { ageColumn, nameColumn } from './meta-columns.js';
import { deepEqual, nonNegative } from './workload-validation.js';

/** CONTROLLER: `<kind>.<group>/<name>` of the controlling owner (formatResourceName), `<none>` without one. */
function controllerCell(obj: KubeObject): string {
  const ref = obj.metadata.ownerReferences?.find((r) => r.controller);
  if (!ref) return '<none>';
  const group = ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0] : '';
  const kind = group ? `${ref.kind}.${group}` : ref.kind;
  return `${kind.toLowerCase()}/${ref.name}`;
}

function validate(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  if (obj.data === undefined || obj.data === null) errs.push(fe.required('data', 'data is mandatory'));
  errs.push(...nonNegative(obj.revision, 'revision'));
  return errs;
}

export const controllerRevisionKind: KindDef = {
  group: 'apps',
  version: 'v1',
  kind: 'ControllerRevision',
  plural: 'controllerrevisions',
  singular: 'controllerrevision',
  shortNames: [],
  categories: [],
  namespaced: true,
  schemaType: 'V1ControllerRevision',
  statusSubresource: false,
  bumpsGeneration: false,
  nameRule: 'subdomain',
  defaults(obj) {
    obj.revision ??= 0;
  },
  validate,
  validateUpdate: (obj, old) => (deepEqual(obj.data, old.data)
    ? []
    : [{ type: 'Invalid value', field: 'data', hasValue: false, detail: `${renderValue(obj.data)}: field is immutable` }]),
  columns: [
    nameColumn,
    { name: 'CONTROLLER', cell: controllerCell },
    { name: 'REVISION', cell: (o) => String(o.revision ?? 0) },
    ageColumn,
  ],
};
