import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kindRegistry } from '../../../src/api/kinds/index.js';
import { corpus, messages } from './helpers.js';
import { created } from './workload-helpers.js';

const MINE = new Set([
  'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ControllerRevision', 'Job', 'CronJob', 'PersistentVolume',
  'PersistentVolumeClaim', 'StorageClass', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding',
]);

const files = readdirSync('/work/shared/corpus').filter((f) => f.endsWith('.yaml'));

describe('corpus manifests of the workload, storage and RBAC kinds', () => {
  for (const file of files) {
    const objects = corpus(file).filter((o) => MINE.has(o.kind));
    if (objects.length === 0) continue;
    it(`${file} defaults and validates cleanly`, () => {
      for (const obj of objects) {
        const kind = kindRegistry().forManifest(obj.apiVersion, obj.kind);
        expect(kind, `${obj.apiVersion} ${obj.kind}`).toBeDefined();
        created(kind!, obj);
        expect(messages(kind!.validate?.(obj) ?? []), `${obj.kind}/${obj.metadata.name}`).toEqual([]);
      }
    });
  }
});
