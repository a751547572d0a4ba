/**
 * The platform kinds install manifests carry besides workloads: webhook configurations (cert-manager,
 * ingress-nginx), the APIService of metrics-server, Leases, RuntimeClasses (with the RuntimeClass
 * admission plugin acting on the pods that name one) and CSIDrivers.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliSandbox } from './cli-runner.js';

const sb = new CliSandbox('pk-platform-');
afterAll(() => sb.dispose());
const FIXTURE = join(__dirname, 'fixtures', 'platform-objects.yaml');

describe('platform kinds', () => {
  it('apply, and print kubectl\'s columns', () => {
    expect(sb.run(['apply', '-f', FIXTURE])).toMatchObject({
      code: 0,
      stderr: '',
      stdout: [
        'apiservice.apiregistration.k8s.io/v1beta1.metrics.k8s.io created',
        'validatingwebhookconfiguration.admissionregistration.k8s.io/cert-manager-webhook created',
        'runtimeclass.node.k8s.io/gvisor created',
        'lease.coordination.k8s.io/my-lock created',
        'pod/sandboxed created',
        'csidriver.storage.k8s.io/ebs.csi.aws.com created',
        '',
      ].join('\n'),
    });
    const rows = (args: string[]) => sb.run([...args, '--no-headers']).stdout.trim().split(/\s+/).slice(0, -1);
    expect(rows(['get', 'apiservice', 'v1beta1.metrics.k8s.io'])).toEqual(['v1beta1.metrics.k8s.io', 'kube-system/metrics-server', 'Unknown']);
    expect(rows(['get', 'validatingwebhookconfigurations'])).toEqual(['cert-manager-webhook', '1']);
    expect(rows(['get', 'runtimeclass'])).toEqual(['gvisor', 'runsc']);
    expect(rows(['get', 'leases'])).toEqual(['my-lock', 'controller-0']);
    // the CSIDriver defaults fill its columns
    expect(rows(['get', 'csidrivers'])).toEqual(['ebs.csi.aws.com', 'true', 'false', 'false', '<unset>', 'false', 'Persistent']);
    // the server's defaults, as kube-apiserver stores them
    const webhook = JSON.parse(sb.run(['get', 'validatingwebhookconfiguration', 'cert-manager-webhook', '-o', 'json']).stdout).webhooks[0];
    expect(webhook).toMatchObject({ namespaceSelector: {}, objectSelector: {}, clientConfig: { service: { port: 443 } }, rules: [{ scope: '*' }] });
  });

  it('gives a pod its RuntimeClass\'s overhead and node selector, and refuses an unknown class', () => {
    const pod = JSON.parse(sb.run(['get', 'pod', 'sandboxed', '-o', 'json']).stdout);
    expect(pod.spec.overhead).toEqual({ cpu: '250m', memory: '120Mi' });
    expect(pod.spec.nodeSelector).toEqual({ 'kubernetes.io/os': 'linux' });
    const refused = sb.run(['apply', '-f', '-'], 'apiVersion: v1\nkind: Pod\nmetadata: {name: kata-pod}\nspec:\n  runtimeClassName: kata\n  containers: [{name: c, image: nginx}]\n');
    expect(refused).toMatchObject({ code: 1, stdout: '', stderr: 'Error from server (Forbidden): error when creating "STDIN": pods "kata-pod" is forbidden: pod rejected: RuntimeClass "kata" not found\n' });
  });

  it('refuses what kube-apiserver refuses in them', () => {
    const bad = sb.run(['apply', '-f', '-'], [
      'apiVersion: admissionregistration.k8s.io/v1', 'kind: MutatingWebhookConfiguration', 'metadata: {name: bad}', 'webhooks:',
      '- name: short.io', '  admissionReviewVersions: [v1]', '  sideEffects: Some', '  clientConfig: {url: "https://example.com/m"}', '',
    ].join('\n'));
    expect(bad).toMatchObject({
      code: 1,
      stderr: 'The MutatingWebhookConfiguration "bad" is invalid: \n'
        + '* webhooks[0].name: Invalid value: "short.io": should be a domain with at least three segments separated by dots\n'
        + '* webhooks[0].sideEffects: Unsupported value: "Some": supported values: "None", "NoneOnDryRun"\n',
    });
    const lease = sb.run(['apply', '-f', '-'], 'apiVersion: coordination.k8s.io/v1\nkind: Lease\nmetadata: {name: l}\nspec: {leaseDurationSeconds: 0}\n');
    expect(lease).toMatchObject({ code: 1, stderr: 'The Lease "l" is invalid: spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0\n' });
  });
});
