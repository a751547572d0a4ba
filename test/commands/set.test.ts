import { describe, expect, it } from 'vitest';
import { listEnv, overwriteRefusal, parseEnv, updateEnv } from '../../src/cli/inplace/env-change.js';
import { matchPattern, podSpecOf, selectContainers } from '../../src/cli/inplace/pod-spec.js';
import { parseResourceList } from '../../src/commands/set/resources.js';

describe('set env', () => {
  it('parses KEY=VALUE and KEY- and rejects bad names in kubectl words', () => {
    expect(parseEnv(['A=1', 'B=x=y', 'C-'])).toEqual({ set: [{ name: 'A', value: '1' }, { name: 'B', value: 'x=y' }], remove: ['C'] });
    expect(() => parseEnv(['1X=3'])).toThrow(/^"1X" is not a valid key name: a valid environment variable name must consist of alphabetic characters/);
    expect(() => parseEnv(['nope'])).toThrow('unknown environment variable: nope');
  });
  it('replaces a known variable in place, appends new ones, drops removed ones', () => {
    const env = [{ name: 'A', value: '1' }, { name: 'B', value: '2' }, { name: 'C', value: '3' }];
    expect(updateEnv(env, parseEnv(['B=9', 'D=4', 'A-']))).toEqual([{ name: 'B', value: '9' }, { name: 'C', value: '3' }, { name: 'D', value: '4' }]);
    expect(overwriteRefusal(env, parseEnv(['A=2']))).toBe("'A' already has a value (1), and --overwrite is false");
    expect(overwriteRefusal(env, parseEnv(['A=1']))).toBeUndefined();
  });
  it('lists values and references', () => {
    const c = { name: 'web', env: [{ name: 'A', value: '1' }, { name: 'P', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'p' } } }] };
    expect(listEnv('Deployment', 'web', c)).toBe('# Deployment web, container web\nA=1\n# P from configmap cfg, key p\n');
  });
});

describe('pod specs and containers', () => {
  it('finds the pod spec of pods, workloads and cron jobs; refuses others', () => {
    const inner = { containers: [{ name: 'a' }] };
    expect(podSpecOf({ apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: inner })).toBe(inner);
    expect(podSpecOf({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: {}, spec: { template: { spec: inner } } })).toBe(inner);
    expect(podSpecOf({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: {}, spec: { jobTemplate: { spec: { template: { spec: inner } } } } })).toBe(inner);
    expect(() => podSpecOf({ apiVersion: 'v1', kind: 'Service', metadata: {}, spec: {} })).toThrow('the object is not a pod or does not have a pod template: *v1.Service');
  });
  it('selects containers by wildcard', () => {
    expect(matchPattern('ng*', 'nginx')).toBe(true);
    expect(matchPattern('ng?', 'nginx')).toBe(false);
    expect(selectContainers([{ name: 'a' }, { name: 'b' }], '*')).toHaveLength(2);
  });
});

describe('set resources', () => {
  it('parses resource lists and canonicalises quantities', () => {
    expect(parseResourceList('cpu=0.1,memory=512Mi')).toEqual({ cpu: '100m', memory: '512Mi' });
    expect(() => parseResourceList('cpu')).toThrow('Invalid argument syntax cpu, expected <resource>=<value>');
    expect(() => parseResourceList('cpu=lots')).toThrow("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
  });
});
