import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../../src/api/kinds/cron-schedule.js';

const error = (spec: string): string => {
  try {
    parseSchedule(spec);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('parseSchedule (robfig/cron ParseStandard)', () => {
  it('parses fields, ranges, steps, names and descriptors', () => {
    const s = parseSchedule('*/15 9-17 * JAN,jul mon-fri');
    if (s.kind !== 'fields') throw new Error('expected fields');
    expect([...s.fields.minute]).toEqual([0, 15, 30, 45]);
    expect([...s.fields.hour]).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect([...s.fields.month]).toEqual([1, 7]);
    expect([...s.fields.dow]).toEqual([1, 2, 3, 4, 5]);
    expect(s.fields.domStar).toBe(true);
    expect(s.fields.dowStar).toBe(false);
    const hourly = parseSchedule('@hourly');
    expect(hourly.kind === 'fields' && [...hourly.fields.minute]).toEqual([0]);
    expect(parseSchedule('@every 1h30m')).toEqual({ kind: 'every', seconds: 5400, timeZone: undefined });
    expect(parseSchedule('CRON_TZ=Europe/Paris 0 3 * * *').timeZone).toBe('Europe/Paris');
  });

  it('reports errors in robfig/cron words', () => {
    expect(error('')).toBe('empty spec string');
    expect(error('bad')).toBe('expected exactly 5 fields, found 1: [bad]');
    expect(error('* * * * * *')).toBe('expected exactly 5 fields, found 6: [* * * * * *]');
    expect(error('61 * * * *')).toBe('end of range (61) above maximum (59): 61');
    expect(error('* * 0 * *')).toBe('beginning of range (0) below minimum (1): 0');
    expect(error('5-2 * * * *')).toBe('beginning of range (5) beyond end of range (2): 5-2');
    expect(error('x * * * *')).toBe('failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax');
    expect(error('*/0 * * * *')).toBe('step of range should be a positive number: */0');
    expect(error('1-2-3 * * * *')).toBe('too many hyphens: 1-2-3');
    expect(error('@fortnightly')).toBe('unrecognized descriptor: @fortnightly');
    expect(error('@every 5x')).toBe('time: unknown unit "x" in duration "5x"');
    expect(error('TZ=Nowhere/Land * * * * *')).toBe('provided bad location Nowhere/Land: unknown time zone Nowhere/Land');
  });
});
