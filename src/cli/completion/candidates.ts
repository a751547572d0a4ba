/**
 * Dynamic shell completion, after cobra's `__complete` protocol: given the words typed after the
 * program name (the last one being the word under the cursor, possibly empty), the candidates
 * and a directive telling the shell whether it may fall back to file names.
 */

/** cobra's ShellCompDirective values used here. */
export const DIRECTIVE_DEFAULT = 0;
export const DIRECTIVE_NO_FILE = 4;

export interface CompletionCommand {
  /** oclif id with `:` between words (`config:use-context`). */
  id: string;
  hidden?: boolean;
  flags: { name: string; char?: string; takesValue: boolean }[];
}

/** What completion may ask about: the command tree, the kinds, and the current cluster. */
export interface CompletionWorld {
  commands: CompletionCommand[];
  /** Every name a resource type is known by (plural, singular, short names). */
  resourceTypes: string[];
  /** The plural resource name of a TYPE word, if known. */
  resolveType(type: string): string | undefined;
  /** Names of the objects of a resource in a namespace (all namespaces when undefined). */
  objectNames(resource: string, namespace: string | undefined): Promise<string[]>;
  contexts: string[];
  /** The namespace a command would use without -n. */
  defaultNamespace: string;
}

export interface Completion {
  candidates: string[];
  directive: number;
}

const OUTPUT_FORMATS = ['json', 'yaml', 'name', 'wide', 'jsonpath=', 'custom-columns='];
const SHELLS = ['bash', 'zsh', 'fish', 'powershell'];
/** Commands whose first argument is a resource TYPE (then NAMEs, or TYPE/NAME pairs). */
const TYPED = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'explain', 'events', 'wait', 'scale', 'rollout:status', 'rollout:restart', 'rollout:history', 'rollout:undo', 'set:image', 'set:env', 'set:resources', 'expose', 'autoscale']);
/** Commands whose arguments are pod names. */
const POD_ARGS = new Set(['logs', 'exec', 'attach', 'port-forward']);
/** Commands whose arguments are node names. */
const NODE_ARGS = new Set(['cordon', 'uncordon', 'drain']);
const CONTEXT_ARGS = new Set(['config:use-context', 'config:delete-context', 'config:get-contexts', 'config:set-context', 'cluster:delete']);

const matching = (list: Iterable<string>, prefix: string) => [...new Set(list)].filter((c) => c.startsWith(prefix)).sort();

export async function complete(world: CompletionWorld, words: string[]): Promise<Completion> {
  const partial = words.length ? words[words.length - 1] : '';
  const typed = words.slice(0, -1);
  const visible = world.commands.filter((c) => !c.hidden);

  // The command: the longest run of leading positional words that names a command; topics
  // (`config`) count as command words too. Flags may come anywhere.
  const valued = valuedFlags(world.commands);
  const pos = positional(typed, valued);
  let cmd: CompletionCommand | undefined;
  let used = 0;
  let depth = 0;
  for (let n = 1; n <= pos.length; n++) {
    const id = pos.slice(0, n).join(':');
    const found = visible.find((c) => c.id === id);
    if (found) {
      cmd = found;
      used = n;
    }
    if (found || visible.some((c) => c.id.startsWith(id + ':'))) depth = n;
    else break;
  }
  const prefixWords = pos.slice(0, depth);

  // A flag's value.
  const prev = typed[typed.length - 1];
  if (prev?.startsWith('-') && !prev.includes('=')) {
    // Before the command is known, any command's flags (the global ones) may be meant.
    const flag = findFlag(cmd ?? { id: '', flags: world.commands.flatMap((c) => c.flags) }, prev);
    if (flag?.takesValue) return flagValue(world, flag.name, partial, typed);
  }
  if (partial.startsWith('-')) {
    const flags = cmd?.flags ?? [];
    const names = flags.flatMap((f) => [`--${f.name}`, ...(f.char && partial.length <= 2 ? [`-${f.char}`] : [])]);
    return { candidates: matching(names, partial), directive: DIRECTIVE_NO_FILE };
  }

  // Subcommands: the next word of every command id below what was typed.
  const args = pos.slice(used);
  if (!cmd || used < depth || args.length === 0) {
    const next = visible
      .map((c) => c.id.split(':'))
      .filter((parts) => parts.length > depth && parts.slice(0, depth).join(':') === prefixWords.join(':'))
      .map((parts) => parts[depth]);
    if (next.length > 0 || !cmd) return { candidates: matching(next, partial), directive: DIRECTIVE_NO_FILE };
  }
  return { candidates: await argumentCandidates(world, cmd!.id, args, partial, typed), directive: DIRECTIVE_NO_FILE };
}

function findFlag(cmd: CompletionCommand | undefined, word: string) {
  const flags = cmd?.flags ?? [];
  if (word.startsWith('--')) return flags.find((f) => f.name === word.slice(2));
  return flags.find((f) => f.char === word.slice(1));
}

/** `--name` and `-c` forms of every flag that takes a value, in any command. */
function valuedFlags(commands: CompletionCommand[]): Set<string> {
  const out = new Set<string>();
  for (const c of commands) {
    for (const f of c.flags) {
      if (!f.takesValue) continue;
      out.add(`--${f.name}`);
      if (f.char) out.add(`-${f.char}`);
    }
  }
  return out;
}

/** Positional words (flags and their values left out). */
function positional(words: string[], valued: Set<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.startsWith('-')) {
      if (valued.has(w)) i++;
      continue;
    }
    out.push(w);
  }
  return out;
}

/** The namespace the typed words ask for (`-n x`, `--namespace=x`), else the default; `-A` = all. */
function namespaceOf(world: CompletionWorld, typed: string[]): string | undefined {
  for (let i = 0; i < typed.length; i++) {
    const w = typed[i];
    if (w === '-A' || w === '--all-namespaces') return undefined;
    if ((w === '-n' || w === '--namespace') && typed[i + 1]) return typed[i + 1];
    const m = /^(?:--namespace=|-n=?)(.+)$/.exec(w);
    if (m) return m[1];
  }
  return world.defaultNamespace;
}

async function flagValue(world: CompletionWorld, flag: string, partial: string, typed: string[]): Promise<Completion> {
  switch (flag) {
    case 'namespace':
      return { candidates: matching(await world.objectNames('namespaces', undefined), partial), directive: DIRECTIVE_NO_FILE };
    case 'context':
      return { candidates: matching(world.contexts, partial), directive: DIRECTIVE_NO_FILE };
    case 'output':
      return { candidates: matching(OUTPUT_FORMATS, partial), directive: DIRECTIVE_NO_FILE };
    case 'filename':
    case 'state-dir':
      return { candidates: [], directive: DIRECTIVE_DEFAULT };
    case 'for': {
      const names = await typeSlashNames(world, partial, namespaceOf(world, typed));
      return { candidates: names, directive: DIRECTIVE_NO_FILE };
    }
    default:
      return { candidates: [], directive: DIRECTIVE_NO_FILE };
  }
}

async function argumentCandidates(world: CompletionWorld, id: string, args: string[], partial: string, typed: string[]): Promise<string[]> {
  const ns = namespaceOf(world, typed);
  if (id === 'completion') return args.length === 0 ? matching(SHELLS, partial) : [];
  if (CONTEXT_ARGS.has(id)) return args.length === 0 ? matching(world.contexts, partial) : [];
  if (POD_ARGS.has(id)) return args.length === 0 ? matching(await world.objectNames('pods', ns), partial) : [];
  if (NODE_ARGS.has(id)) return matching((await world.objectNames('nodes', undefined)).filter((n) => !args.includes(n)), partial);
  // taint: the type (only nodes have taints), then node names
  if (id === 'taint') return args.length === 0 ? matching(['node'], partial) : matching(await world.objectNames('nodes', undefined), partial);
  if (!TYPED.has(id)) return [];
  if (id === 'explain') return args.length === 0 ? matching(world.resourceTypes, partial) : [];
  if (partial.includes('/')) return typeSlashNames(world, partial, ns);
  const first = args[0];
  if (first === undefined) return matching(world.resourceTypes, partial);
  if (first.includes('/')) return typeSlashNames(world, partial, ns);
  const resource = first.includes(',') ? undefined : world.resolveType(first);
  if (!resource) return [];
  const names = await world.objectNames(resource, resource === 'namespaces' ? undefined : ns);
  return matching(names.filter((n) => !args.slice(1).includes(n)), partial);
}

/** `TYPE/NAME` candidates for a partial `TYPE/…`. */
async function typeSlashNames(world: CompletionWorld, partial: string, ns: string | undefined): Promise<string[]> {
  const slash = partial.indexOf('/');
  if (slash < 0) return matching(world.resourceTypes.map((t) => `${t}/`), partial);
  const type = partial.slice(0, slash);
  const resource = world.resolveType(type);
  if (!resource) return [];
  const names = await world.objectNames(resource, resource === 'namespaces' ? undefined : ns);
  return matching(names.map((n) => `${type}/${n}`), partial);
}
