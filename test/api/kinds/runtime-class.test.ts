import { describe, expect, it } from 'vitest';
import { runtimeClassKind } from '../../../src/api/kinds/runtime-class.js';
import type { KubeObject } from '../../../src/api/types.js';
import { messages } from './helpers.js';
import { CREATED, row } from './workload-helpers.js';

const rc = (extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: { name: 'gvisor', creationTimestamp: CREATED }, handler: 'runsc', ...extra,
});
const validate = (o: KubeObject) => messages(runtimeClassKind.validate!(o));
const LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

describe('RuntimeClass', () => {
  it('is served as node.k8s.io/v1 runtimeclasses, cluster-scoped', () => {
    expect(runtimeClassKind).toMatchObject({ group: 'node.k8s.io', version: 'v1', plural: 'runtimeclasses', namespaced: false, statusSubresource: false, schemaType: 'V1RuntimeClass' });
  });

  it('accepts gVisor and Kata classes with overhead and scheduling', () => {
    expect(validate(rc())).toEqual([]);
    expect(validate(rc({
      metadata: { name: 'kata-qemu' }, handler: 'kata-qemu',
      overhead: { podFixed: { cpu: '250m', memory: '160Mi' } },
      scheduling: {
        nodeSelector: { 'katacontainers.io/kata-runtime': 'true' },
        tolerations: [{ key: 'kata', operator: 'Exists', effect: 'NoSchedule' }, { operator: 'Exists' }, { key: 'a', value: 'b', effect: 'NoExecute', tolerationSeconds: 30 }],
      },
    }))).toEqual([]);
  });

  it('requires a handler that is a DNS label', () => {
    expect(validate(rc({ handler: undefined }))).toEqual([`handler: Invalid value: "": ${LABEL_MSG}`]);
    expect(validate(rc({ handler: 'Run_SC' }))).toEqual([`handler: Invalid value: "Run_SC": ${LABEL_MSG}`]);
  });

  it('checks the overhead quantities and the scheduling constraints', () => {
    expect(validate(rc({ overhead: { podFixed: { cpu: '-1', memory: '1Gi' } } }))).toEqual([
      'overhead.limits[cpu]: Invalid value: "-1": must be greater than or equal to 0',
    ]);
    expect(validate(rc({ scheduling: {
      nodeSelector: { 'bad key!': 'x' },
      tolerations: [
        { operator: 'Equal', value: 'v' },
        { key: 'k', operator: 'Exists', value: 'v' },
        { key: 'k', operator: 'Maybe', effect: 'Sometimes' },
        { key: 'k', value: 'v', tolerationSeconds: 5 },
      ],
    } }))).toEqual([
      'scheduling.nodeSelector: Invalid value: "bad key!": name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyName\',  or \'my.name\',  or \'123-abc\', regex used for validation is \'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\')',
      'scheduling.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
      'scheduling.tolerations[1].operator: Invalid value: core.Toleration{Key:"k", Operator:"Exists", Value:"v", Effect:"", TolerationSeconds:(*int64)(nil)}: value must be empty when `operator` is \'Exists\'',
      'scheduling.tolerations[2].operator: Unsupported value: "Maybe": supported values: "Equal", "Exists"',
      'scheduling.tolerations[2].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      'scheduling.tolerations[3].effect: Invalid value: "": effect must be \'NoExecute\' when `tolerationSeconds` is set',
    ]);
  });

  it('keeps the handler as created', () => {
    const old = rc();
    expect(messages(runtimeClassKind.validateUpdate!(rc({ overhead: { podFixed: { cpu: '1' } } }), old))).toEqual([]);
    expect(messages(runtimeClassKind.validateUpdate!(rc({ handler: 'kata' }), old))).toEqual(['handler: Invalid value: "kata": field is immutable']);
  });

  it('prints kubectl\'s columns', () => {
    expect(row(runtimeClassKind, rc())).toEqual({ NAME: 'gvisor', HANDLER: 'runsc', AGE: '60m' });
  });
});
