// Adds lock entries for optional platform packages the registry mirror does not serve, so that
// `npm ci` validates; they never install on this platform (os/cpu mismatch), so no integrity is needed.
import { readFileSync, writeFileSync } from 'node:fs';
const lockPath = process.argv[2];
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const pk = lock.packages;
const added = [];
const osNames = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openbsd', 'openharmony'];
for (const [path, entry] of Object.entries(pk)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    if (pk[`node_modules/${name}`] || pk[`${path}/node_modules/${name}`]) continue;
    const parts = name.split('/').pop().split('-');
    const i = parts.findIndex((p) => osNames.includes(p));
    if (i < 0 || !/^\d+\.\d+\.\d+$/.test(range)) throw new Error(`cannot infer platform of ${name}@${range}`);
    const e = { version: range, cpu: [parts[i + 1]] };
    if (entry.dev) e.dev = true;
    const abi = parts[i + 2];
    if (abi && /^(gnu|gnueabihf)$/.test(abi)) e.libc = ['glibc'];
    if (abi && /^musl/.test(abi)) e.libc = ['musl'];
    e.optional = true;
    e.os = [parts[i]];
    pk[`node_modules/${name}`] = e;
    added.push(`${name}@${range}`);
  }
}
lock.packages = Object.fromEntries(Object.entries(pk).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n');
console.log(`added ${added.length}: ${added.join(' ')}`);
