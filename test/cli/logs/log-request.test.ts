import { describe, expect, it } from 'vitest';
import { logOptions, parseSinceTime } from '../../../src/cli/logs/log-request.js';
import { prefixed } from '../../../src/cli/logs/log-streams.js';

const base = { previous: false, timestamps: false, 'limit-bytes': 0 };
const NOW = Date.parse('2026-01-01T12:00:00Z');

describe('logs flags as the kubelet reads them', () => {
  it('tails everything by default, 10 lines with a selector, what --tail says otherwise', () => {
    expect(logOptions(base, NOW).tail).toBe(-1);
    expect(logOptions({ ...base, selector: 'app=web' }, NOW).tail).toBe(10);
    expect(logOptions({ ...base, selector: 'app=web', tail: -1 }, NOW).tail).toBe(-1);
    expect(logOptions({ ...base, tail: 3 }, NOW).tail).toBe(3);
  });

  it('turns --since (rounded to seconds) and --since-time into a start time', () => {
    expect(logOptions({ ...base, since: '1h' }, NOW).sinceMs).toBe(NOW - 3_600_000);
    expect(logOptions({ ...base, since: '1500ms' }, NOW).sinceMs).toBe(NOW - 2_000);
    expect(logOptions({ ...base, 'since-time': '2026-01-01T11:00:00Z' }, NOW).sinceMs).toBe(Date.parse('2026-01-01T11:00:00Z'));
    expect(logOptions({ ...base, 'since-time': '2026-01-01T13:00:00.5+02:00' }, NOW).sinceMs).toBe(Date.parse('2026-01-01T11:00:00.5Z'));
    expect(logOptions(base, NOW).sinceMs).toBeUndefined();
    expect(logOptions({ ...base, 'limit-bytes': 10 }, NOW).limitBytes).toBe(10);
  });

  it("refuses what kubectl refuses, with kubectl's words", () => {
    expect(() => logOptions({ ...base, since: '5s', 'since-time': '2026-01-01T11:00:00Z' }, NOW)).toThrow('at most one of `sinceTime` or `sinceSeconds` may be specified');
    expect(() => logOptions({ ...base, since: '-5s' }, NOW)).toThrow('--since must be greater than 0');
    expect(() => logOptions({ ...base, since: 'soon' }, NOW)).toThrow('invalid argument "soon" for "--since" flag: time: invalid duration "soon"');
    expect(() => logOptions({ ...base, 'limit-bytes': -1 }, NOW)).toThrow('--limit-bytes must be greater than 0');
    expect(() => logOptions({ ...base, tail: -2 }, NOW)).toThrow('--tail must be greater than or equal to -1');
    expect(() => parseSinceTime('2026-01-01')).toThrow('parsing time "2026-01-01" as "2006-01-02T15:04:05Z07:00"');
  });

  it('prefixes every line, a cut last one too', () => {
    const stream = { pod: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' } }, container: 'app' };
    expect(prefixed('a\nb\n', stream)).toBe('[pod/web/app] a\n[pod/web/app] b\n');
    expect(prefixed('a\nbc', stream)).toBe('[pod/web/app] a\n[pod/web/app] bc');
    expect(prefixed('', stream)).toBe('');
  });
});
