import { describe, expect, it } from 'vitest';
import { stripVTControlCharacters } from 'node:util';
import { colourEnabled, paintStatus, statusTone } from '../../src/cli/colors.js';
import { printTable } from '../../src/cli/printers/table.js';
import { kindRegistry } from '../../src/api/kinds/index.js';
import type { KubeObject } from '../../src/api/types.js';

const now = new Date('2026-01-01T00:10:00Z');
const pod = (name: string, phase: string, reason?: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', creationTimestamp: '2026-01-01T00:00:00Z' },
  spec: { containers: [{ name: 'c', image: 'nginx' }] },
  status: {
    phase,
    containerStatuses: [{
      name: 'c', image: 'nginx', imageID: '', ready: phase === 'Running', restartCount: 0,
      state: reason ? { waiting: { reason } } : { running: { startedAt: '2026-01-01T00:00:01Z' } },
    }],
  },
} as unknown as KubeObject);

describe('status tones', () => {
  it.each([
    ['Running', 'ok'], ['Completed', 'ok'], ['Active', 'ok'], ['Ready', 'ok'], ['Bound', 'ok'], ['True', 'ok'],
    ['Pending', 'wait'], ['ContainerCreating', 'wait'], ['Terminating', 'wait'], ['NotReady', 'wait'], ['Init:0/1', 'wait'],
    ['Ready,SchedulingDisabled', 'ok'],
    ['CrashLoopBackOff', 'bad'], ['Error', 'bad'], ['Failed', 'bad'], ['ErrImagePull', 'bad'], ['ImagePullBackOff', 'bad'],
    ['Evicted', 'bad'], ['Init:CrashLoopBackOff', 'bad'],
  ])('%s is %s', (cell, tone) => {
    expect(statusTone(cell)).toBe(tone);
  });
  it('leaves other text alone', () => {
    expect(statusTone('web-1')).toBeUndefined();
    expect(paintStatus('3/3')).toBe('3/3');
  });
});

describe('when to colour', () => {
  it('only on a TTY, or when forced; never with NO_COLOR or --no-color', () => {
    expect(colourEnabled({ isTTY: true, env: {} })).toBe(true);
    expect(colourEnabled({ isTTY: false, env: {} })).toBe(false);
    expect(colourEnabled({ isTTY: false, env: { FORCE_COLOR: '1' } })).toBe(true);
    expect(colourEnabled({ isTTY: true, env: { NO_COLOR: '1' } })).toBe(false);
    expect(colourEnabled({ isTTY: true, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).toBe(false);
    expect(colourEnabled({ isTTY: true, env: {}, noColorFlag: true })).toBe(false);
  });
});

describe('coloured tables', () => {
  const kind = kindRegistry().byPlural('pods')!;
  const pods = [pod('web-1', 'Running'), pod('a-much-longer-name', 'Pending', 'CrashLoopBackOff')];

  it('colours the STATUS cells and keeps the plain layout', () => {
    const plain = printTable(pods, kind, { now });
    const coloured = printTable(pods, kind, { now, colour: true });
    expect(coloured).not.toBe(plain);
    expect(stripVTControlCharacters(coloured)).toBe(plain);
    expect(coloured).toContain('\u001b[32mRunning\u001b[39m');
    expect(coloured).toContain('\u001b[31mCrashLoopBackOff\u001b[39m');
    expect(coloured.split('\n')[0]).toBe(plain.split('\n')[0]);
  });

  it('colours without headers too', () => {
    const coloured = printTable(pods, kind, { now, colour: true, noHeaders: true });
    expect(stripVTControlCharacters(coloured)).toBe(printTable(pods, kind, { now, noHeaders: true }));
    expect(coloured).toContain('\u001b[32mRunning');
  });
});
