import { describe, expect, it } from 'vitest';
import { apiServiceKind } from '../../../src/api/kinds/api-service.js';
import type { KubeObject } from '../../../src/api/types.js';
import { messages } from './helpers.js';
import { CREATED, row } from './workload-helpers.js';

/** metrics-server's APIService, as its install manifest (components.yaml) has it. */
const metricsServer = (spec: Record<string, unknown> = {}, name = 'v1beta1.metrics.k8s.io'): KubeObject => {
  const o: KubeObject = {
    apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService',
    metadata: { name, labels: { 'k8s-app': 'metrics-server' }, creationTimestamp: CREATED },
    spec: {
      group: 'metrics.k8s.io', version: 'v1beta1', groupPriorityMinimum: 100, versionPriority: 100,
      insecureSkipTLSVerify: true, service: { name: 'metrics-server', namespace: 'kube-system' }, ...spec,
    },
  };
  apiServiceKind.defaults!(o);
  return o;
};
const validate = (o: KubeObject) => messages(apiServiceKind.validate!(o));
const CA = Buffer.from('0123456789').toString('base64');

describe('APIService', () => {
  it('is served as kube-aggregator serves it', () => {
    expect(apiServiceKind).toMatchObject({
      group: 'apiregistration.k8s.io', version: 'v1', plural: 'apiservices', namespaced: false,
      categories: ['api-extensions'], statusSubresource: true, bumpsGeneration: false, schemaType: 'V1APIService', nameRule: 'path-segment',
    });
  });

  it('defaults the service port to 443 and starts with an empty status', () => {
    expect(metricsServer().spec.service).toEqual({ name: 'metrics-server', namespace: 'kube-system', port: 443 });
    expect(metricsServer({ service: { name: 's', namespace: 'n', port: 8443 } }).spec.service.port).toBe(8443);
    const local: KubeObject = { apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', metadata: { name: 'v1.apps' }, spec: { group: 'apps', version: 'v1' } };
    apiServiceKind.defaults!(local);
    expect(local.spec.service).toBeUndefined();
    const withStatus = metricsServer();
    withStatus.status = { conditions: [{ type: 'Available', status: 'True' }] };
    apiServiceKind.prepareForCreate!(withStatus);
    expect(withStatus.status).toEqual({});
  });

  it('accepts metrics-server\'s manifest and a local legacy group', () => {
    expect(validate(metricsServer())).toEqual([]);
    expect(validate({ apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', metadata: { name: 'v1.' },
      spec: { version: 'v1', groupPriorityMinimum: 18000, versionPriority: 1 } })).toEqual([]);
  });

  it('refuses what ValidateAPIService refuses', () => {
    expect(validate(metricsServer({}, 'metrics'))).toEqual([
      'metadata.name: Invalid value: "metrics": must be `spec.version+"."+spec.group`: "v1beta1.metrics.k8s.io"',
    ]);
    expect(validate(metricsServer({ groupPriorityMinimum: 0, versionPriority: 1001 }))).toEqual([
      'spec.groupPriorityMinimum: Invalid value: 0: must be positive and less than 20000',
      'spec.versionPriority: Invalid value: 1001: must be positive and less than 1000',
    ]);
    expect(validate(metricsServer({ groupPriorityMinimum: 20000, versionPriority: 1000 }))).toEqual([]);
    expect(validate(metricsServer({ groupPriorityMinimum: 20001, versionPriority: undefined }))).toEqual([
      'spec.groupPriorityMinimum: Invalid value: 20001: must be positive and less than 20000',
      'spec.versionPriority: Invalid value: 0: must be positive and less than 1000',
    ]);
    expect(validate(metricsServer({ caBundle: CA }))).toEqual([
      'spec.insecureSkipTLSVerify: Invalid value: true: may not be true if caBundle is present',
    ]);
    expect(validate(metricsServer({ insecureSkipTLSVerify: false, caBundle: CA }))).toEqual([]);
    expect(validate(metricsServer({ service: { port: 70000 } }))).toEqual([
      'spec.service.namespace: Required value',
      'spec.service.name: Required value',
      'spec.service.port: Invalid value: 70000: port is not valid: must be between 1 and 65535, inclusive',
    ]);
  });

  it('checks the group and version names', () => {
    expect(validate(metricsServer({ group: 'Metrics', version: '1beta' }, '1beta.Metrics'))).toEqual([
      'spec.group: Invalid value: "Metrics": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')',
      'spec.version: Invalid value: "1beta": a DNS-1035 label must consist of lower case alphanumeric characters or \'-\', start with an alphabetic character, and end with an alphanumeric character (e.g. \'my-name\',  or \'abc-123\', regex used for validation is \'[a-z]([-a-z0-9]*[a-z0-9])?\')',
    ]);
    expect(validate(metricsServer({ group: '' }, 'v1beta1.'))).toEqual([
      'spec.group: Required value: only v1 may have an empty group and it better be legacy kube',
    ]);
  });

  it('keeps local APIServices free of TLS settings', () => {
    expect(validate(metricsServer({ service: undefined, caBundle: CA }))).toEqual([
      'spec.caBundle: Invalid value: "10 bytes": local APIServices may not have a caBundle',
      'spec.insecureSkipTLSVerify: Invalid value: true: local APIServices may not have insecureSkipTLSVerify',
    ]);
  });

  it('prints kube-aggregator\'s columns', () => {
    expect(row(apiServiceKind, metricsServer())).toEqual({ NAME: 'v1beta1.metrics.k8s.io', SERVICE: 'kube-system/metrics-server', AVAILABLE: 'Unknown', AGE: '60m' });
    const local = metricsServer({ service: undefined }, 'v1.apps');
    local.status = { conditions: [{ type: 'Available', status: 'True', reason: 'Local' }] };
    expect(row(apiServiceKind, local)).toMatchObject({ SERVICE: 'Local', AVAILABLE: 'True' });
    const down = metricsServer();
    down.status = { conditions: [{ type: 'Available', status: 'False', reason: 'MissingEndpoints' }] };
    expect(row(apiServiceKind, down).AVAILABLE).toBe('False (MissingEndpoints)');
    down.status = { conditions: [{ type: 'Available', status: 'False' }] };
    expect(row(apiServiceKind, down).AVAILABLE).toBe('False');
  });
});
