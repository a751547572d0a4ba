import { describe, expect, it } from 'vitest';
import { StatusError } from '../../../src/api/errors.js';
import { configMapKind } from '../../../src/api/kinds/config-map.js';
import { endpointSliceKind } from '../../../src/api/kinds/endpoint-slice.js';
import { endpointsKind } from '../../../src/api/kinds/endpoints.js';
import { eventKind } from '../../../src/api/kinds/event.js';
import { namespaceKind } from '../../../src/api/kinds/namespace.js';
import { secretKind } from '../../../src/api/kinds/secret.js';
import { serviceAccountKind } from '../../../src/api/kinds/service-account.js';
import { camelSplit, smartLabel } from '../../../src/api/kinds/generic-describe.js';
import { corpus, fakeClient, messages } from './helpers.js';

const now = new Date('2026-01-01T01:00:00Z');
const meta = (name: string, extra: any = {}) => ({ name, namespace: 'default', creationTimestamp: '2026-01-01T00:00:00Z', ...extra });
const row = (kind: any, obj: any, wide = false) => kind.columns.filter((c: any) => wide || !c.priority).map((c: any) => c.cell(obj, now));
const ctx = { client: fakeClient({}), now };

describe('namespace', () => {
  it('gets its name label, the kubernetes finalizer and phase Active', () => {
    const ns: any = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } };
    namespaceKind.defaults!(ns);
    namespaceKind.prepareForCreate!(ns);
    expect(ns.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'shop' });
    expect(ns.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(ns.status).toEqual({ phase: 'Active' });
    expect(namespaceKind.nameRule).toBe('label');
  });
  it('describes like kubectl', async () => {
    const ns: any = { metadata: { name: 'shop', labels: { 'kubernetes.io/metadata.name': 'shop' } }, status: { phase: 'Active' } };
    expect(await namespaceKind.describe!(ns, ctx)).toBe(
      'Name:         shop\nLabels:       kubernetes.io/metadata.name=shop\nAnnotations:  <none>\nStatus:       Active\n\nNo resource quota.\n\nNo LimitRange resource.\n');
  });
  it('lists its limit ranges in one table', async () => {
    const ns: any = { metadata: { name: 'shop' }, status: { phase: 'Active' } };
    const range = (name: string, limits: unknown[]) => ({ metadata: { name, namespace: 'shop' }, spec: { limits } });
    const client = fakeClient({ limitranges: [
      range('a', [{ type: 'Container', max: { cpu: '1' }, default: { cpu: '1' } }]),
      range('b', [{ type: 'PersistentVolumeClaim', max: { storage: '10Gi' } }]),
    ] as any[] });
    expect(await namespaceKind.describe!(ns, { client, now })).toBe([
      'Name:         shop',
      'Labels:       <none>',
      'Annotations:  <none>',
      'Status:       Active',
      '',
      'No resource quota.',
      '',
      'Resource Limits',
      ' Type                   Resource  Min  Max   Default Request  Default Limit  Max Limit/Request Ratio',
      ' ----                   --------  ---  ---   ---------------  -------------  -----------------------',
      ' Container              cpu       -    1     -                1              -',
      ' PersistentVolumeClaim  storage   -    10Gi  -                -              -',
      '',
    ].join('\n'));
  });
});

describe('configmap', () => {
  it('counts data and binaryData; validates keys', () => {
    const [cm] = corpus('website__content_en_examples_application_mysql_mysql-configmap.yaml');
    expect(configMapKind.validate!(cm)).toEqual([]);
    expect(row(configMapKind, { metadata: meta('c'), data: { a: '1' }, binaryData: { b: 'AA==' } })).toEqual(['c', '2', '60m']);
    expect(messages(configMapKind.validate!({ metadata: meta('c'), data: { 'a b': 'x' } } as any))).toEqual([
      "data[a b]: Invalid value: \"a b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ]);
  });
  it('immutable configmaps keep their data', () => {
    const old: any = { metadata: meta('c'), immutable: true, data: { a: '1' } };
    expect(messages(configMapKind.validateUpdate!({ ...old, data: { a: '2' } }, old))).toEqual(['data: Forbidden: field is immutable when `immutable` is set']);
  });
  it('describes data in key order', async () => {
    const out = await configMapKind.describe!({ metadata: meta('c'), data: { b: 'two\n', a: 'one' } } as any, ctx);
    expect(out).toBe('Name:         c\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nData\n====\na:\n----\none\n\nb:\n----\ntwo\n\n\n\nBinaryData\n====\n\n');
  });
});

describe('secret', () => {
  const created = (obj: any) => {
    secretKind.defaults!(obj);
    return obj;
  };
  it('merges stringData into base64 data and defaults the type', () => {
    const s = created({ metadata: meta('s'), data: { a: 'eA==' }, stringData: { b: 'hello', a: 'y' } });
    expect(s).toEqual({ metadata: meta('s'), data: { a: 'eQ==', b: 'aGVsbG8=' }, type: 'Opaque' });
    expect(row(secretKind, s)).toEqual(['s', 'Opaque', '2', '60m']);
  });
  it('rejects data that is not base64 as the decoder does', () => {
    expect(() => created({ metadata: meta('s'), data: { a: 'abc!' } })).toThrowError(StatusError);
    expect(() => created({ metadata: meta('s'), data: { a: 'abc!' } }))
      .toThrowError('Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3');
  });
  it('checks type-specific keys and type immutability', () => {
    const tls = created({ metadata: meta('t'), type: 'kubernetes.io/tls', data: { 'tls.crt': 'eA==' } });
    expect(messages(secretKind.validate!(tls))).toEqual(['data[tls.key]: Required value']);
    const docker = created({ metadata: meta('d'), type: 'kubernetes.io/dockerconfigjson', data: {} });
    expect(messages(secretKind.validate!(docker))).toEqual(['data[.dockerconfigjson]: Required value']);
    const old = created({ metadata: meta('s'), data: {} });
    expect(messages(secretKind.validateUpdate!({ ...old, type: 'kubernetes.io/tls' }, old))).toEqual(['type: Invalid value: "kubernetes.io/tls": field is immutable']);
  });
  it('the corpus dotfile secret is valid and described by size', async () => {
    const [s] = corpus('website__content_en_examples_secret_dotfile-secret.yaml');
    s.metadata.namespace = 'default';
    created(s);
    expect(secretKind.validate!(s)).toEqual([]);
    const out = await secretKind.describe!(s, ctx);
    expect(out).toBe('Name:         dotfile-secret\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nType:  Opaque\n\nData\n====\n.secret-file:  11 bytes\n');
  });
});

describe('endpoints and endpointslices', () => {
  const subset = (n: number) => ({ addresses: Array.from({ length: n }, (_, i) => ({ ip: `10.0.0.${i + 1}` })), ports: [{ port: 80, protocol: 'TCP' }] });
  it('ENDPOINTS shows three then + N more', () => {
    expect(row(endpointsKind, { metadata: meta('web'), subsets: [subset(5)] })).toEqual(['web', '10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 2 more...', '60m']);
    expect(row(endpointsKind, { metadata: meta('web') })).toEqual(['web', '<none>', '60m']);
  });
  it('slices show ports and addresses', () => {
    const s: any = { metadata: meta('web-x'), addressType: 'IPv4', ports: [{ port: 80 }], endpoints: [1, 2, 3, 4].map((i) => ({ addresses: [`10.0.0.${i}`] })) };
    endpointSliceKind.defaults!(s);
    expect(s.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
    expect(row(endpointSliceKind, s)).toEqual(['web-x', 'IPv4', '80', '10.0.0.1,10.0.0.2,10.0.0.3 + 1 more...', '60m']);
    expect(row(endpointSliceKind, { metadata: meta('e'), addressType: 'IPv4' })).toEqual(['e', 'IPv4', '<unset>', '<unset>', '60m']);
  });
  it('validates endpoints subsets', () => {
    expect(messages(endpointsKind.validate!({ metadata: meta('web'), subsets: [{ ports: [{ port: 80, protocol: 'TCP' }] }] } as any)))
      .toEqual(['subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`']);
  });
});

describe('event', () => {
  const ev: any = {
    metadata: meta('web-1.abc'), type: 'Warning', reason: 'BackOff', message: ' Back-off restarting failed container ',
    involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'default', fieldPath: 'spec.containers{app}' },
    source: { component: 'kubelet', host: 'node-1' }, count: 3,
    firstTimestamp: '2026-01-01T00:50:00Z', lastTimestamp: '2026-01-01T00:59:00Z',
  };
  it('columns, default and wide', () => {
    expect(row(eventKind, ev)).toEqual(['60s', 'Warning', 'BackOff', 'pod/web-1', 'Back-off restarting failed container']);
    expect(row(eventKind, ev, true)).toEqual(['60s', 'Warning', 'BackOff', 'pod/web-1', 'spec.containers{app}', 'kubelet, node-1',
      'Back-off restarting failed container', '10m', '3', 'web-1.abc']);
  });
  it('field selectors', () => {
    expect(eventKind.fieldSelectors!['involvedObject.name'](ev)).toBe('web-1');
    expect(eventKind.fieldSelectors!.source(ev)).toBe('kubelet');
  });
  it('generic describe labels', () => {
    expect(camelSplit('involvedObject')).toEqual(['involved', 'Object']);
    expect(smartLabel('apiVersion')).toBe('API Version');
    expect(smartLabel('uid')).toBe('UID');
    expect(smartLabel('reportingComponent')).toBe('Reporting Component');
  });
});

describe('serviceaccount', () => {
  it('SECRETS column and describe', async () => {
    const sa: any = { metadata: meta('builder', { uid: 'u1' }), imagePullSecrets: [{ name: 'regcred' }] };
    expect(row(serviceAccountKind, sa)).toEqual(['builder', '0', '60m']);
    const out = await serviceAccountKind.describe!(sa, { client: fakeClient({ secrets: [] }), now });
    expect(out).toBe([
      'Name:                builder',
      'Namespace:           default',
      'Labels:              <none>',
      'Annotations:         <none>',
      'Image pull secrets:  regcred (not found)',
      'Mountable secrets:   <none>',
      'Tokens:              <none>',
      '',
    ].join('\n'));
  });
});
