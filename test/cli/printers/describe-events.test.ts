import { describe, expect, it } from 'vitest';
import { eventAge, eventsAfter, sortEvents, valueColumn } from '../../../src/cli/printers/describe-events.js';
import type { KubeObject } from '../../../src/api/types.js';

const NOW = new Date('2026-01-01T12:00:00Z');

function event(over: Record<string, unknown>): KubeObject {
  return { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e', namespace: 'default' }, type: 'Normal', ...over } as KubeObject;
}

describe('eventAge', () => {
  it('is the age of the first occurrence for a single event', () => {
    expect(eventAge(event({ firstTimestamp: '2026-01-01T11:55:00Z', lastTimestamp: '2026-01-01T11:55:00Z', count: 1 }), NOW)).toBe('5m');
  });

  it('shows repeats as `last (xN over first)`', () => {
    expect(eventAge(event({ firstTimestamp: '2026-01-01T11:00:00Z', lastTimestamp: '2026-01-01T11:58:00Z', count: 3 }), NOW)).toBe('2m (x3 over 60m)');
  });

  it('prefers eventTime and series for events.k8s.io-style events', () => {
    const e = event({ eventTime: '2026-01-01T11:50:00.000000Z', series: { count: 4, lastObservedTime: '2026-01-01T11:59:30.000000Z' } });
    expect(eventAge(e, NOW)).toBe('30s (x4 over 10m)');
  });

  it('is <unknown> without timestamps', () => {
    expect(eventAge(event({}), NOW)).toBe('<unknown>');
  });
});

describe('eventsAfter', () => {
  const body = 'Name:         web\nNamespace:    default\nLabels:       a=b\n              c=d\n';

  it('lines <none> up with the values of the block above', () => {
    expect(eventsAfter(body, [], NOW)).toBe('Events:       <none>\n');
  });

  it('writes Events:  <none> alone after a line that is no key/value pair', () => {
    expect(eventsAfter('Data\n====\n\nBinaryData\n====\n\n', [], NOW)).toBe('Events:  <none>\n');
  });

  it('writes the events table, oldest last-seen first, messages trimmed, source falling back to reportingComponent', () => {
    const events = [
      event({ reason: 'Late', message: 'second  ', source: { component: 'kubelet' }, count: 1,
        firstTimestamp: '2026-01-01T11:59:00Z', lastTimestamp: '2026-01-01T11:59:00Z' }),
      event({ type: 'Warning', reason: 'Early', message: 'first', reportingComponent: 'ctrl', count: 2,
        firstTimestamp: '2026-01-01T11:00:00Z', lastTimestamp: '2026-01-01T11:30:00Z' }),
    ];
    expect(eventsAfter(body, events, NOW)).toBe(
      'Events:\n' +
      '  Type     Reason  Age                From     Message\n' +
      '  ----     ------  ----               ----     -------\n' +
      '  Warning  Early   30m (x2 over 60m)  ctrl     first\n' +
      '  Normal   Late    60s                kubelet  second\n',
    );
    expect(sortEvents(events).map((e) => e.reason)).toEqual(['Early', 'Late']);
  });

  it('keeps events of the same second in the order they happened, whatever their names', () => {
    const at = (reason: string, name: string, rv: string, first = '2026-01-01T11:59:00Z') =>
      event({ reason, metadata: { name, namespace: 'default', resourceVersion: rv }, firstTimestamp: first, lastTimestamp: '2026-01-01T11:59:00Z' });
    const events = [at('Started', 'p.0a', '14'), at('Scheduled', 'p.ff', '11'), at('Pulling', 'p.3c', '12'), at('Pulled', 'p.01', '13'),
      at('BackOff', 'p.77', '20', '2026-01-01T11:58:00Z')];
    expect(sortEvents(events).map((e) => e.reason)).toEqual(['BackOff', 'Scheduled', 'Pulling', 'Pulled', 'Started']);
  });
});

describe('valueColumn', () => {
  it('reads the value column from the last key line or its continuation lines', () => {
    expect(valueColumn('QoS Class:    BestEffort\nTolerations:  a\n              b\n')).toBe(14);
    expect(valueColumn('  Type    Status\n  Ready   True\n')).toBe(10);
    expect(valueColumn('Volumes:\n')).toBeUndefined();
  });
});
