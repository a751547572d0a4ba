import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { parseQuantity } from '../../src/api/quantity.js';
import { CliSandbox, type CliResult } from './cli-runner.js';
import { runAsync, runUntil } from './settle.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * The real-world manifests of ../shared/corpus through the built CLI (`npm run build` first): each applies, reads
 * back as written, re-applies as `unchanged`, and every object ends where corpus/README.md says a real cluster
 * leaves it. Each test has its own state dir.
 */
import { CORPUS, HAVE_CORPUS } from './corpus-path.js';
if (!HAVE_CORPUS) console.warn(`corpus e2e skipped: no corpus at ${CORPUS} (set POCKETKUBE_CORPUS)`);
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const files = HAVE_CORPUS ? readdirSync(CORPUS).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
const corpus = (stem: string) => {
  const f = files.find((n) => n.includes(stem));
  if (!f) throw new Error(`no corpus file matching ${stem}`);
  return join(CORPUS, f);
};

let sb: CliSandbox;
afterEach(() => sb?.dispose());
const fresh = () => (sb = new CliSandbox('pk-corpus-'));
const pk = (...args: string[]): Promise<CliResult> => runAsync(sb, args);
const json = async (...args: string[]): Promise<any> => {
  const r = await pk(...args, '-o', 'json');
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
};
const lines = (s: string) => s.split('\n').filter(Boolean);

/** Where `get` finds a manifest object: `kind.group/name` and its namespace (cluster-scoped kinds ignore -n). */
const ref = (o: any) => {
  const group = String(o.apiVersion).includes('/') ? `.${String(o.apiVersion).split('/')[0]}` : '';
  return { name: `${String(o.kind).toLowerCase()}${group}/${o.metadata.name}`, ns: o.metadata.namespace ?? 'default' };
};

/** Quantities the API server canonicalises (`0.1` → `100m`) compare by value. */
const QUANTITY_PARENTS = /\.(requests|limits|capacity|allocatable|hard)$/;
function sameQuantity(path: string, a: unknown, b: unknown): boolean {
  if (!QUANTITY_PARENTS.test(path.slice(0, path.lastIndexOf('.')))) return false;
  try {
    return parseQuantity(a as string) === parseQuantity(b as string);
  } catch {
    return false;
  }
}

/** Every field the manifest set, present with the same value in what the server returned (paths of mismatches). */
function missing(want: any, got: any, path: string, out: string[]): string[] {
  if (want === null || typeof want !== 'object') {
    if (want !== got && !sameQuantity(path, want, got)) out.push(`${path}: want ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
    return out;
  }
  if (Array.isArray(want)) {
    if (!Array.isArray(got) || got.length !== want.length) out.push(`${path}: want ${want.length} items, got ${JSON.stringify(got)}`);
    else want.forEach((w, i) => missing(w, got[i], `${path}[${i}]`, out));
    return out;
  }
  if (got === null || typeof got !== 'object') {
    if (Object.keys(want).length > 0 || got === undefined) out.push(`${path}: want an object, got ${JSON.stringify(got)}`);
    return out;
  }
  for (const [k, v] of Object.entries(want)) missing(v, got[k], `${path}.${k}`, out);
  return out;
}

/**
 * Objects that kubectl 1.32 itself reports `configured` on every re-apply, because its three-way patch compares
 * the manifest with what the server canonicalised: a StatefulSet's volumeClaimTemplates (an atomic list the server
 * defaults: apiVersion, kind, volumeMode, status.phase — kubernetes/kubernetes#66450) and a non-canonical quantity
 * (`cpu: '0.1'` is stored as `100m` — kubernetes/kubernetes#116135). Everything else re-applies `unchanged`.
 */
const KUBECTL_RECONFIGURES = new Set(['statefulset.apps/cassandra', 'statefulset.apps/web', 'deployment.apps/my-scheduler']);

/** A Secret's `stringData` is stored merged into base64 `data`. */
function expected(doc: any): any {
  if (doc.kind !== 'Secret' || !doc.stringData) return doc;
  const { stringData, ...rest } = doc;
  const data = { ...(rest.data ?? {}) };
  for (const [k, v] of Object.entries(stringData)) data[k] = Buffer.from(String(v)).toString('base64');
  return { ...rest, data };
}

describe.skipIf(!HAVE_CORPUS)('corpus manifests apply and read back', { timeout: 300_000 }, () => {
  it.each(files)('%s applies, reads back faithfully and re-applies unchanged', async (file) => {
    fresh();
    const path = join(CORPUS, file);
    const docs = parseAllDocuments(readFileSync(path, 'utf8')).map((d) => d.toJS()).filter((d) => d);
    const first = await pk('apply', '-f', path);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const printed = lines(first.stdout);
    expect(printed).toHaveLength(docs.length);
    for (const l of printed) expect(l).toMatch(/ created$/);

    const byNs = new Map<string, any[]>();
    for (const d of docs) byNs.set(ref(d).ns, [...(byNs.get(ref(d).ns) ?? []), d]);
    for (const [ns, group] of byNs) {
      const r = await pk('get', '-n', ns, '-o', 'yaml', ...group.map((d) => ref(d).name));
      expect(r.stderr).toBe('');
      const got = parseYaml(r.stdout);
      const items = group.length === 1 ? [got] : got.items;
      expect(items).toHaveLength(group.length);
      group.forEach((d, i) => expect(missing(expected(d), items[i], `${d.kind}/${d.metadata.name}`, [])).toEqual([]));
    }

    const second = await pk('apply', '-f', path);
    expect(second.code).toBe(0);
    const again = (l: string) => { const obj = l.replace(/ created$/, ''); return `${obj} ${KUBECTL_RECONFIGURES.has(obj) ? 'configured' : 'unchanged'}`; };
    expect(lines(second.stdout)).toEqual(printed.map(again));
  });

  it('refuses the removed API versions of legacy/ with kubectl\'s error, writing nothing', async () => {
    fresh();
    const dir = join(CORPUS, 'legacy');
    for (const f of readdirSync(dir)) {
      const r = await pk('apply', '-f', join(dir, f));
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('no matches for kind "CronJob" in version "batch/v1beta1"');
      expect(r.stderr).toBe(`error: resource mapping not found for name: "hello" namespace: "" from "${join(dir, f)}": no matches for kind "CronJob" in version "batch/v1beta1"\nensure CRDs are installed first\n`);
    }
    expect((await pk('get', 'cronjobs')).stderr).toBe('No resources found in default namespace.\n');
  });
});

describe.skipIf(!HAVE_CORPUS)('corpus end states (corpus/README.md)', { timeout: 300_000 }, () => {
  it('microservices-demo: 12 Deployments Available, 12 Services with ClusterIPs and endpoints, spread over the nodes', async () => {
    fresh();
    expect((await pk('apply', '-f', corpus('microservices-demo'))).code).toBe(0);
    // readiness probes with initialDelaySeconds may hold pods back: let simulated time pass
    expect((await pk('cluster', 'advance', '1m')).code).toBe(0);
    const deploys = (await json('get', 'deployments')).items;
    expect(deploys).toHaveLength(12);
    for (const d of deploys) {
      expect(d.status.conditions).toContainEqual(expect.objectContaining({ type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' }));
      expect(d.status.availableReplicas).toBe(d.spec.replicas);
    }
    const services = (await json('get', 'services')).items.filter((s: any) => s.metadata.name !== 'kubernetes');
    expect(services).toHaveLength(12);
    for (const s of services) expect(s.spec.clusterIP).toMatch(/^10\.\d+\.\d+\.\d+$/);
    const endpoints = (await json('get', 'endpoints')).items.filter((e: any) => e.metadata.name !== 'kubernetes');
    expect(endpoints.map((e: any) => e.metadata.name).sort()).toEqual(services.map((s: any) => s.metadata.name).sort());
    for (const e of endpoints) expect(e.subsets?.[0]?.addresses?.length, e.metadata.name).toBe(1);

    const ext = lines((await pk('get', 'svc', 'frontend-external', '--no-headers')).stdout)[0]!.split(/\s+/);
    expect(ext.slice(1, 4)).toEqual(['LoadBalancer', expect.stringMatching(/^10\./), '<pending>']);
    expect(ext[4]).toMatch(/^80:3\d{4}\/TCP$/);
    const port = (await json('get', 'svc', 'frontend-external')).spec.ports[0].nodePort;
    expect(port).toBeGreaterThanOrEqual(30000);
    expect(port).toBeLessThanOrEqual(32767);

    const pods = (await json('get', 'pods')).items;
    expect(pods).toHaveLength(12);
    for (const p of pods) expect(p.status.phase).toBe('Running');
    expect(new Set(pods.map((p: any) => p.spec.nodeName)).size).toBe(3);
  });

  it('cassandra: claims stay Pending with the provisioning event', async () => {
    fresh();
    expect((await pk('apply', '-f', corpus('cassandra'))).code).toBe(0);
    const claim = (await json('get', 'pvc', 'cassandra-data-cassandra-0')).status;
    expect(claim.phase).toBe('Pending');
    const events = (await json('get', 'events', '--field-selector', 'involvedObject.name=cassandra-data-cassandra-0')).items;
    expect(events).toContainEqual(expect.objectContaining({
      reason: 'ExternalProvisioning',
      message: expect.stringContaining("Waiting for a volume to be created either by the external provisioner 'k8s.io/minikube-hostpath'"),
    }));
    expect((await json('get', 'pod', 'cassandra-0')).status.phase).toBe('Pending');
    expect((await pk('get', 'pod', 'cassandra-1')).code).toBe(1); // OrderedReady: the next ordinal waits
  });

  it('web: web-0 and web-1 run, each with its own Bound claim', async () => {
    fresh();
    expect((await pk('apply', '-f', corpus('application_web_web'))).code).toBe(0);
    // web-1 follows once web-0 is Running and Ready; each pod's scheduling waits for its claim to bind (1 s back-off)
    const row = (r: CliResult) => lines(r.stdout).map((l) => l.split(/\s+/).slice(0, 3).join(' '));
    const pods = await runUntil(sb, ['get', 'pods', '--no-headers'], (r) => row(r).filter((l) => l.endsWith('Running')).length === 2);
    expect(row(pods)).toEqual(['web-0 1/1 Running', 'web-1 1/1 Running']);
    const claims = lines((await pk('get', 'pvc', '--no-headers')).stdout).map((l) => l.split(/\s+/).slice(0, 2).join(' '));
    expect(claims).toEqual(['www-web-0 Bound', 'www-web-1 Bound']);
    expect((await json('get', 'svc', 'nginx')).spec.clusterIP).toBe('None');
  });

  it('wordpress mysql: claim Bound, pod in CreateContainerConfigError until Secret mysql-pass exists, then Running', async () => {
    fresh();
    expect((await pk('apply', '-f', corpus('wordpress_mysql-deployment'))).code).toBe(0);
    expect((await json('get', 'pvc', 'mysql-pv-claim')).status.phase).toBe('Bound');
    // the pod is scheduled once its claim is bound (after the scheduler's 1 s back-off)
    const blocked = await runUntil(sb, ['get', 'pods', '-l', 'tier=mysql', '-o', 'json'], (r) => r.stdout.includes('CreateContainerConfigError'));
    const waiting = JSON.parse(blocked.stdout).items;
    expect(waiting).toHaveLength(1);
    expect(waiting[0].status.containerStatuses[0].state.waiting).toEqual({ reason: 'CreateContainerConfigError', message: 'secret "mysql-pass" not found' });
    expect((await pk('create', 'secret', 'generic', 'mysql-pass', '--from-literal=password=s3cret')).code).toBe(0);
    const running = await runUntil(sb, ['get', 'pods', '-l', 'tier=mysql', '--no-headers'], (r) => / Running /.test(r.stdout), 10);
    expect(running.stdout).toMatch(/^wordpress-mysql-\S+\s+1\/1\s+Running\s+0\s/);
  });

  it('my-scheduler: its Deployment in kube-system is Available', async () => {
    fresh();
    expect((await pk('apply', '-f', corpus('my-scheduler'))).code).toBe(0);
    const d = await json('get', 'deploy', 'my-scheduler', '-n', 'kube-system');
    expect(d.status.conditions).toContainEqual(expect.objectContaining({ type: 'Available', status: 'True' }));
    expect((await json('get', 'clusterrolebinding', 'my-scheduler-as-kube-scheduler')).subjects[0].name).toBe('my-scheduler');
  });

  it('nginx-secure-app: NodePort with two ports, pod ContainerCreating with FailedMount events', async () => {
    fresh();
    expect((await pk('apply', '-f', corpus('nginx-secure-app'))).code).toBe(0);
    const svc = lines((await pk('get', 'svc', 'my-nginx', '--no-headers')).stdout)[0]!.split(/\s+/);
    expect(svc[1]).toBe('NodePort');
    expect(svc[4]).toMatch(/^8080:3\d{4}\/TCP,443:3\d{4}\/TCP$/);
    const pod = lines((await pk('get', 'pods', '-l', 'run=my-nginx', '--no-headers')).stdout);
    expect(pod).toHaveLength(1);
    expect(pod[0]).toMatch(/^my-nginx-\S+\s+0\/1\s+ContainerCreating\s+0\s/);
    const name = pod[0]!.split(/\s+/)[0]!;
    const msgs = (await json('get', 'events', '--field-selector', `involvedObject.name=${name},reason=FailedMount`)).items.map((e: any) => e.message).sort();
    expect(msgs).toEqual([
      'MountVolume.SetUp failed for volume "configmap-volume" : configmap "nginxconfigmap" not found',
      'MountVolume.SetUp failed for volume "secret-volume" : secret "nginxsecret" not found',
    ]);
  });

  it('pv-volume and pv-claim bind to each other through class manual, whichever comes first', async () => {
    fresh();
    expect((await pk('apply', '-f', corpus('pv-claim'))).code).toBe(0);
    expect((await json('get', 'pvc', 'task-pv-claim')).status.phase).toBe('Pending');
    expect((await pk('apply', '-f', corpus('pv-volume'))).code).toBe(0);
    const claim = await json('get', 'pvc', 'task-pv-claim');
    expect([claim.status.phase, claim.spec.volumeName, claim.spec.storageClassName]).toEqual(['Bound', 'task-pv-volume', 'manual']);
    const pv = await json('get', 'pv', 'task-pv-volume');
    expect([pv.status.phase, pv.spec.claimRef.name, pv.spec.claimRef.namespace]).toEqual(['Bound', 'task-pv-claim', 'default']);
  });

  it('daemonset: one fluentd pod per node in kube-system', async () => {
    fresh();
    expect((await pk('apply', '-f', corpus('daemonset'))).code).toBe(0);
    const pods = (await json('get', 'pods', '-n', 'kube-system', '-l', 'name=fluentd-elasticsearch')).items;
    expect(pods.map((p: any) => p.spec.nodeName).sort()).toEqual(['pocketkube-node-1', 'pocketkube-node-2', 'pocketkube-node-3']);
    for (const p of pods) expect(p.status.phase).toBe('Running');
  });

  it('job pi runs to Complete 1/1', async () => {
    fresh();
    expect((await pk('apply', '-f', corpus('controllers_job'))).code).toBe(0);
    const job = await runUntil(sb, ['get', 'job', 'pi', '--no-headers'], (r) => /Complete/.test(r.stdout), 10);
    expect(job.stdout).toMatch(/^pi\s+Complete\s+1\/1\s/);
  });

  it('cronjob hello makes a Job each minute of cluster time, keeping 3 successful', async () => {
    fresh();
    expect((await pk('apply', '-f', corpus('cronjob'))).code).toBe(0);
    expect((await pk('cluster', 'advance', '5m')).code).toBe(0);
    const jobs = (await json('get', 'jobs')).items;
    expect(jobs).toHaveLength(3);
    for (const j of jobs) {
      expect(j.metadata.name).toMatch(/^hello-\d+$/);
      expect(j.metadata.ownerReferences[0]).toMatchObject({ kind: 'CronJob', name: 'hello', controller: true });
      expect(j.status.succeeded).toBe(1);
    }
    const minutes = jobs.map((j: any) => Number(j.metadata.name.split('-')[1])).sort((a: number, b: number) => a - b);
    expect([minutes[1] - minutes[0], minutes[2] - minutes[1]]).toEqual([1, 1]);
    expect((await json('get', 'cronjob', 'hello')).status.lastSuccessfulTime).toBeTruthy();
  });

  it('dotfile-secret: the pod mounting the dotted key runs', async () => {
    fresh();
    expect((await pk('apply', '-f', corpus('dotfile-secret'))).code).toBe(0);
    expect((await json('get', 'secret', 'dotfile-secret')).data['.secret-file']).toBeTruthy();
    expect(lines((await pk('get', 'pod', 'secret-dotfiles-pod', '--no-headers')).stdout)[0]).toMatch(/^secret-dotfiles-pod\s+1\/1\s+Running\s/);
  });

  it('pod-with-affinity-anti-affinity: needs linux, prefers label-2=key-2 (weight 50) over label-1=key-1', async () => {
    fresh();
    expect((await pk('label', 'node', 'pocketkube-node-1', 'label-1=key-1')).code).toBe(0);
    expect((await pk('label', 'node', 'pocketkube-node-3', 'label-2=key-2')).code).toBe(0);
    expect((await pk('apply', '-f', corpus('affinity-anti-affinity'))).code).toBe(0);
    const pod = await json('get', 'pod', 'with-affinity-anti-affinity');
    expect([pod.status.phase, pod.spec.nodeName]).toEqual(['Running', 'pocketkube-node-3']);
  });

  it('a required zone affinity stays Pending with the node-affinity FailedScheduling message until a node has the zone', async () => {
    fresh();
    expect((await pk('apply', '-f', join(FIXTURES, 'pod-zone-affinity.yaml'))).code).toBe(0);
    const msg = "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
    const pending = await json('get', 'pod', 'with-node-affinity');
    expect(pending.status.phase).toBe('Pending');
    expect(pending.status.conditions).toContainEqual(expect.objectContaining({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: msg }));
    const events = await pk('get', 'events', '--field-selector', 'involvedObject.name=with-node-affinity');
    expect(events.stdout).toContain(`Warning   FailedScheduling   pod/with-node-affinity   ${msg}`);
    expect((await pk('label', 'node', 'pocketkube-node-2', 'topology.kubernetes.io/zone=antarctica-west1')).code).toBe(0);
    const running = await json('get', 'pod', 'with-node-affinity');
    expect([running.status.phase, running.spec.nodeName]).toEqual(['Running', 'pocketkube-node-2']);
  });

  it('pod-nginx: Pending until a node is labelled disktype=ssd, then Running there', async () => {
    fresh();
    expect((await pk('apply', '-f', corpus('pod-nginx'))).code).toBe(0);
    expect((await json('get', 'pod', 'nginx')).status.phase).toBe('Pending');
    expect((await pk('label', 'node', 'pocketkube-node-3', 'disktype=ssd')).stdout).toBe('node/pocketkube-node-3 labeled\n');
    const pod = await json('get', 'pod', 'nginx');
    expect([pod.status.phase, pod.spec.nodeName]).toEqual(['Running', 'pocketkube-node-3']);
  });
});
