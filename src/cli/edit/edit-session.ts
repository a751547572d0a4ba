/**
 * kubectl edit's loop: write the objects (YAML or JSON) under the header to a temp file, run the
 * editor, read it back; unchanged → `Edit cancelled, no changes made.`; a syntax error or an object
 * the server rejects → reopen with the reasons as comments; reopened and left unchanged → keep the
 * file (`A copy of your changes has been stored to "…"`) and fail with
 * `Edit cancelled, no valid changes were saved.`. Accepted edits go to the server as a patch.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '../../api/client.js';
import { isStatusError } from '../../api/errors.js';
import { formatFieldError } from '../../api/field-error.js';
import type { Registry } from '../../api/registry.js';
import type { KubeObject } from '../../api/types.js';
import { resolveObjectNamespace } from '../object-namespace.js';
import { asList, toJson, toYaml } from '../printers/serialize.js';
import type { Target } from '../rollout/targets.js';
import type { CommandIO } from '../inplace/print.js';
import { type EditReason, EditSyntaxError, hasLines, manualStrip, parseEdited, renderHeader, stripComments } from './edit-file.js';
import { editPatch } from './edit-patch.js';
import { hasStrategicMerge, resourceOf } from '../../api/kind.js';

export interface EditSession {
  client: Client;
  registry: Registry;
  targets: Target[];
  format: 'yaml' | 'json';
  namespace: string;
  /** The prefix of the temp file (kubectl uses its own binary name: `<bin>-edit-`). */
  bin: string;
  io: CommandIO;
  /** Runs the editor on a file (injected for tests). */
  launch(path: string): void;
  /** How an edited object is printed (`deployment.apps/web edited`). */
  printEdited(obj: KubeObject, target: Target): string;
}

/** Thrown when the edit failed after its messages were printed; the message is the final `error:` line. */
export class EditCancelled extends Error {}

function tempFile(bin: string, ext: string, content: string): string {
  for (;;) {
    const path = join(tmpdir(), `${bin}-edit-${Math.floor(Math.random() * 1e10)}${ext}`);
    try {
      writeFileSync(path, content, { flag: 'wx', mode: 0o600 });
      return path;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}

function remove(path: string | undefined): void {
  if (path) rmSync(path, { force: true });
}

function preserved(io: CommandIO, path: string | undefined, message: string): EditCancelled {
  if (path) io.err(`A copy of your changes has been stored to ${JSON.stringify(path)}`);
  return new EditCancelled(message);
}

function resourceString(t: Target): string {
  return t.kind.group ? `${t.kind.plural}.${t.kind.group}` : t.kind.plural;
}

export async function runEditSession(s: EditSession): Promise<void> {
  const serialize = (v: unknown) => (s.format === 'json' ? toJson(v) : toYaml(v));
  const body = serialize(s.targets.length === 1 ? s.targets[0].obj : asList(s.targets.map((t) => t.obj)));
  const ext = `.${s.format}`;
  let reasons: EditReason[] = [];
  let containsError = false;
  let edited = '';
  let file: string | undefined;
  for (;;) {
    const content = renderHeader(reasons) + (containsError ? manualStrip(edited) : body);
    const previous = edited;
    const next = tempFile(s.bin, ext, content);
    try {
      s.launch(next);
    } catch (err) {
      remove(next);
      throw preserved(s.io, file, (err as Error).message);
    }
    edited = readFileSync(next, 'utf8');
    if (containsError && stripComments(previous) === stripComments(edited)) {
      remove(file);
      throw preserved(s.io, next, 'Edit cancelled, no valid changes were saved.');
    }
    remove(file);
    file = next;
    if (stripComments(body) === stripComments(edited)) {
      remove(file);
      s.io.err('Edit cancelled, no changes made.');
      return;
    }
    if (!hasLines(edited)) {
      remove(file);
      s.io.err('Edit cancelled, saved file was empty.');
      return;
    }
    reasons = [];
    let objects;
    try {
      objects = parseEdited(edited, s.registry);
    } catch (err) {
      if (!(err instanceof EditSyntaxError)) throw err;
      containsError = true;
      reasons.push({ head: `The edited file had a syntax error: ${err.message}`, other: [] });
      continue;
    }
    containsError = false;
    const invalid = await applyEdits(s, objects, file, reasons);
    if (!invalid) {
      remove(file);
      return;
    }
    containsError = reasons.length > 0;
  }
}

/** Patches each edited object; returns whether any was rejected as invalid (to be edited again). */
async function applyEdits(s: EditSession, objects: ReturnType<typeof parseEdited>, file: string, reasons: EditReason[]): Promise<boolean> {
  let invalid = false;
  for (const { obj } of objects) {
    resolveOrThrow(s, obj, file);
    const target = s.targets.find((t) => t.obj.metadata.uid === obj.metadata.uid);
    if (!target) throw preserved(s.io, file, `no original object found for ${obj.kind}/${obj.metadata.name ?? ''}`);
    const patch = editPatch(target, obj);
    if (patch === 'changed-identity') throw preserved(s.io, file, 'At least one of apiVersion, kind and name was changed');
    if (patch === undefined) {
      s.io.out(s.printEdited(target.obj, target).replace(/ edited\n$/, ' skipped\n'));
      continue;
    }
    try {
      const res = await s.client.patch(resourceOf(target.kind), target.obj.metadata.namespace, target.obj.metadata.name ?? '', hasStrategicMerge(target.kind) ? 'strategic' : 'merge', patch);
      s.io.out(s.printEdited(res, target));
    } catch (err) {
      const what = `${resourceString(target)} ${JSON.stringify(target.obj.metadata.name ?? '')}`;
      if (isStatusError(err) && err.reason === 'Invalid') {
        invalid = true;
        reasons.push({ head: `${what} was not valid`, other: (err.details.causes ?? []).map((c) => `${c.field}: ${formatFieldError({ ...c, field: '' })}`) });
        s.io.err(`error: ${what} is invalid`);
      } else if (isStatusError(err) && err.reason === 'NotFound') {
        s.io.err(`error: ${what} could not be found on the server`);
        throw preserved(s.io, undefined, `The edits you made on deleted resources have been saved to ${JSON.stringify(file)}`);
      } else {
        s.io.err(`error: ${what} could not be patched: ${(err as Error).message}`);
        s.io.err(`You can run \`${s.bin} replace -f ${file}\` to try this update again.`);
        throw new EditCancelled('');
      }
    }
  }
  return invalid;
}

function resolveOrThrow(s: EditSession, obj: KubeObject, file: string): void {
  const target = s.targets.find((t) => t.obj.metadata.uid === obj.metadata.uid);
  if (!target) return;
  try {
    resolveObjectNamespace(obj, target.kind, target.obj.metadata.namespace ?? s.namespace, true);
  } catch (err) {
    throw preserved(s.io, file, (err as Error).message);
  }
}
