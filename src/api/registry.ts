import { type KindDef, apiVersionOf } from './kind.js';

/**
 * The registry of kinds: discovery (resource names, short names, categories) and the lookup of a
 * manifest's apiVersion/kind. The kinds register themselves in src/api/kinds/index.ts.
 */
export class Registry {
  private readonly byResource = new Map<string, KindDef>();
  private readonly byGvk = new Map<string, KindDef>();
  private readonly aliases = new Map<string, KindDef>();

  constructor(readonly kinds: KindDef[]) {
    for (const k of kinds) {
      this.byResource.set(k.plural, k);
      this.byGvk.set(`${apiVersionOf(k)}/${k.kind}`, k);
      const names = [k.plural, k.singular, k.kind.toLowerCase(), ...k.shortNames];
      for (const n of names) {
        if (!this.aliases.has(n)) this.aliases.set(n, k);
        this.aliases.set(`${n}.${k.group}`, k);
        this.aliases.set(`${n}.${k.version}.${k.group}`, k);
      }
    }
  }

  /** By plural resource name (what Client calls take). */
  byPlural(resource: string): KindDef | undefined {
    return this.byResource.get(resource);
  }

  /** As kubectl resolves a TYPE argument: plural, singular, short name, Kind (any case), `name.group`, `name.version.group`. */
  resolve(type: string): KindDef | undefined {
    const t = type.toLowerCase();
    return this.aliases.get(t) ?? this.aliases.get(t.replace(/\.$/, ''));
  }

  /** By a manifest's apiVersion and kind (exact, as the API server does). */
  forManifest(apiVersion: string, kind: string): KindDef | undefined {
    return this.byGvk.get(`${apiVersion}/${kind}`);
  }

  /** Kinds in a category (`all`), in registration order. */
  category(name: string): KindDef[] {
    return this.kinds.filter((k) => k.categories.includes(name));
  }
}
