import { describe, expect, it } from 'vitest';
import type { KindDef } from '../../../src/api/kind.js';
import { parseGoURL } from '../../../src/api/kinds/webhook-validation.js';
import { mutatingWebhookConfigurationKind as mutating, validatingWebhookConfigurationKind as validating } from '../../../src/api/kinds/webhook-configuration.js';
import type { KubeObject } from '../../../src/api/types.js';
import { messages } from './helpers.js';
import { row } from './workload-helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const hook = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  name: 'webhook.example.com',
  admissionReviewVersions: ['v1'],
  sideEffects: 'None',
  clientConfig: { service: { namespace: 'ns', name: 'svc' } },
  rules: [{ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods'] }],
  ...extra,
});

const config = (kind: KindDef, webhooks: unknown[], name = 'cfg'): KubeObject => ({
  apiVersion: 'admissionregistration.k8s.io/v1', kind: kind.kind, metadata: { name, creationTimestamp: '2026-01-01T00:00:00Z' }, webhooks,
});

/** The API server's order: defaults, then validate. */
const check = (kind: KindDef, ...webhooks: unknown[]): string[] => {
  const o = config(kind, webhooks);
  kind.defaults!(o);
  return messages(kind.validate!(o));
};
const v = (...webhooks: unknown[]): string[] => check(validating, ...webhooks);

describe('ValidatingWebhookConfiguration / MutatingWebhookConfiguration', () => {
  it('are cluster-scoped admissionregistration.k8s.io/v1 kinds', () => {
    for (const [k, kind, plural] of [[validating, 'ValidatingWebhookConfiguration', 'validatingwebhookconfigurations'], [mutating, 'MutatingWebhookConfiguration', 'mutatingwebhookconfigurations']] as const) {
      expect({ group: k.group, version: k.version, kind: k.kind, plural: k.plural, singular: k.singular, namespaced: k.namespaced, shortNames: k.shortNames, categories: k.categories, schemaType: k.schemaType, statusSubresource: k.statusSubresource, bumpsGeneration: k.bumpsGeneration, nameRule: k.nameRule }).toEqual({
        group: 'admissionregistration.k8s.io', version: 'v1', kind, plural, singular: kind.toLowerCase(), namespaced: false, shortNames: [], categories: ['api-extensions'],
        schemaType: `V1${kind}`, statusSubresource: false, bumpsGeneration: false, nameRule: 'subdomain',
      });
    }
  });

  it('applies SetDefaults_ValidatingWebhook / Rule / ServiceReference', () => {
    const o = config(validating, [hook()]);
    validating.defaults!(o);
    expect(o.webhooks).toEqual([{
      name: 'webhook.example.com',
      admissionReviewVersions: ['v1'],
      sideEffects: 'None',
      clientConfig: { service: { namespace: 'ns', name: 'svc', port: 443 } },
      rules: [{ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods'], scope: '*' }],
      failurePolicy: 'Fail',
      matchPolicy: 'Equivalent',
      namespaceSelector: {},
      objectSelector: {},
      timeoutSeconds: 10,
    }]);
  });

  it('keeps values that are set, and defaults reinvocationPolicy only for mutating webhooks', () => {
    const set = { failurePolicy: 'Ignore', matchPolicy: 'Exact', timeoutSeconds: 5, namespaceSelector: { matchLabels: { a: 'b' } }, clientConfig: { url: 'https://x.example.com/hook' } };
    const o = config(validating, [hook(set)]);
    validating.defaults!(o);
    expect(o.webhooks[0]).toMatchObject(set);
    expect(o.webhooks[0].clientConfig).toEqual({ url: 'https://x.example.com/hook' });
    expect(o.webhooks[0]).not.toHaveProperty('reinvocationPolicy');
    const m = config(mutating, [hook(), hook({ name: 'b.example.com', reinvocationPolicy: 'IfNeeded' })]);
    mutating.defaults!(m);
    expect(m.webhooks.map((h: any) => h.reinvocationPolicy)).toEqual(['Never', 'IfNeeded']);
    const bare = config(mutating, [{ name: 'c.example.com', clientConfig: { url: 'https://c.example.com' } }]);
    mutating.defaults!(bare);
    expect(bare.webhooks[0]).toEqual({
      name: 'c.example.com', clientConfig: { url: 'https://c.example.com' }, failurePolicy: 'Fail', matchPolicy: 'Equivalent',
      namespaceSelector: {}, objectSelector: {}, timeoutSeconds: 10, reinvocationPolicy: 'Never',
    });
  });

  it('checks webhook names: fully qualified, at least three segments, unique', () => {
    expect(v(hook({ name: 'a.b' }))).toEqual(['webhooks[0].name: Invalid value: "a.b": should be a domain with at least three segments separated by dots']);
    expect(v(hook({ name: '' }))).toEqual(['webhooks[0].name: Required value']);
    expect(v(hook({ name: 'A.b.c' }))).toEqual([
      `webhooks[0].name: Invalid value: "A.b.c": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ]);
    expect(v(hook({ name: 'x.example.com' }), hook({ name: 'y.example.com' }), hook({ name: 'x.example.com' }))).toEqual(['webhooks[2].name: Duplicate value: "x.example.com"']);
    expect(check(mutating, hook(), hook())).toEqual(['webhooks[1].name: Duplicate value: "webhook.example.com"']);
  });

  it('requires admissionReviewVersions with a recognized version, and sideEffects None or NoneOnDryRun', () => {
    expect(v(hook({ admissionReviewVersions: undefined, sideEffects: undefined }))).toEqual([
      'webhooks[0].sideEffects: Required value: must specify one of None, NoneOnDryRun',
      'webhooks[0].admissionReviewVersions: Required value: must specify one of v1, v1beta1',
    ]);
    expect(v(hook({ admissionReviewVersions: ['v2', 'v2', 'V3'], sideEffects: 'Some' }))).toEqual([
      'webhooks[0].sideEffects: Unsupported value: "Some": supported values: "None", "NoneOnDryRun"',
      'webhooks[0].admissionReviewVersions[1]: Invalid value: "v2": duplicate version',
      `webhooks[0].admissionReviewVersions[2]: Invalid value: "V3": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
      'webhooks[0].admissionReviewVersions: Invalid value: []string{"v2", "v2", "V3"}: must include at least one of v1, v1beta1',
    ]);
    expect(v(hook({ admissionReviewVersions: ['v1beta1', 'v1'], sideEffects: 'NoneOnDryRun' }))).toEqual([]);
  });

  it('checks the policies and the timeout', () => {
    expect(v(hook({ failurePolicy: 'Maybe', matchPolicy: 'Loose', timeoutSeconds: 31 }))).toEqual([
      'webhooks[0].failurePolicy: Unsupported value: "Maybe": supported values: "Fail", "Ignore"',
      'webhooks[0].matchPolicy: Unsupported value: "Loose": supported values: "Equivalent", "Exact"',
      'webhooks[0].timeoutSeconds: Invalid value: 31: the timeout value must be between 1 and 30 seconds',
    ]);
    expect(v(hook({ timeoutSeconds: 0 }))).toEqual(['webhooks[0].timeoutSeconds: Invalid value: 0: the timeout value must be between 1 and 30 seconds']);
    expect(v(hook({ timeoutSeconds: 30, reinvocationPolicy: 'Always' }))).toEqual([]);
    expect(check(mutating, hook({ reinvocationPolicy: 'Always' }))).toEqual(['webhooks[0].reinvocationPolicy: Unsupported value: "Always": supported values: "IfNeeded", "Never"']);
  });

  it('checks rules', () => {
    expect(v(hook({ rules: [{ scope: 'Everywhere' }] }))).toEqual([
      'webhooks[0].rules[0].operations: Required value',
      'webhooks[0].rules[0].apiGroups: Required value',
      'webhooks[0].rules[0].apiVersions: Required value',
      'webhooks[0].rules[0].resources: Required value',
      'webhooks[0].rules[0].scope: Unsupported value: "Everywhere": supported values: "*", "Cluster", "Namespaced"',
    ]);
    expect(v(hook({ rules: [{ operations: ['*', 'CREATE', 'PATCH'], apiGroups: ['*', 'apps'], apiVersions: ['*', ''], resources: ['*', 'pods'] }] }))).toEqual([
      `webhooks[0].rules[0].operations: Invalid value: []admissionregistration.OperationType{"*", "CREATE", "PATCH"}: if '*' is present, must not specify other operations`,
      'webhooks[0].rules[0].operations[2]: Unsupported value: "PATCH": supported values: "*", "CONNECT", "CREATE", "DELETE", "UPDATE"',
      `webhooks[0].rules[0].apiGroups: Invalid value: []string{"*", "apps"}: if '*' is present, must not specify other API groups`,
      `webhooks[0].rules[0].apiVersions: Invalid value: []string{"*", ""}: if '*' is present, must not specify other API versions`,
      'webhooks[0].rules[0].apiVersions[1]: Required value',
      `webhooks[0].rules[0].resources: Invalid value: []string{"*", "pods"}: if '*' is present, must not specify other resources without subresources`,
    ]);
    expect(v(hook({ rules: [{ operations: ['UPDATE'], apiGroups: ['apps'], apiVersions: ['v1'], resources: ['*/*', 'deployments/*', 'deployments/scale', ''] }] }))).toEqual([
      "webhooks[0].rules[0].resources[1]: Invalid value: \"deployments/*\": if '*/*' is present, must not specify deployments/*",
      "webhooks[0].rules[0].resources[2]: Invalid value: \"deployments/scale\": if 'deployments/*' is present, must not specify deployments/scale",
      'webhooks[0].rules[0].resources[3]: Required value',
      `webhooks[0].rules[0].resources: Invalid value: []string{"*/*", "deployments/*", "deployments/scale", ""}: if '*/*' is present, must not specify other resources`,
    ]);
    expect(v(hook({ rules: [{ operations: ['*'], apiGroups: ['*'], apiVersions: ['*'], resources: ['*', 'pods/status'], scope: 'Namespaced' }] }))).toEqual([]);
  });

  it('checks clientConfig: exactly one of url and service', () => {
    expect(v(hook({ clientConfig: {} }))).toEqual(['webhooks[0].clientConfig: Required value: exactly one of url or service is required']);
    expect(v(hook({ clientConfig: { url: 'https://a.example.com', service: { namespace: 'ns', name: 'svc' } } }))).toEqual([
      'webhooks[0].clientConfig: Required value: exactly one of url or service is required',
    ]);
    expect(v(hook({ clientConfig: { url: 'http://user:pw@a.example.com/x?y=1#frag' } }))).toEqual([
      `webhooks[0].clientConfig.url: Invalid value: "http": 'https' is the only allowed URL scheme; desired format: https://host[/path]`,
      'webhooks[0].clientConfig.url: Invalid value: "user:pw": user information is not permitted in the URL',
      'webhooks[0].clientConfig.url: Invalid value: "frag": fragments are not permitted in the URL',
      'webhooks[0].clientConfig.url: Invalid value: "y=1": query parameters are not permitted in the URL',
    ]);
    expect(v(hook({ clientConfig: { url: 'https:///path' } }))).toEqual([
      'webhooks[0].clientConfig.url: Invalid value: "": host must be provided; desired format: https://host[/path]',
    ]);
    expect(v(hook({ clientConfig: { url: 'https://a.example.com:x/' } }))).toEqual([
      'webhooks[0].clientConfig.url: Required value: url must be a valid URL: parse "https://a.example.com:x/": invalid port ":x" after host; desired format: https://host[/path]',
    ]);
    expect(v(hook({ clientConfig: { url: 'HTTPS://a.example.com:8443/validate?' } }))).toEqual([]);
  });

  it('checks the service reference', () => {
    expect(v(hook({ clientConfig: { service: { port: 70000, path: 'validate' } } }))).toEqual([
      'webhooks[0].clientConfig.service.name: Required value: service name is required',
      'webhooks[0].clientConfig.service.namespace: Required value: service namespace is required',
      'webhooks[0].clientConfig.service.port: Invalid value: 70000: port is not valid: must be between 1 and 65535, inclusive',
      `webhooks[0].clientConfig.service.path: Invalid value: "validate": must start with a '/'`,
    ]);
    expect(v(hook({ clientConfig: { service: { namespace: 'ns', name: 'svc', path: '/a//Mutate/' } } }))).toEqual([
      'webhooks[0].clientConfig.service.path: Invalid value: "/a//Mutate/": segment[1] may not be empty',
      `webhooks[0].clientConfig.service.path: Invalid value: "/a//Mutate/": segment[2]: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ]);
    expect(v(hook({ clientConfig: { service: { namespace: 'ns', name: 'svc', path: '//' } } }))).toEqual([
      'webhooks[0].clientConfig.service.path: Invalid value: "//": segment[0] may not be empty',
    ]);
    expect(v(hook({ clientConfig: { service: { namespace: 'ns', name: 'svc', path: '/' } } }))).toEqual([]);
  });

  it('checks the selectors and the match conditions (names, not CEL)', () => {
    expect(v(hook({
      namespaceSelector: { matchExpressions: [{ key: 'a', operator: 'In' }] },
      objectSelector: { matchLabels: { 'bad key!': 'x' } },
      matchConditions: [{ name: 'ok', expression: 'true' }, { name: 'ok', expression: '  ' }, { name: '' , expression: 'true' }],
    }))).toEqual([
      "webhooks[0].namespaceSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      `webhooks[0].objectSelector.matchLabels: Invalid value: "bad key!": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      'webhooks[0].matchConditions[1].expression: Required value',
      'webhooks[0].matchConditions[1].name: Duplicate value: "ok"',
      'webhooks[0].matchConditions[2].name: Required value',
    ]);
  });

  it('parses URLs as Go\'s net/url does for the fields it checks', () => {
    expect(parseGoURL('https://h.example.com/p')).toEqual({ scheme: 'https', host: 'h.example.com', user: undefined, rawQuery: '', fragment: '' });
    expect(parseGoURL('://x')).toEqual({ error: 'parse "://x": missing protocol scheme' });
    expect(parseGoURL('1a:b')).toEqual({ error: 'parse "1a:b": first path segment in URL cannot contain colon' });
    expect(parseGoURL('h.example.com/p')).toMatchObject({ scheme: '', host: '' });
  });

  it('prints NAME, WEBHOOKS, AGE', () => {
    const o = config(validating, [hook(), hook({ name: 'b.example.com' })], 'cert-manager-webhook');
    expect(row(validating, o)).toEqual({ NAME: 'cert-manager-webhook', WEBHOOKS: '2', AGE: '60m' });
    expect(row(mutating, config(mutating, [], 'empty'))).toEqual({ NAME: 'empty', WEBHOOKS: '0', AGE: '60m' });
    expect(row(mutating, { ...config(mutating, []), webhooks: undefined })).toEqual({ NAME: 'cfg', WEBHOOKS: '0', AGE: '60m' });
  });

  it('describes with the generic describer', () => {
    const o = config(validating, [hook()], 'cfg');
    validating.defaults!(o);
    const text = validating.describe!(o, undefined as never) as string;
    expect(text.split('\n').slice(0, 6)).toEqual(DESCRIBE_HEAD);
    expect(text).toContain('Side Effects:');
  });

  it('accepts a cert-manager ValidatingWebhookConfiguration and MutatingWebhookConfiguration after defaults', () => {
    const certManager = {
      name: 'webhook.cert-manager.io',
      namespaceSelector: { matchExpressions: [{ key: 'cert-manager.io/disable-validation', operator: 'NotIn', values: ['true'] }] },
      rules: [{ apiGroups: ['cert-manager.io', 'acme.cert-manager.io'], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['*/*'] }],
      admissionReviewVersions: ['v1'],
      matchPolicy: 'Equivalent',
      timeoutSeconds: 30,
      failurePolicy: 'Fail',
      sideEffects: 'None',
      clientConfig: { service: { name: 'cert-manager-webhook', namespace: 'cert-manager', path: '/validate' } },
    };
    expect(check(validating, certManager)).toEqual([]);
    const mutatingHook = { ...certManager, rules: [{ apiGroups: ['cert-manager.io'], apiVersions: ['v1'], operations: ['CREATE'], resources: ['certificaterequests'] }], clientConfig: { service: { name: 'cert-manager-webhook', namespace: 'cert-manager', path: '/mutate' } } };
    expect(check(mutating, mutatingHook)).toEqual([]);
  });
});

const DESCRIBE_HEAD = ['Name:         cfg', 'Namespace:    ', 'Labels:       <none>', 'Annotations:  <none>', 'API Version:  admissionregistration.k8s.io/v1', 'Kind:         ValidatingWebhookConfiguration'];
