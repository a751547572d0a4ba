import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliSandbox, type CliResult } from './cli-runner.js';
import { runAsync } from './settle.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * LimitRange and ResourceQuota through the built CLI (`npm run build` first): a namespace set up
 * with both, as namespace setup manifests do, and a Deployment that meets them.
 */
let sb: CliSandbox;
beforeAll(() => {
  sb = new CliSandbox('pk-quota-');
});
afterAll(() => sb.dispose());
const pk = (...args: string[]): Promise<CliResult> => runAsync(sb, args, 120_000);
const json = async (...args: string[]): Promise<any> => {
  const r = await pk(...args, '-o', 'json');
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
};

const deployment = (ns: string, replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: ${ns}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx}]
`;

describe('LimitRange and ResourceQuota', { timeout: 600_000 }, () => {
  it('gives a Deployment\'s pods the defaults of the namespace\'s LimitRange', async () => {
    writeFileSync(sb.path('limits.yaml'), `apiVersion: v1
kind: Namespace
metadata: {name: limited}
---
apiVersion: v1
kind: LimitRange
metadata: {name: defaults, namespace: limited}
spec:
  limits:
  - type: Container
    default: {cpu: 500m, memory: 256Mi}
    defaultRequest: {cpu: 100m}
    max: {cpu: "1"}
`);
    writeFileSync(sb.path('web-limited.yaml'), deployment('limited', 2));
    expect((await pk('apply', '-f', sb.path('limits.yaml'))).stdout).toBe('namespace/limited created\nlimitrange/defaults created\n');
    expect((await pk('get', 'limits', '-n', 'limited')).stdout).toMatch(/^NAME\s+CREATED AT\ndefaults\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n$/);
    expect((await pk('apply', '-f', sb.path('web-limited.yaml'))).code).toBe(0);
    const pods = (await json('get', 'pods', '-n', 'limited')).items;
    expect(pods).toHaveLength(2);
    for (const p of pods) {
      expect(p.spec.containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '256Mi' } });
      expect(p.metadata.annotations['kubernetes.io/limit-ranger']).toBe('LimitRanger plugin set: cpu, memory request for container web; cpu, memory limit for container web');
    }
    const described = await pk('describe', 'limitrange', 'defaults', '-n', 'limited');
    expect(described.stdout).toBe([
      'Name:       defaults',
      'Namespace:  limited',
      'Type        Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio',
      '----        --------  ---  ---  ---------------  -------------  -----------------------',
      'Container   cpu       -    1    100m             500m           -',
      'Container   memory    -    -    256Mi            256Mi          -',
      '',
    ].join('\n'));
    writeFileSync(sb.path('big.yaml'), `apiVersion: v1
kind: Pod
metadata: {name: big, namespace: limited}
spec:
  containers: [{name: big, image: nginx, resources: {limits: {cpu: "2"}}}]
`);
    const refused = await pk('create', '-f', sb.path('big.yaml'));
    expect([refused.stderr, refused.code]).toEqual([
      `Error from server (Forbidden): error when creating "${sb.path('big.yaml')}": pods "big" is forbidden: maximum cpu usage per Container is 1, but limit is 2\n`, 1,
    ]);
  });

  it('lets a 3-replica Deployment make 2 pods under a quota of 2, and shows the quota\'s use', async () => {
    expect((await pk('create', 'namespace', 'quoted')).code).toBe(0);
    expect((await pk('create', 'quota', 'q', '--hard=pods=2,count/deployments.apps=1', '-n', 'quoted')).stdout).toBe('resourcequota/q created\n');
    writeFileSync(sb.path('web-quoted.yaml'), deployment('quoted', 3));
    expect((await pk('apply', '-f', sb.path('web-quoted.yaml'))).code).toBe(0);
    expect((await json('get', 'pods', '-n', 'quoted')).items).toHaveLength(2);

    const rs = (await json('get', 'rs', '-n', 'quoted')).items[0];
    const events = (await json('get', 'events', '-n', 'quoted', '--field-selector', `involvedObject.name=${rs.metadata.name},reason=FailedCreate`)).items;
    expect(events.length).toBeGreaterThan(0);
    const pattern = `^Error creating: pods "${rs.metadata.name}-[a-z0-9]{5}" is forbidden: exceeded quota: q, requested: pods=1, used: pods=2, limited: pods=2$`;
    for (const e of events) expect(e.message).toMatch(new RegExp(pattern));

    const table = await pk('get', 'quota', '-n', 'quoted');
    expect(table.stdout).toMatch(/^NAME\s+AGE\s+REQUEST\s+LIMIT\nq\s+\d+s\s+count\/deployments\.apps: 1\/1, pods: 2\/2\s*\n$/);
    expect((await pk('describe', 'quota', 'q', '-n', 'quoted')).stdout).toBe([
      'Name:                   q',
      'Namespace:              quoted',
      'Resource                Used  Hard',
      '--------                ----  ----',
      'count/deployments.apps  1     1',
      'pods                    2     2',
      '',
    ].join('\n'));
    // a second Deployment is over the count
    const second = await pk('create', 'deployment', 'api', '--image=nginx', '-n', 'quoted');
    expect([second.stderr, second.code]).toEqual([
      'error: failed to create deployment: deployments.apps "api" is forbidden: exceeded quota: q, requested: count/deployments.apps=1, used: count/deployments.apps=1, limited: count/deployments.apps=1\n', 1,
    ]);
    // room made, the third pod comes
    expect((await pk('patch', 'quota', 'q', '-n', 'quoted', '-p', '{"spec":{"hard":{"pods":"3"}}}')).code).toBe(0);
    expect((await pk('cluster', 'advance', '30s')).code).toBe(0);
    expect((await json('get', 'pods', '-n', 'quoted')).items).toHaveLength(3);
    expect((await pk('get', 'quota', '-n', 'quoted', '--no-headers')).stdout).toMatch(/pods: 3\/3/);
  });
});
