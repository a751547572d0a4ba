/**
 * kubectl accepts its global flags anywhere (`pocketkube -n shop get pods`); oclif wants the
 * command words first. normaliseArgv moves the global flags found before the verb to after the
 * command (before a `--` if there is one), so oclif parses them as the base command's flags.
 */

/** Global flags that take a value as the next word (`-n shop`). */
/** (`--as`/`--as-group` only the commands that impersonate take: `auth can-i`, `auth whoami`.) */
const VALUED = new Set(['-n', '--namespace', '--context', '--state-dir', '--kubeconfig', '-v', '--v', '--as', '--as-group']);
/** Global boolean flags (`pocketkube --no-color get pods`). */
const BARE_GLOBALS = new Set(['--no-color']);
/** The same flags written with their value attached (`-n=shop`, `--namespace=shop`, `-nshop`, `-v6`). */
const ATTACHED = /^(?:--(?:namespace|context|state-dir|kubeconfig|v|as|as-group)=.*|-n.+|-v.+)$/;

export function normaliseArgv(input: string[]): string[] {
  const argv = normaliseFlagForms(input);
  const globals: string[] = [];
  let i = 0;
  while (i < argv.length) {
    const a = argv[i];
    if (VALUED.has(a)) {
      if (i + 1 >= argv.length) break;
      globals.push(a, argv[i + 1]);
      i += 2;
    } else if (ATTACHED.test(a) || BARE_GLOBALS.has(a)) {
      globals.push(a);
      i += 1;
    } else {
      break;
    }
  }
  if (globals.length === 0) return argv;
  const rest = argv.slice(i);
  if (rest.length === 0) return argv;
  // Completion words end with the word under the cursor: the globals go right after the verb.
  if (rest[0] === '__complete') return [rest[0], ...globals, ...rest.slice(1)];
  const dashdash = rest.indexOf('--');
  if (dashdash < 0) return [...rest, ...globals];
  return [...rest.slice(0, dashdash), ...globals, ...rest.slice(dashdash)];
}

export interface KnownCommands {
  commands: ReadonlySet<string>;
  topics: ReadonlySet<string>;
}

/**
 * kubectl's words for a command id oclif could not find (`create:foo`): extra words after a command
 * that runs by itself are cobra's unexpected arguments (`create foo`), an unknown word under a
 * command group is an unknown subcommand (`rollout foo`), anything else an unknown command.
 */
export function unknownCommandMessage(id: string, bin: string, known: KnownCommands = { commands: new Set(), topics: new Set() }): string {
  const parts = id.split(':');
  for (let n = parts.length - 1; n >= 1; n--) {
    const prefix = parts.slice(0, n).join(':');
    const see = `See '${[bin, ...parts.slice(0, n)].join(' ')} -h' for help and examples`;
    if (known.commands.has(prefix)) return `error: Unexpected args: [${parts.slice(n).join(' ')}]\n${see}\n`;
    if (known.topics.has(prefix)) return `error: unknown command "${parts[n]}"\n${see}\n`;
  }
  return `Error: unknown command "${parts[0]}" for "${bin}"\n`;
}

/** Flags whose bare form means a value (cobra's NoOptDefVal): `--dry-run` = client, `--cascade` = background. */
const BARE_DEFAULTS: Record<string, string> = { '--dry-run': '--dry-run=client', '--cascade': '--cascade=background' };

/** Boolean flags that are true by default: `--X=false` becomes oclif's `--no-X`. */
const DEFAULT_TRUE = new Set(['wait', 'allow-missing-template-keys', 'show-events']);

/** Boolean flags kubectl users write as `--X=true|false`. */
const BOOLEANS = new Set([
  'wait', 'force', 'now', 'all', 'all-namespaces', 'ignore-not-found', 'recursive', 'save-config', 'show-labels',
  'no-headers', 'watch', 'watch-only', 'overwrite', 'show-kind', 'local', 'server-side', 'force-conflicts',
  'show-managed-fields', 'quiet', 'previous', 'follow', 'timestamps', 'allow-missing-template-keys',
  'all-containers', 'all-pods', 'prefix', 'ignore-errors', 'expose', 'privileged', 'command', 'append-hash',
  'ignore-daemonsets', 'delete-emptydir-data', 'disable-eviction', 'show-events', 'global-default',
]);

/**
 * cobra forms oclif does not know, rewritten up to a `--`: bare `--dry-run`/`--cascade`, and
 * `--flag=true|false` for boolean flags (`--wait=false` → `--no-wait`, `--force=false` → dropped).
 */
export function normaliseFlagForms(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (BARE_DEFAULTS[a]) {
      out.push(BARE_DEFAULTS[a]);
      continue;
    }
    // the values Go's strconv.ParseBool takes
    const m = /^--([a-z-]+)=(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$/.exec(a);
    if (m && BOOLEANS.has(m[1])) {
      const on = /^(1|t|true)$/i.test(m[2]);
      if (on) out.push(`--${m[1]}`);
      else if (DEFAULT_TRUE.has(m[1])) out.push(`--no-${m[1]}`);
      continue;
    }
    out.push(a);
  }
  return out;
}
