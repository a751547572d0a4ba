import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import { conditionMet, parseWaitFor, splitOnSingleEquals } from '../../src/cli/wait/condition.js';

const obj = (status: Record<string, unknown>, generation?: number): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', generation }, status }) as KubeObject;

describe('--for parsing', () => {
  it('knows delete and create in any case', () => {
    expect(parseWaitFor('delete')).toEqual({ type: 'delete' });
    expect(parseWaitFor('Delete')).toEqual({ type: 'delete' });
    expect(parseWaitFor('CREATE')).toEqual({ type: 'create' });
  });
  it('splits condition name and value (default true)', () => {
    expect(parseWaitFor('condition=Ready')).toEqual({ type: 'condition', names: ['Ready'], status: 'true' });
    expect(parseWaitFor('condition=Ready=false')).toEqual({ type: 'condition', names: ['Ready'], status: 'false' });
    expect(parseWaitFor('condition=Available,Progressing')).toMatchObject({ names: ['Available', 'Progressing'] });
  });
  it('rejects anything else with kubectl\'s words', () => {
    expect(() => parseWaitFor('')).toThrow('unrecognized condition: ""');
    expect(() => parseWaitFor('Condition=Ready')).toThrow('unrecognized condition: "Condition=Ready"');
    expect(() => parseWaitFor('jsonpath={.a}=1=2')).toThrow("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
    expect(() => parseWaitFor("jsonpath={.a}=''")).toThrow('jsonpath wait has to have a value after equal sign');
    expect(() => parseWaitFor('jsonpath=')).toThrow('jsonpath expression cannot be empty');
  });
  it('splits jsonpath input on single = only', () => {
    expect(splitOnSingleEquals('a.b.c====d.e.f===g.h.i===')).toEqual(['a.b.c====d.e.f==', 'g.h.i==', '']);
    expect(splitOnSingleEquals('{.status.conditions[?(@.type=="Ready")].status}=True')).toEqual(['{.status.conditions[?(@.type=="Ready")].status}', 'True']);
  });
});

describe('condition checks', () => {
  const ready = obj({ conditions: [{ type: 'Ready', status: 'True' }, { type: 'PodScheduled', status: 'True' }] });
  it('matches condition type and status case-insensitively', () => {
    expect(conditionMet(ready, parseWaitFor('condition=ready'))).toBe(true);
    expect(conditionMet(ready, parseWaitFor('condition=Ready=TRUE'))).toBe(true);
    expect(conditionMet(ready, parseWaitFor('condition=Ready=false'))).toBe(false);
    expect(conditionMet(ready, parseWaitFor('condition=Initialized'))).toBe(false);
    expect(conditionMet(obj({}), parseWaitFor('condition=Ready'))).toBe(false);
  });
  it('ignores conditions observed for an older generation', () => {
    const stale = obj({ observedGeneration: 1, conditions: [{ type: 'Available', status: 'True' }] }, 2);
    expect(conditionMet(stale, parseWaitFor('condition=Available'))).toBe(false);
    const perCondition = obj({ observedGeneration: 2, conditions: [{ type: 'Available', status: 'True', observedGeneration: 1 }] }, 2);
    expect(conditionMet(perCondition, parseWaitFor('condition=Available'))).toBe(false);
    const fresh = obj({ observedGeneration: 2, conditions: [{ type: 'Available', status: 'True' }] }, 2);
    expect(conditionMet(fresh, parseWaitFor('condition=Available'))).toBe(true);
  });
  it('compares jsonpath values as printed, trimmed', () => {
    const pod = obj({ phase: 'Running', replicas: 3, conditions: [{ type: 'Ready', status: 'True' }] });
    expect(conditionMet(pod, parseWaitFor("jsonpath={.status.phase}='Running'"))).toBe(true);
    expect(conditionMet(pod, parseWaitFor('jsonpath={.status.phase}=Pending'))).toBe(false);
    expect(conditionMet(pod, parseWaitFor('jsonpath=.status.replicas=3'))).toBe(true);
    expect(conditionMet(pod, parseWaitFor('jsonpath={.status.conditions[?(@.type=="Ready")].status}=True'))).toBe(true);
  });
  it('the existence form matches any value; a missing field is not met', () => {
    const pod = obj({ podIP: '10.244.1.2' });
    expect(conditionMet(pod, parseWaitFor('jsonpath={.status.podIP}'))).toBe(true);
    expect(conditionMet(pod, parseWaitFor('jsonpath={.status.hostIP}'))).toBe(false);
  });
  it('refuses nested values and several matches', () => {
    const pod = obj({ conditions: [{ type: 'A', status: 'True' }, { type: 'B', status: 'True' }] });
    expect(() => conditionMet(pod, parseWaitFor('jsonpath={.status}=x'))).toThrow('jsonpath leads to a nested object or list which is not supported');
    expect(() => conditionMet(pod, parseWaitFor('jsonpath={.status.conditions[*].type}=A'))).toThrow('given jsonpath expression matches more than one value');
  });
});
