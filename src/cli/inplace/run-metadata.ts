/**
 * The run of `label` and `annotate` (kubectl's RunLabel / RunAnnotate, one flow for both): find the
 * objects, apply the change locally, send it as a JSON merge patch (nothing is sent for
 * `--dry-run=client` or `--list`), print each result; errors are reported at the end (exit 1).
 */
import type { Client } from '../../api/client.js';
import type { Registry } from '../../api/registry.js';
import { ReportedError, renderErrors } from '../errors.js';
import { apiDryRun, dryRunStrategy, writeOutput } from '../flags.js';
import {
  type MetaField,
  applyMetadataChange,
  comparable,
  labelMessage,
  listEntries,
  metadataMergePatch,
  parseAnnotationSpecs,
  parseLabelSpecs,
  splitResourcesAndPairs,
} from '../metadata-change.js';
import { type CommandIO, ChangePrinter } from './print.js';
import { findTargets } from './targets.js';
import { resourceOf } from '../../api/kind.js';

export interface MetadataFlags {
  overwrite: boolean;
  list: boolean;
  'resource-version'?: string;
  selector?: string;
  'field-selector'?: string;
  all: boolean;
  'all-namespaces': boolean;
  filename?: string[];
  recursive: boolean;
  'dry-run'?: string;
  output?: string;
  'field-manager'?: string;
}

export interface MetadataRequest {
  field: MetaField;
  args: string[];
  flags: MetadataFlags;
  namespace: string;
  enforceNamespace: boolean;
  bin: string;
}

const WORDS = { labels: { pair: 'label', kind: 'labels' }, annotations: { pair: 'annotation', kind: 'annotations' } } as const;

export async function runMetadata(conn: { client: Client; registry: Registry }, req: MetadataRequest, io: CommandIO): Promise<void> {
  const { field, flags: f } = req;
  const words = WORDS[field];
  const { resources, pairs } = splitResourcesAndPairs(req.args, words.pair);
  const spec = field === 'labels' ? parseLabelSpecs(pairs) : parseAnnotationSpecs(pairs);
  const dryRun = dryRunStrategy(f['dry-run']);
  const format = writeOutput(f.output);
  if (f.all && f.selector) throw new Error('cannot set --all and --selector at the same time');
  if (f.all && f['field-selector']) throw new Error('cannot set --all and --field-selector at the same time');
  if (resources.length === 0 && (f.filename ?? []).length === 0) {
    throw new Error('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  }
  if (spec.set.size === 0 && spec.remove.length === 0 && !f.list) throw new Error(`at least one ${words.pair} update is required`);

  const found = await findTargets(conn.client, conn.registry, {
    args: resources,
    filenames: f.filename,
    recursive: f.recursive,
    selector: f.selector,
    fieldSelector: f['field-selector'],
    all: f.all,
    allNamespaces: f['all-namespaces'],
    namespace: req.namespace,
    enforceNamespace: req.enforceNamespace,
    bin: req.bin,
  });
  const errors: unknown[] = [...found.errors];
  const printer = new ChangePrinter(format, dryRun);
  const rv = f['resource-version'] || undefined;
  for (const { kind, obj } of found.targets) {
    try {
      const before = comparable(obj, rv);
      const after = applyMetadataChange(before, field, spec, { overwrite: f.overwrite, resourceVersion: rv });
      const message = field === 'labels' ? labelMessage(before, after, f.overwrite) : 'annotated';
      let result = after;
      if (dryRun !== 'client' && !f.list) {
        if (field === 'labels') {
          for (const k of spec.remove) if (!(k in (obj.metadata.labels ?? {}))) io.out(`label ${JSON.stringify(k)} not found.\n`);
        }
        const patch = metadataMergePatch(field, before, after, rv);
        result = await conn.client.patch(resourceOf(kind), obj.metadata.namespace, obj.metadata.name ?? '', 'merge', patch, {
          dryRun: apiDryRun(dryRun),
          fieldManager: f['field-manager'],
        });
      }
      if (f.list) {
        let indent = '';
        if (!found.singleItem) {
          indent = ' ';
          io.err(`Listing ${words.kind} for ${kind.kind}.${kind.group}/${obj.metadata.name ?? ''}:`);
        }
        io.out(listEntries(result, field, indent));
        continue;
      }
      io.out(printer.print(result, kind, message));
    } catch (err) {
      errors.push(err);
    }
  }
  if (errors.length > 0) {
    io.err(renderErrors(errors));
    throw new ReportedError(1);
  }
}
