/**
 * `--kubeconfig` against a server that serves more than pocketkube models: its aggregated discovery
 * names the other resources, which become schemaless kinds (as a CRD without a schema is).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRemote } from '../../src/client/remote.js';

const AGGREGATED = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
const group = (name: string, version: string, resources: object[]) => ({ metadata: { name }, versions: [{ version, resources, freshness: 'Current' }] });
const APIS = {
  kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {},
  items: [
    group('apps', 'v1', [{ resource: 'deployments', responseKind: { group: 'apps', version: 'v1', kind: 'Deployment' }, scope: 'Namespaced', singularResource: 'deployment', verbs: ['get', 'list'] }]),
    group('flowcontrol.apiserver.k8s.io', 'v1', [
      { resource: 'flowschemas', responseKind: { group: 'flowcontrol.apiserver.k8s.io', version: 'v1', kind: 'FlowSchema' }, scope: 'Cluster', singularResource: 'flowschema', verbs: ['get', 'list'],
        subresources: [{ subresource: 'status', responseKind: { group: 'flowcontrol.apiserver.k8s.io', version: 'v1', kind: 'FlowSchema' }, verbs: ['get'] }] },
    ]),
    group('metrics.k8s.io', 'v1beta1', [{ resource: 'pods', responseKind: { group: 'metrics.k8s.io', version: 'v1beta1', kind: 'PodMetrics' }, scope: 'Namespaced', singularResource: 'pod', verbs: ['get', 'list'] }]),
  ],
};
const CORE = { ...APIS, items: [{ metadata: {}, versions: [{ version: 'v1', resources: [{ resource: 'componentstatuses', responseKind: { group: '', version: 'v1', kind: 'ComponentStatus' }, scope: 'Cluster', singularResource: 'componentstatus', shortNames: ['cs'], verbs: ['get', 'list'] }] }] }] };
const FLOWSCHEMAS = { kind: 'FlowSchemaList', apiVersion: 'flowcontrol.apiserver.k8s.io/v1', metadata: { resourceVersion: '7' }, items: [{ metadata: { name: 'exempt', creationTimestamp: '2026-01-01T00:00:00Z' }, spec: { matchingPrecedence: 1 } }] };

let server: Server;
let dir: string;
let kubeconfig: string;
const seen: string[] = [];
let serveAggregated = true;

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(`${req.url} ${req.headers.accept ?? ''}`);
    const json = (code: number, body: object, type = 'application/json') => { res.writeHead(code, { 'Content-Type': type }); res.end(JSON.stringify(body)); };
    const aggregated = serveAggregated && (req.headers.accept ?? '').includes('as=APIGroupDiscoveryList');
    if (req.url === '/apis' && !aggregated) return json(200, { kind: 'APIGroupList', apiVersion: 'v1', groups: [] });
    if (req.url === '/apis' && aggregated) return json(200, APIS, AGGREGATED);
    if (req.url === '/api' && aggregated) return json(200, CORE, AGGREGATED);
    if (req.url?.startsWith('/apis/apiextensions.k8s.io/v1/customresourcedefinitions')) return json(200, { kind: 'CustomResourceDefinitionList', apiVersion: 'apiextensions.k8s.io/v1', metadata: {}, items: [] });
    if (req.url?.startsWith('/apis/flowcontrol.apiserver.k8s.io/v1/flowschemas')) return json(200, FLOWSCHEMAS);
    return json(404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', message: 'the server could not find the requested resource', code: 404 });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  dir = mkdtempSync(join(tmpdir(), 'pk-disc-'));
  kubeconfig = join(dir, 'config');
  const { port } = server.address() as AddressInfo;
  writeFileSync(kubeconfig, `apiVersion: v1\nkind: Config\ncurrent-context: c\nclusters: [{name: c, cluster: {server: "http://127.0.0.1:${port}"}}]\ncontexts: [{name: c, context: {cluster: c, user: u}}]\nusers: [{name: u, user: {}}]\n`);
});

afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('kinds from aggregated discovery', () => {
  it('adds what the server serves and pocketkube does not model, and lists it', async () => {
    const conn = await openRemote(kubeconfig);
    expect(seen.filter((s) => s.startsWith('/api ') || s.startsWith('/apis ')).every((s) => s.includes('as=APIGroupDiscoveryList'))).toBe(true);
    const flow = conn.registry.resolve('flowschemas')!;
    expect(flow).toMatchObject({ group: 'flowcontrol.apiserver.k8s.io', version: 'v1', kind: 'FlowSchema', namespaced: false, statusSubresource: true });
    expect(conn.registry.resolve('cs')).toMatchObject({ group: '', kind: 'ComponentStatus', plural: 'componentstatuses' });
    // an aggregated API's pods are not the core pods
    expect(conn.registry.resolve('pods')).toMatchObject({ group: '', kind: 'Pod' });
    expect(conn.registry.resolve('pods.metrics.k8s.io')).toMatchObject({ kind: 'PodMetrics', version: 'v1beta1' });
    // a kind pocketkube has keeps its own definition
    expect(conn.registry.resolve('deployments')!.schemaType).toBe('V1Deployment');
    const list = await conn.client.list('flowschemas.flowcontrol.apiserver.k8s.io');
    expect(list.items.map((o) => o.metadata.name)).toEqual(['exempt']);
    expect(flow.columns.map((c) => c.name)).toEqual(['NAME', 'AGE']);
  });

  it('adds nothing, and fails nothing, with a server that answers only the per-group documents', async () => {
    serveAggregated = false;
    try {
      const conn = await openRemote(kubeconfig);
      expect(conn.registry.resolve('flowschemas')).toBeUndefined();
      expect(conn.registry.resolve('deployments')!.schemaType).toBe('V1Deployment');
    } finally {
      serveAggregated = true;
    }
  });
});
