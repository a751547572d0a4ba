import { execFile, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { KubeObject } from '../../../src/api/types.js';

/**
 * The real kubectl as a test oracle: runs it and the built pocketkube CLI with the same arguments
 * and returns both results. kubectl's `run` and `expose` need an API server for discovery (and
 * expose for the object), so a tiny fake one serves discovery plus the objects a test gives it.
 */
export interface Result {
  stdout: string;
  stderr: string;
  code: number;
}

export const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
export const SKIP_MESSAGE = 'kubectl is not installed (`which kubectl` found nothing): byte-for-byte comparisons skipped';

const BIN = resolve(import.meta.dirname, '../../../bin/run.js');
export const FIXTURES = resolve(import.meta.dirname, 'fixtures');

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<Result> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd: FIXTURES, encoding: 'utf8', env: { ...process.env, ...env } }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : -1) : 0;
      resolve({ stdout, stderr, code });
    });
  });
}

export function pocketkube(stateDir: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Result> {
  return run(process.execPath, [BIN, '--state-dir', stateDir, ...args], env);
}

export function kubectl(args: string[], kubeconfig: string, env: NodeJS.ProcessEnv = {}): Promise<Result> {
  return run('kubectl', args, { KUBECONFIG: kubeconfig, ...env });
}

/** Runs one argv through both and returns [pocketkube, kubectl]. */
export function both(stateDir: string, kubeconfig: string, argv: string[], env: NodeJS.ProcessEnv = {}): Promise<[Result, Result]> {
  return Promise.all([pocketkube(stateDir, argv, env), kubectl(argv, kubeconfig, env)]);
}

/** kubectl's usage hints name kubectl; pocketkube's name pocketkube. */
export const asPocketkube = (s: string) => s.replace(/'kubectl /g, "'pocketkube ");

const SHORT: Record<string, string[]> = {
  pods: ['po'], services: ['svc'], replicationcontrollers: ['rc'], configmaps: ['cm'], namespaces: ['ns'], deployments: ['deploy'], replicasets: ['rs'],
  statefulsets: ['sts'], cronjobs: ['cj'], horizontalpodautoscalers: ['hpa'],
};
const resource = (name: string, kind: string, namespaced = true) => ({ name, singularName: '', namespaced, kind, verbs: ['create', 'get', 'list'], shortNames: SHORT[name] ?? [] });
/** `deployments/scale`: what kubectl's ScaleKindResolver looks for (`autoscale`). */
const scale = (name: string) => ({ name: `${name}/scale`, singularName: '', namespaced: true, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] });
const group = (name: string, versions: string[]) => ({
  name,
  versions: versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v })),
  preferredVersion: { groupVersion: `${name}/${versions[0]}`, version: versions[0] },
});
const DISCOVERY: Record<string, unknown> = {
  '/api': { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] },
  '/apis': { kind: 'APIGroupList', apiVersion: 'v1', groups: [group('apps', ['v1']), group('autoscaling', ['v2', 'v1']), group('batch', ['v1'])] },
  '/api/v1': {
    kind: 'APIResourceList',
    groupVersion: 'v1',
    resources: [
      resource('pods', 'Pod'), resource('services', 'Service'), resource('replicationcontrollers', 'ReplicationController'), scale('replicationcontrollers'),
      resource('configmaps', 'ConfigMap'), resource('namespaces', 'Namespace', false),
    ],
  },
  '/apis/apps/v1': {
    kind: 'APIResourceList',
    groupVersion: 'apps/v1',
    resources: [resource('deployments', 'Deployment'), scale('deployments'), resource('replicasets', 'ReplicaSet'), scale('replicasets'), resource('statefulsets', 'StatefulSet'), scale('statefulsets')],
  },
  '/apis/autoscaling/v2': { kind: 'APIResourceList', groupVersion: 'autoscaling/v2', resources: [resource('horizontalpodautoscalers', 'HorizontalPodAutoscaler')] },
  '/apis/autoscaling/v1': { kind: 'APIResourceList', groupVersion: 'autoscaling/v1', resources: [resource('horizontalpodautoscalers', 'HorizontalPodAutoscaler')] },
  '/apis/batch/v1': { kind: 'APIResourceList', groupVersion: 'batch/v1', resources: [resource('jobs', 'Job'), resource('cronjobs', 'CronJob')] },
};

const PLURAL: Record<string, string> = {
  Pod: 'pods', Service: 'services', ReplicationController: 'replicationcontrollers', Deployment: 'deployments', ReplicaSet: 'replicasets', StatefulSet: 'statefulsets',
  Job: 'jobs', CronJob: 'cronjobs', ConfigMap: 'configmaps',
};

/** The API server's NotFound message for an object path (`deployments.apps "web" not found`). */
function notFoundMessage(path: string): string {
  const m = /^\/(?:api|apis\/([^/]+))\/[^/]+\/namespaces\/[^/]+\/([^/]+)\/([^/]+)$/.exec(path);
  if (!m) return `"${path.split('/').pop()}" not found`;
  const [, grp, plural, name] = m;
  return `${grp ? `${plural}.${grp}` : plural} "${name}" not found`;
}

/**
 * A fake API server answering discovery and GETs of the given objects, and every create (POST)
 * with the object given to answerCreates (whatever was sent: kubectl's typed clients send
 * protobuf); kubeconfig is the path of a kubeconfig that points at it.
 */
export class FakeApiServer {
  private server?: Server;
  private readonly objects = new Map<string, KubeObject>();
  private created?: KubeObject;
  kubeconfig = '';

  answerCreates(obj: KubeObject): void {
    this.created = obj;
  }

  put(obj: KubeObject): void {
    const prefix = obj.apiVersion.includes('/') ? `/apis/${obj.apiVersion}` : `/api/${obj.apiVersion}`;
    this.objects.set(`${prefix}/namespaces/${obj.metadata.namespace ?? 'default'}/${PLURAL[obj.kind]}/${obj.metadata.name}`, obj);
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const path = (req.url ?? '').split('?')[0];
      req.resume();
      res.setHeader('Content-Type', 'application/json');
      if (req.method === 'POST' && this.created) {
        res.statusCode = 201;
        res.end(JSON.stringify(this.created));
        return;
      }
      const body = DISCOVERY[path] ?? this.objects.get(path);
      if (body === undefined) {
        res.statusCode = 404;
        res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: notFoundMessage(path), reason: 'NotFound', code: 404 }));
        return;
      }
      res.end(JSON.stringify(body));
    });
    await new Promise<void>((ok) => this.server!.listen(0, '127.0.0.1', ok));
    const port = (this.server.address() as { port: number }).port;
    const dir = mkdtempSync(join(tmpdir(), 'pk-kubeconfig-'));
    this.kubeconfig = join(dir, 'config');
    writeFileSync(
      this.kubeconfig,
      `apiVersion: v1\nkind: Config\nclusters: [{name: f, cluster: {server: "http://127.0.0.1:${port}"}}]\ncontexts: [{name: f, context: {cluster: f, user: u}}]\nusers: [{name: u, user: {}}]\ncurrent-context: f\n`,
    );
  }

  async stop(): Promise<void> {
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
  }
}
