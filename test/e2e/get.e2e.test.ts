import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, CliSandbox } from './cli-runner.js';
import { runAsync } from './settle.js';

/** The reading commands of the built CLI (`npm run build` first), each run against a fresh state dir. */
let sb: CliSandbox;

const pk = (...args: string[]): Promise<CliResult> => runAsync(sb, args);

const MANIFEST = `apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
  labels: {app: web, tier: front}
data: {a: "1", b: "2"}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: db-config
  namespace: shop
data: {x: "1"}
---
apiVersion: v1
kind: Service
metadata:
  name: web
  labels: {app: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
`;

beforeAll(async () => {
  sb = new CliSandbox('pk-get-');
  writeFileSync(sb.path('m.yaml'), MANIFEST);
  writeFileSync(sb.path('ns.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n');
});

afterAll(() => sb.dispose());

describe('pocketkube get / describe / api-resources / version', () => {
  it('applies the test objects', async () => {
    expect((await pk('apply', '-f', sb.path('ns.yaml'))).code).toBe(0);
    const r = await pk('apply', '-f', sb.path('m.yaml'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('prints a table of one type, and the empty message on stderr', async () => {
    const r = await pk('get', 'configmaps', '-l', 'app=web');
    expect(r.stdout).toMatch(/^NAME         DATA   AGE\nweb-config   2      \d+s\n$/);
    const empty = await pk('get', 'pods');
    expect([empty.stdout, empty.stderr, empty.code]).toEqual(['', 'No resources found in default namespace.\n', 0]);
    const nodes = await pk('get', 'pv');
    expect(nodes.stderr).toBe('No resources found\n');
  });

  it('works with global flags before the verb and -A', async () => {
    const r = await pk('-n', 'shop', 'get', 'cm', 'db-config', '-o', 'name');
    expect(r.stdout).toBe('configmap/db-config\n');
    const all = await pk('get', 'cm', '-A', '-l', 'app=web', '--show-labels');
    expect(all.stdout.split('\n')[0]).toBe('NAMESPACE   NAME         DATA   AGE   LABELS');
    expect(all.stdout).toContain('app=web,tier=front');
  });

  it('prints several types as separate tables with kind prefixes', async () => {
    const r = await pk('get', 'svc,cm', '-l', 'app=web');
    const [svc, cm] = r.stdout.split('\n\n');
    expect(svc.startsWith('NAME          TYPE')).toBe(true);
    expect(svc).toContain('service/web');
    expect(cm).toContain('configmap/web-config');
  });

  it('prints found objects and one NotFound error per missing name, exit 1', async () => {
    const r = await pk('get', 'cm', 'web-config', 'nope');
    expect(r.stdout).toContain('web-config');
    expect(r.stderr).toBe('Error from server (NotFound): configmaps "nope" not found\n');
    expect(r.code).toBe(1);
    expect((await pk('get', 'cm', 'nope', '--ignore-not-found')).code).toBe(0);
  });

  it('prints YAML/JSON of one object, and a List otherwise', async () => {
    const one = await pk('get', 'cm/web-config', '-o', 'yaml');
    expect(one.stdout).toMatch(/^apiVersion: v1\ndata:\n  a: "1"\n  b: "2"\nkind: ConfigMap\nmetadata:\n/);
    const list = JSON.parse((await pk('get', 'cm', '-l', 'app=web', '-o', 'json')).stdout);
    expect(list.kind).toBe('List');
    expect(list.metadata).toEqual({ resourceVersion: '' });
  });

  it('reads the objects -f files name, each in its own namespace, as get and describe', async () => {
    const r = await pk('get', '-f', sb.path('m.yaml'));
    expect(r.code).toBe(0);
    const [cms, svc] = r.stdout.split('\n\n');
    expect(cms).toMatch(/^NAME                   DATA   AGE\nconfigmap\/web-config   2      \d+s\nconfigmap\/db-config    1      \d+s$/);
    expect(svc).toMatch(/^NAME          TYPE        CLUSTER-IP/);
    // one object of one file: the object itself, not a List
    writeFileSync(sb.path('one.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-config}\n');
    expect((await pk('get', '-f', sb.path('one.yaml'), '-o', 'yaml')).stdout).toMatch(/^apiVersion: v1\ndata:\n/);
    expect((await pk('get', '-f', sb.path('m.yaml'), '-o', 'name')).stdout).toBe('configmap/web-config\nconfigmap/db-config\nservice/web\n');
    const described = await pk('describe', '-f', sb.path('one.yaml'));
    expect(described.stdout.startsWith('Name:         web-config\nNamespace:    default\n')).toBe(true);
    // with -n, a manifest naming another namespace is kubectl's error; objects without one are looked up there
    const other = await pk('get', '-f', sb.path('m.yaml'), '-n', 'default');
    expect(other.stderr).toBe('error: the namespace from the provided object "shop" does not match the namespace "default". You must pass \'--namespace=shop\' to perform this operation.\n');
    expect(other.code).toBe(1);
    expect(await pk('get', 'cm', '-f', sb.path('m.yaml'))).toMatchObject({ code: 1, stderr: 'error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n' });
  });

  it('stores, lists and describes an Ingress (no ingress controller: no address)', async () => {
    writeFileSync(sb.path('ing.yaml'), 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  rules:\n  - host: shop.example.com\n    http:\n      paths:\n      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}\n');
    expect((await pk('apply', '-f', sb.path('ing.yaml'))).stdout).toBe('ingress.networking.k8s.io/web created\n');
    expect((await pk('get', 'ing')).stdout).toMatch(/^NAME   CLASS    HOSTS              ADDRESS   PORTS   AGE\nweb    <none>   shop\.example\.com             80      \d+s\n$/);
    expect((await pk('describe', 'ingress', 'web')).stdout).toContain('  shop.example.com  \n                    /   web:80 ()\n');
    writeFileSync(sb.path('bad-ing.yaml'), 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: bad}\nspec: {}\n');
    expect(await pk('apply', '-f', sb.path('bad-ing.yaml'))).toMatchObject({
      code: 1, stderr: 'The Ingress "bad" is invalid: spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified\n',
    });
  });

  it('gives an Ingress created without a class the default IngressClass', async () => {
    writeFileSync(sb.path('ic.yaml'), 'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: nginx\n  annotations: {ingressclass.kubernetes.io/is-default-class: "true"}\nspec: {controller: k8s.io/ingress-nginx}\n');
    expect((await pk('apply', '-f', sb.path('ic.yaml'))).stdout).toBe('ingressclass.networking.k8s.io/nginx created\n');
    expect((await pk('get', 'ingressclass')).stdout).toMatch(/^NAME    CONTROLLER             PARAMETERS   AGE\nnginx   k8s\.io\/ingress-nginx   <none>       \d+s\n$/);
    expect((await pk('create', 'ingress', 'shop', '--rule=shop.example.com/*=web:80')).code).toBe(0);
    expect((await pk('get', 'ing', 'shop', '-o', 'jsonpath={.spec.ingressClassName}')).stdout).toBe('nginx');
    // the Ingress made before the class keeps having none
    expect((await pk('get', 'ing', 'web', '-o', 'jsonpath={.spec.ingressClassName}')).stdout).toBe('');
  });

  it('stores and lists a NetworkPolicy with its defaulted policy types', async () => {
    writeFileSync(sb.path('np.yaml'), 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny}\nspec:\n  podSelector: {}\n');
    expect((await pk('apply', '-f', sb.path('np.yaml'))).stdout).toBe('networkpolicy.networking.k8s.io/deny created\n');
    expect((await pk('get', 'netpol')).stdout).toMatch(/^NAME   POD-SELECTOR   AGE\ndeny   <none>         \d+s\n$/);
    expect((await pk('get', 'netpol', 'deny', '-o', 'jsonpath={.spec.policyTypes}')).stdout).toBe('["Ingress"]');
  });

  it('lists the system PriorityClasses beside one applied, and gives its pods its priority', async () => {
    writeFileSync(sb.path('pc.yaml'), [
      'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: batch}\nvalue: 100\npreemptionPolicy: Never\n',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: job-1}\nspec:\n  priorityClassName: batch\n  containers: [{name: c, image: busybox}]\n',
    ].join('---\n'));
    expect((await pk('apply', '-f', sb.path('pc.yaml'))).stdout).toBe('priorityclass.scheduling.k8s.io/batch created\npod/job-1 created\n');
    expect((await pk('get', 'pc')).stdout).toMatch(new RegExp([
      '^NAME                      VALUE        GLOBAL-DEFAULT   AGE   PREEMPTIONPOLICY',
      'batch                     100          false            \\d+s +Never',
      'system-cluster-critical   2000000000   false            \\d+s +PreemptLowerPriority',
      'system-node-critical      2000001000   false            \\d+s +PreemptLowerPriority\n$',
    ].join('\n')));
    expect((await pk('get', 'pod', 'job-1', '-o', 'jsonpath={.spec.priority} {.spec.preemptionPolicy}')).stdout).toBe('100 Never');
    writeFileSync(sb.path('bad-pc.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: job-2}\nspec:\n  priorityClassName: missing\n  containers: [{name: c, image: busybox}]\n');
    const r = await pk('apply', '-f', sb.path('bad-pc.yaml'));
    expect([r.stderr, r.code]).toEqual([`Error from server (Forbidden): error when creating "${sb.path('bad-pc.yaml')}": pods "job-2" is forbidden: no PriorityClass with name missing was found\n`, 1]);
  });

  it('autoscales a Deployment up to minReplicas and shows the metrics it cannot read', async () => {
    writeFileSync(sb.path('hpa.yaml'), [
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: c, image: nginx}]}\n',
      'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 2\n  maxReplicas: 4\n',
    ].join('---\n'));
    expect((await pk('apply', '-f', sb.path('hpa.yaml'))).stdout).toBe('deployment.apps/web created\nhorizontalpodautoscaler.autoscaling/web created\n');
    expect((await pk('get', 'hpa')).stdout).toMatch(/^NAME   REFERENCE        TARGETS              MINPODS   MAXPODS   REPLICAS   AGE\nweb    Deployment\/web   cpu: <unknown>\/80%   2         4         0          \d+s\n$/);
    await pk('cluster', 'advance', '30s');
    expect((await pk('get', 'deploy', 'web', '--no-headers')).stdout).toMatch(/^web   2\/2   2     2     \d+s\n$/);
    const described = (await pk('describe', 'hpa', 'web')).stdout;
    expect(described).toContain('  ScalingActive  False   FailedGetResourceMetric  the HPA was unable to compute the replica count: failed to get cpu utilization');
    expect(described).toMatch(/Normal +SuccessfulRescale +\d+s +horizontal-pod-autoscaler +New size: 2; reason: Current number of replicas below Spec.MinReplicas/);
    expect((await pk('get', 'all', '-o', 'name')).stdout).toContain('horizontalpodautoscaler.autoscaling/web\n');
  });

  it('reports unknown types in kubectl words', async () => {
    const r = await pk('get', 'foo');
    expect([r.stderr, r.code]).toEqual(['error: the server doesn\'t have a resource type "foo"\n', 1]);
  });

  it('describes by name prefix and ends with the Events section', async () => {
    const r = await pk('describe', 'cm', 'web');
    expect(r.stdout.startsWith('Name:         web-config\nNamespace:    default\n')).toBe(true);
    expect(r.stdout).toContain('Events:  <none>\n');
    const quiet = await pk('describe', 'cm', 'web-config', '--show-events=false');
    expect(quiet.stdout.startsWith('Name:         web-config\n')).toBe(true);
    expect(quiet.stdout).not.toContain('Events:');
    const missing = await pk('describe', 'cm', 'zzz');
    expect([missing.stderr, missing.code]).toEqual(['Error from server (NotFound): configmaps "zzz" not found\n', 1]);
  });

  it('lists the API resources', async () => {
    const r = await pk('api-resources', '--api-group=apps', '-o', 'name');
    expect(r.stdout.split('\n')).toContain('deployments.apps');
    const table = await pk('api-resources');
    expect(table.stdout.split('\n')[0]).toMatch(/^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND$/);
    expect(table.stdout).toMatch(/^poddisruptionbudgets\s+pdb\s+policy\/v1\s+true\s+PodDisruptionBudget$/m);
    expect(table.stdout).toMatch(/^limitranges\s+limits\s+v1\s+true\s+LimitRange$/m);
    expect(table.stdout).toMatch(/^resourcequotas\s+quota\s+v1\s+true\s+ResourceQuota$/m);
    expect(table.stdout).toMatch(/^customresourcedefinitions\s+crd,crds\s+apiextensions\.k8s\.io\/v1\s+false\s+CustomResourceDefinition$/m);
    expect(table.stdout).toMatch(/^ingressclasses\s+networking\.k8s\.io\/v1\s+false\s+IngressClass$/m);
  });

  it('lists the API versions, sorted', async () => {
    expect((await pk('api-versions')).stdout).toBe(
      'admissionregistration.k8s.io/v1\napiextensions.k8s.io/v1\napiregistration.k8s.io/v1\napps/v1\nautoscaling/v1\nautoscaling/v2\nbatch/v1\n'
      + 'coordination.k8s.io/v1\ndiscovery.k8s.io/v1\nnetworking.k8s.io/v1\nnode.k8s.io/v1\npolicy/v1\nrbac.authorization.k8s.io/v1\nscheduling.k8s.io/v1\n'
      + 'storage.k8s.io/v1\nv1\n');
  });

  it('prints the versions', async () => {
    const r = await pk('version');
    expect(r.stdout).toMatch(/^Client Version: v\d+\.\d+\.\d+\nServer Version: v1\.32\.0-pocketkube\n$/);
    const json = JSON.parse((await pk('version', '--client', '-o', 'json')).stdout);
    expect(Object.keys(json)).toEqual(['clientVersion']);
  });
});
