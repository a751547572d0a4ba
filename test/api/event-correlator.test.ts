import { describe, expect, it } from 'vitest';
import { AGGREGATE_INTERVAL_MS, EventCorrelator, SPAM_BURST, SPAM_REFILL_MS } from '../../src/api/event-correlator.js';

const at = (c: EventCorrelator, message: string, now: number, object = 'uid-web', reason = 'SuccessfulCreate') =>
  c.correlate(c.history('replicaset-controller', object, now), 'Normal', reason, message, now);

describe('EventCorrelator (client-go aggregation)', () => {
  it('records 9 distinct messages, then combines the 10th and later ones', () => {
    const c = new EventCorrelator();
    const verdicts = Array.from({ length: 12 }, (_, i) => at(c, `Created pod: web-${i}`, 1000 + i));
    expect(verdicts.slice(0, 9).every((v) => v.action === 'record')).toBe(true);
    expect(verdicts[9]).toEqual({ action: 'combine', message: '(combined from similar events): Created pod: web-9' });
    expect(verdicts[11]).toEqual({ action: 'combine', message: '(combined from similar events): Created pod: web-11' });
  });

  it('counts repeats of one message once, and keeps objects, reasons, types and sources apart', () => {
    const c = new EventCorrelator();
    for (let i = 0; i < 20; i++) expect(at(c, 'Back-off restarting failed container', i).action).toBe('record');
    for (let i = 0; i < 9; i++) expect(at(c, `m${i}`, 50, 'uid-other').action).toBe('record');
    for (let i = 0; i < 9; i++) expect(at(c, `m${i}`, 50, 'uid-web', 'OtherReason').action).toBe('record');
    const warnings = c.history('replicaset-controller', 'uid-web', 50);
    for (let i = 0; i < 9; i++) expect(c.correlate(warnings, 'Warning', 'SuccessfulCreate', `m${i}`, 50).action).toBe('record');
    const kubelet = c.history('kubelet', 'uid-web', 50);
    for (let i = 0; i < 9; i++) expect(c.correlate(kubelet, 'Normal', 'SuccessfulCreate', `m${i}`, 50).action).toBe('record');
    // the 10th distinct message of the first type and reason: combined, the others untouched
    for (let i = 0; i < 8; i++) at(c, `n${i}`, 60);
    expect(at(c, 'n8', 60).action).toBe('combine');
  });

  it('marks the first event of a type and reason from a source about an object, and only that one', () => {
    const c = new EventCorrelator();
    expect(at(c, 'Created pod: web-1', 0)).toEqual({ action: 'record', first: true });
    expect(at(c, 'Created pod: web-2', 1)).toEqual({ action: 'record' });
    expect(at(c, 'Created pod: web-1', 2)).toEqual({ action: 'record' });
    expect(at(c, 'x', 3, 'uid-other')).toEqual({ action: 'record', first: true });
    expect(at(c, 'x', 4, 'uid-web', 'OtherReason')).toEqual({ action: 'record', first: true });
    // starting over after 10 quiet minutes is no first: this process may have written the Event
    expect(at(c, 'Created pod: web-1', 2 + AGGREGATE_INTERVAL_MS + 1)).toEqual({ action: 'record' });
  });

  it('starts over after 10 minutes without a similar event', () => {
    const c = new EventCorrelator();
    for (let i = 0; i < 10; i++) at(c, `Created pod: web-${i}`, 0);
    expect(at(c, 'Created pod: web-x', 1).action).toBe('combine');
    expect(at(c, 'Created pod: web-y', 1 + AGGREGATE_INTERVAL_MS + 1).action).toBe('record');
    for (let i = 0; i < 8; i++) expect(at(c, `again ${i}`, 2 + AGGREGATE_INTERVAL_MS).action).toBe('record');
    expect(at(c, 'again 8', 2 + AGGREGATE_INTERVAL_MS).action).toBe('combine');
  });

  it('forgets the least recently seen objects past 4,096', () => {
    const c = new EventCorrelator();
    for (let i = 0; i < 10; i++) at(c, `Created pod: web-${i}`, 0, 'uid-0');
    expect(at(c, 'Created pod: web-x', 0, 'uid-0').action).toBe('combine');
    for (let i = 1; i <= 8192; i++) at(c, 'Created pod: x', 0, `uid-${i}`);
    expect(at(c, 'Created pod: web-y', 0, 'uid-0').action).toBe('record');
  });
});

describe('EventCorrelator (client-go spam filter)', () => {
  const allow = (c: EventCorrelator, object: string, now: number, source = 'kubelet') => c.allow(c.history(source, object, now), now);

  it('lets 25 events about one object through at once, then one per 5 minutes', () => {
    const c = new EventCorrelator();
    const allowed = Array.from({ length: 30 }, () => allow(c, 'pod-a', 0)).filter(Boolean);
    expect(allowed).toHaveLength(SPAM_BURST);
    expect(allow(c, 'pod-b', 0)).toBe(true);
    expect(allow(c, 'pod-a', 0, 'default-scheduler')).toBe(true);
    expect(allow(c, 'pod-a', SPAM_REFILL_MS - 1)).toBe(false);
    expect(allow(c, 'pod-a', SPAM_REFILL_MS)).toBe(true);
    expect(allow(c, 'pod-a', SPAM_REFILL_MS + 1)).toBe(false);
  });

  it('refills the bucket up to the burst, not beyond', () => {
    const c = new EventCorrelator();
    allow(c, 'k', 0);
    const later = 100 * SPAM_REFILL_MS;
    expect(Array.from({ length: 30 }, () => allow(c, 'k', later)).filter(Boolean)).toHaveLength(SPAM_BURST);
  });
});
