#!/usr/bin/env node
// Bundles a tsc output folder in place (start-up time: one invocation then loads a handful of files
// instead of ~450 modules). Entry points are the CLI main and every command file, so oclif's
// manifest and command paths stay the same; code shared between them goes to <dist>/chunks/.
// lmdb (a native addon with its own loader) stays external.
//
//   node scripts/bundle.mjs [distDir]      (default: dist)
import { readdirSync, statSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(process.argv[2] ?? join(root, 'dist'));
const require = createRequire(join(root, 'package.json'));
const esbuild = await import(require.resolve('esbuild'));

/** Placeholder replaced, per output file, by the URL of the dist folder. */
const DIST_URL = '__PK_DIST_URL__';
/** Placeholder replaced, per output file, by the folder of @oclif/core's lib (it reads its package.json). */
const OCLIF_DIR = '__PK_OCLIF_LIB_DIR__';

function walk(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.js') ? [p] : [];
  });
}

const posix = (p) => p.split(sep).join('/');
const oclifLib = dirname(require.resolve('@oclif/core'));

/** Keeps the meaning of `import.meta.url` (dist files) and `__dirname` (@oclif/core) after bundling. */
const locations = {
  name: 'pocketkube-locations',
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (args.path.startsWith(dist + sep) && text.includes('import.meta.url')) {
        const rel = posix(relative(dist, args.path));
        return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, ${DIST_URL}).href`), loader: 'js' };
      }
      if (args.path.startsWith(oclifLib + sep) && /__dirname|__filename/.test(text)) {
        const rel = posix(relative(oclifLib, dirname(args.path)));
        const dir = `require('node:path').join(${OCLIF_DIR}, ${JSON.stringify(rel)})`;
        const contents = text.replace(/\b__dirname\b/g, dir).replace(/\bmodule\.filename \|\| /g, '').replace(/\b__filename\b/g, `${dir} + '/index.js'`);
        return { contents, loader: 'js' };
      }
      return undefined;
    });
  },
};

const entryPoints = [join(dist, 'cli', 'main.js'), ...walk(join(dist, 'commands'))];
const result = await esbuild.build({
  entryPoints,
  outdir: dist,
  outbase: dist,
  entryNames: '[dir]/[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // lmdb: native addon; the rest are optional requires of @oclif/core (TypeScript projects, Yarn PnP)
  external: ['lmdb', 'typescript', 'ts-node', 'tsx', 'pnpapi'],
  write: false,
  allowOverwrite: true,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [locations],
  banner: {
    js: "import { createRequire as __pkCreateRequire } from 'node:module'; const require = __pkCreateRequire(import.meta.url);",
  },
});

rmSync(join(dist, 'chunks'), { recursive: true, force: true });
for (const out of result.outputFiles) {
  const up = posix(relative(dirname(out.path), dist)) || '.';
  const text = out.text
    .replaceAll(DIST_URL, `new URL(${JSON.stringify(`${up}/`)}, import.meta.url)`)
    .replaceAll(OCLIF_DIR, "require('node:path').dirname(require.resolve('@oclif/core'))");
  mkdirSync(dirname(out.path), { recursive: true });
  writeFileSync(out.path, text);
}
