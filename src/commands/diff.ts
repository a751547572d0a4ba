import { isStatusError } from '../api/errors.js';
import { convertTo, resourceOf } from '../api/kind.js';
import type { KubeObject } from '../api/types.js';
import { Flags } from '@oclif/core';
import { applyObject } from '../cli/apply/apply-object.js';
import { applyServerSide, checkServerSideFlags, CLIENT_SIDE_MANAGER } from '../cli/apply/server-side.js';
import { KubeCommand } from '../cli/base-command.js';
import { DiffDirs, diffFileName } from '../cli/diff/diff-files.js';
import { runDiff } from '../cli/diff/diff-program.js';
import { ReportedError, renderErrors } from '../cli/errors.js';
import { filenameFlag, recursiveFlag } from '../cli/flags.js';
import { loadManifests } from '../cli/manifests.js';
import { placeObjects } from '../cli/object-namespace.js';

export default class Diff extends KubeCommand<typeof Diff> {
  static override summary = 'Diff the live version against a would-be applied version';
  static override description =
    'Diff configurations specified by file name or stdin between the current online configuration, and the configuration as it would be if applied.\n\nThe output is always YAML.\n\nKUBECTL_EXTERNAL_DIFF environment variable can be used to select your own diff command. Users can use external commands with params too, example: KUBECTL_EXTERNAL_DIFF="colordiff -N -u"\n\nBy default, the "diff" command available in your path will be run with the "-u" (unified diff) and "-N" (treat absent files as empty) options.\n\nExit status:\n 0 No differences were found.\n 1 Differences were found.\n >1 Kubectl or diff failed with an error.\n\nNote: KUBECTL_EXTERNAL_DIFF, if used, is expected to follow that convention.';
  static override examples = [
    '# Diff resources included in pod.json\n<%= config.bin %> diff -f pod.json',
    '# Diff file read from stdin\ncat service.yaml | <%= config.bin %> diff -f -',
    '# Diff what a server-side apply would change\n<%= config.bin %> diff --server-side -f deploy.yaml',
  ];
  static override flags = {
    filename: filenameFlag('Filename, directory, or URL to files contains the configuration to diff'),
    recursive: recursiveFlag,
    'server-side': Flags.boolean({ description: 'If true, apply runs in the server instead of the client.', default: false }),
    'force-conflicts': Flags.boolean({ description: 'If true, server-side apply will force the changes against conflicts.', default: false }),
    'field-manager': Flags.string({ description: 'Name of the manager used to track field ownership.', default: CLIENT_SIDE_MANAGER }),
  };

  async run(): Promise<void> {
    try {
      await this.diff();
    } catch (err) {
      if (err instanceof ReportedError) throw err;
      // kubectl's CheckDiffErr: an error (not a difference) exits with code 2.
      this.err(renderErrors([err]));
      throw new ReportedError(2);
    }
  }

  private async diff(): Promise<void> {
    const files = this.flags.filename ?? [];
    if (files.length === 0) throw new Error('must specify one of -f and -k');
    const serverSide = this.flags['server-side'];
    checkServerSideFlags(serverSide, this.flags['force-conflicts'], 'server');
    const manager = this.flags['field-manager'];
    const fieldManager = serverSide && manager === CLIENT_SIDE_MANAGER ? 'kubectl' : manager;
    const dirs = new DiffDirs();
    try {
      await this.withCluster(async (conn) => {
        // kinds are mapped with the cluster's registry (its CRDs serve custom resources)
        const set = await loadManifests(files, { recursive: this.flags.recursive, registry: conn.registry });
        const errors: unknown[] = [...set.errors];
        const targets = placeObjects(set.items, this.namespace(), this.namespaceExplicit(), errors);
        if (errors.length > 0) throw errors[0];
        for (const t of targets) {
          const name = t.obj.metadata?.name ?? '';
          let live: KubeObject | undefined;
          // read in the manifest's version (another served one: converted), as kubectl reads its endpoint
          const version = t.kind.alsoServed?.includes(t.obj.apiVersion) ? t.obj.apiVersion : undefined;
          try {
            live = await conn.client.get(resourceOf(t.kind), t.namespace, name);
            if (version) live = convertTo(t.kind, live, version);
          } catch (err) {
            if (!isStatusError(err) || err.reason !== 'NotFound') throw err;
          }
          // the object as the apply would leave it: the server's dry run of it
          const merged = serverSide
            ? (await applyServerSide(conn.client, t, { fieldManager, force: this.flags['force-conflicts'], dryRun: 'server', fieldValidation: 'Strict' })).object
            : (await applyObject(conn.client, t, 'server', 'Strict', fieldManager)).object;
          const shownKind = version ? { ...t.kind, version: version.slice(version.indexOf('/') + 1) } : t.kind;
          dirs.write(diffFileName(shownKind, t.namespace, name), live, merged);
        }
      });
      const code = await runDiff(dirs.live, dirs.merged);
      if (code !== 0) throw new ReportedError(code);
    } finally {
      dirs.remove();
    }
  }
}
