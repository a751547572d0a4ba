import { Flags } from '@oclif/core';
import { KubeCommand } from '../cli/base-command.js';
import { EditCancelled, runEditSession } from '../cli/edit/edit-session.js';
import { launchEditor } from '../cli/edit/editor.js';
import { ReportedError, renderErrors } from '../cli/errors.js';
import { filenameFlag, recursiveFlag } from '../cli/flags.js';
import { findTargets } from '../cli/inplace/targets.js';
import { resourceName } from '../cli/printers/name.js';
import { NO_RESOURCES } from '../cli/rollout/targets.js';

export default class Edit extends KubeCommand<typeof Edit> {
  static override summary = 'Edit a resource on the server';
  static override description = [
    'Edit a resource from the default editor.',
    '',
    " The edit command allows you to directly edit any API resource you can retrieve via the command-line tools. It will open the editor defined by your KUBE_EDITOR, or EDITOR environment variables, or fall back to 'vi'.",
    '',
    ' You can edit multiple objects, although changes are applied one at a time. The command accepts file names as well as command-line arguments, although the files you point to must be previously saved versions of resources.',
    '',
    ' The default format is YAML. To edit in JSON, specify "-o json".',
    '',
    ' In the event an error occurs while updating, a temporary file will be created on disk that contains your unapplied changes.',
  ].join('\n');
  static override strict = false;
  static override usage = 'edit (RESOURCE/NAME | -f FILENAME)';
  static override examples = [
    "# Edit the service named 'registry'\n<%= config.bin %> edit svc/registry",
    '# Use an alternative editor\nKUBE_EDITOR="nano" <%= config.bin %> edit svc/registry',
    "# Edit the job 'myjob' in JSON using the v1 API format\n<%= config.bin %> edit job.v1.batch/myjob -o json",
  ];
  static override flags = {
    filename: filenameFlag('Filename, directory, or URL to files to use to edit the resource'),
    recursive: recursiveFlag,
    output: Flags.string({ char: 'o', description: 'Output format. One of: (json, yaml).' }),
  };

  async run(): Promise<void> {
    const f = this.flags;
    const format = f.output ?? 'yaml';
    if (format !== 'yaml' && format !== 'json') throw new Error(`invalid output format ${format}, only yaml|json supported`);
    if (this.argList.length === 0 && (f.filename ?? []).length === 0) throw new Error(NO_RESOURCES);
    const io = { out: (t: string) => this.out(t), err: (t: string) => this.err(t) };
    await this.withCluster(async (conn) => {
      const found = await findTargets(conn.client, conn.registry, {
        args: this.argList, filenames: f.filename, recursive: f.recursive,
        namespace: this.namespace(), enforceNamespace: this.namespaceExplicit(), bin: this.config.bin,
      });
      if (found.errors.length > 0) {
        this.err(renderErrors(found.errors));
        throw new ReportedError(1);
      }
      try {
        await runEditSession({
          client: conn.client,
          registry: conn.registry,
          targets: found.targets,
          format,
          namespace: this.namespace(),
          bin: this.config.bin,
          io,
          launch: (path) => launchEditor(path),
          printEdited: (obj, t) => `${resourceName(obj, t.kind)} edited\n`,
        });
      } catch (err) {
        if (!(err instanceof EditCancelled)) throw err;
        if (err.message) this.err(`error: ${err.message}`);
        throw new ReportedError(1);
      }
    });
  }
}
