import { describe, expect, it } from 'vitest';
import { formatFieldError } from '../../../src/api/field-error.js';
import { validateObjectMeta, validateObjectMetaUpdate } from '../../../src/api/validation/meta.js';

const ns = { namespaced: true, nameRule: 'subdomain' } as const;
const cluster = { namespaced: false, nameRule: 'label' } as const;
const msgs = (e: Parameters<typeof formatFieldError>[0][]) => e.map(formatFieldError);

describe('validateObjectMeta', () => {
  it('accepts a well-formed object', () => {
    expect(validateObjectMeta({ name: 'web', namespace: 'default', labels: { app: 'web' } }, ns)).toEqual([]);
    expect(validateObjectMeta({ name: 'kube-system' }, cluster)).toEqual([]);
  });

  it('requires a name and a namespace where namespaced', () => {
    expect(msgs(validateObjectMeta({}, ns))).toEqual([
      'metadata.name: Required value: name or generateName is required',
      'metadata.namespace: Required value',
    ]);
  });

  it('forbids a namespace on cluster-scoped kinds', () => {
    expect(msgs(validateObjectMeta({ name: 'n1', namespace: 'default' }, cluster))).toEqual([
      'metadata.namespace: Forbidden: not allowed on this type',
    ]);
  });

  it('checks names by the kind rule, and the namespace as a label', () => {
    expect(msgs(validateObjectMeta({ name: 'Web', namespace: 'default' }, ns))[0]).toMatch(
      /^metadata\.name: Invalid value: "Web": a lowercase RFC 1123 subdomain must consist/,
    );
    expect(msgs(validateObjectMeta({ name: 'web.v1' }, cluster))[0]).toMatch(/^metadata\.name: Invalid value: "web.v1": a lowercase RFC 1123 label/);
    expect(msgs(validateObjectMeta({ name: 'web', namespace: 'My_NS' }, ns))[0]).toMatch(/^metadata\.namespace: Invalid value: "My_NS": a lowercase RFC 1123 label/);
    expect(validateObjectMeta({ name: 'system:kube-dns' }, { namespaced: false, nameRule: 'path-segment' })).toEqual([]);
    expect(msgs(validateObjectMeta({ generateName: 'Web-', name: 'Web-abcde', namespace: 'd' }, ns)).map((m) => m.split(':')[0])).toEqual([
      'metadata.generateName',
      'metadata.name',
    ]);
  });

  it('checks ownerReferences without an index in the path', () => {
    expect(msgs(validateObjectMeta({ name: 'a', namespace: 'd', ownerReferences: [{ apiVersion: '', kind: '', name: '', uid: '' }] }, ns))).toEqual([
      'metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty',
      'metadata.ownerReferences.kind: Invalid value: "": must not be empty',
      'metadata.ownerReferences.name: Invalid value: "": must not be empty',
      'metadata.ownerReferences.uid: Invalid value: "": must not be empty',
    ]);
    const two = [
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'a', uid: '1', controller: true },
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'b', uid: '2', controller: true },
    ];
    expect(validateObjectMeta({ name: 'a', namespace: 'd', ownerReferences: two }, ns)[0].detail).toBe(
      'Only one reference can have Controller set to true. Found "true" in references for ReplicaSet/a and ReplicaSet/b',
    );
  });

  it('checks finalizers', () => {
    expect(validateObjectMeta({ name: 'a', namespace: 'd', finalizers: ['kubernetes.io/pvc-protection', 'foregroundDeletion'] }, ns)).toEqual([]);
    expect(msgs(validateObjectMeta({ name: 'a', namespace: 'd', finalizers: ['custom'] }, ns))).toEqual([
      'metadata.finalizers[0]: Invalid value: "custom": name is neither a standard finalizer name nor is it fully qualified',
    ]);
    expect(msgs(validateObjectMeta({ name: 'a', namespace: 'd', finalizers: ['orphan', 'foregroundDeletion'] }, ns))).toEqual([
      'metadata.finalizers: Invalid value: []string{"orphan", "foregroundDeletion"}: finalizer orphan and foregroundDeletion cannot be both set',
    ]);
  });

  it('checks labels and annotations', () => {
    expect(validateObjectMeta({ name: 'a', namespace: 'd', labels: { 'x y': 'v' }, annotations: { 'a b': 'v' } }, ns).map((e) => e.field)).toEqual([
      'metadata.labels',
      'metadata.annotations',
    ]);
  });
});

describe('validateObjectMetaUpdate', () => {
  const old = { name: 'web', namespace: 'default', uid: 'u1', resourceVersion: '5', creationTimestamp: '2025-01-01T00:00:00Z', generation: 2 };

  it('accepts an update that keeps identity', () => {
    expect(validateObjectMetaUpdate({ ...old, labels: { a: 'b' } }, old)).toEqual([]);
  });

  it('rejects changes to immutable fields', () => {
    expect(msgs(validateObjectMetaUpdate({ ...old, name: 'web2', uid: 'u2' }, old))).toEqual([
      'metadata.name: Invalid value: "web2": field is immutable',
      'metadata.uid: Invalid value: "u2": field is immutable',
    ]);
    expect(msgs(validateObjectMetaUpdate({ ...old, creationTimestamp: '2026-01-01T00:00:00Z' }, old))).toEqual([
      'metadata.creationTimestamp: Invalid value: "2026-01-01T00:00:00Z": field is immutable',
    ]);
  });

  it('requires a resourceVersion and a non-decreasing generation', () => {
    expect(msgs(validateObjectMetaUpdate({ ...old, resourceVersion: undefined, generation: 1 }, old))).toEqual([
      'metadata.resourceVersion: Invalid value: "": must be specified for an update',
      'metadata.generation: Invalid value: 1: must not be decremented',
    ]);
  });

  it('forbids new finalizers once deletion started', () => {
    const deleting = { ...old, deletionTimestamp: '2025-02-01T00:00:00Z', finalizers: ['kubernetes.io/a'] };
    expect(msgs(validateObjectMetaUpdate({ ...deleting, finalizers: ['kubernetes.io/a', 'kubernetes.io/b'] }, deleting))).toEqual([
      'metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"kubernetes.io/b"}',
    ]);
  });
});
