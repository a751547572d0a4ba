import { Flags } from '@oclif/core';
import type { KubeObject } from '../api/types.js';
import { KubeCommand } from '../cli/base-command.js';
import { PlainError } from '../cli/errors.js';
import { matchesTypes, parseEventTypes, printEvents, sortEvents } from '../cli/events-table.js';
import { allNamespacesFlag } from '../cli/flags.js';
import { isObjectFormat, printObjects } from '../cli/printers/index.js';
import { unknownTypeError } from '../cli/resource-args.js';
import { waitFor } from '../cli/rollout/wait.js';

export default class Events extends KubeCommand<typeof Events> {
  static override summary = 'List events';

  static override description = `Display events.

Prints a table of the most important information about events. You can request events for a namespace, for all namespace, or filtered to only those pertaining to a specified resource.

With --watch, the cluster keeps running (in simulated time: when nothing is left to do now, the clock jumps to the next thing due) and new events are printed as they happen, until interrupted.`;

  static override usage = 'events [(-o|--output=)json|yaml|name] [--for TYPE/NAME] [--watch] [--types=Normal,Warning]';

  static override examples = [
    '# List recent events in the default namespace\n<%= config.bin %> events',
    '# List recent events in all namespaces\n<%= config.bin %> events --all-namespaces',
    '# List recent events for the specified pod, then wait for more events and list them as they arrive\n<%= config.bin %> events --for pod/web-pod-13je7 --watch',
    '# List recent events in YAML format\n<%= config.bin %> events -oyaml',
    "# List recent only events of type 'Warning' or 'Normal'\n<%= config.bin %> events --types=Warning,Normal",
  ];

  static override flags = {
    'all-namespaces': allNamespacesFlag,
    for: Flags.string({ description: 'Filter events to only those pertaining to the specified resource.' }),
    'no-headers': Flags.boolean({ description: "When using the default output format, don't print headers.", default: false }),
    output: Flags.string({ char: 'o', description: 'Output format. One of: (json, yaml, name).' }),
    types: Flags.string({ description: 'Output only events of given types.', multiple: true }),
    watch: Flags.boolean({ char: 'w', description: 'After listing the requested events, watch for more events.', default: false }),
  };

  async run(): Promise<void> {
    const flags = this.flags;
    const types = parseEventTypes(flags.types);
    const output = flags.output;
    if (output !== undefined && !isObjectFormat(output)) {
      throw new PlainError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,yaml`);
    }
    const allNamespaces = flags['all-namespaces'];
    const namespace = this.namespace();

    await this.withCluster(async (conn) => {
      let fieldSelector: string | undefined;
      if (flags.for) {
        const slash = flags.for.indexOf('/');
        if (slash <= 0 || slash === flags.for.length - 1) throw new PlainError('error: --for must be in resource/name form');
        const type = flags.for.slice(0, slash);
        const kind = conn.registry.resolve(type);
        if (!kind) throw unknownTypeError(type);
        fieldSelector = `involvedObject.kind=${kind.kind},involvedObject.name=${flags.for.slice(slash + 1)}`;
      }
      const fetch = async (): Promise<KubeObject[]> => {
        const list = await conn.client.list('events', { namespace: allNamespaces ? undefined : namespace, fieldSelector });
        return sortEvents(list.items.filter((e) => matchesTypes(e, types)));
      };
      const events = await fetch();
      const tableOpts = { allNamespaces, noHeaders: flags['no-headers'], colour: this.useColour() };
      if (output) this.out(printObjects(events, output));
      else if (events.length > 0) this.out(printEvents(events, { ...tableOpts, now: conn.now() }));
      else if (!flags.watch) this.err(allNamespaces ? 'No events found.' : `No events found in ${namespace} namespace.`);
      if (!flags.watch) return;

      // Watching: print every event that is new or changed since it was last printed.
      const seen = new Map(events.map((e) => [e.metadata.uid ?? '', e.metadata.resourceVersion ?? '']));
      let headerDue = !output && events.length === 0 && !flags['no-headers'];
      await waitFor(conn, async () => {
        const fresh = (await fetch()).filter((e) => seen.get(e.metadata.uid ?? '') !== e.metadata.resourceVersion);
        for (const e of fresh) seen.set(e.metadata.uid ?? '', e.metadata.resourceVersion ?? '');
        if (fresh.length === 0) return false;
        if (output) this.out(fresh.map((e) => printObjects([e], output, { single: true })).join(''));
        else {
          this.out(printEvents(fresh, { ...tableOpts, noHeaders: !headerDue, now: conn.now() }));
          headerDue = false;
        }
        return false;
      }, { timeoutMs: 0 });
    });
  }
}
