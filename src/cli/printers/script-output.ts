import { readFileSync } from 'node:fs';
import type { KubeObject } from '../../api/types.js';
import { type Column, columnsFromFile, columnsFromSpec, printCustomColumns } from './custom-columns.js';
import { JsonPathPrinter } from '../../util/jsonpath/index.js';
import { numbersAsFloats } from '../../util/jsonpath/values.js';
import { asList } from './serialize.js';

/**
 * The output formats for scripts, `-o jsonpath=…|jsonpath-file=…|jsonpath-as-json=…` and
 * `-o custom-columns=…|custom-columns-file=…`, parsed and checked up front (kubectl's errors) and
 * printed over what a command found.
 */
export type ScriptFormat =
  | { type: 'jsonpath'; printer: JsonPathPrinter }
  | { type: 'custom-columns'; columns: Column[]; noHeaders: boolean };

export const JSONPATH_FORMATS = ['jsonpath', 'jsonpath-file', 'jsonpath-as-json'];
export const CUSTOM_COLUMNS_FORMATS = ['custom-columns', 'custom-columns-file'];

export interface ScriptFormatOptions {
  /** `--allow-missing-template-keys` (kubectl's default: true). */
  allowMissingTemplateKeys?: boolean;
  /** `--template`, the template when `-o` names only the format. */
  template?: string;
  /** `--no-headers` (custom-columns given inline only, as in kubectl). */
  noHeaders?: boolean;
  /** Whether custom-columns are accepted (only `get` prints them). */
  customColumns?: boolean;
}

/** The script format `-o` asks for, or undefined when it names another format. */
export function scriptFormat(output: string | undefined, opts: ScriptFormatOptions = {}): ScriptFormat | undefined {
  if (!output) return undefined;
  const eq = output.indexOf('=');
  const base = eq < 0 ? output : output.slice(0, eq);
  const value = eq < 0 ? opts.template ?? '' : output.slice(eq + 1);
  if (JSONPATH_FORMATS.includes(base)) {
    if (value === '') throw new Error('template format specified but no template given');
    const template = base === 'jsonpath-file' ? readTemplate(value) : value;
    const printer = new JsonPathPrinter(template, {
      allowMissingKeys: opts.allowMissingTemplateKeys ?? true,
      outputJson: base === 'jsonpath-as-json',
    });
    return { type: 'jsonpath', printer };
  }
  if (opts.customColumns && CUSTOM_COLUMNS_FORMATS.includes(base)) {
    if (value === '') throw new Error('custom-columns format specified but no custom columns given');
    if (base === 'custom-columns') return { type: 'custom-columns', columns: columnsFromSpec(value), noHeaders: Boolean(opts.noHeaders) };
    let columns: Column[];
    try {
      columns = columnsFromFile(value);
    } catch (e) {
      if (!(e as Error).message.startsWith('open ')) throw e;
      throw new Error(`error reading template ${value}, ${(e as Error).message}\n`);
    }
    return { type: 'custom-columns', columns, noHeaders: false };
  }
  return undefined;
}

function readTemplate(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file or directory' : code === 'EISDIR' ? 'is a directory' : (e as Error).message;
    throw new Error(`error reading --template ${file}, open ${file}: ${why}`);
  }
}

/**
 * Prints objects in a script format as `kubectl get` does: a jsonpath runs once, over the object
 * itself when one name was asked for and found, otherwise over a `kind: List` of all of them;
 * custom columns print one row per object under one header.
 */
export function printScriptFormat(format: ScriptFormat, objs: KubeObject[], opts: { single?: boolean; typed?: boolean } = {}): string {
  if (format.type === 'custom-columns') return printCustomColumns(objs, format.columns, { noHeaders: format.noHeaders });
  const data = JSON.parse(JSON.stringify(opts.single && objs.length === 1 ? objs[0] : asList(objs)));
  // a typed object (a generator's) reaches the jsonpath through encoding/json: every number a float64
  return format.printer.print(opts.typed ? numbersAsFloats(data) : data);
}
