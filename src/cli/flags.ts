import { Flags } from '@oclif/core';
import type { DryRun, FieldValidation } from '../api/client.js';
import { PlainError } from './errors.js';

/** Flags shared by several commands, defined once (kubectl's names, short forms and help texts). */

/** `-f`; with `oneEach`, one value per `-f` as cobra's StringSlice takes it (a word after it is an argument). */
export const filenameFlag = (description = 'The files that contain the configurations to apply.', opts: { oneEach?: boolean } = {}) =>
  Flags.string({ char: 'f', description, multiple: true, multipleNonGreedy: opts.oneEach });

export const recursiveFlag = Flags.boolean({
  char: 'R',
  description: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
  default: false,
});

/** `-f` and `-R` of the commands that act on existing objects named by files (rollout, scale). */
export const targetFileFlags = (what = 'identifying the resource to get from a server.') => ({
  filename: filenameFlag(`Filename, directory, or URL to files ${what}`),
  recursive: recursiveFlag,
});

export const dryRunFlag = Flags.string({
  description: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
  default: 'none',
});

export const outputFlag = Flags.string({
  char: 'o',
  description: 'Output format. One of: (json, yaml, name).',
});

export const allNamespacesFlag = Flags.boolean({
  char: 'A',
  description: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
  default: false,
});

export const selectorFlag = Flags.string({
  char: 'l',
  description: 'Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.',
});

export type DryRunStrategy = 'none' | 'client' | 'server';

/**
 * kubectl's GetDryRunStrategy. A bad value is reported as cobra reports a flag error (`Error: …`,
 * as `apply` does), or with `checkErr` as CheckErr does (`error: …`: the generators, `autoscale`).
 */
export function dryRunStrategy(value: string | undefined, opts: { checkErr?: boolean } = {}): DryRunStrategy {
  const v = value ?? 'none';
  if (v === 'none' || v === 'client' || v === 'server') return v;
  const message = `Invalid dry-run value (${v}). Must be "none", "server", or "client".`;
  throw opts.checkErr ? new Error(message) : new PlainError(`Error: ${message}`);
}

/** The DryRun option of an API call for a strategy (client dry runs make no API write at all). */
export function apiDryRun(s: DryRunStrategy): DryRun {
  return s === 'server' ? 'All' : undefined;
}

/** The suffix kubectl appends to the operation word. */
export function dryRunSuffix(s: DryRunStrategy): string {
  return s === 'client' ? ' (dry run)' : s === 'server' ? ' (server dry run)' : '';
}

/** Output formats that the writing commands (apply/create/delete) accept after the operation. */
const WRITE_FORMATS = ['go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'yaml'];

export type WriteOutput = 'json' | 'yaml' | 'name' | undefined;

/** Checks `-o` for apply/create (kubectl's printer-matching error for anything unknown). */
export function writeOutput(value: string | undefined): WriteOutput {
  if (value === undefined || value === '') return undefined;
  if (value === 'json' || value === 'yaml' || value === 'name') return value;
  const base = value.split('=')[0];
  if (WRITE_FORMATS.includes(base)) {
    throw new Error(`output format "${base}" is not supported by pocketkube for this command; use one of: json, yaml, name`);
  }
  throw new Error(`unable to match a printer suitable for the output format "${value}", allowed formats are: ${WRITE_FORMATS.join(',')}`);
}

/** The template flags of kubectl's PrintFlags (`get`, the generators). */
export const allowMissingTemplateKeysFlag = Flags.boolean({
  description: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
  default: true,
  allowNo: true,
});

export const templateFlag = Flags.string({
  description: 'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].',
});

export const showManagedFieldsFlag = Flags.boolean({
  description: 'If true, keep the managedFields when printing objects in JSON or YAML format.',
  default: false,
});

/** kubectl's --validate (apply, create, replace): the server's fieldValidation directive. */
export const validateFlag = Flags.string({
  description: 'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. "warn" will warn about unknown or duplicate fields without blocking the request. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.',
  default: 'strict',
});

/** cmdutil.GetValidationDirective: the flag's value as the server's fieldValidation. */
export function fieldValidationOf(value: string): FieldValidation {
  switch (value.toLowerCase()) {
    case 'strict':
    case 'true':
      return 'Strict';
    case 'warn':
      return 'Warn';
    case 'ignore':
    case 'false':
      return 'Ignore';
    default:
      throw new Error(`invalid - validate option ${JSON.stringify(value)}; must be one of: strict (or true), warn, ignore (or false)`);
  }
}
