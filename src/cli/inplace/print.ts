/**
 * How the in-place commands print each object they changed: kubectl's name printer with the
 * operation (`pod/web labeled (dry run)`), `-o name`, or the object itself with `-o yaml|json`
 * (YAML documents separated by `---`, as kubectl's YAML printer does after the first).
 */
import type { KindDef } from '../../api/kind.js';
import type { KubeObject } from '../../api/types.js';
import { type DryRunStrategy, type WriteOutput, dryRunSuffix } from '../flags.js';
import { toJson, toYaml } from '../printers/serialize.js';
import { successLine } from '../write-output.js';

export class ChangePrinter {
  private printed = 0;

  constructor(
    private readonly format: WriteOutput,
    private readonly dryRun: DryRunStrategy,
  ) {}

  print(obj: KubeObject, kind: KindDef, operation: string): string {
    const n = this.printed++;
    if (this.format === 'yaml') return (n > 0 ? '---\n' : '') + toYaml(obj);
    if (this.format === 'json') return toJson(obj);
    return successLine(obj, kind, operation, this.format, dryRunSuffix(this.dryRun));
  }
}

/** Where a command writes: stdout text as given, stderr lines. */
export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
}
