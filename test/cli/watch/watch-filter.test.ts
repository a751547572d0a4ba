import { describe, expect, it } from 'vitest';
import { customKindOf } from '../../../src/api/crd/custom-kind.js';
import { kindRegistry } from '../../../src/api/kinds/index.js';
import { resourcePrefix } from '../../../src/cli/watch/watch-filter.js';

describe('watch resource prefix', () => {
  it('is the store key prefix of the resource: plural for built-in kinds, plural.group for custom ones', () => {
    expect(resourcePrefix(kindRegistry().resolve('deploy')!)).toBe('/registry/deployments/');
    const kind = customKindOf({
      apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'services.serving.knative.dev' },
      spec: { group: 'serving.knative.dev', scope: 'Namespaced', names: { plural: 'services', kind: 'Service' }, versions: [{ name: 'v1', served: true, storage: true }] },
    })!;
    expect(resourcePrefix(kind)).toBe('/registry/services.serving.knative.dev/');
  });
});
