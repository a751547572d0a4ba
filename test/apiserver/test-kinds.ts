/** Small KindDefs for pipeline tests (the real kinds are tested with their own files). */
import type { KindDef } from '../../src/api/kind.js';
import { fieldErrors } from '../../src/api/field-error.js';
import { StatusError } from '../../src/api/errors.js';
import { Registry } from '../../src/api/registry.js';
import { ApiServer } from '../../src/apiserver/api-server.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { FakeClock } from '../../src/util/clock.js';

const base = { shortNames: [], categories: [], columns: [], statusSubresource: false, bumpsGeneration: false, nameRule: 'subdomain' as const };

export const namespaces: KindDef = {
  ...base, group: '', version: 'v1', kind: 'Namespace', plural: 'namespaces', singular: 'namespace', namespaced: false,
  schemaType: 'V1Namespace', statusSubresource: true, nameRule: 'label',
  defaults(o) {
    o.spec = { finalizers: ['kubernetes'], ...(o.spec ?? {}) };
    o.metadata.labels = { ...(o.metadata.labels ?? {}), 'kubernetes.io/metadata.name': o.metadata.name ?? '' };
  },
  prepareForCreate(o) {
    o.status = { phase: 'Active' };
  },
  fieldSelectors: { 'status.phase': (o) => o.status?.phase },
};

export const configmaps: KindDef = {
  ...base, group: '', version: 'v1', kind: 'ConfigMap', plural: 'configmaps', singular: 'configmap', namespaced: true, schemaType: 'V1ConfigMap',
};

export const pods: KindDef = {
  ...base, group: '', version: 'v1', kind: 'Pod', plural: 'pods', singular: 'pod', namespaced: true, schemaType: 'V1Pod', statusSubresource: true,
  defaults(o) {
    o.spec.terminationGracePeriodSeconds ??= 30;
  },
  prepareForCreate(o) {
    o.status = { phase: 'Pending' };
  },
  validate(o) {
    return o.spec?.containers?.length ? [] : [fieldErrors.required('spec.containers')];
  },
  fieldSelectors: { 'spec.nodeName': (o) => o.spec?.nodeName, 'status.phase': (o) => o.status?.phase },
};

export const services: KindDef = {
  ...base, group: '', version: 'v1', kind: 'Service', plural: 'services', singular: 'service', namespaced: true, schemaType: 'V1Service',
  statusSubresource: true, nameRule: 'label',
  defaults(o) {
    o.spec.type ??= 'ClusterIP';
  },
};

export const deployments: KindDef = {
  ...base, group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', singular: 'deployment', namespaced: true,
  schemaType: 'V1Deployment', statusSubresource: true, bumpsGeneration: true,
  defaults(o) {
    o.spec.replicas ??= 1;
  },
};

export const pvcs: KindDef = {
  ...base, group: '', version: 'v1', kind: 'PersistentVolumeClaim', plural: 'persistentvolumeclaims', singular: 'persistentvolumeclaim',
  namespaced: true, schemaType: 'V1PersistentVolumeClaim', statusSubresource: true,
};

export const storageclasses: KindDef = {
  ...base, group: 'storage.k8s.io', version: 'v1', kind: 'StorageClass', plural: 'storageclasses', singular: 'storageclass',
  namespaced: false, schemaType: 'V1StorageClass',
};

export const testRegistry = () => new Registry([namespaces, configmaps, pods, services, deployments, pvcs, storageclasses]);

/** A sequence of "random" numbers that repeats (deterministic names and picks). */
export function seededRandom(seed = 1): () => number {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return (s - 1) / 2147483646;
  };
}

export async function newServer() {
  const store = new MemoryStore();
  const clock = new FakeClock('2026-01-01T00:00:00Z');
  const server = new ApiServer({ store, registry: testRegistry(), clock, random: seededRandom() });
  await server.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  return { store, clock, server };
}

export const cm = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default', ...extra }, data: { a: '1' },
});

export const pod = (name: string, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
});

/** The StatusError a synchronous call throws (fails the test when it returns or throws something else). */
export function thrown(f: () => unknown): StatusError {
  try {
    f();
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw e;
  }
  throw new Error('expected a StatusError');
}

/** The StatusError a call fails with (fails the test when it succeeds or throws something else). */
export async function failure(p: Promise<unknown>): Promise<StatusError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw e;
  }
  throw new Error('expected a StatusError');
}
