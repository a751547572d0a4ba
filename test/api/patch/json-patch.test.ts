import { describe, expect, it } from 'vitest';
import { applyJsonPatch } from '../../../src/api/patch/json-patch.js';
import { applyJsonMergePatch } from '../../../src/api/patch/json-merge.js';

const dep = () => ({ metadata: { name: 'web', annotations: { a: '1' } }, spec: { replicas: 1, template: { spec: { containers: [{ name: 'c', image: 'x' }] } } } });

describe('applyJsonPatch', () => {
  it('applies add/replace/remove with escaped pointers', () => {
    const out = applyJsonPatch(dep(), [
      { op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'y' },
      { op: 'add', path: '/metadata/annotations/kubectl.kubernetes.io~1restartedAt', value: 'now' },
      { op: 'remove', path: '/metadata/annotations/a' },
      { op: 'add', path: '/spec/template/spec/containers/-', value: { name: 'd' } },
    ]);
    expect(out.spec.template.spec.containers).toEqual([{ name: 'c', image: 'y' }, { name: 'd' }]);
    expect(out.metadata.annotations).toEqual({ 'kubectl.kubernetes.io/restartedAt': 'now' });
  });

  it('moves and copies', () => {
    const out = applyJsonPatch(dep(), [{ op: 'copy', from: '/metadata/name', path: '/metadata/labels' }, { op: 'move', from: '/spec/replicas', path: '/spec/count' }]);
    expect((out.metadata as Record<string, unknown>).labels).toBe('web');
    expect(out.spec).toMatchObject({ count: 1 });
    expect(out.spec).not.toHaveProperty('replicas');
  });

  it('is atomic: a failing test aborts everything', () => {
    const orig = dep();
    expect(() => applyJsonPatch(orig, [{ op: 'replace', path: '/spec/replicas', value: 5 }, { op: 'test', path: '/spec/replicas', value: 1 }])).toThrow('testing value /spec/replicas failed: test failed');
    expect(orig.spec.replicas).toBe(1);
  });

  it('words missing paths as the json-patch library does', () => {
    expect(() => applyJsonPatch(dep(), [{ op: 'replace', path: '/spec/foo', value: 1 }])).toThrow('replace operation does not apply: doc is missing key: /spec/foo: missing value');
    expect(() => applyJsonPatch(dep(), [{ op: 'remove', path: '/x/y' }])).toThrow('remove operation does not apply: doc is missing path: "/x/y": missing value');
    expect(() => applyJsonPatch(dep(), { op: 'add' })).toThrow('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  });
});

describe('applyJsonMergePatch', () => {
  it('merges maps, deletes nulls and replaces arrays', () => {
    const out = applyJsonMergePatch(dep(), { metadata: { annotations: { a: null, b: '2' } }, spec: { template: { spec: { containers: [{ name: 'z' }] } } } });
    expect(out.metadata.annotations).toEqual({ b: '2' });
    expect(out.spec.template.spec.containers).toEqual([{ name: 'z' }]);
    expect(out.spec.replicas).toBe(1);
  });
});
