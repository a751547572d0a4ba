import type { Command } from '@oclif/core';
import type { Client } from '../../api/client.js';
import type { Registry } from '../../api/registry.js';
import type { CompletionCommand, CompletionWorld } from './candidates.js';

interface LoadedFlag {
  char?: string;
  hidden?: boolean;
  type: string;
}

/** The command tree as completion sees it, from oclif's loaded commands (base flags included). */
export function completionCommands(commands: Command.Loadable[]): CompletionCommand[] {
  return commands.map((c) => ({
    id: c.id,
    hidden: c.hidden,
    flags: Object.entries<LoadedFlag>({ ...(c.baseFlags ?? {}), ...(c.flags ?? {}) } as Record<string, LoadedFlag>)
      .filter(([, f]) => !f.hidden)
      .map(([name, f]) => ({ name, char: f.char, takesValue: f.type === 'option' })),
  }));
}

/** Every TYPE word the registry resolves. */
export function resourceTypeWords(registry: Registry): string[] {
  return registry.kinds.flatMap((k) => [k.plural, k.singular, ...k.shortNames]);
}

export interface WorldParts {
  commands: CompletionCommand[];
  registry: Registry;
  contexts: string[];
  defaultNamespace: string;
  /** A client of the current cluster, opened on first need (undefined when there is none). */
  client: () => Promise<Client | undefined>;
}

export function completionWorld(parts: WorldParts): CompletionWorld {
  return {
    commands: parts.commands,
    resourceTypes: resourceTypeWords(parts.registry),
    resolveType: (t) => parts.registry.resolve(t)?.plural,
    contexts: parts.contexts,
    defaultNamespace: parts.defaultNamespace,
    async objectNames(resource, namespace) {
      const kind = parts.registry.byPlural(resource);
      const client = await parts.client();
      if (!kind || !client) return [];
      const list = await client.list(resource, { namespace: kind.namespaced ? namespace : undefined });
      return list.items.map((o) => o.metadata.name ?? '').filter(Boolean);
    },
  };
}
