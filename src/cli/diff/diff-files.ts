import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KindDef } from '../../api/kind.js';
import type { KubeObject } from '../../api/types.js';
import { toYaml } from '../printers/serialize.js';

/** kubectl diff's file name for an object: `[group.]version.Kind.namespace.name`. */
export function diffFileName(kind: Pick<KindDef, 'group' | 'version' | 'kind'>, namespace: string | undefined, name: string): string {
  return `${kind.group ? `${kind.group}.` : ''}${kind.version}.${kind.kind}.${namespace ?? ''}.${name}`;
}

/**
 * Secrets are masked as kubectl masks them: every data/stringData value becomes `***`, or
 * `*** (before)` / `*** (after)` where the two sides differ.
 */
export function maskSecrets(live: KubeObject | undefined, merged: KubeObject | undefined): [KubeObject | undefined, KubeObject | undefined] {
  const isSecret = (o?: KubeObject) => o?.kind === 'Secret' && (o.apiVersion === 'v1' || o.apiVersion === undefined);
  if (!isSecret(live) && !isSecret(merged)) return [live, merged];
  const a = live ? structuredClone(live) : undefined;
  const b = merged ? structuredClone(merged) : undefined;
  for (const field of ['data', 'stringData']) {
    const da = (a?.[field] ?? undefined) as Record<string, unknown> | undefined;
    const db = (b?.[field] ?? undefined) as Record<string, unknown> | undefined;
    for (const k of new Set([...Object.keys(da ?? {}), ...Object.keys(db ?? {})])) {
      const differ = da && db && k in da && k in db && da[k] !== db[k];
      if (da && k in da) da[k] = differ ? '*** (before)' : '***';
      if (db && k in db) db[k] = differ ? '*** (after)' : '***';
    }
  }
  return [a, b];
}

/** The two temporary directories kubectl diff writes (LIVE-…, MERGED-…). */
export class DiffDirs {
  readonly live = mkdtempSync(join(tmpdir(), 'LIVE-'));
  readonly merged = mkdtempSync(join(tmpdir(), 'MERGED-'));

  /** Writes one object's two sides; an absent side leaves no file (diff -N treats it as empty). */
  write(fileName: string, live: KubeObject | undefined, merged: KubeObject | undefined): void {
    const [a, b] = maskSecrets(live, merged);
    if (a) writeFileSync(join(this.live, fileName), toYaml(a));
    if (b) writeFileSync(join(this.merged, fileName), toYaml(b));
  }

  remove(): void {
    rmSync(this.live, { recursive: true, force: true });
    rmSync(this.merged, { recursive: true, force: true });
  }
}
