import { describe, expect, it } from 'vitest';
import { kindRegistry } from '../../../src/api/kinds/index.js';

describe('core kinds in the registry', () => {
  it('resolves short names, singular names and kinds as kubectl does', () => {
    const r = kindRegistry();
    const cases: [string, string][] = [
      ['po', 'pods'], ['pod', 'pods'], ['svc', 'services'], ['ns', 'namespaces'], ['no', 'nodes'], ['cm', 'configmaps'],
      ['secret', 'secrets'], ['sa', 'serviceaccounts'], ['ep', 'endpoints'], ['ev', 'events'], ['endpointslices', 'endpointslices'],
      ['EndpointSlice', 'endpointslices'], ['endpointslices.discovery.k8s.io', 'endpointslices'],
    ];
    for (const [alias, plural] of cases) expect(r.resolve(alias)?.plural, alias).toBe(plural);
    expect(r.forManifest('discovery.k8s.io/v1', 'EndpointSlice')?.schemaType).toBe('V1EndpointSlice');
    expect(r.forManifest('v1', 'Event')?.schemaType).toBe('CoreV1Event');
    expect(r.category('all').slice(0, 2).map((k) => k.plural)).toEqual(['pods', 'services']);
  });
});
