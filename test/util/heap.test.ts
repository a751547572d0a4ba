import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { HeapBound } from '../../src/util/heap.js';

describe('HeapBound', () => {
  it('asks for no collection below its floor', () => {
    expect(new HeapBound(Number.MAX_SAFE_INTEGER).check()).toBe(false);
  });

  it('past its floor, starts a collection that frees garbage once the event loop turns', async () => {
    let garbage: unknown[] | undefined = Array.from({ length: 200_000 }, (_, i) => ({ i, s: `item-${i}` }));
    const withGarbage = process.memoryUsage().heapUsed;
    expect(garbage.length).toBe(200_000);
    garbage = undefined;
    const bound = new HeapBound(0, 1e9);
    expect(bound.check()).toBe(true);
    // under way until the event loop has turned: asked again, it does not ask twice
    expect(bound.check()).toBe(true);
    await bound.settled();
    expect(process.memoryUsage().heapUsed).toBeLessThan(withGarbage);
    // the next bound is a multiple of what was live: not passed again at once
    expect(bound.check()).toBe(false);
  });

  it('says nothing on stderr (vm.measureMemory is experimental, and would say so once)', () => {
    // a process of its own: this one may have said it already
    const heap = new URL('../../dist/util/heap.js', import.meta.url).href;
    const script = `import { HeapBound } from '${heap}'; const b = new HeapBound(0); console.log(b.check()); await b.settled();`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('true');
    expect(r.stderr).toBe('');
  });
});
