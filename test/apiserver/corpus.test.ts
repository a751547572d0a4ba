/** Every real-world manifest of the corpus goes through the create pipeline of a bootstrapped cluster. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../../src/api/types.js';
import { Cluster } from '../../src/cluster.js';
import { FakeClock } from '../../src/util/clock.js';

const CORPUS = '/work/shared/corpus';
const files = readdirSync(CORPUS).filter((f) => f.endsWith('.yaml'));

describe('corpus manifests', () => {
  it.each(files)('%s is accepted', async (file) => {
    const c = await Cluster.inMemory({ clock: new FakeClock(), bootstrap: { nodes: 3 } });
    const docs = parseAllDocuments(readFileSync(join(CORPUS, file), 'utf8')).map((d) => d.toJSON() as KubeObject).filter(Boolean);
    expect(docs.length).toBeGreaterThan(0);
    for (const obj of docs) {
      const kind = c.registry.forManifest(obj.apiVersion, obj.kind);
      expect(kind, `${obj.apiVersion}/${obj.kind}`).toBeDefined();
      const created = await c.client.create(kind!.plural, { ...obj, metadata: { namespace: kind!.namespaced ? 'default' : undefined, ...obj.metadata } });
      expect(created.metadata.uid).toBeTruthy();
      if (obj.kind === 'Service') {
        expect(created.spec.clusterIP).toBeTruthy();
        if (created.spec.type === 'NodePort' || created.spec.type === 'LoadBalancer') {
          for (const p of created.spec.ports) expect(p.nodePort).toBeGreaterThanOrEqual(30000);
        }
      }
      if (obj.kind === 'PersistentVolumeClaim' && obj.spec.storageClassName === undefined) expect(created.spec.storageClassName).toBe('standard');
    }
    await c.close();
  });
});
