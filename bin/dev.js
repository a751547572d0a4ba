#!/usr/bin/env node
// Development entry point: compiles the TypeScript sources (tsc), then runs the CLI without the
// oclif manifest cache, so new commands are seen at once.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.json')], {
  stdio: 'inherit',
});
const { main } = await import('../dist/cli/main.js');
await main(process.argv.slice(2), { root, ignoreManifest: true });
