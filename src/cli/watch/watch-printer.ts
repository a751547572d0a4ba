/**
 * How `get --watch` prints (kubectl's printers kept across a watch): a table whose header appears
 * once, with the first row ever printed, and whose rows are each laid out on their own (kubectl
 * flushes its tab writer after every event); YAML documents separated by `---`; JSON objects one
 * after another; `kind/name` lines.
 */
import type { KindDef } from '../../api/kind.js';
import type { KubeObject } from '../../api/types.js';
import { resourceName, tableRows, tabulate, toJson, toYaml, type TableOptions } from '../printers/index.js';
import { type ScriptFormat, printScriptFormat } from '../printers/script-output.js';

export type WatchFormat = undefined | 'wide' | 'yaml' | 'json' | 'name' | ScriptFormat;

export class WatchPrinter {
  private headerShown = false;
  private printed = 0;

  constructor(
    private readonly kind: KindDef,
    private readonly format: WatchFormat,
    private readonly table: Omit<TableOptions, 'now' | 'wide'>,
    private readonly now: () => Date,
    private readonly write: (text: string) => void,
  ) {}

  /** Prints objects as one batch (the initial list: one table, aligned together). */
  print(objs: KubeObject[]): void {
    if (objs.length === 0) return;
    if (this.format === undefined || this.format === 'wide') {
      const noHeaders = this.headerShown || Boolean(this.table.noHeaders);
      this.write(tabulate(tableRows(objs, this.kind, { ...this.table, wide: this.format === 'wide', noHeaders, now: this.now() })));
      this.headerShown = true;
      return;
    }
    const format = this.format;
    if (typeof format === 'object') {
      // a jsonpath runs over each object; custom columns print their header once
      for (const obj of objs) {
        const shown = format.type === 'custom-columns' && this.printed > 0 ? { ...format, noHeaders: true } : format;
        this.write(printScriptFormat(shown, [obj], { single: true }));
        this.printed++;
      }
      return;
    }
    for (const obj of objs) {
      if (this.format === 'name') this.write(resourceName(obj, this.kind) + '\n');
      else if (this.format === 'json') this.write(toJson(obj));
      else this.write((this.printed > 0 ? '---\n' : '') + toYaml(obj));
      this.printed++;
    }
  }
}
