import { rmSync } from 'node:fs';
import { FileWriteLock } from '../store/write-lock.js';

/**
 * Deletes an embedded cluster's state directory once no other invocation is writing to it
 * (waits up to timeoutMs for the cross-process write lock).
 */
export async function removeEmbedded(dir: string, timeoutMs = 30_000): Promise<void> {
  const lock = new FileWriteLock(dir);
  await lock.acquire(timeoutMs);
  try {
    rmSync(dir, { recursive: true, force: true });
  } finally {
    if (lock.held()) lock.release();
  }
}
