import { describe, expect, it } from 'vitest';
import type { Client } from '../../src/api/client.js';
import { StatusError } from '../../src/api/errors.js';
import { selectorFromLabelSelector } from '../../src/api/label-selector.js';
import type { KubeObject, OwnerReference } from '../../src/api/types.js';
import { claim, ownerRefTo } from '../../src/controllers/controller-ref.js';

const owner: KubeObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', namespace: 'default', uid: 'rs-1' } };
const other: KubeObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'api', namespace: 'default', uid: 'rs-2' } };
const selector = selectorFromLabelSelector({ matchLabels: { app: 'web' } });
// shared label and ownerReferences objects, as the interned cache projections share them
const web = Object.freeze({ app: 'web' });
const api = Object.freeze({ app: 'api' });
const ours = Object.freeze([ownerRefTo(owner)]) as OwnerReference[];
const theirs = Object.freeze([ownerRefTo(other)]) as OwnerReference[];

function pod(name: string, labels: Record<string, string> | undefined, refs?: OwnerReference[], extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1', labels, ownerReferences: refs, ...extra } };
}

/** A client that records merge patches of ownerReferences and answers them as applied. */
function fakeClient(missing: string[] = []): { client: Client; patches: string[] } {
  const patches: string[] = [];
  const client = {
    async patch(_r: string, _ns: string, name: string, _t: string, body: { metadata: { ownerReferences: OwnerReference[] | null } }) {
      if (missing.includes(name)) throw new StatusError(404, 'NotFound', `pods "${name}" not found`);
      patches.push(`${name}: ${(body.metadata.ownerReferences ?? []).map((r) => r.name).join(',') || 'none'}`);
      return pod(name, undefined, body.metadata.ownerReferences ?? undefined);
    },
  } as unknown as Client;
  return { client, patches };
}

const names = (objs: KubeObject[]) => objs.map((o) => o.metadata.name);

describe('claim', () => {
  it('keeps its matching pods, releases the ones that stopped matching, adopts matching orphans, in candidate order', async () => {
    const { client, patches } = fakeClient();
    const candidates = [
      pod('a', web, ours), pod('b', web, ours), pod('c', api, ours), pod('d', web, ours),
      pod('e', web, theirs), pod('f', web), pod('g', api), pod('h', web, undefined, { deletionTimestamp: '2026-01-01T00:00:00Z' }),
      pod('i', web, ours), pod('j', { app: 'web' }, [...ours]), pod('k', { app: 'api' }, [...ours]), pod('l', web),
    ];
    const got = await claim({ client, resource: 'pods', owner, selector, candidates });
    expect(names(got)).toEqual(['a', 'b', 'd', 'f', 'i', 'j', 'l']);
    expect(patches).toEqual(['c: none', 'f: web', 'k: none', 'l: web']);
    // adopted orphans come back as the candidates themselves (the caller's projections)
    expect(got[3]).toBe(candidates[5]);
  });

  it('skips the candidates `include` rejects as if they had not been passed', async () => {
    const { client, patches } = fakeClient();
    const candidates = [pod('a', web, ours), pod('b', web, ours, { deletionTimestamp: 'x' }), pod('c', api, ours), pod('d', web), pod('e', web, ours)];
    const got = await claim({ client, resource: 'pods', owner, selector, candidates, include: (p) => !p.metadata.deletionTimestamp && p.metadata.name !== 'c' });
    expect(names(got)).toEqual(['a', 'd', 'e']);
    expect(patches).toEqual(['d: web']);
    expect(names(candidates)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('neither adopts nor releases while the owner is being deleted, but still claims all its own', async () => {
    const { client, patches } = fakeClient();
    const deleting = { ...owner, metadata: { ...owner.metadata, deletionTimestamp: '2026-01-01T00:00:00Z' } };
    const got = await claim({ client, resource: 'pods', owner: deleting, selector, candidates: [pod('a', web, ours), pod('b', api, ours), pod('c', web), pod('d', web, theirs)] });
    expect(names(got)).toEqual(['a', 'b']);
    expect(patches).toEqual([]);
  });

  it('re-reads an orphan before adopting it: gone, already ours, or taken by another owner', async () => {
    const { client, patches } = fakeClient(['z']);
    const live = new Map<string, KubeObject | undefined>([
      ['gone', undefined],
      ['mine', pod('mine', web, ours, { resourceVersion: '2' })],
      ['taken', pod('taken', web, theirs)],
    ]);
    const candidates = [pod('gone', web), pod('mine', web), pod('taken', web), pod('a', web, ours), pod('z', web)];
    const got = await claim({
      client, resource: 'pods', owner, selector, candidates,
      fresh: async (p) => (live.has(p.metadata.name!) ? live.get(p.metadata.name!) : p),
    });
    expect(names(got)).toEqual(['mine', 'a']);
    expect(got[0]).toBe(live.get('mine'));
    expect(patches).toEqual([]);
  });
});
