import { beforeEach, describe, expect, it } from 'vitest';
import type { Cluster } from '../../src/cluster.js';
import { call, deployment, testCluster } from './serve-helpers.js';

const DEPLOYMENTS = '/apis/apps/v1/namespaces/default/deployments';
const WEB = `${DEPLOYMENTS}/web`;

let c: Cluster;
beforeEach(async () => {
  c = await testCluster();
  const d = deployment('web');
  d.spec.template.spec.containers.push({ name: 'side', image: 'busybox:1.36' });
  expect((await call(c, 'POST', DEPLOYMENTS, { body: d })).code).toBe(201);
});

function patch(type: string, body: unknown, query = ''): ReturnType<typeof call> {
  return call(c, 'PATCH', `${WEB}${query}`, { body, headers: { 'content-type': type } });
}

const containers = (d: { spec: { template: { spec: { containers: { name: string; image: string }[] } } } }): string[] =>
  d.spec.template.spec.containers.map((x) => `${x.name}=${x.image}`);

describe('PATCH by content type', () => {
  const change = { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.28' }] } } } };

  it('a strategic merge patch merges lists by their merge key', async () => {
    const r = await patch('application/strategic-merge-patch+json', change);
    expect(r.code).toBe(200);
    expect(containers(r.json)).toEqual(['web=nginx:1.28', 'side=busybox:1.36']);
    expect(r.json.metadata.generation).toBe(2);
  });

  it('a JSON merge patch replaces lists', async () => {
    const r = await patch('application/merge-patch+json; charset=utf-8', change);
    expect(r.code).toBe(200);
    expect(containers(r.json)).toEqual(['web=nginx:1.28']);
  });

  it('a JSON patch applies its operations', async () => {
    const r = await patch('application/json-patch+json', [
      { op: 'replace', path: '/spec/replicas', value: 4 },
      { op: 'add', path: '/metadata/labels', value: { tier: 'fe' } },
    ]);
    expect(r).toMatchObject({ code: 200, json: { spec: { replicas: 4 }, metadata: { labels: { tier: 'fe' } } } });
    expect((await c.client.get('deployments', 'default', 'web')).spec.replicas).toBe(4);
  });

  it('answers 415 for no content type or an unknown one', async () => {
    for (const type of ['', 'application/x-nope']) {
      const r = await patch(type, {});
      expect(r.code, type).toBe(415);
      expect(r.json).toMatchObject({ kind: 'Status', reason: 'UnsupportedMediaType' });
      expect(r.json.message).toBe('the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json, application/apply-patch+yaml');
    }
  });

  it('answers 404 for a patch of a missing object', async () => {
    const r = await call(c, 'PATCH', `${DEPLOYMENTS}/nope`, { body: {}, headers: { 'content-type': 'application/merge-patch+json' } });
    expect(r).toMatchObject({ code: 404, json: { reason: 'NotFound', message: 'deployments.apps "nope" not found' } });
  });
});

describe('server-side apply (application/apply-patch+yaml)', () => {
  const APPLY = { 'content-type': 'application/apply-patch+yaml' };
  const cmYaml = (value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\ndata:\n  k: "${value}"\n`;
  const CM = '/api/v1/namespaces/default/configmaps/ssa';

  it('needs a field manager, creates from a YAML body and merges into what is there', async () => {
    const missing = await call(c, 'PATCH', CM, { body: cmYaml('1'), headers: APPLY });
    expect(missing).toMatchObject({ code: 422, json: { reason: 'Invalid', message: 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch' } });
    const created = await call(c, 'PATCH', `${CM}?fieldManager=tool`, { body: cmYaml('1'), headers: APPLY });
    expect(created).toMatchObject({ code: 200, json: { data: { k: '1' }, metadata: { managedFields: [{ manager: 'tool', operation: 'Apply', fieldsV1: { 'f:data': { '.': {}, 'f:k': {} } } }] } } });
    const named = await call(c, 'PATCH', `${CM}?fieldManager=tool`, { body: cmYaml('1').replace('name: ssa', 'name: other'), headers: APPLY });
    expect(named).toMatchObject({ code: 400, json: { message: 'the name of the object (other) does not match the name on the URL (ssa)' } });
  });

  it('names the manager of a plain write after the User-Agent, and answers a conflict with it unless forced', async () => {
    expect((await call(c, 'PATCH', `${CM}?fieldManager=tool`, { body: cmYaml('1'), headers: APPLY })).code).toBe(200);
    const merge = { 'content-type': 'application/merge-patch+json', 'user-agent': 'kubectl/v1.32.0 (linux/amd64) kubernetes/70d3cc9' };
    expect((await call(c, 'PATCH', CM, { body: { data: { k: '2' } }, headers: merge })).code).toBe(200);
    const refused = await call(c, 'PATCH', `${CM}?fieldManager=tool`, { body: cmYaml('1'), headers: APPLY });
    expect(refused).toMatchObject({ code: 409, json: { reason: 'Conflict', message: 'Apply failed with 1 conflict: conflict with "kubectl" using v1: .data.k' } });
    const forced = await call(c, 'PATCH', `${CM}?fieldManager=tool&force=true`, { body: cmYaml('1'), headers: APPLY });
    expect(forced).toMatchObject({ code: 200, json: { data: { k: '1' } } });
    expect(forced.json.metadata.managedFields.map((m: { manager: string }) => m.manager)).toEqual(['tool']);
    const bad = await call(c, 'PATCH', `${CM}?fieldManager=tool&force=yes`, { body: cmYaml('1'), headers: APPLY });
    expect(bad).toMatchObject({ code: 400, json: { message: 'force: Invalid value: "yes": must be true or false' } });
  });
});

describe('fieldValidation', () => {
  const withUnknown = (name: string) => {
    const d = deployment(name);
    return { ...d, spec: { ...d.spec, bogus: 1 } };
  };

  it('Strict refuses an unknown field with the decoder\'s 400', async () => {
    const r = await call(c, 'POST', `${DEPLOYMENTS}?fieldValidation=Strict`, { body: withUnknown('x') });
    expect(r.code).toBe(400);
    expect(r.json).toMatchObject({ kind: 'Status', reason: 'BadRequest' });
    expect(r.json.message).toBe('Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.bogus"');
    expect((await call(c, 'GET', `${DEPLOYMENTS}/x`)).code).toBe(404);
  });

  it('Warn (the default) stores the object and answers warnings', async () => {
    for (const q of ['?fieldValidation=Warn', '']) {
      const r = await call(c, 'POST', `${DEPLOYMENTS}${q}`, { body: withUnknown(`w${q.length}`) });
      expect(r.code, q).toBe(201);
      expect(r.warnings).toEqual(['unknown field "spec.bogus"']);
      expect(r.json.spec).not.toHaveProperty('bogus');
    }
    const p = await patch('application/merge-patch+json', { spec: { bogus: 2 } }, '?fieldValidation=Warn');
    expect(p.code).toBe(200);
    expect(p.warnings).toEqual(['unknown field "spec.bogus"']);
  });

  it('Ignore stores the object without warnings; an unsupported value is a 400', async () => {
    const r = await call(c, 'POST', `${DEPLOYMENTS}?fieldValidation=Ignore`, { body: withUnknown('i') });
    expect(r).toMatchObject({ code: 201, warnings: [] });
    const bad = await call(c, 'POST', `${DEPLOYMENTS}?fieldValidation=Loud`, { body: deployment('l') });
    expect(bad).toMatchObject({ code: 400, json: { message: 'fieldValidation parameter unsupported: Loud. Supported values: Ignore, Warn, Strict' } });
  });
});

describe('dryRun=All', () => {
  it('answers a create, patch and delete as if done, and stores nothing', async () => {
    const before = c.revision();
    const created = await call(c, 'POST', `${DEPLOYMENTS}?dryRun=All`, { body: deployment('dry') });
    expect(created).toMatchObject({ code: 201, json: { metadata: { name: 'dry', namespace: 'default' } } });
    expect((await call(c, 'GET', `${DEPLOYMENTS}/dry`)).code).toBe(404);

    const patched = await patch('application/merge-patch+json', { spec: { replicas: 9 } }, '?dryRun=All');
    expect(patched).toMatchObject({ code: 200, json: { spec: { replicas: 9 } } });
    expect((await call(c, 'GET', WEB)).json.spec.replicas).toBe(2);

    expect((await call(c, 'DELETE', `${WEB}?dryRun=All`)).code).toBe(200);
    expect((await call(c, 'DELETE', WEB, { body: { kind: 'DeleteOptions', apiVersion: 'v1', dryRun: ['All'] } })).code).toBe(200);
    expect((await call(c, 'GET', WEB)).code).toBe(200);
    expect(c.revision()).toBe(before);
  });

  it('answers 400 for any other value', async () => {
    const r = await call(c, 'POST', `${DEPLOYMENTS}?dryRun=Some`, { body: deployment('dry') });
    expect(r).toMatchObject({ code: 400, json: { message: 'dryRun: Unsupported value: "Some": supported values: "All"' } });
  });
});
