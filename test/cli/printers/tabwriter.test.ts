import { describe, expect, it } from 'vitest';
import { runeLength, tabulate } from '../../../src/cli/printers/tabwriter.js';

describe('tabulate (kubectl tabwriter: minwidth 6, padding 3)', () => {
  it('pads every cell but the last to the widest cell plus 3', () => {
    expect(tabulate([['NAME', 'READY', 'AGE'], ['web-abcdef', '1/1', '5m']])).toBe(
      'NAME         READY   AGE\n' +
      'web-abcdef   1/1     5m\n',
    );
  });

  it('never makes a column narrower than 6', () => {
    expect(tabulate([['A', 'B'], ['x', 'y']])).toBe('A     B\nx     y\n');
  });

  it('pads empty cells too, so an empty last-but-one column still takes its width', () => {
    expect(tabulate([['NAME', 'TIER', 'APP'], ['a', '', 'web']])).toBe('NAME   TIER   APP\na             web\n');
  });

  it('leaves an empty last cell empty but keeps the padding before it', () => {
    expect(tabulate([['NAME', 'X'], ['abc', '']])).toBe('NAME   X\nabc    \n');
  });

  it('counts characters, not bytes', () => {
    expect(runeLength('héllo')).toBe(5);
    expect(tabulate([['é', 'x'], ['ab', 'y']])).toBe('é     x\nab    y\n');
  });
});
