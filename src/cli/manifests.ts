/**
 * Loads `-f FILE|DIR|URL|-` (`-R`) into API objects, the way kubectl's resource builder does:
 * files of a directory in lexical order (only .json/.yaml/.yml; sub-directories with -R), several
 * documents per file, `List` objects flattened. A syntax error stops its file (documents before it
 * stay loaded); any other bad document is reported and the rest go on (kubectl's ContinueOnError).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { KindDef } from '../api/kind.js';
import type { Registry } from '../api/registry.js';
import type { KubeObject } from '../api/types.js';
import { ManifestSyntaxError, parseStream } from './manifest-parse.js';
import { sortedJson } from './json-sort.js';

export interface ManifestItem {
  /** Where it came from, as kubectl names it in messages: the path, the URL or `STDIN`. */
  source: string;
  /** Position among the objects of that source (0-based). */
  index: number;
  obj: KubeObject;
  kind: KindDef;
}

export interface ManifestSet {
  items: ManifestItem[];
  /** Per-document errors, in kubectl's words (render with `error: ` / aggregated). */
  errors: Error[];
}

export interface LoadOptions {
  recursive?: boolean;
  /**
   * What maps apiVersion/kind to kinds: a registry, or a way to get the cluster's (which serves its
   * CRDs' custom resources), asked for only when some document parsed, so that a file that does
   * not parse opens no cluster.
   */
  registry: Registry | (() => Promise<Registry>);
  /** Reads standard input (injected for tests). */
  readStdin?: () => Promise<string>;
}

const MANIFEST_EXT = /\.(json|ya?ml)$/;

/** Throws only for a path that does not exist or cannot be read (kubectl stops before doing anything then). */
export async function loadManifests(paths: string[], opts: LoadOptions): Promise<ManifestSet> {
  const sources: { name: string; read: () => Promise<string> }[] = [];
  for (const p of paths) {
    if (p === '-') sources.push({ name: 'STDIN', read: opts.readStdin ?? readAllStdin });
    else if (/^https?:\/\//.test(p)) sources.push({ name: p, read: () => fetchUrl(p) });
    else {
      if (!existsSync(p)) throw new Error(`the path "${p}" does not exist`);
      for (const f of expandPath(p, Boolean(opts.recursive))) sources.push({ name: f, read: async () => readFileSync(f, 'utf8') });
    }
  }
  const parsed: ParsedSource[] = [];
  for (const src of sources) parsed.push(parseSource(src.name, await src.read()));
  const set: ManifestSet = { items: [], errors: [] };
  const any = parsed.some((p) => p.values.length > 0);
  const registry = typeof opts.registry === 'function' ? (any ? await opts.registry() : undefined) : opts.registry;
  for (const p of parsed) addParsed(p, registry, set);
  return set;
}

/** The documents of one stream, and the syntax error that stopped it (documents before it stay). */
interface ParsedSource {
  source: string;
  values: unknown[];
  syntaxError?: Error;
}

function parseSource(source: string, text: string): ParsedSource {
  const values: unknown[] = [];
  try {
    parseStream(text, (v) => values.push(v));
  } catch (err) {
    if (!(err instanceof ManifestSyntaxError)) throw err;
    return { source, values, syntaxError: new Error(`error parsing ${source}: ${err.message}`) };
  }
  return { source, values };
}

/** Adds the objects of one stream to set (exported for tests and for `-f -`). */
export function loadText(source: string, text: string, registry: Registry, set: ManifestSet): void {
  addParsed(parseSource(source, text), registry, set);
}

/** Maps a stream's documents to kinds (registry: undefined only when it has none), then its syntax error. */
function addParsed(parsed: ParsedSource, registry: Registry | undefined, set: ManifestSet): void {
  const { source } = parsed;
  let index = 0;
  const take = (value: unknown) => {
    const err = decodeError(source, value);
    if (err) {
      set.errors.push(err);
      return;
    }
    const obj = value as KubeObject;
    const list = isList(obj) ? (obj.items as unknown[]) : [obj];
    for (const item of list) {
      const itemErr = decodeError(source, item);
      if (itemErr) {
        set.errors.push(itemErr);
        continue;
      }
      const o = item as KubeObject;
      o.metadata ??= {};
      const kind = registry?.forManifest(String(o.apiVersion ?? ''), String(o.kind));
      if (!kind) set.errors.push(noMatchError(source, o));
      else set.items.push({ source, index: index++, obj: o, kind });
    }
  };
  for (const value of parsed.values) take(value);
  if (parsed.syntaxError) set.errors.push(parsed.syntaxError);
}

function isList(obj: KubeObject): boolean {
  return typeof obj.kind === 'string' && obj.kind.endsWith('List') && Array.isArray(obj.items);
}

/** kubectl's unstructured decoding errors. */
function decodeError(source: string, value: unknown): Error | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const t = Array.isArray(value) ? 'array' : typeof value === 'boolean' ? 'bool' : value === null ? 'null' : typeof value;
    return new Error(`unable to decode "${source}": json: cannot unmarshal ${t} into Go value of type unstructured.detector`);
  }
  const o = value as Record<string, unknown>;
  if (typeof o.kind !== 'string' || o.kind === '') {
    return new Error(`unable to decode "${source}": Object 'Kind' is missing in '${sortedJson(o)}'`);
  }
  return undefined;
}

function noMatchError(source: string, o: KubeObject): Error {
  const name = typeof o.metadata?.name === 'string' ? o.metadata.name : '';
  const ns = typeof o.metadata?.namespace === 'string' ? o.metadata.namespace : '';
  return new Error(
    `resource mapping not found for name: "${name}" namespace: "${ns}" from "${source}": no matches for kind "${o.kind}" in version "${o.apiVersion ?? ''}"\nensure CRDs are installed first`,
  );
}

/** A file stays itself; a directory gives its manifest files in lexical order (recursively with -R). */
function expandPath(p: string, recursive: boolean): string[] {
  if (!statSync(p).isDirectory()) return [p];
  const out: string[] = [];
  for (const name of readdirSync(p).sort()) {
    const full = join(p, name);
    const st = statSync(full);
    if (st.isDirectory()) {
      if (recursive) out.push(...expandPath(full, true));
    } else if (MANIFEST_EXT.test(name)) out.push(full);
  }
  return out;
}

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function fetchUrl(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`unable to read URL "${url}", server reported ${res.status} ${res.statusText}, status code=${res.status}`);
  return res.text();
}
