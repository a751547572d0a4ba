import { describe, expect, it } from 'vitest';
import { getOutputFormat, noResourcesMessage, splitLabelColumns } from '../../../src/cli/printers/get-output.js';
import { widgetKind } from './fixtures.js';

describe('get output helpers', () => {
  it('accepts the formats get implements and refuses the rest in kubectl words', () => {
    expect(getOutputFormat(undefined)).toBeUndefined();
    expect(getOutputFormat('wide')).toBe('wide');
    expect(getOutputFormat('name')).toBe('name');
    expect(() => getOutputFormat('xml')).toThrow('unable to match a printer suitable for the output format "xml", allowed formats are: custom-columns,');
    expect(() => getOutputFormat('jsonpath={.x}')).toThrow('output format "jsonpath" is not supported');
  });

  it('splits -L values', () => {
    expect(splitLabelColumns(['app,tier', ' env '])).toEqual(['app', 'tier', 'env']);
    expect(splitLabelColumns(undefined)).toEqual([]);
  });

  it('words the empty result as kubectl does', () => {
    expect(noResourcesMessage([widgetKind()], false, 'shop')).toBe('No resources found in shop namespace.\n');
    expect(noResourcesMessage([widgetKind()], true, 'shop')).toBe('No resources found\n');
    expect(noResourcesMessage([widgetKind(), widgetKind({ namespaced: false })], false, 'shop')).toBe('No resources found\n');
  });
});
