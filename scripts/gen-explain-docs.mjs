#!/usr/bin/env node
/**
 * Generates src/cli/explain/docs.json, the descriptions and enum values `explain` prints, from the
 * kubernetes-models package's .d.ts files (their JSDoc keeps the OpenAPI descriptions with their
 * line breaks, describes fields of object type too, and string enums appear as literal unions).
 * Keys are the type names of src/api/schema/types.json (client-node's naming), matched to
 * kubernetes-models' interfaces by short name, API version and field overlap.
 *
 * Output per type: { "d": description, "f": { field: description }, "e"?: { field: [enum values] } }
 * plus the scalar-like types kubectl describes by reference: "IntOrString", "Date" (Quantity has no
 * description in these packages).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const pkgDirs = ['kubernetes-models', '@kubernetes-models/apimachinery'].map((p) => dirname(require.resolve(`${p}/package.json`)));
const types = JSON.parse(readFileSync(join(root, 'src/api/schema/types.json'), 'utf8'));
/** client-node's descriptions (line breaks lost): the fallback for what kubernetes-models lacks. */
const fallback = JSON.parse(readFileSync(join(root, 'src/api/schema/docs.json'), 'utf8'), (_k, v) =>
  typeof v === 'string' ? v.replace(/\\(['"])/g, '$1') : v);

function cleanDoc(raw) {
  return raw
    .split('\n')
    .map((l) => l.replace(/^\s*\*( |$)/, ''))
    .join('\n')
    .trim()
    .replace(/\\([*\\])/g, '$1')
    .replace(/\*\\\//g, '*/');
}

/** Every interface in the packages: id (IoK8sApiAppsV1DeploymentSpec), description, fields. */
function interfaces() {
  const out = [];
  const walk = (dir) => {
    for (const ent of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, ent.name);
      if (ent.isDirectory()) {
        if (ent.name !== 'node_modules' && ent.name !== '_schemas') walk(p);
        continue;
      }
      if (!ent.name.endsWith('.d.ts')) continue;
      const text = readFileSync(p, 'utf8');
      const alias = /export \{ I(\w+) as I(IoK8s\w+)/.exec(text) ?? /export \{ I(\w+) as I(\w+)/.exec(text);
      const m = /(?:\/\*\*\n([\s\S]*?)\*\/\n)?export interface I(\w+)(?: extends \w+)? \{\n([\s\S]*?)\n\}/.exec(text);
      if (!m || !alias) continue;
      const fields = {};
      const enums = {};
      for (const f of m[3].matchAll(/(?:\/\*\*\n([\s\S]*?)\*\/\n)?\s*"([^"]+)"\??: ([^;]+);/g)) {
        fields[f[2]] = f[1] ? cleanDoc(f[1]) : '';
        const lits = f[3].split(' | ').map((s) => s.trim());
        if (f[2] !== 'apiVersion' && f[2] !== 'kind' && lits.every((s) => /^"[^"]*"$/.test(s))) enums[f[2]] = lits.map((s) => s.slice(1, -1));
      }
      out.push({ id: alias[2], short: m[2], doc: m[1] ? cleanDoc(m[1]) : '', fields, enums });
    }
  };
  pkgDirs.forEach(walk);
  return out;
}

/** Type-level docs of alias types (`export declare type IIntOrString = …`). */
function aliasDoc(pkgRel, name) {
  const text = readFileSync(join(pkgDirs[1], pkgRel), 'utf8');
  const m = new RegExp(`\\/\\*\\*\\n([\\s\\S]*?)\\*\\/\\nexport declare type I${name}\\b`).exec(text);
  return m ? cleanDoc(m[1]) : '';
}

function shortName(t) {
  return t.replace(/^(?:[A-Z][a-z]+)?V\d+(?:(?:alpha|beta)\d+)?(?=[A-Z])/, '');
}

const all = interfaces();
const docs = {};
for (const [name, t] of Object.entries(types)) {
  const short = shortName(name);
  const version = /V\d+(?:(?:alpha|beta)\d+)?(?=[A-Z])/.exec(name)?.[0] ?? '';
  const prefix = name.slice(0, name.indexOf(version));
  const cands = all.filter((i) => i.short === short && i.id.endsWith(`${version}${short}`));
  const score = (i) => Object.keys(t.f).filter((f) => f in i.fields).length * 10 + (prefix && i.id.includes(`${prefix}${version}`) ? 5 : 0);
  const best = cands.sort((a, b) => score(b) - score(a))[0];
  const back = fallback[name] ?? { d: '', f: {} };
  const f = {};
  const e = {};
  for (const field of Object.keys(t.f).sort()) {
    const text = best?.fields[field] || back.f[field];
    if (text) f[field] = text;
    if (best?.enums[field]) e[field] = best.enums[field];
  }
  const d = best?.doc || back.d;
  docs[name] = Object.keys(e).length ? { d, f, e } : { d, f };
}
docs.IntOrString = { d: aliasDoc('util/intstr/IntOrString.d.ts', 'IntOrString'), f: {} };
docs.Date = { d: aliasDoc('apis/meta/v1/Time.d.ts', 'Time'), f: {} };
const sorted = Object.fromEntries(Object.keys(docs).sort().map((k) => [k, docs[k]]));
writeFileSync(join(root, 'src/cli/explain/docs.json'), JSON.stringify(sorted) + '\n');
console.log(`gen-explain-docs: ${Object.keys(sorted).length} types`);
