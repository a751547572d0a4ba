import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { goStructName, schemaDocs, schemaType, schemaTypes } from '../../../src/api/schema/schema.js';
import { decodeCheck } from '../../../src/api/schema/strict.js';

const SERVED = [
  'V1Pod', 'V1Service', 'V1Namespace', 'V1Node', 'V1ConfigMap', 'V1Secret', 'V1ServiceAccount', 'V1Endpoints', 'CoreV1Event',
  'V1PersistentVolume', 'V1PersistentVolumeClaim', 'V1Deployment', 'V1ReplicaSet', 'V1StatefulSet', 'V1DaemonSet',
  'V1ControllerRevision', 'V1Job', 'V1CronJob', 'V1EndpointSlice', 'V1StorageClass', 'V1Role', 'V1ClusterRole',
  'V1RoleBinding', 'V1ClusterRoleBinding',
];

describe('generated schema', () => {
  it('has every served kind and every type they reach', () => {
    for (const t of SERVED) expect(schemaType(t), t).toBeDefined();
    const all = schemaTypes();
    for (const [name, t] of Object.entries(all)) {
      for (const expr of Object.values(t.f)) {
        const ref = expr.replace(/^(Array|Map)<(.+)>$/, '$2').replace(/^(Array|Map)<(.+)>$/, '$2');
        if (/^[A-Z]\w*V\d/.test(ref)) expect(all[ref], `${name} -> ${ref}`).toBeDefined();
      }
    }
  });

  it('normalises types', () => {
    expect(schemaType('V1DeploymentSpec')?.f.replicas).toBe('integer');
    expect(schemaType('V1DeploymentSpec')?.r).toEqual(['selector', 'template']);
    expect(schemaType('V1ResourceRequirements')?.f.limits).toBe('Map<Quantity>');
    expect(schemaType('V1ServicePort')?.f.targetPort).toBe('IntOrString');
    expect(schemaType('V1Secret')?.f.data).toBe('Map<Bytes>');
    expect(schemaType('V1ObjectMeta')?.f.creationTimestamp).toBe('Date');
    expect(schemaType('V1PodSpec')?.f.containers).toBe('Array<V1Container>');
    expect(schemaType('V1PodSpec')?.i64).toContain('activeDeadlineSeconds');
    expect(schemaType('V1ControllerRevision')?.f.data).toBe('object');
  });

  it('maps type names to Go struct names', () => {
    expect(goStructName('V1PodSpec')).toBe('PodSpec');
    expect(goStructName('CoreV1EndpointPort')).toBe('EndpointPort');
    expect(goStructName('DiscoveryV1EndpointPort')).toBe('EndpointPort');
  });

  it('has descriptions for explain', () => {
    expect(schemaDocs().V1Deployment.d).toMatch(/^Deployment enables declarative updates/);
    expect(schemaDocs().V1DeploymentSpec.f.replicas).toMatch(/Number of desired pods/);
  });
});

const CORPUS = process.env.POCKETKUBE_CORPUS ?? '/work/shared/corpus';

describe.skipIf(!existsSync(CORPUS))('real-world manifests decode cleanly', () => {
  const dir = CORPUS;
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')) : [];
  const typeFor = (kind: string) => (kind === 'Event' ? 'CoreV1Event' : `V1${kind}`);
  it.each(files)('%s', (file) => {
    const docs = parseAllDocuments(readFileSync(join(dir, file), 'utf8')).map((d) => d.toJS()).filter(Boolean);
    expect(docs.length).toBeGreaterThan(0);
    for (const obj of docs) {
      expect(decodeCheck(obj, typeFor(obj.kind)), `${file}: ${obj.kind}/${obj.metadata?.name}`).toEqual({ error: undefined, unknownFields: [] });
    }
  });
});
