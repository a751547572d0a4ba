import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { open } from 'lmdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LMDB_DIR, LMDB_GATE_FILE, LmdbStore, REMAP_AFTER_WRITES } from '../../src/store/lmdb-store.js';
import { FileWriteLock } from '../../src/store/write-lock.js';
import { churnKey, churnObject } from './fixtures/churn.js';
import { childScript, runChildSync, startChild, waitForExit, waitForLine } from './fixtures/child-process.js';
import { shapedConfigMaps } from './fixtures/shapes.js';
import { pod, podKey } from './store-contract.js';

const root = mkdtempSync(join(tmpdir(), 'pk-lmdb-disk-'));
let n = 0;
const freshDir = (): string => join(root, `c${n++}`);
let script: string;

beforeAll(async () => {
  script = await childScript(root);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * A store with two commits whose LMDB lock file names the first as the last: what a process that
 * opened the environment during the second commit left there without the gate. LMDB starts reads
 * and writes from the commit its lock file names.
 */
function twoCommitsLockRewound(): { dir: string; store: LmdbStore } {
  const dir = freshDir();
  const store = LmdbStore.open(dir);
  for (const name of ['first', 'second']) {
    store.put(podKey('a', name), pod('a', name));
    store.commit();
  }
  runChildSync(script, ['rewind-lock', join(dir, LMDB_DIR)]);
  return { dir, store };
}

describe('LmdbStore on disk', () => {
  it('reads a change log written one entry per revision (before chunks) and goes on after it', async () => {
    const dir = freshDir();
    LmdbStore.open(dir).close();
    const raw = open({ path: join(dir, LMDB_DIR), maxDbs: 16 });
    const changes = raw.openDB({ name: 'changes' });
    const sys = raw.openDB({ name: 'sys' });
    await changes.put('0000000000000001', { key: podKey('a', 'x'), type: 'put' });
    await changes.put('0000000000000002', { key: podKey('a', 'x'), type: 'delete' });
    await sys.put('revision', 2);
    await raw.close();

    const store = LmdbStore.open(dir, { changeLogRetain: 2 });
    store.put(podKey('a', 'y'), pod('a', 'y'));
    expect(store.changesSince(1).map((c) => [c.revision, c.type])).toEqual([[2, 'delete'], [3, 'put']]);
    store.commit();
    expect(store.compactedRevision()).toBe(1);
    expect(store.changesSince(0).map((c) => [c.revision, c.key])).toEqual([[2, podKey('a', 'x')], [3, podKey('a', 'y')]]);
    store.close();
  });

  it('reads objects written before record shapes were shared, among values that add shared shapes', async () => {
    const dir = freshDir();
    LmdbStore.open(dir).close();
    const raw = open({ path: join(dir, LMDB_DIR), maxDbs: 16 });
    const objects = raw.openDB({ name: 'objects' });
    const old = shapedConfigMaps('old');
    for (const [key, value] of old) await objects.put(key, value);
    await raw.close();

    const store = LmdbStore.open(dir);
    // enough new shapes that record ids reach the bytes of the old values' integers
    for (const [key, value] of shapedConfigMaps('new')) store.put(key, value);
    store.commit();
    store.close();
    const reopened = LmdbStore.open(dir);
    for (const [key, value] of [...old, ...shapedConfigMaps('new')]) expect(reopened.get(key)).toMatchObject(value);
    reopened.close();
  });

  it('shares record shapes between processes that each add new ones', () => {
    const dir = freshDir();
    const store = LmdbStore.open(dir);
    for (const [key, value] of shapedConfigMaps('a')) store.put(key, value);
    store.commit();
    runChildSync(script, ['shapes', dir, 'b']);
    // this process still holds the shapes it knew before the child added its own
    for (const [key, value] of shapedConfigMaps('c')) store.put(key, value);
    store.commit();
    runChildSync(script, ['shapes', dir, 'd']);
    store.refresh();
    const all = ['a', 'b', 'c', 'd'].flatMap((prefix) => shapedConfigMaps(prefix));
    for (const [key, value] of all) expect(store.get(key)).toMatchObject(value);
    store.close();
    const fresh = LmdbStore.open(dir);
    for (const [key, value] of all) expect(fresh.get(key)).toMatchObject(value);
    fresh.close();
  });

  it('reads and commits from the newest state after refresh(), when LMDB\'s lock file names an older commit', () => {
    const { dir, store } = twoCommitsLockRewound();
    store.refresh(); // what a writer does when it takes the write lock
    expect(store.revision()).toBe(2);
    store.put(podKey('a', 'third'), pod('a', 'third'));
    store.commit();
    store.close();
    const fresh = LmdbStore.open(dir);
    expect(fresh.keys(podKey('a', ''))).toEqual(['first', 'second', 'third'].map((name) => podKey('a', name)));
    expect(fresh.get(podKey('a', 'third'))?.metadata?.resourceVersion).toBe('3');
    fresh.close();
  });

  it('writes nothing, and says so, rather than commit over a newer commit', () => {
    const { dir, store } = twoCommitsLockRewound();
    store.put(podKey('a', 'third'), pod('a', 'third'));
    expect(() => store.commit()).toThrow(/lock file .* named an older commit than the last one .*nothing was written, run the command again/);
    store.rollback();
    expect(store.keys(podKey('a', ''))).toEqual(['first', 'second'].map((name) => podKey('a', name)));
    // and the store works on
    store.put(podKey('a', 'third'), pod('a', 'third'));
    store.commit();
    store.close();
    const fresh = LmdbStore.open(dir);
    expect(fresh.get(podKey('a', 'third'))?.metadata?.resourceVersion).toBe('3');
    expect(fresh.revision()).toBe(3);
    fresh.close();
  });

  it('opens the environment only while holding the LMDB gate', async () => {
    const dir = freshDir();
    LmdbStore.open(dir).close();
    const gate = new FileWriteLock(dir, LMDB_GATE_FILE);
    await gate.acquire();
    const child = startChild(script, ['marker', dir, 'gated']);
    const output: string[] = [];
    child.stdout!.on('data', (chunk: Buffer) => output.push(...chunk.toString().trim().split('\n')));
    const exited = waitForExit(child);
    while (!output.includes('opening') && child.exitCode === null) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 300));
    expect(output).toEqual(['opening']);
    gate.release();
    await exited;
    expect(child.exitCode).toBe(0);
    expect(output).toEqual(['opening', 'opened', 'committed']);
    const store = LmdbStore.open(dir);
    expect(store.get('/registry/configmaps/default/gated')?.metadata?.name).toBe('gated');
    store.close();
  });

  it('keeps committed state across reopen, and loses an uncommitted batch', () => {
    const dir = freshDir();
    const a = LmdbStore.open(dir);
    a.put(podKey('a', 'x'), pod('a', 'x'));
    a.setMeta('offset', 42);
    a.addDelayed({ due: 9, queue: 'kubelet', key: 'node-1' });
    a.commit();
    a.put(podKey('a', 'lost'), pod('a', 'lost'));
    a.delete(podKey('a', 'x'));
    a.setMeta('offset', 43);
    a.close();

    const b = LmdbStore.open(dir);
    expect(b.keys('/registry/')).toEqual(['/registry/pods/a/x']);
    expect(b.get(podKey('a', 'x'))!.metadata.resourceVersion).toBe('1');
    expect(b.revision()).toBe(1);
    expect(b.getMeta('offset')).toBe(42);
    expect(b.nextDue()).toBe(9);
    expect(b.changesSince(0)).toEqual([{ revision: 1, key: '/registry/pods/a/x', type: 'put' }]);
    b.close();
  });

  it('reads keys the same once many misses have made it build its key filter', () => {
    const dir = freshDir();
    const a = LmdbStore.open(dir);
    for (let i = 0; i < 50; i++) a.put(podKey('a', `p${i}`), pod('a', `p${i}`));
    a.commit();
    a.close();
    const b = LmdbStore.open(dir);
    // a writer: its first write refreshes its view (and drops a filter), later ones keep it
    b.put(podKey('a', 'first'), pod('a', 'first'));
    b.commit();
    // read before the filter exists: kept decoded, and stored when the filter is built
    expect(b.peek(podKey('a', 'p0'))?.metadata.name).toBe('p0');
    // a create's AlreadyExists check misses like this; past a few thousand, the filter answers them
    for (let i = 0; i < 5000; i++) expect(b.peek(podKey('a', `absent-${i}`))).toBeUndefined();
    for (let i = 0; i < 50; i++) expect(b.peek(podKey('a', `p${i}`))?.metadata.name).toBe(`p${i}`);
    expect(b.get(podKey('a', 'p7'))?.metadata.name).toBe('p7');
    b.put(podKey('a', 'late'), pod('a', 'late'));
    b.delete(podKey('a', 'p3'));
    b.commit();
    expect(b.peek(podKey('a', 'late'))?.metadata.name).toBe('late');
    expect(b.peek(podKey('a', 'p3'))).toBeUndefined();
    expect(b.peek(podKey('a', 'absent-1'))).toBeUndefined();
    b.close();
  });

  it('creates its files private to the owner', () => {
    const dir = freshDir();
    LmdbStore.open(dir).close();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const files = readdirSync(join(dir, LMDB_DIR));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(statSync(join(dir, LMDB_DIR, f)).mode & 0o777).toBe(0o600);
  });

  it('maps the environment afresh during a long run of commits, losing nothing and keeping one map', () => {
    const dir = freshDir();
    const store = LmdbStore.open(dir);
    const dataFile = join(dir, LMDB_DIR, 'data.mdb');
    const linux = existsSync('/proc/self/smaps');
    // the mappings of the data file, with the KB of each that are resident
    const maps = (): number[] => {
      const out: number[] = [];
      for (const block of readFileSync('/proc/self/smaps', 'utf8').split(/\n(?=[0-9a-f]+-[0-9a-f]+ )/)) {
        if (block.split('\n', 1)[0]!.endsWith(dataFile)) out.push(Number(/\nRss:\s+(\d+) kB/.exec(block)?.[1]));
      }
      return out;
    };
    const residentAfterCommits: number[] = [];
    const perCommit = 1000;
    const commits = Math.ceil((2 * REMAP_AFTER_WRITES) / perCommit) + 1;
    for (let c = 0; c < commits; c++) {
      for (let i = 0; i < perCommit; i++) store.put(podKey('a', `p${c}-${i}`), pod('a', `p${c}-${i}`));
      store.commit();
      // what this process wrote before the remap is still read, from cache or the new map
      expect(store.get(podKey('a', `p${c}-0`))?.metadata.name).toBe(`p${c}-0`);
      if (!linux) continue;
      const resident = maps();
      expect(resident).toHaveLength(1);
      residentAfterCommits.push(resident[0]!);
    }
    // the pages read grow with the file until a remap unmaps them (without one they only grow)
    if (linux) expect(residentAfterCommits.some((kb, i) => i > 0 && kb < residentAfterCommits[i - 1]! / 2)).toBe(true);
    expect(store.keys('/registry/pods/a/')).toHaveLength(commits * perCommit);
    store.refresh();
    expect(store.range('/registry/pods/a/')).toHaveLength(commits * perCommit);
    store.put(podKey('a', 'last'), pod('a', 'last'));
    store.commit();
    store.close();
    const again = LmdbStore.open(dir);
    expect(again.keys('/registry/pods/a/')).toHaveLength(commits * perCommit + 1);
    again.close();
  });

  it('lets a second store on the same directory see a commit after refresh()', () => {
    const dir = freshDir();
    const a = LmdbStore.open(dir);
    const b = LmdbStore.open(dir);
    expect(b.get(podKey('a', 'x'))).toBeUndefined();
    a.put(podKey('a', 'x'), pod('a', 'x'));
    expect(b.get(podKey('a', 'x'))).toBeUndefined();
    a.commit();
    b.refresh();
    expect(b.get(podKey('a', 'x'))!.metadata.resourceVersion).toBe('1');
    expect(b.revision()).toBe(1);
    a.close();
    b.close();
  });

  it('keeps point reads of the revision, meta values and delayed keys only until refresh()', () => {
    const dir = freshDir();
    const a = LmdbStore.open(dir);
    const b = LmdbStore.open(dir);
    // b reads (and keeps) what is not there yet
    expect([b.revision(), b.getMeta('m'), b.nextDue()]).toEqual([0, undefined, undefined]);
    a.put(podKey('a', 'x'), pod('a', 'x'));
    a.setMeta('m', { n: 1 });
    a.addDelayed({ due: 5, queue: 'q', key: 'k' });
    a.commit();
    // its own commit it reads back as written; a copy each time
    const meta = a.getMeta<{ n: number }>('m')!;
    meta.n = 2;
    expect([a.revision(), a.getMeta('m')]).toEqual([1, { n: 1 }]);
    expect([b.revision(), b.getMeta('m')]).toEqual([0, undefined]);
    b.refresh();
    expect([b.revision(), b.getMeta('m'), b.nextDue()]).toEqual([1, { n: 1 }, 5]);
    // a later delayed key of the same queue and key keeps the earlier due (the index says so)
    b.addDelayed({ due: 9, queue: 'q', key: 'k' });
    b.commit();
    a.refresh();
    expect(a.takeDue(10)).toEqual([{ due: 5, queue: 'q', key: 'k' }]);
    a.close();
    b.close();
  });

  it('hands out what it committed itself without decoding, and forgets it when another store wrote', () => {
    const dir = freshDir();
    const a = LmdbStore.open(dir);
    const b = LmdbStore.open(dir);
    a.put(podKey('a', 'x'), pod('a', 'x'));
    a.commit();
    const mine = a.get(podKey('a', 'x'))!;
    mine.metadata.labels = { changed: 'by the caller' };
    expect(a.get(podKey('a', 'x'))!.metadata.labels).toBeUndefined(); // a copy each time
    b.refresh();
    const theirs = b.get(podKey('a', 'x'))!;
    theirs.metadata.labels = { from: 'b' };
    b.put(podKey('a', 'x'), theirs);
    b.commit();
    a.refresh();
    expect(a.get(podKey('a', 'x'))!.metadata).toMatchObject({ labels: { from: 'b' }, resourceVersion: '2' });
    a.close();
    b.close();
  });

  it('sees another process\'s commit after refresh(), and writes after it', () => {
    const dir = freshDir();
    const store = LmdbStore.open(dir);
    store.put(podKey('a', 'x'), pod('a', 'x'));
    store.commit();
    expect(store.get('/registry/configmaps/default/from-child')).toBeUndefined();
    // spawnSync keeps this process from taking an event-loop turn: only refresh() renews the view
    runChildSync(script, ['marker', dir, 'from-child']);
    store.refresh();
    expect(store.get('/registry/configmaps/default/from-child')!.metadata.resourceVersion).toBe('2');
    runChildSync(script, ['marker', dir, 'second']);
    // a new batch starts from the newest committed state
    expect(store.put(podKey('a', 'y'), pod('a', 'y'))!.metadata.resourceVersion).toBe('4');
    store.commit();
    expect(store.changesSince(0).map((c) => c.key)).toEqual([
      '/registry/pods/a/x',
      '/registry/configmaps/default/from-child',
      '/registry/configmaps/default/second',
      '/registry/pods/a/y',
    ]);
    store.close();
  });

  it('survives kill -9 in the middle of big commits with every object whole', async () => {
    const dir = freshDir();
    const count = 4000;
    let lastGen = 0;
    for (let round = 0; round < 3; round++) {
      const child = startChild(script, ['churn', dir, String(count)]);
      // kill right as a commit starts (after at least two more completed ones)
      await waitForLine(child, (line) => {
        const m = /^committing (\d+)$/.exec(line);
        return m !== null && Number(m[1]) >= lastGen + 3;
      });
      child.kill('SIGKILL');
      await waitForExit(child);

      const store = LmdbStore.open(dir);
      const gen = store.getMeta<number>('gen')!;
      expect(gen).toBeGreaterThanOrEqual(lastGen + 2);
      const objects = store.range('/registry/configmaps/churn/');
      expect(objects).toHaveLength(count);
      objects.forEach((obj, i) => {
        const expected = churnObject(gen, i);
        expect(obj.metadata.name).toBe(expected.metadata.name);
        expect(obj.data).toEqual(expected.data);
      });
      expect(store.revision()).toBe(gen * count);
      expect(store.get(churnKey(count - 1))!.metadata.resourceVersion).toBe(String(gen * count));
      expect(store.changesSince(gen * count - 1)).toEqual([{ revision: gen * count, key: churnKey(count - 1), type: 'put' }]);
      store.close();
      lastGen = gen;
    }
  });
});
