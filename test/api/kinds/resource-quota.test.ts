import { describe, expect, it } from 'vitest';
import { namespaceKind } from '../../../src/api/kinds/namespace.js';
import { resourceQuotaKind } from '../../../src/api/kinds/resource-quota.js';
import type { KubeObject } from '../../../src/api/types.js';
import { fakeClient, messages } from './helpers.js';
import { NOW, row } from './workload-helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const quota = (spec: Record<string, unknown>, status?: Record<string, unknown>): KubeObject => {
  const q: KubeObject = {
    apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q', namespace: 'dev', creationTimestamp: '2026-01-01T00:00:00Z' }, spec, status,
  };
  resourceQuotaKind.defaults!(q);
  return q;
};
const validate = (q: KubeObject) => messages(resourceQuotaKind.validate!(q));
const quantity = (value: number, scale: number, s: string, format = 'DecimalSI') =>
  `resource.Quantity{i:resource.int64Amount{value:${value}, scale:${scale}}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"${s}", Format:"${format}"}`;

describe('ResourceQuota', () => {
  it('stores its hard limits canonically and starts with an empty status', () => {
    const q = quota({ hard: { cpu: '0.5', memory: '1.5Gi', pods: '10' } }, { used: { pods: '3' } });
    expect(q.spec.hard).toEqual({ cpu: '500m', memory: '1536Mi', pods: '10' });
    resourceQuotaKind.prepareForCreate!(q);
    expect(q.status).toEqual({});
    expect(resourceQuotaKind.shortNames).toEqual(['quota']);
  });

  it('refuses what ValidateResourceQuota refuses', () => {
    expect(validate(quota({ hard: { pods: '10', 'requests.cpu': '1', 'count/deployments.apps': '2', 'requests.nvidia.com/gpu': '4' } }))).toEqual([]);
    expect(validate(quota({ hard: { storage: '1Gi', foo: '1', 'example.com/x': '1' } }))).toEqual([
      'spec.hard[foo]: Invalid value: "foo": must be a standard resource type or fully qualified',
      'spec.hard[foo]: Invalid value: "foo": must be a standard resource for quota',
      'spec.hard[storage]: Invalid value: "storage": must be a standard resource for quota',
    ]);
    expect(validate(quota({ hard: { pods: '1500m', cpu: '-1', 'count/jobs.batch': '500m' } }))).toEqual([
      `spec.hard[count/jobs.batch]: Invalid value: ${quantity(500, -3, '500m')}: must be an integer`,
      'spec.hard[cpu]: Invalid value: "-1": must be greater than or equal to 0',
      `spec.hard[pods]: Invalid value: ${quantity(1500, -3, '1500m')}: must be an integer`,
    ]);
    expect(validate(quota({ hard: { pods: '1', services: '1' }, scopes: ['BestEffort', 'NotBestEffort', 'Sometimes'] }))).toEqual([
      // services under BestEffort, then under NotBestEffort
      'spec.scopes: Invalid value: []core.ResourceQuotaScope{"BestEffort", "NotBestEffort", "Sometimes"}: unsupported scope applied to resource',
      'spec.scopes: Invalid value: []core.ResourceQuotaScope{"BestEffort", "NotBestEffort", "Sometimes"}: unsupported scope applied to resource',
      'spec.scopes: Invalid value: []core.ResourceQuotaScope{"BestEffort", "NotBestEffort", "Sometimes"}: unsupported scope',
      'spec.scopes: Invalid value: []core.ResourceQuotaScope{"BestEffort", "NotBestEffort", "Sometimes"}: conflicting scopes',
    ]);
    expect(validate(quota({ hard: { pods: '1' }, scopeSelector: { matchExpressions: [
      { scopeName: 'PriorityClass', operator: 'In' },
      { scopeName: 'BestEffort', operator: 'In', values: ['x'] },
      { scopeName: 'Terminating', operator: 'Exists', values: ['x'] },
    ] } }))).toEqual([
      "spec.scopeSelector.matchExpressions.values: Required value: must be at least one value when `operator` is 'In' or 'NotIn' for scope selector",
      "spec.scopeSelector.matchExpressions.operator: Invalid value: \"In\": must be 'Exist' when scope is any of ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity",
      "spec.scopeSelector.matchExpressions.values: Invalid value: []string{\"x\"}: must be no value when `operator` is 'Exist' or 'DoesNotExist' for scope selector",
    ]);
  });

  it('keeps its scopes as created', () => {
    const old = quota({ hard: { pods: '1' }, scopes: ['NotTerminating', 'NotBestEffort'] });
    const grown = quota({ hard: { pods: '2' }, scopes: ['NotBestEffort', 'NotTerminating'] });
    expect(messages(resourceQuotaKind.validateUpdate!(grown, old))).toEqual([]);
    expect(messages(resourceQuotaKind.validateUpdate!(quota({ hard: { pods: '2' } }), old))).toEqual([
      'spec.scopes: Invalid value: []core.ResourceQuotaScope(nil): field is immutable',
    ]);
  });

  it('prints REQUEST and LIMIT from status, in name order', () => {
    const hard = { pods: '10', 'requests.cpu': '1', 'limits.memory': '2Gi', 'limits.cpu': '2', 'count/secrets': '5' };
    const q = quota({ hard }, { hard, used: { pods: '1', 'requests.cpu': '100m', 'limits.memory': '128Mi', 'limits.cpu': '0' } });
    expect(row(resourceQuotaKind, q)).toEqual({
      NAME: 'q', AGE: '60m',
      REQUEST: 'count/secrets: 0/5, pods: 1/10, requests.cpu: 100m/1',
      LIMIT: 'limits.cpu: 0/2, limits.memory: 128Mi/2Gi',
    });
    // not yet counted by the controller
    expect(row(resourceQuotaKind, quota({ hard }, {}))).toEqual({ NAME: 'q', AGE: '60m', REQUEST: '', LIMIT: '' });
  });

  it('describes like kubectl, alone and within its namespace', async () => {
    const hard = { pods: '2', memory: '1G', cpu: '1' };
    const q = quota({ hard, scopes: ['NotBestEffort'] }, { hard, used: { pods: '1', memory: '64Mi', cpu: '250m' } });
    expect(resourceQuotaKind.describe!(q, undefined as never)).toBe([
      'Name:       q',
      'Namespace:  dev',
      'Scopes:     NotBestEffort',
      ' * Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
      // the help line ends the first block of aligned columns
      'Resource  Used      Hard',
      '--------  ----      ----',
      'cpu       250m      1',
      // used in hard's format when they differ, as describeQuota converts it
      'memory    67108864  1G',
      'pods      1         2',
      '',
    ].join('\n'));
    const ns: any = { metadata: { name: 'dev' }, status: { phase: 'Active' } };
    const client = fakeClient({ resourcequotas: [q] });
    expect(await namespaceKind.describe!(ns, { client, now: NOW })).toBe([
      'Name:         dev',
      'Labels:       <none>',
      'Annotations:  <none>',
      'Status:       Active',
      '',
      'Resource Quotas',
      '  Name:    q',
      '  Scopes:  NotBestEffort',
      '  * Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
      '  Resource  Used  Hard',
      '  --------  ---   ---',
      '  cpu       250m  1',
      '  memory    64Mi  1G',
      '  pods      1     2',
      '',
      'No LimitRange resource.',
      '',
    ].join('\n'));
  });
});
