import { Flags } from '@oclif/core';
import { KubeCommand } from '../cli/base-command.js';
import { PlainError, ReportedError, renderError } from '../cli/errors.js';
import { allNamespacesFlag, filenameFlag, recursiveFlag, selectorFlag } from '../cli/flags.js';
import { fileSelection } from '../cli/file-selection.js';
import { describeObject } from '../cli/printers/describe-object.js';
import { checkNamedSelection, fetchSelection, parseResourceArgs, selectorParam } from '../cli/resource-args.js';
import { isStatusError } from '../api/errors.js';
import type { KubeObject } from '../api/types.js';
import { resourceOf } from '../api/kind.js';

export default class Describe extends KubeCommand<typeof Describe> {
  static override summary = 'Show details of a specific resource or group of resources';

  static override description = `Prints a detailed description of the selected resources, with related information such as their events and the objects they control. Select one object by name, every object of a type, the objects whose names start with a prefix, or the objects matching a label selector.

  $ pocketkube describe TYPE NAME_PREFIX

first looks for an object named exactly NAME_PREFIX; when there is none, it describes every object of TYPE whose name starts with NAME_PREFIX.

Use "pocketkube api-resources" for a complete list of supported resources.`;

  static override usage = 'describe (TYPE[.VERSION][.GROUP] [NAME_PREFIX | -l label] | TYPE[.VERSION][.GROUP]/NAME) [flags]';

  static override examples = [
    '# Describe a node\n<%= config.bin %> describe nodes worker-1',
    '# Describe a pod\n<%= config.bin %> describe pods/nginx',
    '# Describe a pod identified by type and name in "pod.json"\n<%= config.bin %> describe -f pod.json',
    '# Describe all pods\n<%= config.bin %> describe pods',
    '# Describe pods by label name=myLabel\n<%= config.bin %> describe pods -l name=myLabel',
    "# Describe all pods whose names start with 'frontend' (a Deployment's pods carry its name as prefix)\n<%= config.bin %> describe pods frontend",
  ];

  static override strict = false;

  static override flags = {
    'all-namespaces': allNamespacesFlag,
    selector: selectorFlag,
    filename: filenameFlag('Filename, directory, or URL to files containing the resource to describe'),
    'show-events': Flags.boolean({ description: 'If true, display events related to the described object.', default: true, allowNo: true }),
    recursive: recursiveFlag,
  };

  async run(): Promise<void> {
    const bin = this.config.bin;
    const args = this.argList;
    const files = this.flags.filename ?? [];
    if (args.length === 0 && files.length === 0) {
      throw new PlainError(`Error: You must specify the type of resource to describe. Use "${bin} api-resources" for a complete list of supported resources.`);
    }
    const labelSelector = selectorParam(this.flags.selector);
    const allNamespaces = this.flags['all-namespaces'];
    const showEvents = this.flags['show-events'];

    const { texts, errors, separator } = await this.withCluster(async (conn) => {
      const namespace = this.namespace();
      const fromFiles = files.length > 0
        ? await fileSelection(files, { registry: conn.registry, recursive: this.flags.recursive, namespace, enforceNamespace: this.namespaceExplicit(), args })
        : undefined;
      const sel = fromFiles?.sel ?? parseResourceArgs(args, conn.registry, bin);
      checkNamedSelection(sel, { selector: !fromFiles && Boolean(labelSelector), allNamespaces });
      const now = conn.now();
      const fetched = await fetchSelection(conn.client, sel, { namespace, allNamespaces, labelSelector });
      const { groups } = fetched;
      const errors = [...(fromFiles?.errors ?? []), ...fetched.errors];

      // `describe TYPE NAME` with no object of that name: the objects whose names start with it.
      const notFound = errors.find((e) => isStatusError(e) && e.reason === 'NotFound');
      if (notFound && args.length === 2 && sel.named.length === 1) {
        const { kind, name: prefix } = sel.named[0];
        const list = await conn.client.list(resourceOf(kind), { namespace: kind.namespaced ? namespace : undefined });
        const matches = list.items.filter((o: KubeObject) => (o.metadata.name ?? '').startsWith(prefix));
        if (matches.length === 0) throw notFound;
        const texts: string[] = [];
        for (const obj of matches) texts.push((await describeObject(conn.client, kind, obj, now, { showEvents })) + '\n');
        return { texts, errors: [] as Error[], separator: '' };
      }

      const texts: string[] = [];
      for (const g of groups) {
        for (const obj of g.objects) texts.push(await describeObject(conn.client, g.kind, obj, now, { showEvents }));
      }
      if (texts.length === 0 && errors.length === 0) {
        this.err(allNamespaces ? 'No resources found' : `No resources found in ${namespace} namespace.`);
      }
      return { texts, errors, separator: '\n\n' };
    });

    this.out(texts.join(separator));
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) {
      for (const e of errors) this.err(renderError(e));
      throw new ReportedError(1);
    }
  }
}
