import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliSandbox } from './cli-runner.js';
import { CORPUS } from './corpus-path.js';

/** `rollout history` and `rollout undo` of DaemonSets and StatefulSets (ControllerRevisions), through the built CLI. */
let sb: CliSandbox;
const pk = (...args: string[]) => sb.run(args);
const images = (selector: string, ns = 'default') =>
  pk('get', 'pods', '-n', ns, '-l', selector, '-o', 'jsonpath={range .items[*]}{.spec.containers[0].image}{"\\n"}{end}').stdout.trim().split('\n');

beforeAll(() => {
  sb = new CliSandbox('pk-rollout-history-');
});
afterAll(() => sb.dispose());

describe('DaemonSet and StatefulSet history', { timeout: 120_000 }, () => {
  it('lists a DaemonSet\'s revisions with their change causes, shows one, and rolls back to it', () => {
    const ds = ['-n', 'kube-system', 'ds/fluentd-elasticsearch'];
    pk('apply', '-f', join(CORPUS, 'website__content_en_examples_controllers_daemonset.yaml'));
    pk('annotate', ...ds, 'kubernetes.io/change-cause=fluentd v5');
    pk('set', 'image', ...ds, 'fluentd-elasticsearch=quay.io/fluentd_elasticsearch/fluentd:v5.0.0');
    expect(pk('rollout', 'history', ...ds).stdout).toBe('daemonset.apps/fluentd-elasticsearch \nREVISION  CHANGE-CAUSE\n1         <none>\n2         fluentd v5\n\n');
    const one = pk('rollout', 'history', ...ds, '--revision=1').stdout;
    expect(one).toMatch(/^daemonset\.apps\/fluentd-elasticsearch with revision #1\nPod Template:\n  Labels:  name=fluentd-elasticsearch\n/);
    expect(one).toContain('    Image:      k8s.gcr.io/fluentd-elasticsearch:1.20\n');
    expect(pk('rollout', 'undo', ...ds)).toEqual({ code: 0, stdout: 'daemonset.apps/fluentd-elasticsearch rolled back\n', stderr: '' });
    expect(new Set(images('name=fluentd-elasticsearch', 'kube-system'))).toEqual(new Set(['k8s.gcr.io/fluentd-elasticsearch:1.20']));
    // the old template is the newest revision now
    expect(pk('rollout', 'history', ...ds).stdout).toBe('daemonset.apps/fluentd-elasticsearch \nREVISION  CHANGE-CAUSE\n2         fluentd v5\n3         <none>\n\n');
    expect(pk('rollout', 'undo', ...ds, '--to-revision=3').stdout).toBe('daemonset.apps/fluentd-elasticsearch skipped rollback (current template already matches revision 3)\n');
    expect(pk('rollout', 'undo', ...ds, '--to-revision=7')).toEqual({ code: 1, stdout: '', stderr: 'error: unable to find specified revision 7 in history\n' });
  });

  it('rolls a StatefulSet back to its previous template', () => {
    pk('apply', '-f', join(CORPUS, 'website__content_en_examples_application_web_web.yaml'));
    expect(pk('rollout', 'undo', 'sts/web').stderr).toBe('error: no last revision to roll back to\n');
    pk('set', 'image', 'sts/web', 'nginx=registry.k8s.io/nginx-slim:0.9');
    expect(pk('rollout', 'status', 'sts/web', '--timeout=60s').code).toBe(0);
    expect(images('app=nginx')).toEqual(['registry.k8s.io/nginx-slim:0.9', 'registry.k8s.io/nginx-slim:0.9']);
    expect(pk('rollout', 'history', 'statefulset/web').stdout).toBe('statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    expect(pk('rollout', 'undo', 'sts/web', '--dry-run=client').stdout).toContain('    Image:        registry.k8s.io/nginx-slim:0.8\n');
    expect(pk('rollout', 'undo', 'sts/web').stdout).toBe('statefulset.apps/web rolled back\n');
    expect(pk('rollout', 'status', 'sts/web', '--timeout=60s').code).toBe(0);
    expect(images('app=nginx')).toEqual(['registry.k8s.io/nginx-slim:0.8', 'registry.k8s.io/nginx-slim:0.8']);
  });
});
