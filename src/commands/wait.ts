import { Flags } from '@oclif/core';
import { KubeCommand } from '../cli/base-command.js';
import { ReportedError, renderErrors } from '../cli/errors.js';
import { allNamespacesFlag, filenameFlag, recursiveFlag, selectorFlag } from '../cli/flags.js';
import { durationFlag } from '../util/go-duration.js';
import { loadManifests } from '../cli/manifests.js';
import { isObjectFormat, resourceName, toJson, toYaml } from '../cli/printers/index.js';
import { selectorParam } from '../cli/resource-args.js';
import { parseWaitFor } from '../cli/wait/condition.js';
import { runWait } from '../cli/wait/run-wait.js';
import { type WaitSelection, checkWaitSelection } from '../cli/wait/targets.js';

export default class Wait extends KubeCommand<typeof Wait> {
  static override summary = 'Experimental: Wait for a specific condition on one or many resources';
  static override description = `Experimental: Wait for a specific condition on one or many resources.

The command takes multiple resources and waits until the specified condition is seen in the Status field of every given resource.

Alternatively, the command can wait for the given set of resources to be created or deleted by providing the "create" or "delete" keyword as the value to the --for flag.

A successful message will be printed to stdout indicating when the specified condition has been met. You can use -o option to change to output destination.

In pocketkube the cluster follows wall time: while waiting, the control loop keeps running as things fall due (start delays, probes, back-offs), and writes by other commands are seen as they are committed. Use "cluster advance" to make simulated time pass faster.`;
  static override usage = "wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]]";
  static override examples = [
    '# Wait for the pod "busybox1" to contain the status condition of type "Ready"\n<%= config.bin %> wait --for=condition=Ready pod/busybox1',
    '# The default value of status condition is true; you can wait for other targets after an equal delimiter\n<%= config.bin %> wait --for=condition=Ready=false pod/busybox1',
    "# Wait for the pod \"busybox1\" to contain the status phase to be \"Running\"\n<%= config.bin %> wait --for=jsonpath='{.status.phase}'=Running pod/busybox1",
    '# Wait for the secret "busybox1" to be created, with a timeout of 30s\n<%= config.bin %> wait --for=create secret/busybox1 --timeout=30s',
    '# Wait for the pod "busybox1" to be deleted, with a timeout of 60s, after having issued the "delete" command\n<%= config.bin %> delete pod/busybox1\n<%= config.bin %> wait --for=delete pod/busybox1 --timeout=60s',
  ];
  static override strict = false;
  static override flags = {
    for: Flags.string({
      description: "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true. Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity.",
      default: '',
    }),
    timeout: Flags.string({
      description: "The length of time to wait before giving up. Zero means check once and don't wait, negative means wait for a week.",
      default: '30s',
    }),
    all: Flags.boolean({ description: 'Select all resources in the namespace of the specified resource types', default: false }),
    'all-namespaces': allNamespacesFlag,
    selector: selectorFlag,
    'field-selector': Flags.string({
      description: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
    }),
    filename: filenameFlag('identifying the resource.'),
    recursive: recursiveFlag,
    output: Flags.string({ char: 'o', description: 'Output format. One of: (json, yaml, name).' }),
  };

  async run(): Promise<void> {
    const f = this.flags;
    const output = f.output || undefined;
    if (output !== undefined && !isObjectFormat(output)) {
      throw new Error(`unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,yaml`);
    }
    const waitFor = parseWaitFor(f.for);
    const timeoutMs = durationFlag('timeout', f.timeout);
    const interrupt = new AbortController();
    const onSigint = (): void => interrupt.abort();
    process.once('SIGINT', onSigint);
    let errors: Error[];
    let printed = 0;
    try {
      errors = await this.withCluster(async (conn) => {
        // types and kinds are resolved with the cluster's registry (its CRDs serve custom resources)
        const registry = conn.registry;
        const files = f.filename ?? [];
        const manifests = files.length > 0 ? await loadManifests(files, { recursive: f.recursive, registry }) : { items: [], errors: [] };
        if (manifests.errors.length > 0) throw manifests.errors[0];
        const selection: WaitSelection = {
          args: this.argList,
          files: manifests.items,
          namespace: this.namespace(),
          allNamespaces: f['all-namespaces'],
          labelSelector: selectorParam(f.selector),
          fieldSelector: selectorParam(f['field-selector']),
          all: f.all,
          bin: this.config.bin,
        };
        checkWaitSelection(selection, registry);
        return runWait(conn, {
          waitFor,
          selection,
          timeoutMs,
          loop: { signal: interrupt.signal },
          print: (obj, target) => {
            // kubectl's YAML printer separates the objects it prints with `---`
            if (output === 'yaml') this.out((printed++ > 0 ? '---\n' : '') + toYaml(obj));
            else if (output === 'json') this.out(toJson(obj));
            else this.outLine(`${resourceName(obj, target.kind)} condition met`);
          },
        });
      });
    } finally {
      process.removeListener('SIGINT', onSigint);
    }
    // kubectl's interrupt handler exits 1 on SIGINT
    if (interrupt.signal.aborted) throw new ReportedError(1);
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) {
      this.err(renderErrors(errors));
      throw new ReportedError(1);
    }
  }
}
