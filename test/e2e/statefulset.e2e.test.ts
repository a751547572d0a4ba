import { afterAll, describe, expect, it } from 'vitest';
import { CliSandbox } from './cli-runner.js';
import { runAsync, runUntil } from './settle.js';

const CORPUS = '/work/shared/corpus';
const sb = new CliSandbox('pk-sts-');
afterAll(() => sb.dispose());

describe('StatefulSet web (corpus web.yaml)', { timeout: 240_000 }, () => {
  it('ends with web-0 and web-1 Running, each with its claim bound through the default class', async () => {
    expect((await runAsync(sb, ['apply', '-f', `${CORPUS}/website__content_en_examples_application_web_web.yaml`])).stdout)
      .toBe('service/nginx created\nstatefulset.apps/web created\n');
    const pods = await runUntil(sb, ['get', 'pods', '-o', 'custom-columns=NAME:.metadata.name,PHASE:.status.phase,HOST:.spec.hostname'],
      (r) => /web-1\s+Running/.test(r.stdout));
    expect(pods.stdout).toMatch(/^NAME\s+PHASE\s+HOST\nweb-0\s+Running\s+web-0\nweb-1\s+Running\s+web-1\n$/);
    const pvc = await runAsync(sb, ['get', 'pvc', '-o', 'custom-columns=NAME:.metadata.name,STATUS:.status.phase,CLASS:.spec.storageClassName,VOLUME:.spec.volumeName']);
    expect(pvc.stdout).toMatch(/^NAME\s+STATUS\s+CLASS\s+VOLUME\nwww-web-0\s+Bound\s+standard\s+pvc-[0-9a-f-]{36}\nwww-web-1\s+Bound\s+standard\s+pvc-[0-9a-f-]{36}\n$/);
    const sts = await runUntil(sb, ['get', 'sts', 'web'], (r) => /web\s+2\/2/.test(r.stdout));
    expect(sts.stdout).toMatch(/^NAME\s+READY\s+AGE\nweb\s+2\/2\s+\d+s\n$/);
    const status = JSON.parse((await runAsync(sb, ['get', 'sts', 'web', '-o', 'json'])).stdout).status;
    expect(status).toMatchObject({ replicas: 2, readyReplicas: 2, currentReplicas: 2, updatedReplicas: 2, availableReplicas: 2 });
    expect(status.currentRevision).toBe(status.updateRevision);
    const created = (await runAsync(sb, ['get', 'pod', 'web-1', '-o', 'jsonpath={.metadata.creationTimestamp}'])).stdout;
    const ready0 = (await runAsync(sb, ['get', 'pod', 'web-0', '-o', 'jsonpath={.status.conditions[?(@.type=="Ready")].lastTransitionTime}'])).stdout;
    expect(created >= ready0).toBe(true);
    const ep = await runAsync(sb, ['get', 'endpoints', 'nginx', '-o', 'json']);
    const addresses = JSON.parse(ep.stdout).subsets[0].addresses;
    expect(addresses.map((a: { hostname: string }) => a.hostname).sort()).toEqual(['web-0', 'web-1']);
  });

  it('scales down from the highest ordinal and keeps the claims', async () => {
    expect((await runAsync(sb, ['scale', 'sts', 'web', '--replicas=1'])).code).toBe(0);
    const pods = await runUntil(sb, ['get', 'pods', '-o', 'name'], (r) => r.stdout === 'pod/web-0\n');
    expect(pods.stdout).toBe('pod/web-0\n');
    expect((await runAsync(sb, ['get', 'pvc', '-o', 'name'])).stdout).toBe('persistentvolumeclaim/www-web-0\npersistentvolumeclaim/www-web-1\n');
  });
});
