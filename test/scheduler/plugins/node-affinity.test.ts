import { describe, expect, it } from 'vitest';
import { imageLocality, imageScore, normalizedImageName } from '../../../src/scheduler/plugins/image-locality.js';
import { nodeAffinity } from '../../../src/scheduler/plugins/node-affinity.js';
import { Snapshot } from '../../../src/scheduler/snapshot.js';
import { node, pod } from '../fixtures.js';
import { filterAll, scoreAll } from './helpers.js';

const snap = new Snapshot({
  nodes: [
    node('ssd', { labels: { disktype: 'ssd', cores: '16', zone: 'a' } }),
    node('hdd', { labels: { disktype: 'hdd', cores: '4', zone: 'b' } }),
    node('bare'),
  ],
});
const required = (...terms: object[]) => ({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } });
const NO = "unresolvable: node(s) didn't match Pod's node affinity/selector";

describe('NodeAffinity filter', () => {
  it('applies nodeSelector', () => {
    expect(filterAll(nodeAffinity, pod('p', { spec: { nodeSelector: { disktype: 'ssd' } } }), snap)).toEqual({ ssd: 'ok', hdd: NO, bare: NO });
  });

  it('ORs terms and ANDs expressions, with In/NotIn/Exists/DoesNotExist/Gt/Lt', () => {
    const p = pod('p', {
      spec: required(
        { matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['8'] }, { key: 'disktype', operator: 'In', values: ['ssd'] }] },
        { matchExpressions: [{ key: 'disktype', operator: 'DoesNotExist' }] },
      ),
    });
    expect(filterAll(nodeAffinity, p, snap)).toEqual({ ssd: 'ok', hdd: NO, bare: 'ok' });
    const lt = pod('p', { spec: required({ matchExpressions: [{ key: 'cores', operator: 'Lt', values: ['8'] }, { key: 'zone', operator: 'NotIn', values: ['a'] }] }) });
    expect(filterAll(nodeAffinity, lt, snap)).toEqual({ ssd: NO, hdd: 'ok', bare: NO });
  });

  it('an empty term matches nothing; no constraints skips the plugin', () => {
    expect(filterAll(nodeAffinity, pod('p', { spec: required({}) }), snap)).toEqual({ ssd: NO, hdd: NO, bare: NO });
    expect(filterAll(nodeAffinity, pod('p'), snap)).toBe('skip');
  });

  it('rejects up front when metadata.name pins conflict', () => {
    const p = pod('p', {
      spec: required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['ssd'] }, { key: 'metadata.name', operator: 'In', values: ['hdd'] }] }),
    });
    expect(filterAll(nodeAffinity, p, snap)).toBe('reject: pod affinity terms conflict');
  });
});

describe('NodeAffinity score', () => {
  it('sums preferred term weights, normalised to the best node', () => {
    const p = pod('p', {
      spec: {
        affinity: {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 1, preference: { matchExpressions: [{ key: 'zone', operator: 'Exists' }] } },
              { weight: 3, preference: { matchExpressions: [{ key: 'disktype', operator: 'In', values: ['ssd'] }] } },
            ],
          },
        },
      },
    });
    expect(scoreAll(nodeAffinity, p, snap)).toEqual({ ssd: 100, hdd: 25, bare: 0 });
    expect(scoreAll(nodeAffinity, pod('q'), snap)).toBeNull();
  });
});

describe('ImageLocality', () => {
  it('normalises untagged image names to :latest', () => {
    expect(normalizedImageName('nginx')).toBe('nginx:latest');
    expect(normalizedImageName('registry:5000/app')).toBe('registry:5000/app:latest');
    expect(normalizedImageName('nginx:1.25')).toBe('nginx:1.25');
  });

  it('favours nodes holding big images, scaled by how many nodes have them', () => {
    const MB = 1024 * 1024;
    const withImage = (name: string) => node(name, { images: [{ names: ['app:1'], sizeBytes: 523 * MB }] });
    const s = new Snapshot({ nodes: [withImage('a'), withImage('b'), node('c'), node('d')] });
    const p = pod('p', { spec: { containers: [{ name: 'c', image: 'app:1' }] } });
    // spread 2/4 -> 261.5MB counted; (261.5 - 23) / (1000 - 23) of 100 -> 24
    expect(scoreAll(imageLocality, p, s)).toEqual({ a: 24, b: 24, c: 0, d: 0 });
    expect(imageScore(0, 1)).toBe(0);
    expect(imageScore(5000 * MB, 1)).toBe(100);
  });

  it('skips when no node reports images', () => {
    expect(scoreAll(imageLocality, pod('p'), snap)).toBeNull();
  });
});
