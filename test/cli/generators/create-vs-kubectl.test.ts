import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeApiServer, SKIP_MESSAGE, asPocketkube, both, hasKubectl } from './kubectl-oracle.js';

/**
 * `create <generator> … --dry-run=client -o yaml|json|name` compared byte for byte with the real
 * kubectl 1.32 (stdout, stderr, exit code). Runs the built CLI (`npm run build` first).
 */
const CASES: string[][] = [
  ['namespace', 'foo'],
  ['ns', 'foo'],
  ['serviceaccount', 'robot'],
  ['sa', 'robot', '-n', 'team'],
  ['configmap', 'c', '--from-literal=a=1', '--from-literal=b=x=y', "--from-literal=k= 'q' "],
  ['configmap', 'c', '--from-file=a.txt', '--from-file=renamed=a.txt', '--from-file=dir'],
  ['configmap', 'c', '--from-file=bin.dat', '--from-file=a.txt,dir/one'],
  ['configmap', 'c', '--from-env-file=app.env', '--from-env-file=bom.env'],
  ['configmap', 'c', '--from-literal=a=1', '--append-hash'],
  ['configmap', 'c', '--from-literal=a=1', '--save-config', '-n', 'x'],
  ['cm', 'c', '--from-literal=bad'],
  ['cm', 'c', '--from-literal=a=1', '--from-literal=a=2'],
  ['cm', 'c', '--from-literal=b@d=1'],
  ['cm', 'c', '--from-file=k=dir'],
  ['cm', 'c', '--from-file=missing.txt'],
  ['cm', 'c', '--from-file==a.txt'],
  ['cm', 'c', '--from-file=a=b=c'],
  ['cm', 'c', '--from-env-file=app.env', '--from-literal=a=b'],
  ['cm', 'c', '--from-env-file=dir'],
  ['cm'],
  ['cm', 'a', 'b'],
  ['secret', 'generic', 's', '--from-literal=a=1', '--from-file=dir', '--from-file=bin.dat'],
  ['secret', 'generic', 's', '--from-env-file=app.env', '--type=Opaque'],
  ['secret', 'generic', 's', '--from-literal=a=1', '--type=x', '--append-hash'],
  ['secret', 'generic', 's'],
  ['secret', 'generic', 's', '--from-literal=a=1', '--from-literal=a=2'],
  ['secret', 'generic', 's', '--from-literal=b@d=1'],
  ['secret', 'tls', 't', '--cert=tls.crt', '--key=tls.key'],
  ['secret', 'tls', 't', '--cert=tls.crt', '--key=a.txt'],
  ['secret', 'tls', 't', '--cert=tls.crt', '--key=other.key'],
  ['secret', 'tls', 't', '--cert=tls.crt'],
  ['secret', 'docker-registry', 'r', '--docker-server=reg.io', '--docker-username=u', '--docker-password=p', '--docker-email=e@x'],
  ['secret', 'docker-registry', 'r', '--docker-username=u', '--docker-password=p<&>'],
  ['secret', 'docker-registry', 'r', '--from-file=docker.json'],
  ['secret', 'docker-registry', 'r', '--docker-username=u'],
  ['deployment', 'web', '--image=nginx'],
  ['deployment', 'web', '--image=nginx', '--image=redis:7', '--image=reg.io/team/app@sha256:abc', '--port=80', '--replicas=3'],
  ['deploy', 'web', '--image=busybox', '-n', 'shop', '--save-config', '--port=0', '--dry-run=client', '-o', 'yaml', '--', 'sh', '-c', 'sleep 1'],
  ['deploy', 'web', '--image=busybox', '--dry-run=client', '-o', 'json', '--', 'sh', '-c', 'sleep 1'],
  ['deployment', 'web', '--image=a', '--image=b', '--', 'date'],
  ['service', 'clusterip', 'web', '--tcp=80:8080', '--tcp=443', '--tcp=8080:http'],
  ['service', 'clusterip', 'web', '--clusterip=None'],
  ['svc', 'clusterip', 'web'],
  ['service', 'clusterip', 'web', '--tcp=x'],
  ['service', 'clusterip', 'web', '--tcp=70000'],
  ['service', 'clusterip', 'web', '--tcp=80:0'],
  ['service', 'clusterip', 'web', '--tcp=80:Bad_'],
  ['service', 'nodeport', 'web', '--tcp=80:8080', '--node-port=30080'],
  ['service', 'loadbalancer', 'web', '--tcp=80', '-n', 'edge'],
  ['service', 'externalname', 'web', '--external-name=example.com'],
  ['service', 'externalname', 'web', '--external-name=example.com', '--tcp=80'],
  ['service', 'externalname', 'web', '--external-name=Bad_'],
  ['job', 'j', '--image=busybox'],
  ['job', 'j', '--image=busybox', '-n', 'x', '--dry-run=client', '--', 'sh', '-c', 'echo hi'],
  ['job', 'j'],
  ['cronjob', 'c', '--image=busybox', '--schedule=*/1 * * * *'],
  ['cronjob', 'c', '--image=busybox', '--schedule=0 0 * * *', '--restart=Never', '-n', 'x', '--dry-run=client', '--', 'echo', 'hi'],
  ['ingress', 'simple', '--rule=foo.com/bar=svc1:8080,tls=my-cert'],
  ['ing', 'multi', '--class=nginx', '--rule=foo.com/=svc:port', '--rule=foo.com/admin/*=svcadmin:portadmin', '--rule=bar.com/x*=b:80,tls', '--rule=/any=c:1,tls=s', '--rule=baz.com/y=d:2,tls=my-cert', '--rule=foo.com/z=e:3,tls=other'],
  ['ingress', 'dflt', '--default-backend=defaultsvc:http', '--annotation', 'a=b', '--annotation', 'z=1=2', '--annotation', 'a=c', '-n', 'web', '--save-config'],
  ['ingress', 'none'],
  ['ingress', 'bad', '--rule=foo.com=svc:80'],
  ['ingress', 'bad', '--rule=foo.com/a=svc:80', '--annotation', 'novalue'],
  ['ingress', 'bad', '--default-backend=svc'],
  ['poddisruptionbudget', 'my-pdb', '--selector=app=rails', '--min-available=1'],
  ['pdb', 'my-pdb', '--selector=app=nginx,tier in (web, api),!legacy,track', '--max-unavailable=50%', '-n', 'shop'],
  ['pdb', 'my-pdb', '--selector=app=rails', '--min-available=1', '--save-config'],
  ['pdb', 'my-pdb', '--min-available=1'],
  ['pdb', 'my-pdb', '--selector=app=rails'],
  ['pdb', 'my-pdb', '--selector=app=rails', '--min-available=1', '--max-unavailable=1'],
  ['pdb', 'my-pdb', '--selector=app=rails', '--min-available=10Gb'],
  ['pdb', 'my-pdb', '--selector=app=rails', '--max-unavailable=x'],
  ['pdb', 'my-pdb', '--selector=a b', '--min-available=1'],
  ['pdb', 'my-pdb', '--selector=app!=rails', '--min-available=1'],
  ['pdb', 'my-pdb', '--selector=n>1', '--min-available=1'],
  ['pdb', '--selector=app=rails', '--min-available=1'],
  ['priorityclass', 'high-priority', '--value=1000', '--description=high priority'],
  ['pc', 'plain'],
  ['pc', 'default-priority', '--value=1000', '--global-default=true', '--description=default priority'],
  ['pc', 'g', '--global-default'],
  ['pc', 'g', '--global-default=false', '--description='],
  ['priorityclass', 'never', '--value=-5', '--preemption-policy=Never', '--description=a <b> & "c"'],
  ['pc', 'saved', '--value=0x10', '--global-default', '--save-config', '-n', 'ignored'],
  ['pc', 'big', '--value=2147483647'],
  ['pc', 'bad', '--value=abc'],
  ['pc', 'bad', '--value=2147483648'],
  ['pc', 'bad', '--value=1.5'],
  ['pc', '--value=1'],
  ['pc', 'a', 'b'],
  ['rolebinding', 'admin', '--clusterrole=admin', '--user=user1', '--user=user2', '--group=group1', '--serviceaccount=monitoring:sa-dev', '-n', 'team'],
  ['rolebinding', 'rb', '--role=reader', '--user=a,b', '--save-config'],
  ['rolebinding', 'rb'],
  ['rolebinding', 'rb', '--role=r', '--clusterrole=c'],
  ['rolebinding', 'rb', '--role=r', '--serviceaccount=bad'],
  ['rolebinding', 'rb', '--role=r', '--serviceaccount=:sa'],
  ['rolebinding', '--role=r'],
  ['clusterrolebinding', 'crb', '--clusterrole=cluster-admin', '--user=alice', '--group=g', '--serviceaccount=kube-system:default', '-n', 'ignored'],
  ['clusterrolebinding', 'crb', '--clusterrole=view', '--serviceaccount=a:b:c'],
  ['role', 'pod-reader', '--verb=get,list', '--verb=get', '--verb=watch', '--resource=pods,deployments.apps,rs', '--resource=pods/log', '--resource-name=a', '--resource-name=a', '-n', 'team'],
  ['role', 'r', '--verb=frob', '--resource=cm'],
  ['role', 'r', '--verb=get'],
  ['role', 'r', '--resource=pods'],
  ['role', 'r', '--verb=frob'],
  ['role', 'r', '--verb=get', '--verb=*', '--resource=*'],
  ['role', 'r', '--verb=use', '--resource=pods'],
  ['role', 'r', '--verb=get', '--resource=.apps'],
  ['role', 'r', '--verb=get', '--resource=foos'],
  ['role', 'r', '--verb=get', '--resource=deployments.batch'],
  ['role', 'r', '--verb=get', '--resource=jobs.batch/status', '--save-config'],
  ['clusterrole', 'c', '--verb=get', '--non-resource-url=/logs/*,/healthz', '--resource=pods,svc'],
  ['clusterrole', 'c', '--verb=post', '--resource=pods'],
  ['clusterrole', 'c', '--verb=frob', '--non-resource-url=/x'],
  ['clusterrole', 'c', '--verb=get', '--non-resource-url=x'],
  ['clusterrole', 'c', '--verb=get', '--non-resource-url=/a*b'],
  ['clusterrole', 'c', '--aggregation-rule=a=b,c=d'],
  ['clusterrole', 'c', '--aggregation-rule=a=b', '--verb=get'],
  ['clusterrole', 'c', '--verb=get'],
  ['clusterrole', 'c', '--verb=get', '--non-resource-url=/x', '--resource-name=n', '-n', 'ignored'],
  ['quota', 'q', '--hard=pods=2,cpu=0.5,memory=1.5Gi,count/deployments.apps=3,requests.nvidia.com/gpu=4', '--scopes=NotBestEffort,NotTerminating'],
  ['quota', 'plain'],
  ['resourcequota', 'q', '--hard=pods=1', '-n', 'team', '--save-config'],
  ['quota', 'q', '--hard=pods=1,pods=3', '--hard=cpu=1,pods=-1', '--scopes=A', '--scopes=B'],
  ['quota', 'q', '--hard==1'],
  ['quota', 'q', '--hard=cpu=abc'],
  ['quota', 'q', '--hard=pods=1x'],
  ['quota', 'q', '--hard=cpu'],
  ['quota', 'q', '--hard=,pods=1'],
  ['quota', 'q', '--scopes=BestEffort,,X'],
  ['quota', '--hard=pods=1'],
  ['quota', 'a', 'b'],
];

/** yaml for every case, json for every case, name and the plain success line for a few. */
const SHORT_FORMATS = new Set(['namespace', 'configmap', 'deployment', 'service', 'job', 'poddisruptionbudget', 'rolebinding', 'role', 'priorityclass', 'quota']);

/** Cases run as they are (their own -o: jsonpath, templates). */
const EXACT: string[][] = [
  ['pc', 'x', '--value=2147483647', '--dry-run=client', '-o', 'jsonpath={.value} {.metadata.name} {.globalDefault}'],
  ['pc', 'x', '--global-default', '--dry-run=client', '-o', 'jsonpath', '--template={}'],
  ['pc', 'x', '--dry-run=client', '-o', 'jsonpath={.nope}', '--allow-missing-template-keys=false'],
  ['pc', 'x', '--dry-run=client', '-o', 'jsonpath'],
  ['pc', 'x', '--show-managed-fields', '--dry-run=client', '-o', 'yaml'],
];

const api = new FakeApiServer();
const state = mkdtempSync(join(tmpdir(), 'pk-create-'));

function argvs(args: string[]): string[][] {
  if (args.includes('--') || EXACT.includes(args)) return [['create', ...args]];
  const out = [['create', ...args, '--dry-run=client', '-o', 'yaml'], ['create', ...args, '--dry-run=client', '-o', 'json']];
  if (SHORT_FORMATS.has(args[0])) out.push(['create', ...args, '--dry-run=client', '-o', 'name'], ['create', ...args, '--dry-run=client']);
  return out;
}

// without kubectl the comparisons are skipped, under a title that says why
describe.skipIf(!hasKubectl)(hasKubectl ? 'create generators match kubectl byte for byte' : `create generators vs kubectl: ${SKIP_MESSAGE}`, { timeout: 600_000 }, () => {
  beforeAll(() => api.start());
  afterAll(() => api.stop());

  for (const args of [...CASES, ...EXACT]) {
    it.concurrent(['create', ...args].join(' '), async () => {
      for (const argv of argvs(args)) {
        const [got, want] = await both(state, api.kubeconfig, argv, { C: '9' });
        expect({ argv, ...got }).toEqual({ argv, ...want, stderr: asPocketkube(want.stderr) });
      }
    });
  }
});
