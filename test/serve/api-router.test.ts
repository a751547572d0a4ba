import { beforeAll, describe, expect, it } from 'vitest';
import type { Cluster } from '../../src/cluster.js';
import { call, testCluster } from './serve-helpers.js';

const SSAR = '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews';
const review = (verb: string, resource: string) => ({
  apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview',
  spec: { resourceAttributes: { verb, resource, namespace: 'default' } },
});

let c: Cluster;
beforeAll(async () => {
  c = await testCluster();
});

describe('answerApi: documents', () => {
  it('answers /version, the health checks and discovery', async () => {
    expect(await call(c, 'GET', '/version')).toMatchObject({ code: 200, json: { major: '1', minor: '32' } });
    expect(await call(c, 'GET', '/healthz')).toMatchObject({ code: 200, text: 'ok' });
    expect(await call(c, 'GET', '/api')).toMatchObject({ code: 200, json: { kind: 'APIVersions', versions: ['v1'] } });
    expect(await call(c, 'GET', '/apis/apps/v1')).toMatchObject({ code: 200, json: { kind: 'APIResourceList', groupVersion: 'apps/v1' } });
  });

  it('answers /openapi/v2 as an empty document: JSON, or the empty protobuf message kubectl asks for', async () => {
    expect((await call(c, 'GET', '/openapi/v2')).json).toMatchObject({ swagger: '2.0', paths: {}, definitions: {} });
    const proto = await call(c, 'GET', '/openapi/v2', { headers: { accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf' } });
    expect(proto).toMatchObject({ code: 200, contentType: 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf' });
    expect(proto.bytes).toHaveLength(0);
  });

  it('answers 404 for an unknown path, group or group version', async () => {
    for (const p of ['/nope', '/apis/nope.example.com', '/apis/apps/v9', '/openapi/v3/apis/nope/v1']) {
      expect(await call(c, 'GET', p), p).toMatchObject({ code: 404, json: { kind: 'Status', reason: 'NotFound', message: 'the server could not find the requested resource' } });
    }
  });

  it('answers 405 for a write to a document', async () => {
    expect(await call(c, 'POST', '/api', { body: {} })).toMatchObject({ code: 405, json: { reason: 'MethodNotAllowed' } });
  });
});

describe('answerApi: access reviews', () => {
  it('answers a SelfSubjectAccessReview with 201, allowed for the admin, storing nothing', async () => {
    const before = c.revision();
    const r = await call(c, 'POST', SSAR, { body: review('list', 'pods') });
    expect(r.code).toBe(201);
    expect(r.json).toMatchObject({ kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', spec: review('list', 'pods').spec, status: { allowed: true } });
    expect(c.revision()).toBe(before);
  });

  it('reviews the impersonated user of an Impersonate-User header', async () => {
    const sa = await call(c, 'POST', SSAR, { body: review('list', 'pods'), headers: { 'impersonate-user': 'system:serviceaccount:default:default' } });
    expect(sa).toMatchObject({ code: 201, json: { status: { allowed: false } } });
    const masters = await call(c, 'POST', SSAR, {
      body: review('delete', 'secrets'),
      headers: { 'impersonate-user': 'someone', 'impersonate-group': 'system:masters' },
    });
    expect(masters.json.status.allowed).toBe(true);
  });

  it('answers a SelfSubjectReview with who the client is', async () => {
    const r = await call(c, 'POST', '/apis/authentication.k8s.io/v1/selfsubjectreviews', { body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' } });
    expect(r).toMatchObject({ code: 201, json: { kind: 'SelfSubjectReview', status: { userInfo: { username: 'kubernetes-admin' } } } });
  });

  it('answers 405 for a GET of a review resource', async () => {
    expect((await call(c, 'GET', SSAR)).code).toBe(405);
  });
});
