import { Flags } from '@oclif/core';
import { apiVersionOf, type KindDef } from '../api/kind.js';
import { ReportedError, renderErrors } from '../cli/errors.js';
import { fileSelection } from '../cli/file-selection.js';
import { filenameFlag, recursiveFlag } from '../cli/flags.js';
import { type FinishOptions, GeneratorCommand, generatorFlags } from '../cli/generators/generator-command.js';
import { generateAutoscaler, validateAutoscale } from '../cli/generators/horizontal-pod-autoscaler.js';
import { hpaV1ToV2, hpaV2ToV1 } from '../cli/generators/hpa-v1-conversion.js';
import { intFlag } from '../cli/int-flag.js';
import { parseResourceArgs } from '../cli/resource-args.js';
import { NO_RESOURCES } from '../cli/rollout/targets.js';
import { hasScaleSubresource, noScaleSubresource } from '../cli/scale-subresource.js';
import { resourceOf } from '../api/kind.js';

/** kubectl autoscale has no --validate. */
const { validate: _validate, ...printAndCreateFlags } = generatorFlags;

/** autoscale prints `created (dry run)` for a client dry run, else `autoscaled`; it speaks autoscaling/v1. */
const FINISH: FinishOptions = { operation: 'autoscaled', clientOperation: 'created', saveConfigOnlyWhenSent: true, toServer: hpaV1ToV2, fromServer: hpaV2ToV1 };

interface Target {
  kind: KindDef;
  name: string;
}

export default class Autoscale extends GeneratorCommand<typeof Autoscale> {
  static override summary = 'Auto-scale a deployment, replica set, stateful set, or replication controller';
  static override description =
    'Creates an autoscaler that automatically chooses and sets the number of pods that run in a Kubernetes cluster.\n\nLooks up a deployment, replica set, stateful set, or replication controller by name and creates an autoscaler that uses the given resource as a reference. An autoscaler can automatically increase or decrease number of pods deployed within the system as needed.';
  static override strict = false;
  static override usage = 'autoscale (-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu-percent=CPU]';
  static override examples = [
    '# Auto scale a deployment "foo", with the number of pods between 2 and 10, no target CPU utilization specified so a default autoscaling policy will be used\n<%= config.bin %> autoscale deployment foo --min=2 --max=10',
    '# Auto scale a replication controller "foo", with the number of pods between 1 and 5, target CPU utilization at 80%\n<%= config.bin %> autoscale rc foo --max=5 --cpu-percent=80',
  ];
  static override flags = {
    ...printAndCreateFlags,
    'field-manager': Flags.string({ description: 'Name of the manager used to track field ownership.', default: 'kubectl-autoscale' }),
    filename: filenameFlag('Filename, directory, or URL to files identifying the resource to autoscale.', { oneEach: true }),
    recursive: recursiveFlag,
    name: Flags.string({ description: 'The name for the newly created object. If not specified, the name of the input resource will be used.', default: '' }),
    min: intFlag({ description: 'The lower limit for the number of pods that can be set by the autoscaler. If it\'s not specified or negative, the server will apply a default value.', default: -1, bits: 32 }),
    max: intFlag({ description: 'The upper limit for the number of pods that can be set by the autoscaler. Required.', bits: 32 }),
    'cpu-percent': intFlag({
      description: 'The target average CPU utilization (represented as a percent of requested CPU) over all the pods. If it\'s not specified or negative, a default autoscaling policy will be used.',
      default: -1,
      bits: 32,
    }),
  };

  async run(): Promise<void> {
    const f = this.flags;
    // cobra's check of a required flag, then Complete (the dry-run strategy), then Validate
    if (f.max === undefined) throw new Error('required flag(s) "max" not set');
    this.dryRun();
    validateAutoscale(f.min, f.max);
    // each target in turn; its error, if any, is kept and the rest still visited (ContinueOnError)
    const errors: unknown[] = [];
    let count = 0;
    for (const t of await this.targets()) {
      try {
        if (t instanceof Error) throw t;
        if (!hasScaleSubresource(t.kind)) throw new Error(`cannot autoscale a ${t.kind.kind}: ${noScaleSubresource(t.kind)}`);
        const target = { apiVersion: apiVersionOf(t.kind), kind: t.kind.kind, name: t.name };
        await this.finish(generateAutoscaler({ name: f.name, target, min: f.min, max: f.max, cpuPercent: f['cpu-percent'] }), FINISH);
        count++;
      } catch (err) {
        errors.push(err);
      }
    }
    if (errors.length > 0) {
      this.err(renderErrors(errors));
      throw new ReportedError(1);
    }
    if (count === 0) throw new Error('no objects passed to autoscale');
  }

  /**
   * The objects to autoscale, in order, or the error in place of one: those the `-f` files name,
   * taken as the files give them (kubectl's builder does not read them back), or those named by
   * `TYPE NAME…` / `TYPE/NAME…`, read from the cluster.
   */
  private async targets(): Promise<(Target | Error)[]> {
    const f = this.flags;
    const args = this.argList;
    return this.withCluster(async (conn) => {
      const namespace = this.namespace();
      if (f.filename) {
        if (args.length > 0) {
          const tuples = args.some((a) => a.includes('/')) || (args.length > 1 && args[0].includes(','));
          throw new Error(tuples ? 'resource/name arguments cannot be provided when a path is specified' : 'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
        }
        const { sel, errors } = await fileSelection(f.filename, { registry: conn.registry, recursive: f.recursive, namespace, enforceNamespace: this.namespaceExplicit(), args });
        return [...sel.named.map(({ kind, name }) => ({ kind, name })), ...errors];
      }
      if (args.length === 0) throw new Error(NO_RESOURCES);
      const sel = parseResourceArgs(args, conn.registry, this.config.bin);
      if (sel.named.length === 0) throw new Error('resource(s) were provided, but no name was specified');
      const out: (Target | Error)[] = [];
      for (const { kind, name } of sel.named) {
        try {
          const obj = await conn.client.get(resourceOf(kind), kind.namespaced ? namespace : undefined, name);
          out.push({ kind, name: obj.metadata.name ?? name });
        } catch (err) {
          out.push(err instanceof Error ? err : new Error(String(err)));
        }
      }
      return out;
    });
  }
}
