import { describe, expect, it } from 'vitest';
import { Echoes } from '../../src/node/echoes.js';

describe('Echoes', () => {
  it('recognises the noted version once, and nothing else', () => {
    const e = new Echoes();
    expect(e.take('default/web', '5')).toBe(false);
    e.note('default/web', '5');
    expect(e.take('default/web', '6')).toBe(false);
    expect(e.take('default/web', '5')).toBe(true);
    expect(e.take('default/web', '5')).toBe(false);
    e.note('default/web', '7');
    e.forget('default/web');
    expect(e.take('default/web', '7')).toBe(false);
  });
});
