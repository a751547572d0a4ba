#!/usr/bin/env node
// Stress check for cross-process writes (not part of `npm test`): the race of
// test/e2e/concurrency.e2e.test.ts, looped. Each run creates a cluster in a fresh state dir, spawns
// 20 `apply` processes of different ConfigMaps at once, then checks that every one landed, each at
// its own revision. A failing run's directory is kept for inspection.
//
//   node scripts/stress-concurrent-applies.mjs [runs=20] [busy-loops=0]
//
// busy-loops starts that many CPU-bound processes beside it (a loaded CI machine).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = process.env.POCKETKUBE_E2E_BIN ?? fileURLToPath(new URL('../bin/run.js', import.meta.url));
const runs = Number(process.argv[2] ?? 20);
const busy = Number(process.argv[3] ?? 0);
const env = { ...process.env, NO_COLOR: '1' };
const cli = (args) => spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8' });
const cliAsync = (args) =>
  new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { env });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('close', (code) => resolve({ out, code }));
  });

const loops = Array.from({ length: busy }, () => spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
let failed = 0;
try {
  for (let run = 1; run <= runs; run++) {
    const dir = mkdtempSync(join(tmpdir(), 'pk-stress-'));
    const state = join(dir, 'state');
    cli(['--state-dir', state, 'get', 'ns']);
    const ids = Array.from({ length: 20 }, (_, i) => i);
    for (const i of ids) {
      writeFileSync(join(dir, `cm-${i}.yaml`), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n  labels: {batch: concurrent}\ndata:\n  index: "${i}"\n`);
    }
    const results = await Promise.all(ids.map((i) => cliAsync(['--state-dir', state, 'apply', '-f', join(dir, `cm-${i}.yaml`)])));
    const refused = results.filter((r, i) => r.code !== 0 || r.out !== `configmap/cm-${i} created\n`).length;
    const items = JSON.parse(cli(['--state-dir', state, 'get', 'configmaps', '-l', 'batch=concurrent', '-o', 'json']).stdout).items;
    const revisions = new Set(items.map((c) => c.metadata.resourceVersion)).size;
    if (refused > 0 || items.length !== 20 || revisions !== 20) {
      failed++;
      console.log(`run ${run}: FAILED: ${20 - refused}/20 applies reported created, ${items.length}/20 stored, ${revisions} revisions (kept ${dir})`);
    } else {
      console.log(`run ${run}: ok`);
      rmSync(dir, { recursive: true, force: true });
    }
  }
} finally {
  for (const l of loops) l.kill();
}
console.log(`${failed} of ${runs} runs lost or refused a write`);
process.exitCode = failed > 0 ? 1 : 0;
