import { describe, expect, it } from 'vitest';
import { isStatusError } from '../../src/api/errors.js';
import { decodeMessage } from '../../src/serve/protobuf/decode.js';
import { readEnvelope } from '../../src/serve/protobuf/envelope.js';
import { decodeProtobufBody } from '../../src/serve/protobuf/index.js';
import { fullName, messageNameOf, messageSpecs } from '../../src/serve/protobuf/schema.js';
import { decodeBody } from '../../src/serve/respond.js';
import { bool, bytes, envelope, int, msg, str, strMap } from './protobuf-encoder.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

function statusOf(f: () => unknown): { code: number; reason: string; message: string } {
  try {
    f();
  } catch (e) {
    if (isStatusError(e)) return { code: e.code, reason: e.reason, message: e.message };
    throw e;
  }
  throw new Error('no error');
}

const objectMeta = (...parts: number[][]): number[] => msg(1, ...parts);

describe('protobuf tables', () => {
  it('resolve every message type they refer to', () => {
    const specs = messageSpecs();
    for (const spec of specs.values()) {
      for (const f of spec.fields.values()) if ('message' in f.value) expect(specs.has(f.value.message), `${spec.name}.${f.number}`).toBe(true);
    }
    expect(specs.size).toBeGreaterThan(200);
  });

  it('name messages by apiVersion and kind', () => {
    expect(messageNameOf('v1', 'Pod')).toBe('core.v1.Pod');
    expect(messageNameOf('rbac.authorization.k8s.io/v1', 'Role')).toBe('rbac.v1.Role');
    expect(messageNameOf('apps.example.com/v1', 'Deployment')).toBeUndefined();
    expect(fullName('meta.v1.ObjectMeta')).toBe('k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta');
    expect(fullName('core.v1.PodSpec')).toBe('k8s.io.api.core.v1.PodSpec');
  });
});

describe('the envelope', () => {
  it('reads type meta and raw', () => {
    const env = readEnvelope(envelope('v1', 'ConfigMap', [1, 2, 3]));
    expect(env).toMatchObject({ apiVersion: 'v1', kind: 'ConfigMap', raw: Uint8Array.of(1, 2, 3), contentEncoding: '' });
  });

  it('wants the magic number', () => {
    const s = statusOf(() => decodeProtobufBody(Uint8Array.of(1, 2, 3, 4, 5)));
    expect(s.code).toBe(415);
    expect(s.message).toContain('magic');
  });

  it('refuses content encodings and unknown envelope fields', () => {
    expect(statusOf(() => decodeProtobufBody(envelope('v1', 'ConfigMap', [], [str(3, 'gzip')]))).message).toContain('gzip');
    expect(statusOf(() => decodeProtobufBody(envelope('v1', 'ConfigMap', [], [str(9, 'x')]))).message).toContain('field 9 of k8s.io.apimachinery.pkg.runtime.Unknown');
  });

  it('gives 400 for a truncated body', () => {
    const body = envelope('v1', 'ConfigMap', objectMeta(str(1, 'x')));
    expect(statusOf(() => decodeProtobufBody(body.subarray(0, body.length - 2))).code).toBe(400);
  });
});

describe('decoding', () => {
  it('reads a ConfigMap with labels, data and binary data', () => {
    const raw = [
      ...objectMeta(str(1, 'cm'), str(3, 'ns'), msg(8), strMap(11, { app: 'a' }), str(14, 'f1'), str(14, 'f2')),
      ...strMap(2, { k: 'v', empty: '' }),
      ...msg(3, str(1, 'bin'), bytes(2, [0xff, 0x00])),
    ];
    expect(decodeProtobufBody(envelope('v1', 'ConfigMap', raw))).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cm', namespace: 'ns', creationTimestamp: null, labels: { app: 'a' }, finalizers: ['f1', 'f2'] },
      data: { k: 'v', empty: '' },
      binaryData: { bin: '/wA=' },
    });
  });

  it('reads a Deployment: kept and dropped zeros, inlined fields, quantities, empty messages', () => {
    const container = [
      ...str(1, 'web'), ...str(2, 'nginx'), ...str(3, 'sleep'), ...str(3, '1'),
      ...msg(6, str(1, 'http'), int(2, 0), int(3, 80), str(4, 'TCP')),
      ...msg(7, str(1, 'FROM'), msg(3, msg(3, msg(1, str(1, 'cfg')), str(2, 'key'), bool(3, false)))),
      ...msg(8, msg(1, str(1, 'cpu'), msg(2, str(1, '500m')))),
      ...bool(16, false),
    ];
    const raw = [
      ...objectMeta(str(1, 'd'), msg(8, int(1, 1767225600))),
      ...msg(2, int(1, 0), msg(2, strMap(1, { app: 'd' }), msg(2, str(1, 'tier'), str(2, 'In'), str(3, 'web'))),
        msg(3, objectMeta(strMap(11, { app: 'd' })), msg(2, msg(2, container), str(3, 'Always'))),
        msg(4), int(5, 0)),
      ...msg(3),
    ];
    expect(decodeProtobufBody(envelope('apps/v1', 'Deployment', raw))).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd', creationTimestamp: '2026-01-01T00:00:00Z' },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: 'd' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['web'] }] },
        template: {
          metadata: { labels: { app: 'd' } },
          spec: {
            restartPolicy: 'Always',
            containers: [{
              name: 'web', image: 'nginx', command: ['sleep', '1'],
              ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }],
              env: [{ name: 'FROM', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'key', optional: false } } }],
              resources: { limits: { cpu: '500m' } },
            }],
          },
        },
        strategy: {},
      },
      status: {},
    });
  });

  it('reads IntOrString both ways, negative int32s and packed repeated numbers', () => {
    const port = (target: number[][]): number[] => msg(1, str(1, 'p'), int(3, 80), msg(4, ...target));
    const svc = decodeMessage('core.v1.ServiceSpec', Uint8Array.from([...port([int(1, 0), int(2, 8080)]), ...port([int(1, 1), str(3, 'http')])])) as any;
    expect(svc.ports.map((p: any) => p.targetPort)).toEqual([8080, 'http']);
    const probe = decodeMessage('core.v1.Probe', Uint8Array.from(int(7, -5))) as any;
    expect(probe).toEqual({ terminationGracePeriodSeconds: -5 });
    const sc = decodeMessage('core.v1.PodSecurityContext', Uint8Array.from(bytes(4, [1, 2, 0x80, 0x01]))) as any;
    expect(sc).toEqual({ supplementalGroups: [1, 2, 128] });
  });

  it('reads a Secret data as base64 and a SelfSubjectAccessReview', () => {
    const secret = decodeProtobufBody(envelope('v1', 'Secret', [...msg(2, str(1, 'pw'), bytes(2, [...Buffer.from('hunter2')])), ...str(3, 'Opaque')]));
    expect(secret).toMatchObject({ data: { pw: Buffer.from('hunter2').toString('base64') }, type: 'Opaque' });
    const ssar = decodeProtobufBody(envelope('authorization.k8s.io/v1', 'SelfSubjectAccessReview',
      [...objectMeta(), ...msg(2, msg(1, str(1, 'default'), str(2, 'get'), str(5, 'pods'))), ...msg(3, bool(1, false))]));
    expect(ssar).toEqual({
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      metadata: {},
      spec: { resourceAttributes: { namespace: 'default', verb: 'get', resource: 'pods' } },
      status: { allowed: false },
    });
  });

  it('refuses an unknown field with a 415 naming it', () => {
    const raw = msg(2, msg(3, msg(2, int(99, 1))));
    const s = statusOf(() => decodeProtobufBody(envelope('apps/v1', 'Deployment', raw)));
    expect(s).toMatchObject({ code: 415, reason: 'UnsupportedMediaType' });
    expect(s.message).toBe('protobuf field 99 of k8s.io.api.core.v1.PodSpec is not known to pocketkube serve; send JSON');
  });

  it('refuses an unknown type and a wrong wire type', () => {
    expect(statusOf(() => decodeProtobufBody(envelope('v1', 'Frobnicator', []))).message)
      .toBe('protobuf message k8s.io.api.core.v1.Frobnicator is not known to pocketkube serve; send JSON');
    expect(statusOf(() => decodeProtobufBody(envelope('example.com/v1', 'Widget', []))).code).toBe(415);
    expect(statusOf(() => decodeProtobufBody(envelope('v1', 'ConfigMap', int(2, 1)))).message).toContain('map entry');
  });
});

describe('decodeBody', () => {
  it('takes a protobuf body read as latin1', async () => {
    const body = envelope('v1', 'Namespace', objectMeta(str(1, 'héllo-ns')));
    const text = Buffer.from(body).toString('latin1');
    expect(await decodeBody(text, 'application/vnd.kubernetes.protobuf')).toEqual({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'héllo-ns' } });
  });
});

describe('autoscaling/v1 HorizontalPodAutoscaler', () => {
  it('decodes what kubectl autoscale sends (a pointer field at zero kept, status as Go writes it)', () => {
    const raw = [
      ...objectMeta(str(1, 'web')),
      ...msg(2, msg(1, str(1, 'Deployment'), str(2, 'web'), str(3, 'apps/v1')), int(2, 1), int(3, 5), int(4, 0)),
      ...msg(3, int(3, 0), int(4, 0)),
    ];
    expect(messageNameOf('autoscaling/v1', 'HorizontalPodAutoscaler')).toBe('autoscaling.v1.HorizontalPodAutoscaler');
    expect(decodeProtobufBody(envelope('autoscaling/v1', 'HorizontalPodAutoscaler', raw))).toEqual({
      apiVersion: 'autoscaling/v1',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web' },
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' }, minReplicas: 1, maxReplicas: 5, targetCPUUtilizationPercentage: 0 },
      status: { currentReplicas: 0, desiredReplicas: 0 },
    });
  });
});
