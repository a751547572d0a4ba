import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** A stale oclif.manifest.json hides new commands (DESIGN pitfalls): every command file must be in it. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function commandIds(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...commandIds(full));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) {
      out.push(relative(join(ROOT, 'src/commands'), full).replace(/\.ts$/, '').replace(/\/index$/, '').split('/').join(':'));
    }
  }
  return out;
}

describe('oclif.manifest.json (written by npm run build)', () => {
  it.runIf(existsSync(join(ROOT, 'oclif.manifest.json')))('lists every command in src/commands', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'oclif.manifest.json'), 'utf8')) as { commands: Record<string, unknown> };
    const missing = commandIds(join(ROOT, 'src/commands')).filter((id) => !(id in manifest.commands));
    expect(missing).toEqual([]);
  });
});
