import { Flags } from '@oclif/core';
import { KubeCommand } from '../cli/base-command.js';
import { PlainError, ReportedError, renderError } from '../cli/errors.js';
import { allNamespacesFlag, allowMissingTemplateKeysFlag, filenameFlag, recursiveFlag, selectorFlag, showManagedFieldsFlag, templateFlag } from '../cli/flags.js';
import { fileSelection } from '../cli/file-selection.js';
import { isObjectFormat, printObjects, printTableGroups } from '../cli/printers/index.js';
import { checkNamedSelection, fetchSelection, parseResourceArgs, selectorParam } from '../cli/resource-args.js';
import { getOutputFormat, noResourcesMessage, splitLabelColumns } from '../cli/printers/get-output.js';
import { printScriptFormat, scriptFormat } from '../cli/printers/script-output.js';
import { sortObjects } from '../cli/printers/sort-by.js';
import { runGetWatch } from '../cli/watch/get-watch-command.js';

export default class Get extends KubeCommand<typeof Get> {
  static override summary = 'Display one or many resources';

  static override description = `Prints a table of the most important fields of the named resources, or of every resource of the given types. Filter with a label selector (--selector) or a field selector (--field-selector). Namespaced types are read from the current namespace unless --namespace or --all-namespaces says otherwise.

TYPE is a resource name in any of its forms: plural (pods), singular (pod), short name (po), kind (Pod) or name.group (deployments.apps). Several types can be given separated by commas, or as TYPE/NAME pairs. 'all' stands for the common workload types.

Use "pocketkube api-resources" for a complete list of supported resources.`;

  static override usage = 'get [(-o|--output=)json|yaml|name|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]';

  static override examples = [
    '# List all pods in the current namespace\n<%= config.bin %> get pods',
    '# List all pods with more columns (such as the node each one runs on)\n<%= config.bin %> get pods -o wide',
    '# List one deployment by name, as YAML\n<%= config.bin %> get deployment web -o yaml',
    '# List pods and services together\n<%= config.bin %> get pods,services',
    '# List objects by TYPE/NAME\n<%= config.bin %> get deploy/web svc/web pod/web-5d4f9c7b8-x2x7k',
    '# List the pods labelled app=web in every namespace, with their labels\n<%= config.bin %> get pods -A -l app=web --show-labels',
    '# List the common workload types of a namespace\n<%= config.bin %> get all -n shop',
    '# List the objects a manifest names, as they are in the cluster\n<%= config.bin %> get -f app.yaml',
  ];

  static override strict = false;

  static override flags = {
    output: Flags.string({
      char: 'o',
      description: 'Output format. One of: (json, yaml, name, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide). See custom columns [https://kubernetes.io/docs/reference/kubectl/#custom-columns] and jsonpath template [https://kubernetes.io/docs/reference/kubectl/jsonpath/].',
    }),
    'sort-by': Flags.string({
      description: "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string.",
    }),
    'allow-missing-template-keys': allowMissingTemplateKeysFlag,
    template: templateFlag,
    'all-namespaces': allNamespacesFlag,
    selector: selectorFlag,
    filename: filenameFlag('Filename, directory, or URL to files identifying the resource to get from a server.'),
    recursive: recursiveFlag,
    'field-selector': Flags.string({
      description: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
    }),
    'show-labels': Flags.boolean({ description: 'When printing, show all labels as the last column (default hide labels column)', default: false }),
    'label-columns': Flags.string({
      char: 'L',
      multiple: true,
      description: 'Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2...',
    }),
    'no-headers': Flags.boolean({ description: "When using the default or custom-column output format, don't print headers (default print headers).", default: false }),
    'show-managed-fields': showManagedFieldsFlag,
    'show-kind': Flags.boolean({ description: 'If present, list the resource type for the requested object(s).', default: false }),
    'ignore-not-found': Flags.boolean({ description: 'If the requested object does not exist the command will return exit code 0.', default: false }),
    watch: Flags.boolean({ char: 'w', description: 'After listing/getting the requested object, watch for changes.', default: false }),
    'watch-only': Flags.boolean({ description: 'Watch for changes to the requested object(s), without listing/getting first.', default: false }),
    'request-timeout': Flags.string({ description: 'The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don\'t timeout requests.', default: '0' }),
  };

  async run(): Promise<void> {
    const bin = this.config.bin;
    const flags = this.flags;
    const files = flags.filename ?? [];
    if (this.argList.length === 0 && files.length === 0) {
      this.err(`You must specify the type of resource to get. Use "${bin} api-resources" for a complete list of supported resources.\n`);
      throw new PlainError(`error: Required resource not specified.\nSee '${bin} get -h' for help and examples`);
    }
    const script = scriptFormat(flags.output, {
      allowMissingTemplateKeys: flags['allow-missing-template-keys'],
      template: flags.template,
      noHeaders: flags['no-headers'],
      customColumns: true,
    });
    const format = script ? undefined : getOutputFormat(flags.output);
    const sortBy = flags['sort-by'];
    const labelSelector = selectorParam(flags.selector);
    const fieldSelector = selectorParam(flags['field-selector']);
    const allNamespaces = flags['all-namespaces'];
    if ((flags.watch || flags['watch-only']) && files.length > 0) throw new Error('--watch of the objects of -f files is not supported; name them as TYPE/NAME');
    if (flags.watch || flags['watch-only']) {
      const table = { noHeaders: flags['no-headers'], withNamespace: allNamespaces, withKind: flags['show-kind'], showLabels: flags['show-labels'], labelColumns: splitLabelColumns(flags['label-columns']) };
      const request = { args: this.argList, bin, namespace: this.namespace(), allNamespaces, labelSelector, fieldSelector, format: script ?? format, watchOnly: flags['watch-only'], requestTimeout: flags['request-timeout'], table, write: (t: string) => this.out(t) };
      await this.withCluster((conn) => runGetWatch(conn, request));
      return;
    }

    const { text, errors, empty } = await this.withCluster(async (conn) => {
      const namespace = this.namespace();
      const fromFiles = files.length > 0
        ? await fileSelection(files, { registry: conn.registry, recursive: flags.recursive, namespace, enforceNamespace: this.namespaceExplicit(), args: this.argList })
        : undefined;
      const sel = fromFiles?.sel ?? parseResourceArgs(this.argList, conn.registry, bin);
      checkNamedSelection(sel, { selector: !fromFiles && Boolean(labelSelector || fieldSelector), allNamespaces });
      const fetched = await fetchSelection(conn.client, sel, {
        namespace,
        allNamespaces,
        labelSelector,
        fieldSelector,
        ignoreNotFound: flags['ignore-not-found'],
      });
      const { groups } = fetched;
      const errors = [...(fromFiles?.errors ?? []), ...fetched.errors];
      const objects = groups.flatMap((g) => g.objects);
      if (script || isObjectFormat(format)) {
        // A single named object that failed is only its error; otherwise print what was found.
        if (sel.singleItem && errors.length > 0) return { text: '', errors, empty: undefined };
        if (objects.length === 0 && flags['ignore-not-found']) return { text: '', errors, empty: undefined };
        const single = sel.singleItem && objects.length === 1;
        const found = sortBy && !single ? sortObjects(objects, sortBy) : objects;
        const text = script
          ? printScriptFormat(script, found, { single: sel.singleItem })
          : printObjects(found, format as 'yaml' | 'json' | 'name', { single: sel.singleItem, showManagedFields: flags['show-managed-fields'] });
        return { text, errors, empty: undefined };
      }
      const sortedGroups = sortBy ? groups.map((g) => ({ ...g, objects: sortObjects(g.objects, sortBy) })) : groups;
      const text = printTableGroups(sortedGroups, {
        wide: format === 'wide',
        noHeaders: flags['no-headers'],
        withNamespace: allNamespaces,
        withKind: flags['show-kind'],
        showLabels: flags['show-labels'],
        labelColumns: splitLabelColumns(flags['label-columns']),
        now: conn.now(),
        colour: this.useColour(),
      });
      const kinds = [...sel.types, ...sel.named.map((n) => n.kind)];
      const nothing = text === '' && !flags['ignore-not-found'] && errors.length === 0;
      return { text, errors, empty: nothing ? noResourcesMessage(kinds, allNamespaces, namespace) : undefined };
    });

    this.out(text);
    if (empty) this.err(empty);
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) {
      for (const e of errors) this.err(renderError(e));
      throw new ReportedError(1);
    }
  }
}
