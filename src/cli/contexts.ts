import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Which named cluster is current. Every cluster is a context of the same name; the choice and
 * per-context defaults live in `<stateRoot>/config.json`, written atomically (temp file + rename).
 *
 * The default cluster is named `pocketkube`; it is created silently the first time a command needs a cluster.
 */
export const DEFAULT_CLUSTER = 'pocketkube';

export interface ContextSettings {
  /** Default namespace of the context (`config set-context --namespace`). */
  namespace?: string;
  /** Removed by `config delete-context` (the cluster's state stays; `config set-context` brings it back). */
  deleted?: boolean;
}

export interface PocketConfig {
  currentContext?: string;
  contexts?: Record<string, ContextSettings>;
}

const CONFIG_FILE = 'config.json';

export function readConfig(root: string): PocketConfig {
  const file = join(root, CONFIG_FILE);
  if (!existsSync(file)) return {};
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as PocketConfig) : {};
  } catch {
    throw new Error(`error loading config file "${file}": not valid JSON`);
  }
}

export function writeConfig(root: string, cfg: PocketConfig): void {
  mkdirSync(root, { recursive: true, mode: 0o700 });
  const file = join(root, CONFIG_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(cfg, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, file);
}

/** The context a command uses: `--context` flag > config's current context > the default cluster. */
export function currentContext(root: string, flag?: string): string {
  return flag || readConfig(root).currentContext || DEFAULT_CLUSTER;
}

export function setCurrentContext(root: string, name: string | undefined): void {
  const cfg = readConfig(root);
  if (name === undefined) delete cfg.currentContext;
  else cfg.currentContext = name;
  writeConfig(root, cfg);
}

/** The default namespace of a context, if one was set. */
export function contextNamespace(root: string, name: string): string | undefined {
  return readConfig(root).contexts?.[name]?.namespace;
}

/** Forgets a context (its settings, and the current-context choice when it pointed there). */
export function forgetContext(root: string, name: string): void {
  const cfg = readConfig(root);
  if (!cfg.contexts?.[name] && cfg.currentContext !== name) return;
  if (cfg.contexts) delete cfg.contexts[name];
  if (cfg.currentContext === name) delete cfg.currentContext;
  writeConfig(root, cfg);
}

/** Where clusters live under the state root (same layout as the store's clusterDir). */
export function clustersRoot(root: string): string {
  return join(root, 'clusters');
}

/** Names of the clusters that exist, sorted. */
export function listClusters(root: string): string[] {
  const dir = clustersRoot(root);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
}

/** Cluster names: what a DNS label allows (they become directory names and context names). */
export function validateClusterName(name: string): string | undefined {
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name) || name.length > 63) {
    return `invalid cluster name "${name}": a cluster name must consist of lower case alphanumeric characters or '-', start and end with an alphanumeric character, and be at most 63 characters`;
  }
  return undefined;
}

/**
 * The contexts `config get-contexts` lists: every existing cluster, the default one, and the
 * contexts made by `config set-context`, minus the ones `config delete-context` removed; sorted.
 */
export function listContexts(root: string): string[] {
  const cfg = readConfig(root);
  const names = new Set([DEFAULT_CLUSTER, ...listClusters(root), ...Object.keys(cfg.contexts ?? {})]);
  return [...names].filter((n) => !cfg.contexts?.[n]?.deleted).sort();
}

/** Whether a context of this name exists (see listContexts). */
export function contextExists(root: string, name: string): boolean {
  return listContexts(root).includes(name);
}

/**
 * Creates or modifies a context (`config set-context`); `namespace: ''` clears the default
 * namespace. Returns whether the context existed before.
 */
export function setContext(root: string, name: string, change: { namespace?: string }): boolean {
  const existed = contextExists(root, name);
  const cfg = readConfig(root);
  const contexts = (cfg.contexts ??= {});
  const entry: ContextSettings = { ...contexts[name] };
  delete entry.deleted;
  if (change.namespace !== undefined) {
    if (change.namespace === '') delete entry.namespace;
    else entry.namespace = change.namespace;
  }
  contexts[name] = entry;
  writeConfig(root, cfg);
  return existed;
}

/** Removes a context (`config delete-context`); the current choice falls back to the default. */
export function deleteContext(root: string, name: string): void {
  const cfg = readConfig(root);
  (cfg.contexts ??= {})[name] = { deleted: true };
  if (cfg.currentContext === name) delete cfg.currentContext;
  writeConfig(root, cfg);
}

/** The file contexts are kept in (named in `config delete-context`'s message). */
export function configFile(root: string): string {
  return join(root, CONFIG_FILE);
}
