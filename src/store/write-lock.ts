import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, readdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { WriteLock } from './store.js';

/** What a lock file holds: who owns it. */
interface LockOwner {
  pid: number;
  startedAt: string;
  /** the owner's start time in clock ticks since boot (Linux), to tell a reused pid apart */
  procStart?: string;
  nonce: string;
}

/** The cluster's write lock: the file a FileWriteLock is unless named otherwise. */
const CLUSTER_LOCK = 'write.lock';
const FIRST_DELAY_MS = 2;
const MAX_DELAY_MS = 50;
/** Sleeps without returning to the event loop (acquireSync). */
const sleepCell = new Int32Array(new SharedArrayBuffer(4));
const sleepSync = (ms: number): void => void Atomics.wait(sleepCell, 0, 0, ms);

/** One acquisition's progress: when it started and how long it waits before the next try. */
interface Attempt {
  token: string;
  started: number;
  delay: number;
  timeoutMs: number;
}

/**
 * Cross-process exclusive lock: a file `<dir>/<name>` (`write.lock` unless named otherwise) naming
 * its owner. It appears whole or not at all (written to a private temp file, then hard-linked into
 * place, which fails if the lock exists — O_EXCL semantics). A lock whose owner is dead is broken
 * under a second, short "breaker" lock, so two waiters never both break (and one never removes the
 * other's new lock).
 */
export class FileWriteLock implements WriteLock {
  readonly path: string;
  private mine: string | undefined;
  private readonly onExit = (): void => this.release();

  constructor(
    private readonly dir: string,
    name = CLUSTER_LOCK,
  ) {
    this.path = join(dir, name);
  }

  held(): boolean {
    return this.mine !== undefined && readText(this.path) === this.mine;
  }

  async acquire(timeoutMs = 30_000): Promise<void> {
    if (this.mine !== undefined) return;
    const attempt = this.begin(timeoutMs);
    for (let wait = this.try(attempt); wait > 0; wait = this.try(attempt)) await sleep(wait);
  }

  /** acquire() for synchronous callers: the thread sleeps between tries. */
  acquireSync(timeoutMs = 30_000): void {
    if (this.mine !== undefined) return;
    const attempt = this.begin(timeoutMs);
    for (let wait = this.try(attempt); wait > 0; wait = this.try(attempt)) sleepSync(wait);
  }

  private begin(timeoutMs: number): Attempt {
    mkdirSync(this.dir, { recursive: true });
    return { token: ownerToken(), started: performance.now(), delay: FIRST_DELAY_MS, timeoutMs };
  }

  /** One try: 0 once the lock is ours, else how long to wait before the next (throws past the timeout). */
  private try(attempt: Attempt): number {
    for (;;) {
      if (createExclusive(this.path, attempt.token)) {
        this.mine = attempt.token;
        process.on('exit', this.onExit);
        return 0;
      }
      const raw = readText(this.path);
      const owner = raw === undefined ? undefined : parseOwner(raw);
      // a dead owner (or a file that is not ours to read): break it and try again at once
      if (raw !== undefined && (owner === undefined || !isAlive(owner)) && this.breakStale(raw, attempt.token)) continue;
      const left = attempt.timeoutMs - (performance.now() - attempt.started);
      if (left <= 0) {
        throw new Error(`timed out waiting for ${this.what()} held by pid ${owner?.pid ?? 'unknown'}`);
      }
      const wait = Math.min(attempt.delay, left);
      attempt.delay = Math.min(attempt.delay * 2, MAX_DELAY_MS);
      return wait;
    }
  }

  /** What the lock guards, for messages. */
  private what(): string {
    const name = basename(this.path);
    return name === CLUSTER_LOCK ? 'the cluster lock' : `the lock ${name}`;
  }

  release(): void {
    if (this.mine === undefined) return;
    process.removeListener('exit', this.onExit);
    if (readText(this.path) === this.mine) {
      try {
        unlinkSync(this.path);
      } catch (err) {
        if (!isCode(err, 'ENOENT')) throw err;
      }
    }
    this.mine = undefined;
  }

  /** Removes the lock file if it still holds `stale`; true when the caller should retry now. */
  private breakStale(stale: string, token: string): boolean {
    const breaker = `${this.path}.break`;
    if (!createExclusive(breaker, token)) {
      const raw = readText(breaker);
      const owner = raw === undefined ? undefined : parseOwner(raw);
      if (raw !== undefined && owner !== undefined && !isAlive(owner)) removeIfUnchanged(breaker, raw);
      return false;
    }
    try {
      if (readText(this.path) === stale) removeIfUnchanged(this.path, stale);
      this.sweepLeftovers();
      return true;
    } finally {
      removeIfUnchanged(breaker, token);
    }
  }

  /** Removes temp files (`<name>[.break].<pid>.<id>.tmp|.stale`) of processes killed mid-step. */
  private sweepLeftovers(): void {
    const base = `${basename(this.path)}.`;
    for (const name of readdirSync(this.dir)) {
      const m = /^(?:break\.)?(\d+)\.[0-9a-f-]+\.(?:tmp|stale)$/.exec(name.startsWith(base) ? name.slice(base.length) : '');
      if (!m || Number(m[1]) === process.pid || isAlive({ pid: Number(m[1]), startedAt: '', nonce: '' })) continue;
      try {
        unlinkSync(join(this.dir, name));
      } catch (err) {
        if (!isCode(err, 'ENOENT')) throw err;
      }
    }
  }
}

/** This process's start time (procStart), read once: the LMDB gate is taken per commit. */
let ownStart: { ticks: string | undefined } | undefined;

function ownerToken(): string {
  ownStart ??= { ticks: procStart(process.pid) };
  const owner: LockOwner = {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    procStart: ownStart.ticks,
    nonce: randomUUID(),
  };
  return JSON.stringify(owner);
}

function parseOwner(raw: string): LockOwner | undefined {
  try {
    const v = JSON.parse(raw) as Partial<LockOwner>;
    return typeof v.pid === 'number' && Number.isInteger(v.pid) && v.pid > 0 ? (v as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the lock's owner still runs (EPERM: it runs, as another user). */
function isAlive(owner: LockOwner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (err) {
    return !isCode(err, 'ESRCH');
  }
  if (owner.procStart === undefined) return true;
  const now = procStart(owner.pid);
  return now === undefined || now === owner.procStart;
}

/** Field 22 of /proc/<pid>/stat (start time in ticks since boot), where there is a /proc. */
function procStart(pid: number): string | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  if (stat === undefined) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19];
}

/** Creates path holding content, atomically and only if it does not exist. */
function createExclusive(path: string, content: string): boolean {
  const tmp = `${path}.${process.pid}.${randomUUID()}.tmp`;
  writeFileSync(tmp, content, { flag: 'wx', mode: 0o600 });
  try {
    linkSync(tmp, path);
    return true;
  } catch (err) {
    if (isCode(err, 'EEXIST')) return false;
    throw err;
  } finally {
    unlinkSync(tmp);
  }
}

/**
 * Removes path only if it holds `expected`: moves it aside atomically, checks what was moved,
 * and puts back a file that turned out to be someone else's.
 */
function removeIfUnchanged(path: string, expected: string): void {
  const aside = `${path}.${process.pid}.${randomUUID()}.stale`;
  try {
    renameSync(path, aside);
  } catch (err) {
    if (isCode(err, 'ENOENT')) return;
    throw err;
  }
  if (readText(aside) !== expected) {
    try {
      linkSync(aside, path);
    } catch (err) {
      if (!isCode(err, 'EEXIST')) throw err;
    }
  }
  unlinkSync(aside);
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if (isCode(err, 'ENOENT')) return undefined;
    throw err;
  }
}

function isCode(err: unknown, code: string): boolean {
  return (err as NodeJS.ErrnoException | null)?.code === code;
}
