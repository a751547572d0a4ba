#!/usr/bin/env node
// Builds dist/ and oclif.manifest.json. Compiles into a private folder first and swaps it in
// with a rename, so a build never leaves dist/ half-written (or stale files of removed sources)
// for a CLI run or another build happening at the same time.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = join(root, `.dist-build-${process.pid}`);
const old = join(root, `.dist-old-${process.pid}`);
const run = (cmd, args) => execFileSync(process.execPath, [join(root, 'node_modules', ...cmd), ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_NO_WARNINGS: '1' } });

try {
  run(['typescript', 'bin', 'tsc'], ['-p', 'tsconfig.json', '--outDir', tmp]);
  const schemaSrc = join(root, 'src', 'api', 'schema');
  for (const f of readdirSync(schemaSrc).filter((f) => f.endsWith('.json'))) cpSync(join(schemaSrc, f), join(tmp, 'api', 'schema', f));
  execFileSync(process.execPath, [join(root, 'scripts', 'bundle.mjs'), tmp], { cwd: root, stdio: 'inherit' }); // start-up time
  if (existsSync(join(root, 'dist'))) renameSync(join(root, 'dist'), old);
  renameSync(tmp, join(root, 'dist'));
  rmSync(old, { recursive: true, force: true });
  run(['oclif', 'bin', 'run.js'], ['manifest']);
  sortManifest(join(root, 'oclif.manifest.json'));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

/** oclif lists commands in the order it finds their files, which varies: sorted, a rebuild changes nothing. */
function sortManifest(file) {
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  manifest.commands = Object.fromEntries(Object.entries(manifest.commands).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
}
