import { describe, expect, it } from 'vitest';
import { parseApiPath, type ResourcePath } from '../../src/serve/request-path.js';

describe('parseApiPath: discovery, OpenAPI, version and health', () => {
  it('names the discovery documents', () => {
    expect(parseApiPath('/api')).toEqual({ type: 'core-versions' });
    expect(parseApiPath('/api/v1')).toEqual({ type: 'resource-list', group: '', version: 'v1' });
    expect(parseApiPath('/apis')).toEqual({ type: 'group-list' });
    expect(parseApiPath('/apis/apps')).toEqual({ type: 'group', group: 'apps' });
    expect(parseApiPath('/apis/apps/v1')).toEqual({ type: 'resource-list', group: 'apps', version: 'v1' });
  });

  it('ignores a trailing slash', () => {
    expect(parseApiPath('/api/')).toEqual({ type: 'core-versions' });
    expect(parseApiPath('/apis/apps/v1/')).toEqual({ type: 'resource-list', group: 'apps', version: 'v1' });
  });

  it('names the OpenAPI v3 index and group-version documents', () => {
    expect(parseApiPath('/openapi/v2')).toEqual({ type: 'openapi-v2' });
    expect(parseApiPath('/openapi/v3')).toEqual({ type: 'openapi-index' });
    expect(parseApiPath('/openapi/v3/apis/apps/v1')).toEqual({ type: 'openapi', gvPath: 'apis/apps/v1' });
    expect(parseApiPath('/openapi/v3/api/v1')).toEqual({ type: 'openapi', gvPath: 'api/v1' });
  });

  it('names /version and the health checks', () => {
    expect(parseApiPath('/version')).toEqual({ type: 'version' });
    for (const p of ['/healthz', '/livez', '/readyz']) expect(parseApiPath(p)).toEqual({ type: 'health' });
  });
});

describe('parseApiPath: resources', () => {
  it('reads a namespaced collection, object and subresource', () => {
    expect(parseApiPath('/api/v1/namespaces/ns/pods')).toEqual({ type: 'resource', group: '', version: 'v1', namespace: 'ns', resource: 'pods' });
    expect(parseApiPath('/api/v1/namespaces/ns/pods/p')).toMatchObject({ namespace: 'ns', resource: 'pods', name: 'p', subresource: undefined });
    expect(parseApiPath('/api/v1/namespaces/ns/pods/p/log')).toEqual({
      type: 'resource', group: '', version: 'v1', namespace: 'ns', resource: 'pods', name: 'p', subresource: 'log',
    });
    expect(parseApiPath('/apis/apps/v1/namespaces/default/deployments/web/scale')).toEqual({
      type: 'resource', group: 'apps', version: 'v1', namespace: 'default', resource: 'deployments', name: 'web', subresource: 'scale',
    });
  });

  it('reads a collection across all namespaces and cluster-scoped objects', () => {
    const all = parseApiPath('/apis/apps/v1/deployments');
    expect(all).toEqual({ type: 'resource', group: 'apps', version: 'v1', resource: 'deployments', name: undefined, subresource: undefined });
    expect(all).not.toHaveProperty('namespace', expect.anything());
    expect(parseApiPath('/api/v1/nodes/n1')).toMatchObject({ type: 'resource', resource: 'nodes', name: 'n1' });
    expect(parseApiPath('/apis/rbac.authorization.k8s.io/v1/clusterroles/admin')).toMatchObject({
      group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'clusterroles', name: 'admin',
    });
  });

  it('reads /api/v1/namespaces/NS as the Namespace object, and its status and finalize subresources', () => {
    expect(parseApiPath('/api/v1/namespaces')).toMatchObject({ type: 'resource', resource: 'namespaces', name: undefined });
    expect(parseApiPath('/api/v1/namespaces/ns')).toMatchObject({ type: 'resource', resource: 'namespaces', name: 'ns' });
    expect(parseApiPath('/api/v1/namespaces/ns/status')).toMatchObject({ type: 'resource', resource: 'namespaces', name: 'ns', subresource: 'status' });
    for (const p of ['/api/v1/nodes/n1', '/api/v1/namespaces', '/api/v1/namespaces/ns', '/api/v1/namespaces/ns/status']) {
      expect((parseApiPath(p) as ResourcePath).namespace, p).toBeUndefined();
    }
    expect(parseApiPath('/api/v1/namespaces/ns/finalize')).toMatchObject({ resource: 'namespaces', name: 'ns', subresource: 'finalize' });
  });

  it('decodes percent-escaped segments', () => {
    expect(parseApiPath('/api/v1/namespaces/default/configmaps/a%3Ab')).toMatchObject({ name: 'a:b' });
  });

  it('answers unknown for anything else', () => {
    for (const p of [
      '/', '/foo', '/api/v2', '/api/v2/pods', '/api//v1', '/apis/apps//deployments',
      '/api/v1/namespaces/ns/pods/p/log/extra', '/api/v1/nodes/n1/status/extra', '/openapi/v2x',
    ]) expect(parseApiPath(p), p).toEqual({ type: 'unknown' });
  });

  it('answers unknown (not an exception, which the server turns into a 500) for a malformed escape', () => {
    expect(parseApiPath('/api/v1/namespaces/%zz/pods')).toEqual({ type: 'unknown' });
  });
});
