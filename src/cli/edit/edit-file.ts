/**
 * The file `edit` hands to the editor and reads back: kubectl's header comment, the reasons of a
 * failed attempt as comments below it, comment stripping, and the objects of the edited text.
 */
import type { KindDef } from '../../api/kind.js';
import type { Registry } from '../../api/registry.js';
import type { KubeObject } from '../../api/types.js';
import { ManifestSyntaxError, parseStream, parseYamlDocument } from '../manifest-parse.js';
import { sortKeys } from '../printers/serialize.js';

export const EDIT_HEADER =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
  '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
  '# reopened with the relevant failures.\n' +
  '#\n';

/** One failure shown at the top of a reopened file: a heading and its detail lines. */
export interface EditReason {
  head: string;
  other: string[];
}

const hashLines = (s: string) => s.replace(/\n/g, '\n# ');

export function renderHeader(reasons: EditReason[]): string {
  let out = EDIT_HEADER;
  for (const r of reasons) {
    out += r.other.length > 0 ? `# ${hashLines(r.head)}:\n` : `# ${hashLines(r.head)}\n`;
    for (const o of r.other) out += `# * ${hashLines(o)}\n`;
    out += '#\n';
  }
  return out;
}

/** Drops comment lines (`#`, but not `#!`), keeping everything else as it is. */
export function manualStrip(text: string): string {
  return text
    .split('\n')
    .filter((line) => {
      const t = line.trim();
      return !(t.startsWith('#') && !t.startsWith('#!'));
    })
    .join('\n');
}

/** The content without comments, as kubectl compares edits: the JSON of the YAML when it parses. */
export function stripComments(text: string): string {
  try {
    return JSON.stringify(sortKeys(parseYamlDocument(text) ?? null));
  } catch (err) {
    if (!(err instanceof ManifestSyntaxError)) throw err;
    return manualStrip(text);
  }
}

/** Whether anything but blank and comment lines is left. */
export function hasLines(text: string): boolean {
  return text.split('\n').some((l) => {
    const t = l.trim();
    return t.length > 0 && !t.startsWith('#');
  });
}

export class EditSyntaxError extends Error {}

/** The objects of the edited text (a List is flattened). Throws EditSyntaxError when it cannot be read. */
export function parseEdited(text: string, registry: Registry): { obj: KubeObject; kind: KindDef }[] {
  const docs: unknown[] = [];
  try {
    parseStream(manualStrip(text), (v) => docs.push(v));
  } catch (err) {
    if (err instanceof ManifestSyntaxError) throw new EditSyntaxError(err.message);
    throw err;
  }
  const out: { obj: KubeObject; kind: KindDef }[] = [];
  const take = (v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new EditSyntaxError('Object \'Kind\' is missing in the edited file');
    const o = v as KubeObject;
    if (typeof o.kind !== 'string' || o.kind === '') throw new EditSyntaxError(`Object 'Kind' is missing in '${JSON.stringify(o)}'`);
    if (o.kind === 'List' && Array.isArray(o.items)) {
      for (const item of o.items as unknown[]) take(item);
      return;
    }
    const kind = registry.forManifest(String(o.apiVersion ?? ''), o.kind);
    if (!kind) throw new EditSyntaxError(`no matches for kind "${o.kind}" in version "${o.apiVersion ?? ''}"`);
    o.metadata ??= {};
    out.push({ obj: o, kind });
  };
  for (const d of docs) take(d);
  return out;
}
