import { describe, expect, it } from 'vitest';
import { priorityClassKind, systemPriorityClass } from '../../../src/api/kinds/priority-class.js';
import type { KubeObject } from '../../../src/api/types.js';
import { messages } from './helpers.js';
import { row } from './workload-helpers.js';

const pc = (name: string, extra: Record<string, unknown> = {}): KubeObject => {
  const o: KubeObject = { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name, creationTimestamp: '2026-01-01T00:00:00Z' }, value: 1000, ...extra };
  priorityClassKind.defaults!(o);
  return o;
};
const validate = (o: KubeObject) => messages(priorityClassKind.validate!(o));

describe('PriorityClass', () => {
  it('defaults preemptionPolicy to PreemptLowerPriority', () => {
    expect(pc('a').preemptionPolicy).toBe('PreemptLowerPriority');
    expect(pc('a', { preemptionPolicy: 'Never' }).preemptionPolicy).toBe('Never');
  });

  it('refuses what ValidatePriorityClass refuses', () => {
    expect(validate(pc('a'))).toEqual([]);
    expect(validate(pc('a', { value: -2147483648 }))).toEqual([]);
    expect(validate(pc('a', { value: 1000000001, preemptionPolicy: 'Sometimes' }))).toEqual([
      'value: Forbidden: maximum allowed value of a user defined priority is 1000000000',
      'preemptionPolicy: Unsupported value: "Sometimes": supported values: "Never", "PreemptLowerPriority"',
    ]);
    expect(validate(pc('system-mine'))).toEqual([
      "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class",
    ]);
    expect(validate(pc('system-node-critical', { value: 5 }))).toEqual([
      "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: value of system-node-critical PriorityClass must be 2000001000",
    ]);
    expect(validate(systemPriorityClass('system-cluster-critical')!)).toEqual([]);
    expect(validate({ ...systemPriorityClass('system-cluster-critical')!, globalDefault: true })[0]).toMatch(/globalDefault of system-cluster-critical PriorityClass must be false$/);
  });

  it('keeps value and preemptionPolicy as created', () => {
    const old = pc('a');
    expect(messages(priorityClassKind.validateUpdate!({ ...old, description: 'new', globalDefault: true }, old))).toEqual([]);
    expect(messages(priorityClassKind.validateUpdate!({ ...old, value: 5, preemptionPolicy: 'Never' }, old))).toEqual([
      'value: Forbidden: may not be changed in an update.',
      'preemptionPolicy: Invalid value: "Never": field is immutable',
    ]);
  });

  it('prints kubectl\'s columns and describer', () => {
    expect(row(priorityClassKind, pc('high', { globalDefault: true }))).toEqual({
      NAME: 'high', VALUE: '1000', 'GLOBAL-DEFAULT': 'true', AGE: '60m', PREEMPTIONPOLICY: 'PreemptLowerPriority',
    });
    expect(priorityClassKind.describe!(pc('high', { description: 'for the web tier', metadata: { name: 'high', annotations: { a: 'b' } } }), undefined as never)).toBe([
      'Name:              high',
      'Value:             1000',
      'GlobalDefault:     false',
      'PreemptionPolicy:  PreemptLowerPriority',
      'Description:       for the web tier',
      'Annotations:       a=b',
      '',
    ].join('\n'));
  });
});
