/** Registries serving custom resources, for the discovery and OpenAPI tests. */
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { customKindOf } from '../../src/api/crd/custom-kind.js';
import type { KindDef } from '../../src/api/kind.js';
import { kindRegistry } from '../../src/api/kinds/index.js';
import type { Registry } from '../../src/api/registry.js';
import type { KubeObject } from '../../src/api/types.js';

/** widgets.example.com (fixtures/crd/widgets-crd.yaml): namespaced, v1, with a status subresource. */
export function widgetKind(): KindDef {
  const crd = parseAllDocuments(readFileSync(new URL('../../fixtures/crd/widgets-crd.yaml', import.meta.url), 'utf8'))[0].toJS() as KubeObject;
  return customKindOf(crd)!;
}

/** gadgets.stable.example.org: cluster-scoped, stored as v1beta1, also served as v1; v2alpha1 is not served. */
export function gadgetKind(): KindDef {
  const schema = { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { replicas: { type: 'integer' } } } } } };
  return customKindOf({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'gadgets.stable.example.org' },
    spec: {
      group: 'stable.example.org',
      scope: 'Cluster',
      names: { plural: 'gadgets', singular: 'gadget', kind: 'Gadget' },
      versions: [
        { name: 'v1beta1', served: true, storage: true, schema, subresources: { status: {}, scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' } } },
        { name: 'v1', served: true, storage: false, schema },
        { name: 'v2alpha1', served: false, storage: false, schema },
      ],
    },
  } as KubeObject)!;
}

/** A copy of the built-in registry that also serves these kinds. */
export function registryWith(...kinds: KindDef[]): Registry {
  const r = kindRegistry().copy();
  r.add(kinds);
  return r;
}
