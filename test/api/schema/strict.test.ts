import { describe, expect, it } from 'vitest';
import { checkFieldValidation, checkStrict, checkStrictWarnings, decodeCheck, dropUnknownFields } from '../../../src/api/schema/strict.js';

const deployment = (spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'web' }) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata,
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }], resources: { limits: { cpu: '500m', memory: '128Mi' } } }] },
    },
    ...spec,
  },
});
const PREFIX = 'Deployment in version "v1" cannot be handled as a Deployment: ';

describe('unknown fields', () => {
  it('accepts a well-formed object, including status and managedFields', () => {
    const obj = {
      ...deployment({}, { name: 'web', managedFields: [{ manager: 'kubectl', operation: 'Update', fieldsV1: { 'f:spec': {} } }] }),
      status: { replicas: 2, conditions: [{ type: 'Available', status: 'True', lastUpdateTime: '2025-01-01T00:00:00Z' }] },
    };
    expect(decodeCheck(obj, 'V1Deployment')).toEqual({ error: undefined, unknownFields: [] });
    expect(checkStrict(obj, 'V1Deployment', 'Deployment', 'v1')).toBeUndefined();
  });

  it('reports a 400 BadRequest with dotted paths and [i] indexes, in document order', () => {
    const obj = deployment({ replica: 3 });
    obj.spec.template.spec.containers[0] = { ...obj.spec.template.spec.containers[0], imagePullPolic: 'Always' } as never;
    const err = checkStrict(obj, 'V1Deployment', 'Deployment', 'v1');
    expect(err?.code).toBe(400);
    expect(err?.reason).toBe('BadRequest');
    expect(err?.message).toBe(
      `${PREFIX}strict decoding error: unknown field "spec.template.spec.containers[0].imagePullPolic", unknown field "spec.replica"`,
    );
  });

  it('checks ObjectMeta, map values and top-level fields', () => {
    const obj = { ...deployment({}, { name: 'web', lables: { a: 'b' } }), extra: true };
    expect(checkStrictWarnings(obj, 'V1Deployment')).toEqual(['unknown field "metadata.lables"', 'unknown field "extra"']);
    const pvc = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c' }, spec: { resources: { requests: { storage: '1Gi' } }, storageClass: 'x' } };
    expect(checkStrictWarnings(pvc, 'V1PersistentVolumeClaim')).toEqual(['unknown field "spec.storageClass"']);
  });

  it('does not look inside an unknown field or free-form data', () => {
    const cr = { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name: 'r' }, revision: 1, data: { anything: { goes: [1] } } };
    expect(decodeCheck(cr, 'V1ControllerRevision').unknownFields).toEqual([]);
    expect(checkStrictWarnings(deployment({ bogus: { deeper: 1 } }), 'V1Deployment')).toEqual(['unknown field "spec.bogus"']);
  });

  it('follows the fieldValidation directive', () => {
    const obj = deployment({ replica: 3 });
    expect(checkFieldValidation(obj, 'V1Deployment', 'Deployment', 'v1', 'Warn')).toEqual({ warnings: ['unknown field "spec.replica"'] });
    expect(checkFieldValidation(obj, 'V1Deployment', 'Deployment', 'v1', 'Ignore')).toEqual({ warnings: [] });
    expect(checkFieldValidation(obj, 'V1Deployment', 'Deployment', 'v1', 'Strict').error?.message).toBe(
      `${PREFIX}strict decoding error: unknown field "spec.replica"`,
    );
  });
});

describe('dropping unknown fields (fieldValidation Warn / Ignore)', () => {
  it('deletes them where they are, nested ones too, and names them', () => {
    const obj = deployment({ replica: 3 }, { name: 'web', lables: { a: 'b' } }) as Record<string, any>;
    obj.extra = true;
    obj.spec.template.spec.containers[0].imagePullPolice = 'Always';
    expect(dropUnknownFields(obj, 'V1Deployment')).toEqual([
      'unknown field "metadata.lables"', 'unknown field "spec.template.spec.containers[0].imagePullPolice"', 'unknown field "spec.replica"', 'unknown field "extra"',
    ]);
    expect(obj).toEqual(deployment({}));
    expect(checkStrict(obj, 'V1Deployment', 'Deployment', 'v1')).toBeUndefined();
  });
});

describe('type errors', () => {
  it('words them as encoding/json does, innermost struct and field path without indexes', () => {
    expect(checkStrict(deployment({ replicas: '3' }), 'V1Deployment', 'Deployment', 'v1')?.message).toBe(
      `${PREFIX}json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`,
    );
    const envBad = deployment({});
    envBad.spec.template.spec.containers[0] = { name: 'web', image: 'nginx', env: [{ name: 'A', value: 1 }] } as never;
    expect(decodeCheck(envBad, 'V1Deployment').error).toBe(
      'json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string',
    );
  });

  it('names Go types: slices, maps, structs, int64, bool', () => {
    expect(decodeCheck(deployment({ template: { spec: { containers: {} } } }), 'V1Deployment').error).toBe(
      'json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container',
    );
    expect(decodeCheck(deployment({}, { name: 'web', labels: ['a'] }), 'V1Deployment').error).toBe(
      'json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string',
    );
    expect(decodeCheck(deployment({}, { name: 'web', labels: { a: 1 } }), 'V1Deployment').error).toBe(
      'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
    );
    expect(decodeCheck(deployment({ template: 'x' }), 'V1Deployment').error).toBe(
      'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.template of type v1.PodTemplateSpec',
    );
    expect(decodeCheck(deployment({ paused: 'yes' }), 'V1Deployment').error).toBe(
      'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.paused of type bool',
    );
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [], activeDeadlineSeconds: 'x' } };
    expect(decodeCheck(pod, 'V1Pod').error).toBe(
      'json: cannot unmarshal string into Go struct field PodSpec.spec.activeDeadlineSeconds of type int64',
    );
  });

  it('rejects fractions and overflow for integers', () => {
    expect(decodeCheck(deployment({ replicas: 1.5 }), 'V1Deployment').error).toBe(
      'json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
    expect(decodeCheck(deployment({ replicas: 3000000000 }), 'V1Deployment').error).toBe(
      'json: cannot unmarshal number 3000000000 into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
  });

  it('a type error wins over unknown fields, and only the first is reported', () => {
    const r = checkStrict(deployment({ replica: 1, replicas: 'x', paused: 'y' }), 'V1Deployment', 'Deployment', 'v1');
    expect(r?.message).toBe(`${PREFIX}json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`);
  });

  it('null is accepted anywhere', () => {
    expect(decodeCheck(deployment({ replicas: null, strategy: null }), 'V1Deployment')).toEqual({ error: undefined, unknownFields: [] });
  });
});

describe('types with their own decoders', () => {
  const svc = (targetPort: unknown) => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 's' },
    spec: { ports: [{ port: 80, targetPort }] },
  });

  it('IntOrString takes ints and strings only', () => {
    expect(decodeCheck(svc(8080), 'V1Service').error).toBeUndefined();
    expect(decodeCheck(svc('http'), 'V1Service').error).toBeUndefined();
    expect(decodeCheck(svc(true), 'V1Service').error).toBe('json: cannot unmarshal bool into Go value of type int32');
    expect(decodeCheck(svc(1.5), 'V1Service').error).toBe('json: cannot unmarshal number 1.5 into Go value of type int32');
  });

  it('Quantity takes numbers and quantity strings', () => {
    const withCpu = (cpu: unknown) => {
      const d = deployment({});
      d.spec.template.spec.containers[0].resources.limits = { cpu } as never;
      return d;
    };
    expect(decodeCheck(withCpu(1), 'V1Deployment').error).toBeUndefined();
    expect(decodeCheck(withCpu('250m'), 'V1Deployment').error).toBeUndefined();
    expect(checkStrict(withCpu('lots'), 'V1Deployment', 'Deployment', 'v1')?.message).toBe(
      `${PREFIX}quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
    );
    expect(decodeCheck(withCpu('1K'), 'V1Deployment').error).toBe("unable to parse quantity's suffix");
  });

  it('Secret data must be base64', () => {
    const secret = (data: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data });
    expect(decodeCheck(secret({ a: 'aGVsbG8=' }), 'V1Secret').error).toBeUndefined();
    expect(checkStrict(secret({ a: 'hello!' }), 'V1Secret', 'Secret', 'v1')?.message).toBe(
      'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 5',
    );
    expect(decodeCheck(secret({ a: 1 }), 'V1Secret').error).toBe(
      'json: cannot unmarshal number into Go struct field Secret.data of type []uint8',
    );
  });

  it('times must be RFC 3339', () => {
    const ev = (t: unknown) => ({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'e', namespace: 'd' },
      involvedObject: { kind: 'Pod', name: 'p' },
      lastTimestamp: t,
    });
    expect(decodeCheck(ev('2025-03-01T12:34:56Z'), 'CoreV1Event').error).toBeUndefined();
    expect(decodeCheck(ev('yesterday'), 'CoreV1Event').error).toBe(
      'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"',
    );
    expect(decodeCheck(ev(5), 'CoreV1Event').error).toBe('json: cannot unmarshal number into Go value of type string');
  });
});
