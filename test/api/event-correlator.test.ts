import { describe, expect, it } from 'vitest';
import { AGGREGATE_INTERVAL_MS, EventCorrelator, SPAM_BURST, SPAM_REFILL_MS } from '../../src/api/event-correlator.js';

const at = (correlator: EventCorrelator, message: string, now: number, aggregateKey = 'rs-controller/web/Normal/SuccessfulCreate') =>
  correlator.correlate({ aggregateKey, message, now });

describe('EventCorrelator (client-go aggregation)', () => {
  it('records 9 distinct messages, then combines the 10th and later ones', () => {
    const c = new EventCorrelator();
    const verdicts = Array.from({ length: 12 }, (_, i) => at(c, `Created pod: web-${i}`, 1000 + i));
    expect(verdicts.slice(0, 9).every((v) => v.action === 'record')).toBe(true);
    expect(verdicts[9]).toEqual({ action: 'combine', message: '(combined from similar events): Created pod: web-9' });
    expect(verdicts[11]).toEqual({ action: 'combine', message: '(combined from similar events): Created pod: web-11' });
  });

  it('counts repeats of one message once, and keeps keys apart', () => {
    const c = new EventCorrelator();
    for (let i = 0; i < 20; i++) expect(at(c, 'Back-off restarting failed container', i).action).toBe('record');
    for (let i = 0; i < 9; i++) expect(at(c, `m${i}`, 50, 'other').action).toBe('record');
  });

  it('starts over after 10 minutes without a similar event', () => {
    const c = new EventCorrelator();
    for (let i = 0; i < 10; i++) at(c, `Created pod: web-${i}`, 0);
    expect(at(c, 'Created pod: web-x', 1).action).toBe('combine');
    expect(at(c, 'Created pod: web-y', 1 + AGGREGATE_INTERVAL_MS + 1).action).toBe('record');
  });
});

describe('EventCorrelator (client-go spam filter)', () => {
  it('lets 25 events about one object through at once, then one per 5 minutes', () => {
    const c = new EventCorrelator();
    const allowed = Array.from({ length: 30 }, () => c.allow('kubelet/pod-a', 0)).filter(Boolean);
    expect(allowed).toHaveLength(SPAM_BURST);
    expect(c.allow('kubelet/pod-b', 0)).toBe(true);
    expect(c.allow('kubelet/pod-a', SPAM_REFILL_MS - 1)).toBe(false);
    expect(c.allow('kubelet/pod-a', SPAM_REFILL_MS)).toBe(true);
    expect(c.allow('kubelet/pod-a', SPAM_REFILL_MS + 1)).toBe(false);
  });

  it('refills the bucket up to the burst, not beyond', () => {
    const c = new EventCorrelator();
    c.allow('k', 0);
    const later = 100 * SPAM_REFILL_MS;
    expect(Array.from({ length: 30 }, () => c.allow('k', later)).filter(Boolean)).toHaveLength(SPAM_BURST);
  });
});
