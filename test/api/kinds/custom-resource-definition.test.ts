import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { customResourceDefinitionKind as crdKind } from '../../../src/api/kinds/custom-resource-definition.js';
import { kindRegistry } from '../../../src/api/kinds/index.js';
import { checkStrict } from '../../../src/api/schema/strict.js';
import type { KubeObject } from '../../../src/api/types.js';
import { messages } from './helpers.js';
import { CREATED, row } from './workload-helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const fixture = (file: string): any => parseAllDocuments(readFileSync(new URL(`../../../fixtures/crd/${file}`, import.meta.url), 'utf8'))[0].toJS();

/** The widgets CRD as the API server has it before validation: changed by `edit`, defaulted, prepared. */
function created(edit: (o: any) => void = () => {}): KubeObject {
  const o = fixture('widgets-crd.yaml');
  o.metadata.creationTimestamp = CREATED;
  edit(o);
  crdKind.defaults!(o);
  crdKind.prepareForCreate!(o);
  return o;
}
const errorsOf = (edit: (o: any) => void): string[] => messages(crdKind.validate!(created(edit)));
const schemaOf = (o: any): any => o.spec.versions[0].schema.openAPIV3Schema;
const DNS1035 = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const goVersion = (name: string, storage: boolean): string =>
  `apiextensions.CustomResourceDefinitionVersion{Name:"${name}", Served:true, Storage:${storage}, Deprecated:false, DeprecationWarning:(*string)(nil), ` +
  'Schema:(*apiextensions.CustomResourceValidation)(nil), Subresources:(*apiextensions.CustomResourceSubresources)(nil), ' +
  'AdditionalPrinterColumns:[]apiextensions.CustomResourceColumnDefinition(nil), SelectableFields:[]apiextensions.SelectableField(nil)}';

describe('CustomResourceDefinition kind', () => {
  it('is registered under the names kubectl 1.32 discovers', () => {
    const k = kindRegistry().kinds.find((x) => x.kind === 'CustomResourceDefinition')!;
    expect([k.group, k.version, k.plural, k.singular, k.namespaced, k.statusSubresource, k.bumpsGeneration]).toEqual(
      ['apiextensions.k8s.io', 'v1', 'customresourcedefinitions', 'customresourcedefinition', false, true, true]);
    expect([k.shortNames, k.categories, k.schemaType]).toEqual([['crd', 'crds'], ['api-extensions'], 'V1CustomResourceDefinition']);
  });

  it('defaults as SetDefaults_CustomResourceDefinition does', () => {
    const o = fixture('widgets-crd.yaml');
    delete o.spec.names.singular;
    delete o.spec.names.listKind;
    o.spec.versions[0].served = undefined;
    crdKind.defaults!(o);
    expect(o.spec.names).toMatchObject({ singular: 'widget', listKind: 'WidgetList' });
    expect(o.spec.conversion).toEqual({ strategy: 'None' });
    expect(o.spec.versions[0]).toMatchObject({ served: false, storage: true });
    expect(o.status).toEqual({ storedVersions: ['v1'] });
    const hook = { spec: { names: { kind: 'A', singular: 'b' }, conversion: { strategy: 'Webhook', webhook: { clientConfig: { service: { name: 's', namespace: 'n' } } } } } };
    crdKind.defaults!(hook as never);
    expect(hook.spec.names).toEqual({ kind: 'A', singular: 'b', listKind: 'AList' });
    expect((hook.spec.conversion.webhook.clientConfig.service as any).port).toBe(443);
  });

  it('resets status on create but records the storage version; keeps it on update', () => {
    const o = created((x) => { x.status = { storedVersions: ['v0'], conditions: [{ type: 'Established', status: 'True' }] }; });
    expect(o.status).toEqual({ acceptedNames: { kind: '', plural: '' }, storedVersions: ['v1'] });
    const next = structuredClone(o);
    next.spec.versions.push({ ...next.spec.versions[0], name: 'v2' });
    next.spec.versions[0].storage = false;
    crdKind.prepareForUpdate!(next, o);
    expect(next.status.storedVersions).toEqual(['v1', 'v2']);
    expect(messages(crdKind.validate!(next))).toEqual([]);
  });

  it('accepts the fixtures: strict decoding and validation', () => {
    for (const file of ['widgets-crd.yaml', 'certificates-crd.yaml']) {
      const o = fixture(file);
      expect(checkStrict(o, crdKind.schemaType, crdKind.kind, crdKind.version)).toBeUndefined();
      crdKind.defaults!(o);
      crdKind.prepareForCreate!(o);
      expect(messages(crdKind.validate!(o)), file).toEqual([]);
    }
  });

  it('reports unknown fields anywhere in the schema, and any JSON where Go has JSON', () => {
    const o = fixture('widgets-crd.yaml');
    const size = schemaOf(o).properties.spec.properties.size;
    size.minimun = 1;
    size.default = { any: ['json', 1, null] };
    size.example = 3;
    schemaOf(o)['x-kubernetes-preserve-unknown-field'] = true;
    expect(checkStrict(o, 'V1CustomResourceDefinition', 'CustomResourceDefinition', 'v1')?.message).toBe(
      'CustomResourceDefinition in version "v1" cannot be handled as a CustomResourceDefinition: strict decoding error: ' +
      'unknown field "spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.size.minimun", ' +
      'unknown field "spec.versions[0].schema.openAPIV3Schema.x-kubernetes-preserve-unknown-field"');
  });

  it('checks the name, group, scope and names as ValidateCustomResourceDefinition does', () => {
    expect(errorsOf((o) => { o.metadata.name = 'widget.example.com'; })).toEqual([
      'metadata.name: Invalid value: "widget.example.com": must be spec.names.plural+"."+spec.group',
    ]);
    expect(errorsOf((o) => { o.spec.group = 'example'; o.metadata.name = 'widgets.example'; })).toEqual([
      'spec.group: Invalid value: "example": should be a domain with at least one dot',
    ]);
    expect(errorsOf((o) => { o.spec.scope = 'Global'; })).toEqual(['spec.scope: Unsupported value: "Global": supported values: "Cluster", "Namespaced"']);
    expect(errorsOf((o) => { delete o.spec.scope; })).toEqual(['spec.scope: Required value']);
    expect(errorsOf((o) => {
      o.spec.names = { plural: 'widgets', singular: 'Widget', kind: 'Wid_get', listKind: 'Wid_get', shortNames: ['wd', 'W D'] };
    })).toEqual([
      `spec.names.singular: Invalid value: "Widget": ${DNS1035}`,
      `spec.names.kind: Invalid value: "Wid_get": may have mixed case, but should otherwise match: ${DNS1035}`,
      `spec.names.listKind: Invalid value: "Wid_get": may have mixed case, but should otherwise match: ${DNS1035}`,
      `spec.names.shortNames[1]: Invalid value: "W D": ${DNS1035}`,
      'spec.names.listKind: Invalid value: "Wid_get": kind and listKind may not be the same',
    ]);
  });

  it('checks the versions: names, one storage version, schemas required', () => {
    expect(errorsOf((o) => { o.spec.versions[0].storage = false; })).toEqual([
      `spec.versions: Invalid value: []apiextensions.CustomResourceDefinitionVersion{${goVersion('v1', false)}}: must have exactly one version marked as storage version`,
      'status.storedVersions: Invalid value: []string(nil): must have at least one stored version',
    ]);
    expect(errorsOf((o) => { o.spec.versions.push({ ...o.spec.versions[0], name: 'v1' }); })).toEqual([
      `spec.versions: Invalid value: []apiextensions.CustomResourceDefinitionVersion{${goVersion('v1', true)}, ${goVersion('v1', true)}}: must contain unique version names`,
      `spec.versions: Invalid value: []apiextensions.CustomResourceDefinitionVersion{${goVersion('v1', true)}, ${goVersion('v1', true)}}: must have exactly one version marked as storage version`,
    ]);
    expect(errorsOf((o) => { o.spec.versions[0].name = 'V1'; })).toEqual([
      `spec.versions[0].name: Invalid value: "V1": ${DNS1035}`,
      `spec.version: Invalid value: "V1": ${DNS1035}`,
    ]);
    expect(errorsOf((o) => { delete o.spec.versions[0].schema; })).toEqual(['spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required']);
    expect(errorsOf((o) => { o.spec.versions[0].deprecationWarning = 'old'; })).toEqual([
      'spec.versions[0].deprecationWarning: Invalid value: "old": can only be set for deprecated versions',
    ]);
  });

  it('requires structural schemas, at spec.validation when every version has the same schema', () => {
    const noType = (o: any): void => { delete schemaOf(o).properties.spec.type; };
    const msg = 'openAPIV3Schema.properties[spec].type: Required value: must not be empty for specified object fields';
    // v1 → internal conversion moves a schema shared by all versions to the top level
    expect(errorsOf(noType)).toEqual([`spec.validation.${msg}`]);
    expect(errorsOf((o) => {
      noType(o);
      o.spec.versions.push({ name: 'v2', served: true, storage: false, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } });
    })).toEqual([`spec.versions[0].schema.${msg}`]);
    expect(errorsOf((o) => { schemaOf(o).type = 'array'; })).toEqual([
      'spec.validation.openAPIV3Schema.type: Invalid value: "array": only "object" is allowed as the type at the root of the schema if the status subresource is enabled',
      'spec.validation.openAPIV3Schema.items: Required value: must be specified',
      'spec.validation.openAPIV3Schema.type: Invalid value: "array": must be object at the root',
    ]);
    expect(errorsOf((o) => {
      const s = schemaOf(o);
      s.properties.kind = { type: 'integer' };
      s.properties.metadata = { type: 'object', default: {}, properties: { labels: { type: 'object' } } };
      s.properties.spec.anyOf = [{ type: 'object', required: ['size'] }];
      s.properties.spec.properties.tags = { type: 'array' };
      s.properties.spec.properties.port = { 'x-kubernetes-int-or-string': true };
      s.properties.spec.properties.extra = { 'x-kubernetes-preserve-unknown-fields': true };
      s.properties.spec.properties.size.$ref = '#/definitions/size';
    })).toEqual([
      'spec.validation.openAPIV3Schema.properties[kind].type: Invalid value: "integer": must be string',
      'spec.validation.openAPIV3Schema.properties[metadata]: Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified',
      'spec.validation.openAPIV3Schema.properties[spec].anyOf[0].type: Forbidden: must be empty to be structural',
      'spec.validation.openAPIV3Schema.properties[spec].properties[tags].items: Required value: must be specified',
      'spec.validation.openAPIV3Schema.properties[metadata].default: Forbidden: must not be set in top-level metadata',
      'spec.validation.openAPIV3Schema.properties[spec].properties[size].$ref: Forbidden: $ref is not supported',
    ]);
  });

  it('checks printer columns, subresources, preserveUnknownFields and conversion', () => {
    expect(errorsOf((o) => {
      o.spec.versions[0].additionalPrinterColumns = [{ name: 'X', type: 'float', jsonPath: '.spec.x' }, { name: '', type: 'string' }, { name: 'Y', type: 'string', jsonPath: 'spec.y' }];
      o.spec.versions[0].subresources.scale = { specReplicasPath: '.status.replicas' };
    })).toEqual([
      'spec.subresources.scale.specReplicasPath: Invalid value: ".status.replicas": should be a json path under .spec',
      'spec.subresources.scale.statusReplicasPath: Required value',
      'spec.additionalPrinterColumns[0].type: Invalid value: "float": must be one of boolean,date,integer,number,string',
      'spec.additionalPrinterColumns[1].name: Required value',
      'spec.additionalPrinterColumns[1].JSONPath: Required value',
      'spec.additionalPrinterColumns[2].JSONPath: Invalid value: "spec.y": must be a simple json path starting with .',
    ]);
    expect(errorsOf((o) => { o.spec.preserveUnknownFields = true; })).toEqual([
      'spec.preserveUnknownFields: Invalid value: true: must be false in order to use defaults in the schema',
      'spec.preserveUnknownFields: Invalid value: true: cannot set to true, set x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead',
    ]);
    expect(errorsOf((o) => { o.spec.conversion = { strategy: 'Webhook', webhook: { conversionReviewVersions: ['v1'], clientConfig: { url: 'http://hooks.example.com/convert' } } }; })).toEqual([
      'spec.conversion.webhookClientConfig.url: Invalid value: "http": \'https\' is the only allowed URL scheme; desired format: https://host[/path]',
    ]);
    expect(errorsOf((o) => { o.spec.conversion = { strategy: 'Webhook' }; })).toEqual([
      'spec.conversion.webhookClientConfig: Required value: required when strategy is set to Webhook',
      'spec.conversion.conversionReviewVersions: Required value',
    ]);
  });

  it('keeps group and plural, and scope and kind once established', () => {
    const old = created((o) => { o.status = {}; });
    old.status.conditions = [{ type: 'Established', status: 'True' }];
    const next = structuredClone(old);
    Object.assign(next.spec, { group: 'example.org', scope: 'Cluster' });
    Object.assign(next.spec.names, { plural: 'gadgets', kind: 'Gadget' });
    expect(messages(crdKind.validateUpdate!(next, old))).toEqual([
      'spec.scope: Invalid value: "Cluster": field is immutable',
      'spec.names.kind: Invalid value: "Gadget": field is immutable',
      'spec.group: Invalid value: "example.org": field is immutable',
      'spec.names.plural: Invalid value: "gadgets": field is immutable',
    ]);
    old.status.conditions = [];
    expect(messages(crdKind.validateUpdate!(next, old))).toHaveLength(2);
    next.spec.versions = [{ ...next.spec.versions[0], name: 'v2' }];
    crdKind.prepareForUpdate!(next, old);
    expect(messages(crdKind.validate!(next)).slice(-1)).toEqual([
      'status.storedVersions[0]: Invalid value: "v1": missing from spec.versions; v1 was previously a storage version, and must remain in spec.versions ' +
      'until a storage migration ensures no data remains persisted in v1 and removes v1 from status.storedVersions',
    ]);
  });

  it('prints NAME and CREATED AT, and describes generically', () => {
    expect(row(crdKind, created())).toEqual({ NAME: 'widgets.example.com', 'CREATED AT': '2026-01-01T00:00:00Z' });
    const text = String(crdKind.describe!(created(), undefined as never));
    expect(text.split('\n').slice(0, 8)).toEqual([
      'Name:         widgets.example.com',
      'Namespace:    ',
      'Labels:       <none>',
      'Annotations:  <none>',
      'API Version:  apiextensions.k8s.io/v1',
      'Kind:         CustomResourceDefinition',
      'Metadata:',
      '  Creation Timestamp:  2026-01-01T00:00:00Z',
    ]);
    expect(text).toContain('    Additional Printer Columns:\n      Json Path:  .spec.size\n');
  });
});
