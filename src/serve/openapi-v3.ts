/**
 * GET /openapi/v3 and /openapi/v3/{api/v1 | apis/GROUP/VERSION}: the OpenAPI v3 documents kubectl
 * 1.32 downloads. What it reads there: `--validate=strict` (cli-runtime's supportsQueryParamV3)
 * looks for the PATCH operation whose x-kubernetes-group-version-kind is the object's and checks that
 * it takes the fieldValidation query parameter (then the server validates: ?fieldValidation=Strict);
 * `kubectl apply` checks whether that operation accepts strategic merge patches (see
 * openapi-paths.ts for why it does not); `kubectl explain` walks components.schemas from the schema
 * carrying the kind's x-kubernetes-group-version-kind.
 *
 * The index needs every document's hash, so its first request builds them all (about 15 ms for the
 * built-in kinds, plus reading the schema and docs files once). Documents are cached by a fingerprint
 * of what they are built from (the kinds served in the group version), so a registry that serves one
 * more custom resource rebuilds only that group version's; an index is cached by the identity of the
 * registry's kinds, which add() and remove() replace.
 */
import { createHash } from 'node:crypto';
import type { KindDef } from '../api/kind.js';
import type { Registry } from '../api/registry.js';
import { EMULATED_SERVER_VERSION } from '../cli/printers/version-info.js';
import { LruMap } from '../util/lru-map.js';
import { servedGroupVersions, servedIn } from './discovery-groups.js';
import { kindPaths, type PathItem } from './openapi-paths.js';
import { componentSchemas } from './openapi-schemas.js';

export interface OpenAPIV3Index {
  paths: Record<string, { serverRelativeURL: string }>;
}

export interface OpenAPIV3Document {
  openapi: '3.0.0';
  info: { title: string; version: string };
  paths: Record<string, PathItem>;
  components: { schemas: Record<string, unknown> };
}

interface GvEntry {
  document: OpenAPIV3Document;
  json: string;
  hash: string;
}

interface Built {
  index: OpenAPIV3Index;
  byPath: Map<string, GvEntry>;
}

const cache = new WeakMap<readonly KindDef[], Built>();
const documents = new LruMap<string, GvEntry>(128);

/** `api/v1`, `apis/apps/v1`: a group version's key in the index (and its URL below /openapi/v3/). */
export function gvPathOf(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

/** The document of group/version, from the kinds served there. */
export function buildOpenapiV3Document(kinds: readonly KindDef[], group: string, version: string): OpenAPIV3Document {
  const served = kinds.filter((k) => servedIn(k, group, version));
  const paths: Record<string, PathItem> = {};
  for (const k of served) Object.assign(paths, kindPaths(k, group, version));
  const sortedPaths = Object.fromEntries(Object.entries(paths).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: EMULATED_SERVER_VERSION.replace(/-.*$/, '') },
    paths: sortedPaths,
    components: { schemas: componentSchemas(served, group, version) },
  };
}

function build(registry: Registry): Built {
  const kinds = registry.kinds;
  const found = cache.get(kinds);
  if (found) return found;
  const byPath = new Map<string, GvEntry>();
  const index: OpenAPIV3Index = { paths: {} };
  for (const { group, version } of servedGroupVersions(kinds)) {
    const served = kinds.filter((k) => servedIn(k, group, version));
    const key = fingerprint(served, group, version);
    let e = documents.get(key);
    if (!e) {
      const document = buildOpenapiV3Document(served, group, version);
      const json = JSON.stringify(document);
      e = { document, json, hash: createHash('sha512').update(json).digest('hex').toUpperCase() };
      documents.set(key, e);
    }
    const path = gvPathOf(group, version);
    byPath.set(path, e);
    index.paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${e.hash}` };
  }
  const built = { index, byPath };
  cache.set(kinds, built);
  return built;
}

/** Everything of the kinds that their group version's document is built from. */
function fingerprint(served: readonly KindDef[], group: string, version: string): string {
  return JSON.stringify([group, version, ...served.map((k) => [
    k.group, k.version, k.kind, k.plural, k.namespaced, k.statusSubresource, k.scaleSubresource ?? false, k.schemaType,
    k.customSchema ?? null,
  ])]);
}

const entry = (registry: Registry, gvPath: string): GvEntry | undefined =>
  build(registry).byPath.get(gvPath.replace(/^\/+/, '').replace(/^openapi\/v3\//, '').replace(/\/+$/, ''));

/** GET /openapi/v3: one entry per served group version, its URL carrying the hash of its document. */
export function openapiV3Index(registry: Registry): OpenAPIV3Index {
  return build(registry).index;
}

/** GET /openapi/v3/{gvPath} (`api/v1`, `apis/apps/v1`), or undefined when that group version is not served. */
export function openapiV3Document(registry: Registry, gvPath: string): OpenAPIV3Document | undefined {
  return entry(registry, gvPath)?.document;
}

/**
 * The same document as JSON, with the hash the index names it by (uppercase hex sha512 of exactly
 * this JSON): serve these bytes, and when the request's ?hash= matches, kube-apiserver's caching
 * headers (Cache-Control: public, immutable; ETag: "hash").
 */
export function openapiV3DocumentJson(registry: Registry, gvPath: string): { json: string; hash: string } | undefined {
  const e = entry(registry, gvPath);
  return e ? { json: e.json, hash: e.hash } : undefined;
}
