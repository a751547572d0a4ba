import { Flags, type Command } from '@oclif/core';
import { kindRegistry } from '../../api/kinds/index.js';
import { type KindDef, resourceOf } from '../../api/kind.js';
import type { KubeObject } from '../../api/types.js';
import { LAST_APPLIED, stripNulls } from '../apply/last-applied.js';
import { KubeCommand } from '../base-command.js';
import { PlainError } from '../errors.js';
import {
  type DryRunStrategy, allowMissingTemplateKeysFlag, apiDryRun, dryRunFlag, dryRunStrategy, dryRunSuffix, fieldValidationOf,
  showManagedFieldsFlag, templateFlag, validateFlag, writeOutput,
} from '../flags.js';
import { resourceName } from '../printers/name.js';
import { type ScriptFormat, printScriptFormat, scriptFormat } from '../printers/script-output.js';
import { toJson, toYaml } from '../printers/serialize.js';
import { sortedMap, structOrderedMeta } from './meta.js';
import { typedJson, typedJsonCompact } from './typed-json.js';

/** The flags every imperative generator has (kubectl's PrintFlags, dry-run, save-config, field manager). */
export const generatorFlags = {
  'dry-run': dryRunFlag,
  output: Flags.string({ char: 'o', description: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' }),
  'save-config': Flags.boolean({
    description: 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
    default: false,
  }),
  'field-manager': Flags.string({ description: 'Name of the manager used to track field ownership.', default: 'kubectl-create' }),
  validate: validateFlag,
  'show-managed-fields': showManagedFieldsFlag,
  template: templateFlag,
  'allow-missing-template-keys': allowMissingTemplateKeysFlag,
};

/** A string-slice flag (kubectl's StringSlice: repeatable, comma-separated). */
export const sliceFlag = (description: string, extra: { char?: 'i' } = {}) =>
  Flags.string({ description, multiple: true, multipleNonGreedy: true, delimiter: ',', ...extra });
/** A string-array flag (kubectl's StringArray: repeatable, commas kept). */
export const arrayFlag = (description: string) => Flags.string({ description, multiple: true, multipleNonGreedy: true });

/** util.CreateOrUpdateAnnotation: the object's own JSON (struct order) in the last-applied annotation. */
export function withSaveConfig(obj: KubeObject): KubeObject {
  const bare = structuredClone(obj);
  if (bare.metadata.annotations) {
    delete bare.metadata.annotations[LAST_APPLIED];
    if (Object.keys(bare.metadata.annotations).length === 0) delete bare.metadata.annotations;
  }
  // a map: encoding/json writes its keys sorted
  const annotations = sortedMap(Object.entries({ ...(bare.metadata.annotations ?? {}), [LAST_APPLIED]: typedJsonCompact(bare) + '\n' }));
  return { ...bare, metadata: structOrderedMeta({ ...bare.metadata, annotations }) };
}

/** What `-o` and the template flags ask for, checked before anything is created. */
interface Printing {
  format: ReturnType<typeof writeOutput>;
  script?: ScriptFormat;
  showManagedFields: boolean;
}

type GenFlags = {
  'dry-run': string;
  output?: string;
  'save-config': boolean;
  'field-manager': string;
  validate?: string;
  'show-managed-fields'?: boolean;
  template?: string;
  'allow-missing-template-keys'?: boolean;
};

export interface FinishOptions {
  /** Prefix of a failed create's message (`failed to create deployment: `); undefined = the error as it is. */
  failure?: string;
  /** The success word (`created`, `exposed`). */
  operation?: string;
  /** The success word of a client dry run, where it differs (autoscale prints `created (dry run)`). */
  clientOperation?: string;
  /** `--save-config` annotates only what is sent to the server, not a client dry run's output (autoscale). */
  saveConfigOnlyWhenSent?: boolean;
  /**
   * The object in the version the server serves, when kubectl's typed client sends an older one
   * (autoscale's autoscaling/v1 HorizontalPodAutoscaler, served here as autoscaling/v2).
   */
  toServer?(obj: KubeObject): KubeObject;
  /** What kubectl's typed client decodes from the server's answer, in struct order (the older version again). */
  fromServer?(obj: KubeObject): KubeObject;
}

/**
 * The base of the imperative generators (`create deployment`, `run`, `expose`…): flags, NAME
 * checks, and the common end — print the generated object for `--dry-run=client`, else create it
 * and print what the server returned — exactly as kubectl's create subcommands do.
 */
export abstract class GeneratorCommand<T extends typeof Command> extends KubeCommand<T> {
  protected get genFlags(): GenFlags {
    return this.flags as unknown as GenFlags;
  }

  /** `pocketkube create deployment` for usage lines. */
  protected commandLine(): string {
    return [this.config.bin, ...(this.id ?? '').split(':')].join(' ');
  }

  protected usageError(message: string): PlainError {
    return new PlainError(`error: ${message}\nSee '${this.commandLine()} -h' for help and examples`);
  }

  /** Positional words before `--` and after it (cobra's ArgsLenAtDash). */
  protected splitAtDash(): { before: string[]; after: string[] } {
    const dash = this.argv.indexOf('--');
    const afterCount = dash < 0 ? 0 : this.argv.length - dash - 1;
    const at = Math.max(0, this.argList.length - afterCount);
    return { before: this.argList.slice(0, at), after: this.argList.slice(at) };
  }

  /** NameFromCommandArgs: exactly one NAME before `--`. */
  protected nameArg(): string {
    const { before } = this.splitAtDash();
    if (before.length !== 1) throw this.usageError(`exactly one NAME is required, got ${before.length}`);
    return before[0];
  }

  /** The namespace to put in a generated object: only an explicit `-n` (kubectl's EnforceNamespace). */
  protected enforcedNamespace(): string | undefined {
    return this.namespaceExplicit() ? this.namespace() : undefined;
  }

  protected requireFlags(values: Record<string, unknown>): void {
    const missing = Object.entries(values).filter(([, v]) => v === undefined || (Array.isArray(v) && v.length === 0)).map(([k]) => `"${k}"`);
    if (missing.length > 0) throw new Error(`required flag(s) ${missing.join(', ')} not set`);
  }

  protected dryRun(): DryRunStrategy {
    return dryRunStrategy(this.genFlags['dry-run'], { checkErr: true });
  }

  /** Prints or creates the generated object. */
  protected async finish(generated: KubeObject, opts: FinishOptions = {}): Promise<void> {
    const dryRun = this.dryRun();
    const fieldValidation = fieldValidationOf(this.genFlags.validate ?? 'strict');
    const printing = this.printing();
    const saveConfig = this.genFlags['save-config'];
    const operation = opts.operation ?? 'created';
    // a client dry run needs nothing of the server, not even its knowledge of the kind
    if (dryRun === 'client') {
      const shown = saveConfig && !opts.saveConfigOnlyWhenSent ? withSaveConfig(generated) : generated;
      const kind = kindRegistry().forManifest(shown.apiVersion, shown.kind);
      this.out(this.render(shown, kind, printing, (opts.clientOperation ?? operation) + dryRunSuffix(dryRun), true));
      return;
    }
    const saved = saveConfig ? withSaveConfig(generated) : generated;
    const obj = opts.toServer ? opts.toServer(saved) : saved;
    const kind = kindRegistry().forManifest(obj.apiVersion, obj.kind);
    if (!kind) throw new Error(`no kind "${obj.kind}" is registered for version "${obj.apiVersion}"`);
    const created = await this.withCluster(async (conn) => {
      const body = stripNulls(structuredClone(obj));
      if (kind.namespaced) body.metadata.namespace = this.namespace();
      try {
        return await conn.client.create(resourceOf(kind), body, { dryRun: apiDryRun(dryRun), fieldManager: this.genFlags['field-manager'], fieldValidation });
      } catch (err) {
        if (opts.failure === undefined) throw err;
        throw new Error(`${opts.failure}${err instanceof Error ? err.message : String(err)}`);
      }
    });
    const shown = opts.fromServer ? opts.fromServer(created) : created;
    this.out(this.render(shown, kind, printing, operation + dryRunSuffix(dryRun), Boolean(opts.fromServer)));
  }

  /** kubectl's PrintFlags.ToPrinter: a `--template` without `-o` means go-template. */
  private printing(): Printing {
    const f = this.genFlags;
    const output = f.output || (f.template ? 'go-template' : undefined);
    const script = scriptFormat(output, { allowMissingTemplateKeys: f['allow-missing-template-keys'], template: f.template });
    return { format: script ? undefined : writeOutput(output), script, showManagedFields: Boolean(f['show-managed-fields']) };
  }

  private render(obj: KubeObject, kind: KindDef | undefined, p: Printing, operation: string, generated: boolean): string {
    if (p.script) return printScriptFormat(p.script, [obj], { single: true, typed: generated });
    if (p.format === 'yaml') return toYaml(obj, { showManagedFields: p.showManagedFields });
    if (p.format === 'json') return generated ? typedJson(obj) : toJson(obj, { showManagedFields: p.showManagedFields });
    if (p.format === 'name') return `${resourceName(obj, kind)}\n`;
    return `${resourceName(obj, kind)} ${operation}\n`;
  }
}
