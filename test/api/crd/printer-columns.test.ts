import { describe, expect, it } from 'vitest';
import { printerColumns } from '../../../src/api/crd/printer-columns.js';
import type { KubeObject } from '../../../src/api/types.js';

const now = new Date('2026-01-01T00:10:00Z');
const widget: KubeObject = {
  apiVersion: 'example.com/v1', kind: 'Widget',
  metadata: { name: 'w1', namespace: 'default', creationTimestamp: '2026-01-01T00:05:00Z' },
  spec: { size: 3, ratio: 1.5, enabled: true, color: 'red', tags: ['a', 'b'], when: 'not a date' },
};
const cells = (cols: ReturnType<typeof printerColumns>) => cols.map((c) => [c.name, c.priority ?? 0, c.cell(widget, now)]);

describe('custom resource printer columns', () => {
  it('default to NAME and AGE when the CRD names none', () => {
    expect(cells(printerColumns(undefined))).toEqual([['NAME', 0, 'w1'], ['AGE', 0, '5m']]);
    expect(cells(printerColumns([]))).toEqual([['NAME', 0, 'w1'], ['AGE', 0, '5m']]);
  });

  it('print each value as its column type says, and nothing when the path finds nothing or another type', () => {
    const cols = printerColumns([
      { name: 'Size', type: 'integer', jsonPath: '.spec.size' },
      { name: 'Ratio', type: 'number', jsonPath: '.spec.ratio' },
      { name: 'Enabled', type: 'boolean', jsonPath: '.spec.enabled' },
      { name: 'Color', type: 'string', jsonPath: '.spec.color', priority: 1 },
      { name: 'Tags', type: 'string', jsonPath: '.spec.tags' },
      { name: 'Missing', type: 'string', jsonPath: '.status.phase' },
      { name: 'Wrong', type: 'integer', jsonPath: '.spec.color' },
      { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
      { name: 'When', type: 'date', jsonPath: '.spec.when' },
    ]);
    expect(cells(cols)).toEqual([
      ['NAME', 0, 'w1'],
      ['SIZE', 0, '3'],
      ['RATIO', 0, '1.5'],
      ['ENABLED', 0, 'true'],
      ['COLOR', 1, 'red'],
      ['TAGS', 0, '["a","b"]'],
      ['MISSING', 0, ''],
      ['WRONG', 0, ''],
      ['AGE', 0, '5m'],
      ['WHEN', 0, '<invalid>'],
    ]);
  });
});
