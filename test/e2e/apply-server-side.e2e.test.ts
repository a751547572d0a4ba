/**
 * `apply --server-side` end to end: the applied configuration merged by the server, field
 * ownership in metadata.managedFields, conflicts worded as kube-apiserver and kubectl word them.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { CliSandbox } from './cli-runner.js';
import { webDeployment } from './manifests.js';

const sb = new CliSandbox('pk-ssa-');
afterAll(() => sb.dispose());

const configMap = (data: Record<string, string>, labels: Record<string, string> = {}) =>
  JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', labels }, data });

const ADVICE_START = 'Please review the fields above--they currently have other managers. Here\nare the ways you can resolve this warning:\n';

describe('apply --server-side', () => {
  it('creates, merges and removes what the manager no longer applies', () => {
    const file = sb.path('cm.json');
    writeFileSync(file, configMap({ a: '1', b: '2' }, { app: 'web', tier: 'front' }));
    expect(sb.run(['apply', '--server-side', '-f', file])).toMatchObject({ stdout: 'configmap/settings serverside-applied\n', stderr: '', code: 0 });
    // someone else's field stays: only what this manager applied before can go
    expect(sb.run(['label', 'configmap', 'settings', 'owner=ops']).code).toBe(0);
    writeFileSync(file, configMap({ a: '10' }, { app: 'web' }));
    expect(sb.run(['apply', '--server-side', '-f', file]).stdout).toBe('configmap/settings serverside-applied\n');
    const live = JSON.parse(sb.run(['get', 'configmap', 'settings', '-o', 'json', '--show-managed-fields']).stdout);
    expect(live.data).toEqual({ a: '10' });
    expect(live.metadata.labels).toEqual({ app: 'web', owner: 'ops' });
    expect(live.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBeUndefined();
    const apply = live.metadata.managedFields.find((m: { manager: string }) => m.manager === 'kubectl');
    expect(apply).toMatchObject({ manager: 'kubectl', operation: 'Apply', apiVersion: 'v1', fieldsType: 'FieldsV1' });
    expect(apply.fieldsV1).toEqual({ 'f:data': { '.': {}, 'f:a': {} }, 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } } });
    expect(live.metadata.managedFields.find((m: { manager: string }) => m.manager === 'kubectl-label')).toMatchObject({ operation: 'Update' });
    // managedFields are kept out of -o yaml unless asked for
    expect(sb.run(['get', 'configmap', 'settings', '-o', 'yaml']).stdout).not.toContain('managedFields');
  });

  it('keeps managedFields through updates that leave them out, and clears them for an empty list', () => {
    const file = sb.path('reset.json');
    writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'reset' }, data: { k: 'v' } }));
    expect(sb.run(['apply', '--server-side', '-f', file]).code).toBe(0);
    const managers = () => sb.run(['get', 'configmap', 'reset', '-o', 'jsonpath={.metadata.managedFields[*].manager}', '--show-managed-fields']).stdout;
    expect(sb.run(['annotate', 'configmap', 'reset', 'note=x']).code).toBe(0);
    expect(managers()).toBe('kubectl kubectl-annotate');
    expect(sb.run(['patch', 'configmap', 'reset', '--type=merge', '-p', '{"metadata":{"managedFields":[]}}']).code).toBe(0);
    expect(managers()).toBe('');
  });

  it('refuses fields another manager owns with another value, until --force-conflicts', () => {
    const file = sb.path('other.json');
    writeFileSync(file, configMap({ a: '99' }));
    const refused = sb.run(['apply', '--server-side', '--field-manager', 'deployer', '-f', file]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^error: Apply failed with 1 conflict: conflict with "kubectl": \.data\.a\n/);
    expect(refused.stderr).toContain(ADVICE_START);
    expect(sb.run(['get', 'configmap', 'settings', '-o', 'jsonpath={.data.a}']).stdout).toBe('10');
    // the same value is shared, not a conflict
    writeFileSync(file, configMap({ a: '10' }));
    expect(sb.run(['apply', '--server-side', '--field-manager', 'deployer', '-f', file]).code).toBe(0);
    writeFileSync(file, configMap({ a: '99' }));
    expect(sb.run(['apply', '--server-side', '--field-manager', 'deployer', '--force-conflicts', '-f', file]).stdout).toBe('configmap/settings serverside-applied\n');
    const live = JSON.parse(sb.run(['get', 'configmap', 'settings', '-o', 'json', '--show-managed-fields']).stdout);
    expect(live.data.a).toBe('99');
    const kubectl = live.metadata.managedFields.find((m: { manager: string }) => m.manager === 'kubectl');
    // it keeps the map itself (shared), not the key it lost
    expect(kubectl.fieldsV1['f:data']).toEqual({});
    expect(live.metadata.managedFields.find((m: { manager: string }) => m.manager === 'deployer').fieldsV1['f:data']).toEqual({ '.': {}, 'f:a': {} });
  });

  it('conflicts with a scale through the scale subresource, as kube-apiserver does', () => {
    const file = sb.path('web.yaml');
    writeFileSync(file, webDeployment(2));
    expect(sb.run(['apply', '--server-side', '-f', file]).stdout).toBe('deployment.apps/web serverside-applied\n');
    expect(sb.run(['scale', 'deployment/web', '--replicas', '4']).code).toBe(0);
    const refused = sb.run(['apply', '--server-side', '-f', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.split('\n')[0]).toBe('error: Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas');
    expect(sb.run(['apply', '--server-side', '--force-conflicts', '-f', file]).code).toBe(0);
    expect(sb.run(['get', 'deployment', 'web', '-o', 'jsonpath={.spec.replicas}']).stdout).toBe('2');
    // the control loop ran on the applied Deployment as on any other
    expect(sb.run(['get', 'rs', '-l', 'app=web', '-o', 'jsonpath={.items[0].status.replicas}']).stdout).toBe('2');
  });

  it('diffs what a server-side apply would change, and its conflicts', () => {
    const file = sb.path('diff.json');
    writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'diffed' }, data: { k: 'one' } }));
    expect(sb.run(['apply', '--server-side', '-f', file]).code).toBe(0);
    expect(sb.run(['diff', '--server-side', '-f', file])).toMatchObject({ code: 0, stdout: '' });
    writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'diffed' }, data: { k: 'two' } }));
    const changed = sb.run(['diff', '--server-side', '-f', file]);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toMatch(/^-  k: one\n\+  k: two$/m);
    // nothing was written
    expect(sb.run(['get', 'configmap', 'diffed', '-o', 'jsonpath={.data.k}']).stdout).toBe('one');
    const conflicted = sb.run(['diff', '--server-side', '--field-manager', 'other', '-f', file]);
    expect(conflicted.code).toBe(2);
    expect(conflicted.stderr.split('\n')[0]).toBe('error: Apply failed with 1 conflict: conflict with "kubectl": .data.k');
    expect(sb.run(['diff', '--server-side', '--force-conflicts', '--field-manager', 'other', '-f', file]).code).toBe(1);
  });

  it('names the kubelet as the manager of the status it writes of an applied pod', () => {
    const file = sb.path('pod.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: applied\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n');
    expect(sb.run(['apply', '--server-side', '-f', file]).stdout).toBe('pod/applied serverside-applied\n');
    const pod = JSON.parse(sb.run(['get', 'pod', 'applied', '-o', 'json', '--show-managed-fields']).stdout);
    expect(pod.status.phase).toBe('Running');
    expect(pod.metadata.managedFields.map((m: { manager: string; operation: string; subresource?: string }) => `${m.manager}/${m.operation}/${m.subresource ?? ''}`))
      .toEqual(['kubectl/Apply/', 'kubelet/Update/status']);
  });

  it('applies a CustomResourceDefinition too large for the last-applied annotation', () => {
    const description = 'x'.repeat(150_000);
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'widgets.example.com' },
      spec: {
        group: 'example.com', scope: 'Namespaced', names: { kind: 'Widget', plural: 'widgets', singular: 'widget', listKind: 'WidgetList' },
        versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', description, properties: { spec: { type: 'object', description, 'x-kubernetes-preserve-unknown-fields': true } } } } }],
      },
    };
    const file = sb.path('crd.json');
    writeFileSync(file, JSON.stringify(crd));
    const clientSide = sb.run(['apply', '-f', file]);
    expect(clientSide.code).toBe(1);
    expect(clientSide.stderr).toContain('metadata.annotations: Too long: must have at most 262144 bytes');
    expect(sb.run(['apply', '--server-side', '-f', file]).stdout).toBe('customresourcedefinition.apiextensions.k8s.io/widgets.example.com serverside-applied\n');
    const widget = sb.path('widget.yaml');
    writeFileSync(widget, 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w1\nspec:\n  size: 3\n');
    expect(sb.run(['apply', '--server-side', '-f', widget]).stdout).toBe('widget.example.com/w1 serverside-applied\n');
  });

  it('dry-runs on the server, and refuses the flags kubectl refuses', () => {
    const file = sb.path('dry.json');
    writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'dry' }, data: { k: 'v' } }));
    expect(sb.run(['apply', '--server-side', '--dry-run=server', '-f', file]).stdout).toBe('configmap/dry serverside-applied (server dry run)\n');
    expect(sb.run(['get', 'configmap', 'dry']).code).toBe(1);
    expect(sb.run(['apply', '--server-side', '--dry-run=client', '-f', file])).toMatchObject({
      code: 1, stderr: "error: --dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)\n",
    });
    expect(sb.run(['apply', '--force-conflicts', '-f', file])).toMatchObject({ code: 1, stderr: 'error: --force-conflicts only works with --server-side\n' });
    const unknown = sb.path('unknown.yaml');
    writeFileSync(unknown, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: typo\ndatta:\n  k: v\n');
    const refused = sb.run(['apply', '--server-side', '-f', unknown]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('unknown field "datta"');
  });
});
