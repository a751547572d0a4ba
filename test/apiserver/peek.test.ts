import { describe, expect, it } from 'vitest';
import type { Client } from '../../src/api/client.js';
import { peekOptional } from '../../src/api/get-optional.js';
import { internalClient } from '../../src/apiserver/internal-client.js';
import { failure, newServer, pod } from './test-kinds.js';

describe('peek (the stored object, read-only)', () => {
  it('answers what get answers, without a copy, frozen under the test suite', async () => {
    const { server } = await newServer();
    await server.create('pods', pod('web'));
    const a = await server.peek('pods', 'default', 'web');
    const b = await server.peek('pods', 'default', 'web');
    expect(a).toBe(b);
    expect(a).toEqual(await server.get('pods', 'default', 'web'));
    expect(await server.get('pods', 'default', 'web')).not.toBe(a);
    expect(Object.isFrozen(a.metadata)).toBe(true);
    // a write stores a new object; the one peeked before stays as it was
    await server.updateStatus('pods', { ...(await server.get('pods', 'default', 'web')), status: { phase: 'Running' } });
    expect((await server.peek('pods', 'default', 'web')).status.phase).toBe('Running');
    expect(a.status?.phase).not.toBe('Running');
    const missing = await failure(server.peek('pods', 'default', 'nope'));
    expect([missing.code, missing.message]).toEqual([404, 'pods "nope" not found']);
  });

  it('is what peekOptional uses, which falls back to get for a client without it', async () => {
    const { server } = await newServer();
    await server.create('pods', pod('web'));
    const client = internalClient(server);
    expect(await peekOptional(client, 'pods', 'default', 'web')).toBe(await server.peek('pods', 'default', 'web'));
    expect(await peekOptional(client, 'pods', 'default', 'nope')).toBeUndefined();
    const { peek: _, ...withoutPeek } = client;
    const copy = await peekOptional(withoutPeek as Client, 'pods', 'default', 'web');
    expect(copy).toEqual(await server.peek('pods', 'default', 'web'));
    expect(copy).not.toBe(await server.peek('pods', 'default', 'web'));
    expect(await peekOptional(withoutPeek as Client, 'pods', 'default', 'nope')).toBeUndefined();
  });
});
