import { describe, expect, it } from 'vitest';
import { serverPerTest } from './http-helpers.js';
import { bytes, envelope, int, msg, str } from './protobuf-encoder.js';

const PROTOBUF = 'application/vnd.kubernetes.protobuf';

const ctx = serverPerTest();

const post = (path: string, body: Uint8Array): Promise<Response> =>
  fetch(ctx.base + path, { method: 'POST', headers: { 'content-type': PROTOBUF, accept: 'application/json' }, body: Buffer.from(body) });

describe('protobuf request bodies over HTTP', () => {
  it('creates a Secret whose bytes are not UTF-8', async () => {
    const raw = [...msg(1, str(1, 'bin')), ...msg(2, str(1, 'k'), bytes(2, [0xff, 0xfe, 0x00, 0x80]))];
    const res = await post('/api/v1/namespaces/default/secrets', envelope('v1', 'Secret', raw));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ kind: 'Secret', metadata: { name: 'bin', namespace: 'default' }, data: { k: Buffer.from([0xff, 0xfe, 0x00, 0x80]).toString('base64') } });
  });

  it('answers a SelfSubjectAccessReview', async () => {
    const raw = [...msg(1), ...msg(2, msg(1, str(1, 'default'), str(2, 'create'), str(5, 'pods')))];
    const res = await post('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', envelope('authorization.k8s.io/v1', 'SelfSubjectAccessReview', raw));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ status: { allowed: true } });
  });

  it('answers 415 naming an unknown field', async () => {
    const res = await post('/api/v1/namespaces', envelope('v1', 'Namespace', [...msg(1, str(1, 'x')), ...int(42, 1)]));
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ kind: 'Status', reason: 'UnsupportedMediaType', message: 'protobuf field 42 of k8s.io.api.core.v1.Namespace is not known to pocketkube serve; send JSON' });
  });
});
