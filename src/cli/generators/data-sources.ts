import { type Stats, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { envVarNameErrors, goQuote } from './key-names.js';

/**
 * The data sources of `create configmap` and `create secret generic` (kubectl's util.ParseFileSource,
 * ParseLiteralSource and cmdutil.AddFromEnvFile): `--from-literal=k=v`, `--from-file=[k=]path`
 * (a directory adds each regular file in it), `--from-env-file=path`.
 */
export interface DataSink {
  /** Adds a key; `fromFile` is true for file contents (configmaps keep invalid UTF-8 as binaryData). */
  add(key: string, data: Buffer, fromFile: boolean): void;
}

export interface DataSources {
  literals: string[];
  files: string[];
  envFiles: string[];
}

export function parseLiteralSource(source: string): [string, string] {
  const eq = source.indexOf('=');
  if (eq <= 0) throw new Error(`invalid literal source ${source}, expected key=value`);
  return [source.slice(0, eq), source.slice(eq + 1)];
}

export function parseFileSource(source: string): [string, string] {
  const n = source.split('=').length - 1;
  if (n === 0) return [basename(source.replace(/\/+$/, '')) || '/', source];
  if (n > 1) throw new Error("key names or file paths cannot contain '='");
  if (source.startsWith('=')) throw new Error(`key name for file path ${source.slice(1)} missing`);
  if (source.endsWith('=')) throw new Error(`file path for key name ${source.slice(0, -1)} missing`);
  const [k, p] = source.split('=');
  return [k, p];
}

function statOrFail(path: string): Stats {
  try {
    return statSync(path);
  } catch (err) {
    throw new Error(`error reading ${path}: ${osMessage(err)}`);
  }
}

/** The text Go's *os.PathError carries after the path (`no such file or directory`). */
export function osMessage(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return err instanceof Error ? err.message : String(err);
}

export function addLiterals(sink: DataSink, literals: string[]): void {
  for (const src of literals) {
    const [k, v] = parseLiteralSource(src);
    sink.add(k, Buffer.from(v, 'utf8'), false);
  }
}

export function addFiles(sink: DataSink, files: string[]): void {
  for (const src of files) {
    const [key, path] = parseFileSource(src);
    const info = statOrFail(path);
    if (info.isDirectory()) {
      if (src.includes('=')) throw new Error('cannot give a key name for a directory path');
      const entries = readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) if (e.isFile()) sink.add(e.name, readFileSync(join(path, e.name)), true);
    } else {
      sink.add(key, readFileSync(path), true);
    }
  }
}

/** cmdutil.AddFromEnvFile for each file; `what` names the object in the directory error. */
export function addEnvFiles(sink: DataSink, envFiles: string[], what: 'config' | 'secret', env: NodeJS.ProcessEnv = process.env): void {
  for (const path of envFiles) {
    if (statOrFail(path).isDirectory()) throw new Error(`env ${what} file cannot be a directory`);
    for (const [k, v] of parseEnvFile(readFileSync(path, 'utf8'), env)) sink.add(k, Buffer.from(v, 'utf8'), false);
  }
}

/** Go's unicode.IsSpace (JavaScript's \s would also take U+FEFF). */
const GO_LEADING_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/** The key/value pairs of an env file, in order. */
export function parseEnvFile(text: string, env: NodeJS.ProcessEnv): [string, string][] {
  const out: [string, string][] = [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, i) => {
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (i === 0 && line.startsWith('\ufeff')) line = line.slice(1);
    line = line.replace(GO_LEADING_SPACE, '');
    if (line.length === 0 || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const key = eq >= 0 ? line.slice(0, eq) : line;
    const errs = envVarNameErrors(key);
    if (errs.length > 0) throw new Error(`${goQuote(key)} is not a valid key name: ${errs.join(';')}`);
    out.push([key, eq >= 0 ? line.slice(eq + 1) : (env[key] ?? '')]);
  });
  return out;
}

/** kubectl's `from-env-file cannot be combined…` rule. */
export function checkSourceCombination(s: DataSources): void {
  if (s.envFiles.length > 0 && (s.files.length > 0 || s.literals.length > 0)) {
    throw new Error('from-env-file cannot be combined with from-file or from-literal');
  }
}
