import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliSandbox } from './cli-runner.js';
import { webDeployment } from './manifests.js';

/** Deployments, rollouts, scaling and cascading deletion through the built CLI (`npm run build` first). */
const manifest = (image: string, replicas = 3) => webDeployment(replicas, image);

let sb: CliSandbox;
const pk = (...args: string[]) => sb.run(args);
const podNames = () => pk('get', 'pods', '-o', 'name').stdout.trim().split('\n').filter(Boolean);

beforeAll(() => {
  sb = new CliSandbox('pk-rollout-');
  writeFileSync(sb.path('v1.yaml'), manifest('nginx:1.27'));
  writeFileSync(sb.path('v2.yaml'), manifest('nginx:1.28'));
});
afterAll(() => sb.dispose());

describe('deployment rollout through the CLI', { timeout: 240_000 }, () => {
  it('applies a deployment whose 3 pods run, and rollout status reports it rolled out', () => {
    expect(pk('apply', '-f', sb.path('v1.yaml')).stdout).toBe('deployment.apps/web created\n');
    const pods = pk('get', 'pods', '--no-headers').stdout.trim().split('\n');
    expect(pods).toHaveLength(3);
    for (const line of pods) expect(line).toMatch(/^web-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running\s+0\s+/);
    expect(pk('rollout', 'status', 'deployment/web')).toEqual({ stdout: 'deployment "web" successfully rolled out\n', stderr: '', code: 0 });
  });

  it('rolls out a new image, keeps two revisions, and undo restores the first template', () => {
    expect(pk('apply', '-f', sb.path('v2.yaml')).stdout).toBe('deployment.apps/web configured\n');
    const status = pk('rollout', 'status', 'deploy/web');
    expect(status.code).toBe(0);
    expect(status.stdout.trim().split('\n').at(-1)).toBe('deployment "web" successfully rolled out');
    const images = JSON.parse(pk('get', 'pods', '-o', 'json').stdout).items.map((p: { spec: { containers: { image: string }[] } }) => p.spec.containers[0]!.image);
    expect(images).toEqual(['nginx:1.28', 'nginx:1.28', 'nginx:1.28']);
    expect(pk('rollout', 'history', 'deployment/web').stdout).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    expect(pk('rollout', 'undo', 'deployment/web').stdout).toBe('deployment.apps/web rolled back\n');
    pk('rollout', 'status', 'deployment/web');
    expect(JSON.parse(pk('get', 'deploy', 'web', '-o', 'json').stdout).spec.template.spec.containers[0].image).toBe('nginx:1.27');
    expect(pk('rollout', 'history', 'deployment/web').stdout).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');
    const rs = pk('get', 'rs', '--no-headers').stdout.trim().split('\n').map((l) => l.split(/\s+/).slice(1, 4).join(' '));
    expect(rs.sort()).toEqual(['0 0 0', '3 3 3']);
    expect(pk('rollout', 'undo', 'deployment/web', '--to-revision=9').stderr).toBe('error: unable to find specified revision 9 in history\n');
  });

  it('names the objects by file (-f) for rollout status, history and scale', () => {
    writeFileSync(sb.path('with-service.yaml'), `${manifest('nginx:1.27')}---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n`);
    expect(pk('rollout', 'status', '-f', sb.path('v1.yaml'))).toEqual({ stdout: 'deployment "web" successfully rolled out\n', stderr: '', code: 0 });
    expect(pk('rollout', 'history', '-f', sb.path('v1.yaml')).stdout).toMatch(/^deployment\.apps\/web \nREVISION  CHANGE-CAUSE\n/);
    expect(pk('scale', '--replicas=4', '-f', sb.path('v1.yaml')).stdout).toBe('deployment.apps/web scaled\n');
    expect(pk('get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}').stdout).toBe('4');
    expect(pk('scale', '--replicas=3', '-f', sb.path('v1.yaml')).code).toBe(0);
    // one object per `rollout status`; a file with two is kubectl's error
    expect(pk('apply', '-f', sb.path('with-service.yaml')).code).toBe(0);
    expect(pk('rollout', 'status', '-f', sb.path('with-service.yaml'))).toMatchObject({
      code: 1, stderr: 'error: rollout status is only supported on individual resources and resource collections may only have one element\n',
    });
    expect(pk('rollout', 'status', '-f', sb.path('missing.yaml'))).toMatchObject({ code: 1, stderr: `error: the path "${sb.path('missing.yaml')}" does not exist\n` });
    expect(pk('delete', 'service', 'web').code).toBe(0);
  });

  it('replaces a deleted pod', () => {
    const [first] = podNames();
    pk('delete', first!);
    const after = podNames();
    expect(after).toHaveLength(3);
    expect(after).not.toContain(first);
  });

  it('scales, with kubectl messages and the --current-replicas precondition', () => {
    expect(pk('scale', 'deploy/web', '--replicas', '5')).toEqual({ stdout: 'deployment.apps/web scaled\n', stderr: '', code: 0 });
    expect(podNames()).toHaveLength(5);
    expect(pk('scale', 'deploy/web', '--replicas=2', '--current-replicas=3')).toEqual({ stdout: '', stderr: 'error: Expected replicas to be 3, was 5\n', code: 1 });
    expect(pk('scale', 'deploy/web', '--replicas=3', '--current-replicas=5').code).toBe(0);
    expect(podNames()).toHaveLength(3);
  });

  it('pauses and resumes, and restart makes a new revision', () => {
    expect(pk('rollout', 'pause', 'deploy/web').stdout).toBe('deployment.apps/web paused\n');
    expect(pk('rollout', 'pause', 'deploy/web').stdout).toBe('deployment.apps/web already paused\n');
    expect(pk('rollout', 'restart', 'deploy/web')).toMatchObject({ code: 1, stderr: 'error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)\n' });
    expect(pk('rollout', 'resume', 'deploy/web').stdout).toBe('deployment.apps/web resumed\n');
    expect(pk('rollout', 'restart', 'deploy/web').stdout).toBe('deployment.apps/web restarted\n');
    expect(pk('rollout', 'status', 'deploy/web').code).toBe(0);
    expect(pk('rollout', 'history', 'deploy/web').stdout).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n4         <none>\n\n');
  });

  it('delete --cascade=orphan leaves the ReplicaSet and pods; foreground deletion removes them first', () => {
    expect(pk('delete', 'deploy', 'web', '--cascade=orphan').stdout).toBe('deployment.apps "web" deleted\n');
    expect(pk('get', 'deploy').stderr).toBe('No resources found in default namespace.\n');
    expect(podNames()).toHaveLength(3);
    const rs = pk('get', 'rs', '-o', 'name').stdout.trim().split('\n');
    expect(rs.length).toBeGreaterThan(0);
    for (const r of rs) pk('delete', r);
    expect(podNames()).toEqual([]);
    pk('apply', '-f', sb.path('v1.yaml'));
    expect(podNames()).toHaveLength(3);
    expect(pk('delete', 'deploy', 'web', '--cascade=foreground').stdout).toBe('deployment.apps "web" deleted\n');
    expect(pk('get', 'rs,pods', '-o', 'name').stdout).toBe('');
  });
});
