import { describe, expect, it } from 'vitest';
import { serverSideApply, trackUpdate, type ManagedFieldsEntry } from '../../../src/api/apply/server-side-apply.js';
import { thrown } from '../../apiserver/test-kinds.js';
import { fieldSetOf } from '../../../src/api/apply/field-set.js';
import type { KubeObject } from '../../../src/api/types.js';

const T1 = '2026-01-01T00:00:00Z';
const T2 = '2026-01-02T00:00:00Z';

function deployment(replicas: number, labels: Record<string, string> = { app: 'web' }): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', labels },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1' }] } },
    },
  };
}

const stored = (o: KubeObject): KubeObject => ({ ...o, metadata: { ...o.metadata, uid: 'u1', resourceVersion: '5' } });
const apply = (live: KubeObject | undefined, config: KubeObject, manager = 'kubectl', force = false, now = T1) =>
  serverSideApply({ live, config, manager, force, schemaType: 'V1Deployment', now });
const entries = (o: KubeObject) => o.metadata.managedFields as ManagedFieldsEntry[];

describe('serverSideApply', () => {
  it('creates the object with one Apply entry', () => {
    const out = apply(undefined, deployment(3));
    expect(out.spec.replicas).toBe(3);
    // the fields themselves: fieldSetOf, checked literally in field-set.test.ts
    expect(entries(out)).toEqual([
      { manager: 'kubectl', operation: 'Apply', apiVersion: 'apps/v1', time: T1, fieldsType: 'FieldsV1', fieldsV1: fieldSetOf(deployment(3), 'V1Deployment').toFieldsV1() },
    ]);
    expect(Object.keys(entries(out)[0]!.fieldsV1)).toEqual(['f:metadata', 'f:spec']);
  });

  it('removes a label the applier stopped setting and keeps server fields', () => {
    const live = stored(apply(undefined, deployment(3, { app: 'web', tier: 'fe' })));
    const out = apply(live, deployment(3), 'kubectl', false, T2);
    expect(out.metadata.labels).toEqual({ app: 'web' });
    expect(out.metadata.uid).toBe('u1');
    expect(out.metadata.resourceVersion).toBe('5');
    expect(entries(out)).toHaveLength(1);
    expect(entries(out)[0]!.time).toBe(T2);
    expect((entries(out)[0]!.fieldsV1['f:metadata'] as object)).toEqual({ 'f:labels': { '.': {}, 'f:app': {} } });
  });

  it('keeps a field another manager also owns when the applier drops it', () => {
    const first = stored(apply(undefined, deployment(3, { app: 'web', tier: 'fe' })));
    const both = apply(first, deployment(3, { app: 'web', tier: 'fe' }), 'other');
    const out = apply(both, deployment(3));
    expect(out.metadata.labels).toEqual({ app: 'web', tier: 'fe' });
  });

  it('refuses to change a field another manager owns, with kube-apiserver\'s message', () => {
    const live = stored(apply(undefined, deployment(3), 'kubectl-client-side-apply'));
    live.metadata.managedFields![0]!.operation = 'Update';
    const err = thrown(() => apply(live, deployment(5), 'me'));
    expect(err.code).toBe(409);
    expect(err.reason).toBe('Conflict');
    expect(err.message).toBe('Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas');
  });

  it('prints an Apply manager without its version', () => {
    const live = stored(apply(undefined, deployment(3), 'other'));
    expect(thrown(() => apply(live, deployment(4))).message).toBe('Apply failed with 1 conflict: conflict with "other": .spec.replicas');
  });

  it('shares a field set to the same value', () => {
    const live = stored(apply(undefined, deployment(3), 'other'));
    const out = apply(live, deployment(3), 'me');
    expect(entries(out).map((e) => e.manager)).toEqual(['other', 'me']);
    expect((entries(out)[0]!.fieldsV1['f:spec'] as Record<string, unknown>)['f:replicas']).toEqual({});
    expect((entries(out)[1]!.fieldsV1['f:spec'] as Record<string, unknown>)['f:replicas']).toEqual({});
  });

  it('takes ownership with force', () => {
    const live = stored(apply(undefined, deployment(3), 'other'));
    const out = apply(live, deployment(5), 'me', true);
    expect(out.spec.replicas).toBe(5);
    const other = entries(out).find((e) => e.manager === 'other')!;
    expect((other.fieldsV1['f:spec'] as Record<string, unknown>)['f:replicas']).toBeUndefined();
    expect((other.fieldsV1['f:spec'] as Record<string, unknown>)['f:selector']).toBeDefined();
    const me = entries(out).find((e) => e.manager === 'me')!;
    expect((me.fieldsV1['f:spec'] as Record<string, unknown>)['f:replicas']).toEqual({});
  });

  it('with force takes only the conflicting leaves of a map', () => {
    const cm = (data: Record<string, string>): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data });
    const live = serverSideApply({ live: undefined, config: cm({ a: '1' }), manager: 'm1', force: false, schemaType: 'V1ConfigMap', now: T1 });
    const out = serverSideApply({ live, config: cm({ a: '2' }), manager: 'm2', force: true, schemaType: 'V1ConfigMap', now: T2 });
    // m1 keeps only the "." of data (the map itself), which both share
    expect(entries(out).map((e) => [e.manager, e.fieldsV1])).toEqual([
      ['m1', { 'f:data': {} }],
      ['m2', { 'f:data': { '.': {}, 'f:a': {} } }],
    ]);
    expect(out.data).toEqual({ a: '2' });
  });

  it('lists several conflicts grouped by manager', () => {
    const cm = (data: Record<string, string>): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data });
    const live: KubeObject = {
      ...cm({ a: '1', b: '1', c: '1' }),
      metadata: {
        name: 'c',
        managedFields: [
          { manager: 'm2', operation: 'Apply', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { 'f:c': {} } } },
          { manager: 'm1', operation: 'Update', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { 'f:b': {}, 'f:a': {} } } },
        ],
      },
    };
    const err = thrown(() => serverSideApply({ live, config: cm({ a: '2', b: '2', c: '2' }), manager: 'me', force: false, schemaType: 'V1ConfigMap', now: T1 }));
    expect(err.message).toBe('Apply failed with 3 conflicts: conflicts with "m1" using v1:\n- .data.a\n- .data.b\nconflicts with "m2":\n- .data.c');
  });
});

describe('trackUpdate', () => {
  it('gives a scaled replica count to the scale manager, so a later apply conflicts', () => {
    const live = stored(apply(undefined, deployment(3), 'kubectl'));
    const scaled = { ...live, spec: { ...live.spec, replicas: 5 } };
    const after = trackUpdate(live, scaled, 'kubectl', 'scale', T2);
    expect(after.spec.replicas).toBe(5);
    const mf = entries(after);
    expect(mf).toHaveLength(2);
    expect(mf[1]).toEqual({
      manager: 'kubectl', operation: 'Update', apiVersion: 'apps/v1', time: T2, fieldsType: 'FieldsV1',
      fieldsV1: { 'f:spec': { 'f:replicas': {} } }, subresource: 'scale',
    });
    expect((mf[0]!.fieldsV1['f:spec'] as Record<string, unknown>)['f:replicas']).toBeUndefined();
    expect(thrown(() => apply(after, deployment(3))).message).toBe(
      'Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas',
    );
  });

  it('drops the scale entry once a forced apply takes its only field back', () => {
    const live = stored(apply(undefined, deployment(3), 'kubectl'));
    const after = trackUpdate(live, { ...live, spec: { ...live.spec, replicas: 5 } }, 'kubectl', 'scale', T2);
    const out = apply(after, deployment(3), 'kubectl', true);
    expect(out.spec.replicas).toBe(3);
    expect(entries(out).map((e) => [e.manager, e.operation])).toEqual([['kubectl', 'Apply']]);
  });

  it('leaves untracked objects alone and ignores status on main-resource writes', () => {
    const plain = deployment(1);
    const next = deployment(2);
    expect(trackUpdate(plain, next, 'x', undefined, T1)).toBe(next);
    const live = stored(apply(undefined, deployment(3)));
    const withStatus = { ...live, status: { replicas: 3 } };
    expect(entries(trackUpdate(live, withStatus, 'ctrl', undefined, T1))).toEqual(entries(live));
    const status = entries(trackUpdate(live, withStatus, 'ctrl', 'status', T1));
    expect(status[1]).toMatchObject({ manager: 'ctrl', subresource: 'status', fieldsV1: { 'f:status': { 'f:replicas': {} } } });
  });

  it('removes deleted fields from every entry', () => {
    const live = stored(apply(undefined, deployment(3, { app: 'web', tier: 'fe' })));
    const next = { ...live, metadata: { ...live.metadata, labels: { app: 'web' } } };
    const mf = entries(trackUpdate(live, next, 'editor', undefined, T2));
    expect(mf).toHaveLength(1);
    expect(mf[0]!.fieldsV1['f:metadata']).toEqual({ 'f:labels': { '.': {}, 'f:app': {} } });
  });
});
