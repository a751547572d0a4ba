import { describe, expect, it } from 'vitest';
import { mergeConfig, removeFields, valueAt } from '../../../src/api/apply/apply-merge.js';
import { FieldSet } from '../../../src/api/apply/field-set.js';
import { field, fieldPath, key, value } from '../../../src/api/apply/field-path.js';

describe('mergeConfig', () => {
  it('merges associative lists by key, keeping live items not in config', () => {
    const live = { spec: { containers: [{ name: 'a', image: 'a:1', args: ['x'] }, { name: 'side', image: 's:1' }] } };
    const config = { spec: { containers: [{ name: 'b', image: 'b:1' }, { name: 'a', image: 'a:2' }] } };
    const out = mergeConfig(live, config, 'V1Pod');
    expect(out.spec.containers).toEqual([
      { name: 'b', image: 'b:1' },
      { name: 'a', image: 'a:2', args: ['x'] },
      { name: 'side', image: 's:1' },
    ]);
    expect(live.spec.containers[0]!.image).toBe('a:1');
  });

  it('replaces atomic lists and unions primitive sets', () => {
    const live = { metadata: { finalizers: ['a', 'b'] }, spec: { containers: [{ name: 'c', args: ['1', '2'] }] } };
    const config = { metadata: { finalizers: ['c', 'a'] }, spec: { containers: [{ name: 'c', args: ['3'] }] } };
    const out = mergeConfig(live, config, 'V1Pod');
    expect(out.metadata.finalizers).toEqual(['c', 'a', 'b']);
    expect(out.spec.containers[0]!.args).toEqual(['3']);
  });
});

describe('removeFields / valueAt', () => {
  const obj = {
    metadata: { labels: { a: '1', b: '2' }, finalizers: ['x', 'y'] },
    spec: { containers: [{ name: 'a', image: 'i' }, { name: 'b', image: 'j' }] },
  };

  it('removes fields, list items and set values', () => {
    const set = FieldSet.of(
      fieldPath('metadata', 'labels', 'a'),
      [...fieldPath('metadata', 'finalizers'), value('x')],
      [...fieldPath('spec', 'containers'), key({ name: 'a' })],
    );
    expect(removeFields(obj, set)).toEqual({
      metadata: { labels: { b: '2' }, finalizers: ['y'] },
      spec: { containers: [{ name: 'b', image: 'j' }] },
    });
    expect(obj.metadata.labels.a).toBe('1');
  });

  it('drops parents left empty unless kept', () => {
    const set = FieldSet.of(fieldPath('metadata', 'labels', 'a'), fieldPath('metadata', 'labels', 'b'));
    expect(removeFields(obj, set, FieldSet.empty()).metadata).toEqual({ finalizers: ['x', 'y'] });
    expect(removeFields(obj, set, FieldSet.of(fieldPath('metadata', 'labels'))).metadata).toEqual({ labels: {}, finalizers: ['x', 'y'] });
  });

  it('reads values at paths', () => {
    expect(valueAt(obj, [...fieldPath('spec', 'containers'), key({ name: 'b' }), field('image')])).toBe('j');
    expect(valueAt(obj, [...fieldPath('metadata', 'finalizers'), value('y')])).toBe('y');
    expect(valueAt(obj, fieldPath('spec', 'replicas'))).toBeUndefined();
  });
});
