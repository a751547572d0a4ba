import { describe, expect, it } from 'vitest';
import { EventSpans } from '../../src/store/event-spans.js';

const digits = (n: number) => `${n.toString(16).padStart(15, '0')}${'a'.repeat(12)}`;
const stored = (n: number, ns: string, obj = 'web') => `~${digits(n)}/${ns}/${obj}`;

describe('EventSpans', () => {
  it('keeps, per namespace, the first and last digits of its Events and reads them as an LMDB range', () => {
    const spans = EventSpans.of([stored(5, 'a'), stored(2, 'a'), stored(9, 'a'), stored(7, 'b')]);
    expect(spans.range('a')).toEqual({ start: `~${digits(2)}`, end: `~${digits(9)}0` });
    expect(spans.range('b')).toEqual({ start: `~${digits(7)}`, end: `~${digits(7)}0` });
    expect(spans.range('c')).toBeUndefined();
  });

  it('reads a range that holds its first and last keys and none past them', () => {
    const spans = EventSpans.of([stored(2, 'a', 'x'), stored(9, 'a', 'y')]);
    const { start, end } = spans.range('a')!;
    const inside = (k: string) => k >= start! && k < end!;
    expect([stored(2, 'a', 'x'), stored(9, 'a', 'y'), stored(5, 'b')].every(inside)).toBe(true);
    expect([stored(1, 'a'), stored(10, 'a'), `~${digits(9).slice(0, 26)}b/a/z`].some(inside)).toBe(false);
  });

  it('survives its record, which names the commit that stored it', () => {
    const spans = EventSpans.of([stored(3, 'a'), stored(4, 'b')]);
    const record = spans.toRecord(42);
    expect(record.txn).toBe(42);
    const back = EventSpans.fromRecord(JSON.parse(JSON.stringify(record)));
    back.note(stored(1, 'a'));
    expect(back.range('a')).toEqual({ start: `~${digits(1)}`, end: `~${digits(3)}0` });
    expect(spans.range('a')!.start).toBe(`~${digits(3)}`);
  });
});
