import { Flags } from '@oclif/core';
import { GeneratorCommand, generatorFlags } from '../../cli/generators/generator-command.js';
import { generateJob, generateJobFromCronJob } from '../../cli/generators/workloads.js';
import type { KubeObject } from '../../api/types.js';
import { resourceOf } from '../../api/kind.js';

export default class CreateJob extends GeneratorCommand<typeof CreateJob> {
  static override summary = 'Create a job with the specified name';
  static override description = 'Create a job with the specified name.';
  static override strict = false;
  static override usage = 'create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...]';
  static override examples = [
    '# Create a job\n<%= config.bin %> create job my-job --image=busybox',
    '# Create a job with a command\n<%= config.bin %> create job my-job --image=busybox -- date',
    '# Create a job from a cron job named "a-cronjob"\n<%= config.bin %> create job test-job --from=cronjob/a-cronjob',
  ];
  static override flags = {
    ...generatorFlags,
    image: Flags.string({ description: 'Image name to run.' }),
    from: Flags.string({ description: 'The name of the resource to create a Job from (only cronjob is supported).' }),
  };

  async run(): Promise<void> {
    const name = this.nameArg();
    const { image, from } = this.flags;
    const command = this.splitAtDash().after;
    if (Boolean(image) === Boolean(from)) throw new Error('either --image or --from must be specified');
    if (from && command.length > 0) throw new Error('cannot specify --from and command');
    const obj = image
      ? generateJob({ name, namespace: this.enforcedNamespace(), image, command })
      : generateJobFromCronJob(name, this.enforcedNamespace(), await this.cronJobFrom(from!));
    await this.finish(obj, { failure: 'failed to create job: ' });
  }

  /** `--from=cronjob/NAME` (also `cj/`, `cronjobs/`, `cronjob.batch/`), read from the cluster. */
  private async cronJobFrom(from: string): Promise<KubeObject> {
    const slash = from.indexOf('/');
    if (slash < 0 || from.indexOf('/', slash + 1) >= 0) throw new Error(`from must be of the form <resource>/<name>`);
    const type = from.slice(0, slash);
    return this.withCluster(async (conn) => {
      const kind = conn.registry.resolve(type);
      if (!kind) throw new Error(`the server doesn't have a resource type "${type}"`);
      const obj = await conn.client.get(resourceOf(kind), kind.namespaced ? this.namespace() : undefined, from.slice(slash + 1));
      if (obj.kind !== 'CronJob') throw new Error(`unknown object type ${obj.kind}`);
      return obj;
    });
  }
}
