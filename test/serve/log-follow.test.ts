import { describe, expect, it } from 'vitest';
import { eventually, LineReader, send, serverPerTest } from './http-helpers.js';
import { pod } from './serve-helpers.js';

const ctx = serverPerTest();
const LOG = '/api/v1/namespaces/default/pods/talker/log';

async function runningTalker(annotations: Record<string, string>): Promise<void> {
  await send(ctx.base, 'POST', '/api/v1/namespaces/default/pods', pod('talker', {}, { annotations: { 'pocketkube.io/logs': 'one\ntwo', ...annotations } }));
  await eventually(async () => ((await (await send(ctx.base, 'GET', '/api/v1/namespaces/default/pods/talker')).json()).status?.phase === 'Running' ? true : undefined));
}

describe('pods/log?follow=true', () => {
  it('sends the lines, stays open while the run lasts, and ends when the container exits', async () => {
    await runningTalker({ 'pocketkube.io/run-duration': '30s' });
    const lines = new LineReader(await send(ctx.base, 'GET', `${LOG}?follow=true`));
    expect(await lines.nextLineText()).toBe('one');
    expect(await lines.nextLineText()).toBe('two');
    // nothing more, and still open, while cluster time stands still
    await expect(lines.ends(300)).rejects.toThrow(/within 300 ms/);
    await ctx.c.advance(31_000);
    expect(await lines.ends()).toBe(true);
  });

  it('ends when the pod is deleted', async () => {
    await runningTalker({});
    const lines = new LineReader(await send(ctx.base, 'GET', `${LOG}?follow=true`));
    expect(await lines.nextLineText()).toBe('one');
    expect(await lines.nextLineText()).toBe('two');
    await send(ctx.base, 'DELETE', '/api/v1/namespaces/default/pods/talker', { gracePeriodSeconds: 0 });
    expect(await lines.ends()).toBe(true);
  });

  it('ends at once for the previous run', async () => {
    await runningTalker({ 'pocketkube.io/crash-after': '1s' });
    await ctx.c.advance(2_000);
    await eventually(async () => ((await (await send(ctx.base, 'GET', '/api/v1/namespaces/default/pods/talker')).json()).status?.containerStatuses?.[0]?.lastState?.terminated ? true : undefined));
    const res = await send(ctx.base, 'GET', `${LOG}?follow=true&previous=true`);
    expect(await res.text()).toBe('one\ntwo\n');
  });
});
