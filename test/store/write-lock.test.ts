import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileWriteLock } from '../../src/store/write-lock.js';
import { childScript, startChild, waitForExit, waitForLine } from './fixtures/child-process.js';

const root = mkdtempSync(join(tmpdir(), 'pk-lock-'));
let n = 0;
const freshDir = (): string => {
  const dir = join(root, `l${n++}`);
  mkdirSync(dir);
  return dir;
};
let script: string;

beforeAll(async () => {
  script = await childScript(root);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The pid of a process that has already exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('FileWriteLock', () => {
  it('is held by one owner at a time; a second acquirer waits for release', async () => {
    const dir = freshDir();
    const a = new FileWriteLock(dir);
    const b = new FileWriteLock(dir);
    await a.acquire();
    expect(a.held()).toBe(true);
    expect(JSON.parse(readFileSync(a.path, 'utf8')).pid).toBe(process.pid);
    let bHeld = false;
    const waiting = b.acquire().then(() => {
      bHeld = true;
    });
    // let b poll a few times: it must still be waiting
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 10));
    expect(bHeld).toBe(false);
    a.release();
    expect(a.held()).toBe(false);
    await waiting;
    expect(b.held()).toBe(true);
    b.release();
    expect(existsSync(b.path)).toBe(false);
  });

  it('times out naming the holder', async () => {
    const dir = freshDir();
    const a = new FileWriteLock(dir);
    await a.acquire();
    const b = new FileWriteLock(dir);
    await expect(b.acquire(30)).rejects.toThrow(`timed out waiting for the cluster lock held by pid ${process.pid}`);
    expect(b.held()).toBe(false);
    expect(a.held()).toBe(true);
    a.release();
  });

  it('is taken synchronously too, under a name of its own; a second taker times out naming both', () => {
    const dir = freshDir();
    const a = new FileWriteLock(dir, 'gate.lock');
    a.acquireSync();
    expect(a.path).toBe(join(dir, 'gate.lock'));
    expect(a.held()).toBe(true);
    const b = new FileWriteLock(dir, 'gate.lock');
    expect(() => b.acquireSync(30)).toThrow(`timed out waiting for the lock gate.lock held by pid ${process.pid}`);
    expect(b.held()).toBe(false);
    // another name is another lock
    const cluster = new FileWriteLock(dir);
    cluster.acquireSync(30);
    expect(cluster.held()).toBe(true);
    cluster.release();
    a.release();
    b.acquireSync(30);
    expect(b.held()).toBe(true);
    b.release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('taken synchronously, waits for a live holder in another process and breaks its lock once it is killed', async () => {
    const dir = freshDir();
    const child = startChild(script, ['hold-lock', dir]);
    await waitForLine(child, (line) => line === 'held');
    const lock = new FileWriteLock(dir);
    expect(() => lock.acquireSync(30)).toThrow(`held by pid ${child.pid}`);
    child.kill('SIGKILL');
    await waitForExit(child);
    lock.acquireSync(5_000);
    expect(lock.held()).toBe(true);
    lock.release();
  });

  it('breaks a lock left by a dead process', async () => {
    const dir = freshDir();
    const first = new FileWriteLock(dir);
    const pid = deadPid();
    writeFileSync(first.path, JSON.stringify({ pid, startedAt: '2026-01-01T00:00:00.000Z', nonce: 'x' }));
    // what a process killed half-way through taking or breaking a lock leaves behind
    writeFileSync(`${first.path}.${pid}.0b9e2c1a-53f4-4c1e-9a0e-1f2d3c4b5a69.tmp`, 'x');
    writeFileSync(`${first.path}.break.${pid}.0b9e2c1a-53f4-4c1e-9a0e-1f2d3c4b5a69.stale`, 'x');
    await first.acquire(5_000);
    expect(first.held()).toBe(true);
    expect(JSON.parse(readFileSync(first.path, 'utf8')).pid).toBe(process.pid);
    first.release();
    // nothing left behind
    expect(readdirSync(dir)).toEqual([]);
  });

  it('breaks an unreadable lock file', async () => {
    const dir = freshDir();
    const lock = new FileWriteLock(dir);
    await lock.acquire();
    lock.release();
    writeFileSync(lock.path, 'not json');
    await lock.acquire(5_000);
    expect(lock.held()).toBe(true);
    lock.release();
  });

  it.runIf(existsSync('/proc/self/stat'))('treats a reused pid (other start time) as dead', async () => {
    const dir = freshDir();
    const lock = new FileWriteLock(dir);
    writeFileSync(lock.path, JSON.stringify({ pid: process.pid, startedAt: 'x', procStart: '1', nonce: 'y' }));
    await lock.acquire(5_000);
    expect(lock.held()).toBe(true);
    lock.release();
  });

  it('releases only its own lock', async () => {
    const dir = freshDir();
    const lock = new FileWriteLock(dir);
    await lock.acquire();
    const other = JSON.stringify({ pid: process.pid, startedAt: 'x', nonce: 'someone-else' });
    writeFileSync(lock.path, other);
    expect(lock.held()).toBe(false);
    lock.release();
    expect(readFileSync(lock.path, 'utf8')).toBe(other);
  });

  it('waits for a live holder in another process, and takes over once it is killed', async () => {
    const dir = freshDir();
    const child = startChild(script, ['hold-lock', dir]);
    await waitForLine(child, (line) => line === 'held');
    const lock = new FileWriteLock(dir);
    await expect(lock.acquire(30)).rejects.toThrow(`held by pid ${child.pid}`);
    child.kill('SIGKILL');
    await waitForExit(child);
    await lock.acquire(5_000);
    expect(lock.held()).toBe(true);
    lock.release();
  });

  it('is released when its process exits without releasing it', async () => {
    const dir = freshDir();
    const child = startChild(script, ['exit-holding', dir]);
    await waitForLine(child, (line) => line === 'held');
    await waitForExit(child);
    expect(existsSync(join(dir, 'write.lock'))).toBe(false);
  });

  it('lets many concurrent waiters through one at a time after a dead owner', async () => {
    const dir = freshDir();
    const locks = Array.from({ length: 6 }, () => new FileWriteLock(dir));
    writeFileSync(locks[0]!.path, JSON.stringify({ pid: deadPid(), startedAt: 'x', nonce: 'dead' }));
    let inside = 0;
    let maxInside = 0;
    await Promise.all(
      locks.map(async (lock) => {
        await lock.acquire(10_000);
        inside++;
        maxInside = Math.max(maxInside, inside);
        await new Promise((r) => setTimeout(r, 3));
        inside--;
        lock.release();
      }),
    );
    expect(maxInside).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });
});
