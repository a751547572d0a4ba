import { describe, expect, it } from 'vitest';
import { FakeClock, OffsetClock, parseTime, rfc3339, wallClock } from '../../src/util/clock.js';

describe('parseTime', () => {
  it('gives what new Date(t).getTime() gives, for each string in turn', () => {
    const stamps = ['2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z', '2026-01-01T00:00:01Z', '2025-12-31T23:59:59Z', '2026-01-01T00:00:00Z', '2026-06-30T12:34:56.789Z', 'not a time'];
    for (const t of stamps) {
      if (Number.isNaN(new Date(t).getTime())) expect(parseTime(t)).toBeNaN();
      else expect(parseTime(t)).toBe(new Date(t).getTime());
    }
  });

  it('reads back what rfc3339 wrote', () => {
    const d = new Date('2026-03-04T05:06:07Z');
    expect(parseTime(rfc3339(d))).toBe(d.getTime());
  });
});

describe('OffsetClock', () => {
  it('is its base clock moved by the offset', () => {
    const base = new FakeClock('2026-01-01T00:00:00Z');
    const clock = new OffsetClock(base, 90_000);
    expect(clock.now().toISOString()).toBe('2026-01-01T00:01:30.000Z');
    base.advance(1000);
    clock.offsetMs = 0;
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:01.000Z');
  });

  it('over the wall clock, is the wall time moved by the offset', () => {
    const clock = new OffsetClock(wallClock, 3_600_000);
    const before = Date.now();
    const now = clock.now().getTime();
    const after = Date.now();
    expect(now).toBeGreaterThanOrEqual(before + 3_600_000);
    expect(now).toBeLessThanOrEqual(after + 3_600_000);
  });
});
