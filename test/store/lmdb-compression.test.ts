import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { open } from 'lmdb';
import { afterAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import { LMDB_DIR, LmdbStore } from '../../src/store/lmdb-store.js';
import { lz4Dictionary, NEWEST_DICTIONARY } from '../../src/store/lz4-dictionary.js';
import { pod, podKey } from './store-contract.js';

const root = mkdtempSync(join(tmpdir(), 'pk-lmdb-lz4-'));
let n = 0;
const freshDir = (): string => join(root, `c${n++}`);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The stored bytes of each key and the recorded dictionary, read with plain lmdb (no decoding). */
async function rawState(dir: string, keys: string[]): Promise<{ bytes: Buffer[]; dictionary: unknown }> {
  const env = open({ path: join(dir, LMDB_DIR), maxDbs: 16 });
  const objects = env.openDB({ name: 'objects', encoding: 'binary' });
  const bytes = keys.map((k) => objects.get(k) as Buffer);
  const dictionary = env.openDB({ name: 'sys' }).get('lz4Dictionary');
  await env.close();
  return { bytes, dictionary };
}

/** A pod as a 30,000-pod scale-up stores it: defaults, status, a uid, timestamps repeated. */
function runningPod(name: string): ReturnType<typeof pod> {
  const at = '2026-12-05T01:00:06Z';
  return pod('default', name, {
    metadata: { name, namespace: 'default', uid: 'ba110999-35ae-437c-a16c-958e3c95ab27', creationTimestamp: at, labels: { app: 'web' } },
    spec: {
      containers: [{ name: 'c', image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }],
      dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', schedulerName: 'default-scheduler', nodeName: 'pocketkube-node-153',
      tolerations: ['not-ready', 'unreachable'].map((t) => ({ key: `node.kubernetes.io/${t}`, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 })),
    },
    status: {
      phase: 'Running', qosClass: 'Burstable', podIP: '10.244.153.23', hostIP: '172.18.0.154', startTime: at,
      conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True', lastProbeTime: null, lastTransitionTime: at })),
    },
  });
}

/** The Started Event of such a pod (about 380 bytes stored: under the compression threshold). */
function startedEvent(pod: string): KubeObject {
  const at = '2026-12-05T01:00:06Z';
  const host = 'pocketkube-node-153';
  return {
    apiVersion: 'v1', kind: 'Event', metadata: { name: `${pod}.started`, namespace: 'default', uid: '0193a4b2-1234-7abc-8def-0123456789ab', creationTimestamp: at },
    involvedObject: { apiVersion: 'v1', kind: 'Pod', name: pod, namespace: 'default', uid: 'ba110999-35ae-437c-a16c-958e3c95ab27', resourceVersion: '1234', fieldPath: 'spec.containers{c}' },
    reason: 'Started', message: 'Started container c', source: { component: 'kubelet', host }, firstTimestamp: at, lastTimestamp: at,
    count: 1, type: 'Normal', eventTime: null, reportingComponent: 'kubelet', reportingInstance: host,
  };
}

describe('LmdbStore compression', () => {
  it('stores objects LZ4-compressed against its dictionary, and reads them back whole', async () => {
    const dir = freshDir();
    const store = LmdbStore.open(dir);
    const big = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'big', namespace: 'a' }, data: { text: 'ünïcødé ✓ 𝄞 '.repeat(200_000) } };
    const tiny = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } };
    const keys = [podKey('default', 'web-1'), '/registry/configmaps/a/big', '/registry/namespaces/a', '/registry/events/default/web-1.started'];
    store.put(keys[0]!, runningPod('web-1'));
    store.put(keys[1]!, big);
    store.put(keys[2]!, tiny);
    store.put(keys[3]!, startedEvent('web-1'));
    store.commit();
    store.close();

    const { bytes, dictionary } = await rawState(dir, keys);
    expect(dictionary).toBe(NEWEST_DICTIONARY);
    // 254: lmdb-js's mark of an LZ4 value; a value under the threshold (an Event too) is stored as it is
    expect(bytes.map((b) => b[0] === 254)).toEqual([true, true, false, false]);
    const plain = JSON.stringify(runningPod('web-1')).length;
    expect(bytes[0]!.length).toBeLessThan(plain / 2);

    const reopened = LmdbStore.open(dir);
    expect(reopened.get(keys[0]!)).toMatchObject(runningPod('web-1'));
    expect(reopened.get(keys[1]!)).toMatchObject(big);
    expect(reopened.get(keys[3]!)).toMatchObject(startedEvent('web-1'));
    expect(reopened.range('/registry/').map((o) => o.metadata.name)).toEqual(['big', 'web-1.started', 'a', 'web-1']);
    reopened.close();
  });

  it('reads objects an older build stored uncompressed, and compresses what it writes next', async () => {
    const dir = freshDir();
    const old = open({ path: join(dir, LMDB_DIR), maxDbs: 16 });
    const objects = old.openDB({ name: 'objects', sharedStructuresKey: Symbol.for('structures') });
    await objects.put(podKey('default', 'old'), runningPod('old'));
    await old.close();

    const store = LmdbStore.open(dir);
    expect(store.get(podKey('default', 'old'))).toMatchObject(runningPod('old'));
    store.put(podKey('default', 'new'), runningPod('new'));
    store.commit();
    store.close();
    const { bytes, dictionary } = await rawState(dir, [podKey('default', 'old'), podKey('default', 'new')]);
    expect(bytes.map((b) => b[0] === 254)).toEqual([false, true]);
    expect(dictionary).toBe(NEWEST_DICTIONARY);
    const reopened = LmdbStore.open(dir);
    expect(reopened.get(podKey('default', 'old'))).toMatchObject(runningPod('old'));
    expect(reopened.get(podKey('default', 'new'))).toMatchObject(runningPod('new'));
    reopened.close();
  });

  it('refuses, in one line, a store compressed with a dictionary this build does not know', async () => {
    const dir = freshDir();
    LmdbStore.open(dir).close();
    const env = open({ path: join(dir, LMDB_DIR), maxDbs: 16 });
    await env.openDB({ name: 'sys' }).put('lz4Dictionary', 99);
    await env.close();
    expect(lz4Dictionary(99)).toBeUndefined();
    expect(() => LmdbStore.open(dir)).toThrow(/^the store in .* was written by a newer pocketkube \(its values are compressed with LZ4 dictionary 99, which this one does not know\)$/);
  });

  it('writes nothing when another build recorded a different dictionary after this one opened the store', async () => {
    const dir = freshDir();
    const store = LmdbStore.open(dir);
    const env = open({ path: join(dir, LMDB_DIR), maxDbs: 16 });
    await env.openDB({ name: 'sys' }).put('lz4Dictionary', 99);
    await env.close();
    store.refresh();
    store.put(podKey('default', 'x'), runningPod('x'));
    // (reopening then finds the dictionary unknown, and says so; a known one would be used from then on)
    expect(() => store.commit()).toThrow(/was written by a newer pocketkube .*LZ4 dictionary 99/);
    const { bytes } = await rawState(dir, [podKey('default', 'x')]);
    expect(bytes).toEqual([undefined]);
    store.close();
  });
});
