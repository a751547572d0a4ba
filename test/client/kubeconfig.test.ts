import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { send } from '../../src/client/http-transport.js';
import { KubeconfigError, loadKubeconfig } from '../../src/client/kubeconfig.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function kubeconfig(text: string): string {
  dir = mkdtempSync(join(tmpdir(), 'pk-kc-'));
  const path = join(dir, 'config');
  writeFileSync(path, text);
  return path;
}

const TWO_CONTEXTS = `apiVersion: v1
kind: Config
current-context: dev
clusters:
- name: c1
  cluster: {server: "https://10.0.0.1:6443", certificate-authority-data: ${Buffer.from('CA').toString('base64')}}
- name: c2
  cluster: {server: "http://127.0.0.1:8001", insecure-skip-tls-verify: true}
contexts:
- name: dev
  context: {cluster: c1, user: alice, namespace: shop}
- name: local
  context: {cluster: c2, user: bob}
users:
- name: alice
  user: {tokenFile: token.txt}
- name: bob
  user: {username: bob, password: secret}
`;

describe('loadKubeconfig', () => {
  it('reads the current context: server, CA, namespace, and a token file relative to the kubeconfig', () => {
    const path = kubeconfig(TWO_CONTEXTS);
    writeFileSync(join(dir, 'token.txt'), 'tok-123\n');
    const t = loadKubeconfig(path);
    expect(t.server.toString()).toBe('https://10.0.0.1:6443/');
    expect([t.contextName, t.userName, t.namespace, t.token, t.ca?.toString()]).toEqual(['dev', 'alice', 'shop', 'tok-123', 'CA']);
  });

  it('takes --context, and basic auth', () => {
    const t = loadKubeconfig(kubeconfig(TWO_CONTEXTS), 'local');
    expect([t.server.host, t.insecure, t.namespace, t.basic]).toEqual(['127.0.0.1:8001', true, undefined, { username: 'bob', password: 'secret' }]);
  });

  it("words configuration errors as kubectl does", () => {
    const path = kubeconfig(TWO_CONTEXTS);
    expect(() => loadKubeconfig(path, 'nope')).toThrow(new KubeconfigError('Error in configuration: context was not found for specified context: nope'));
    expect(() => loadKubeconfig(join(dir, 'missing'))).toThrow(`stat ${join(dir, 'missing')}: no such file or directory`);
  });
});

describe('send', () => {
  it('authenticates with the token of an exec credential plugin, run once', async () => {
    const seen: (string | undefined)[] = [];
    const server = createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const credential = JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: 'from-plugin' } });
    const path = kubeconfig(`apiVersion: v1
kind: Config
current-context: x
clusters: [{name: c, cluster: {server: "http://127.0.0.1:${port}"}}]
contexts: [{name: x, context: {cluster: c, user: u}}]
users:
- name: u
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: ${JSON.stringify(process.execPath)}
      args: ["-e", ${JSON.stringify(`console.log(${JSON.stringify(credential)})`)}]
`);
    const target = loadKubeconfig(path);
    await send(target, { method: 'GET', path: '/version' });
    await send(target, { method: 'GET', path: '/version' });
    server.close();
    expect(seen).toEqual(['Bearer from-plugin', 'Bearer from-plugin']);
  });
});

describe('send over TLS', () => {
  it("verifies the server against the kubeconfig's certificate authority, and sends the token", async () => {
    const { generateClusterCA } = await import('../../src/apiserver/ca-cert.js');
    const { createServer: createHttpsServer } = await import('node:https');
    const ca = generateClusterCA(new Date(), 'localhost');
    const seen: (string | undefined)[] = [];
    const server = createHttpsServer({ cert: ca.cert, key: ca.key }, (req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"gitVersion":"v1.32.0"}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const config = (ca64: string) => kubeconfig(`apiVersion: v1
kind: Config
current-context: x
clusters: [{name: c, cluster: {server: "https://localhost:${port}"${ca64}}}]
contexts: [{name: x, context: {cluster: c, user: u}}]
users: [{name: u, user: {token: secret-token}}]
`);
    const trusted = await send(loadKubeconfig(config(`, certificate-authority-data: ${Buffer.from(ca.cert).toString('base64')}`)), { method: 'GET', path: '/version' });
    expect([trusted.status, trusted.text]).toEqual([200, '{"gitVersion":"v1.32.0"}']);
    rmSync(dir, { recursive: true, force: true });
    await expect(send(loadKubeconfig(config('')), { method: 'GET', path: '/version' })).rejects.toThrow(/^Unable to connect to the server: self[- ]signed certificate/);
    server.close();
    expect(seen).toEqual(['Bearer secret-token']);
  });
});
