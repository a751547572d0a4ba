import { afterAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import { CliSandbox } from './cli-runner.js';
import { runAsync, runUntil } from './settle.js';

import { CORPUS } from './corpus-path.js';
const sb = new CliSandbox('pk-sts-');
afterAll(() => sb.dispose());

const items = (stdout: string): KubeObject[] => (stdout ? JSON.parse(stdout).items : []);

describe('StatefulSet web (corpus web.yaml)', { timeout: 240_000 }, () => {
  it('ends with web-0 and web-1 Running, each with its claim bound through the default class', async () => {
    expect((await runAsync(sb, ['apply', '-f', `${CORPUS}/website__content_en_examples_application_web_web.yaml`])).stdout)
      .toBe('service/nginx created\nstatefulset.apps/web created\n');
    const sts = await runUntil(sb, ['get', 'sts', 'web'], (r) => /web\s+2\/2/.test(r.stdout));
    expect(sts.stdout).toMatch(/^NAME\s+READY\s+AGE\nweb\s+2\/2\s+\d+s\n$/);
    const pods = items((await runAsync(sb, ['get', 'pods', '-o', 'json'])).stdout);
    expect(pods.map((p) => [p.metadata.name, p.status.phase, p.spec.hostname, p.spec.subdomain])).toEqual([
      ['web-0', 'Running', 'web-0', 'nginx'], ['web-1', 'Running', 'web-1', 'nginx'],
    ]);
    // OrderedReady: web-1 was created once web-0 was Ready
    const ready0 = pods[0]!.status.conditions.find((c: { type: string }) => c.type === 'Ready').lastTransitionTime;
    expect(pods[1]!.metadata.creationTimestamp! >= ready0).toBe(true);
    const claims = items((await runAsync(sb, ['get', 'pvc', '-o', 'json'])).stdout);
    expect(claims.map((c) => [c.metadata.name, c.status.phase, c.spec.storageClassName])).toEqual([
      ['www-web-0', 'Bound', 'standard'], ['www-web-1', 'Bound', 'standard'],
    ]);
    expect(claims[0]!.spec.volumeName).toBe(`pvc-${claims[0]!.metadata.uid}`);
    const status = JSON.parse((await runAsync(sb, ['get', 'sts', 'web', '-o', 'json'])).stdout).status;
    expect(status).toMatchObject({ replicas: 2, readyReplicas: 2, currentReplicas: 2, updatedReplicas: 2, availableReplicas: 2 });
    expect(status.currentRevision).toBe(status.updateRevision);
    const ep = JSON.parse((await runAsync(sb, ['get', 'endpoints', 'nginx', '-o', 'json'])).stdout);
    expect(ep.subsets[0].addresses.map((a: { hostname: string }) => a.hostname).sort()).toEqual(['web-0', 'web-1']);
  });

  it('scales down from the highest ordinal and keeps the claims', async () => {
    expect((await runAsync(sb, ['scale', 'sts', 'web', '--replicas=1'])).code).toBe(0);
    const pods = await runUntil(sb, ['get', 'pods', '-o', 'name'], (r) => r.stdout === 'pod/web-0\n');
    expect(pods.stdout).toBe('pod/web-0\n');
    expect((await runAsync(sb, ['get', 'pvc', '-o', 'name'])).stdout).toBe('persistentvolumeclaim/www-web-0\npersistentvolumeclaim/www-web-1\n');
  });
});
