import { type KindDef, apiVersionOf, resourceOf } from './kind.js';

/**
 * The registry of kinds: discovery (resource names, short names, categories) and the lookup of a
 * manifest's apiVersion/kind. The built-in kinds register themselves in src/api/kinds/index.ts; a
 * cluster's registry adds the custom resources its CustomResourceDefinitions serve (see
 * apiserver/custom-resources.ts), so each cluster has a copy of its own.
 */
export class Registry {
  private readonly byResource = new Map<string, KindDef>();
  private readonly byGvk = new Map<string, KindDef>();
  private readonly aliases = new Map<string, KindDef>();
  /** The apiVersion a `name.version.group` alias names. */
  private readonly aliasVersions = new Map<string, string>();
  private all: KindDef[] = [];

  constructor(kinds: readonly KindDef[]) {
    this.all = [...kinds];
    this.index();
  }

  /** Every kind served, built-in ones first, then custom resources in the order they were added. */
  get kinds(): readonly KindDef[] {
    return this.all;
  }

  /** A registry with the same kinds, which the copy's add() and remove() leave this one without. */
  copy(): Registry {
    return new Registry(this.all);
  }

  /** Serves more kinds (a CRD's versions), replacing those with the same resource. */
  add(kinds: readonly KindDef[]): void {
    const resources = new Set(kinds.map(resourceOf));
    this.all = [...this.all.filter((k) => !resources.has(resourceOf(k))), ...kinds];
    this.index();
  }

  /** Stops serving the kinds of a resource (`plural.group` of a custom resource). */
  remove(resource: string): void {
    if (!this.byResource.has(resource)) return;
    this.all = this.all.filter((k) => resourceOf(k) !== resource);
    this.index();
  }

  /**
   * By resource, as Client calls name it: the plural of a built-in kind, `plural.group` of a
   * custom one, which its bare plural also names unless another kind has that plural.
   */
  byPlural(resource: string): KindDef | undefined {
    return this.byResource.get(resource);
  }

  /** As kubectl resolves a TYPE argument: plural, singular, short name, Kind (any case), `name.group`, `name.version.group`. */
  resolve(type: string): KindDef | undefined {
    const t = type.toLowerCase();
    return this.aliases.get(t) ?? this.aliases.get(t.replace(/\.$/, ''));
  }

  /** The apiVersion a TYPE argument names in the `name.version.group` form (undefined otherwise). */
  versionOf(type: string): string | undefined {
    const t = type.toLowerCase();
    return this.aliasVersions.get(t) ?? this.aliasVersions.get(t.replace(/\.$/, ''));
  }

  /** By a manifest's apiVersion and kind (exact, as the API server does). */
  forManifest(apiVersion: string, kind: string): KindDef | undefined {
    return this.byGvk.get(`${apiVersion}/${kind}`);
  }

  /** Kinds in a category (`all`), in registration order. */
  category(name: string): KindDef[] {
    return this.all.filter((k) => k.categories.includes(name));
  }

  /** Built-in kinds come first, so a short name or plural a CRD reuses still names the built-in one (as kubectl prefers core groups). */
  private index(): void {
    this.byResource.clear();
    this.byGvk.clear();
    this.aliases.clear();
    this.aliasVersions.clear();
    for (const k of this.all) {
      this.byResource.set(resourceOf(k), k);
      if (!this.byResource.has(k.plural)) this.byResource.set(k.plural, k);
      this.byGvk.set(`${apiVersionOf(k)}/${k.kind}`, k);
      for (const v of k.alsoServed ?? []) this.byGvk.set(`${v}/${k.kind}`, k);
      const names = [k.plural, k.singular, k.kind.toLowerCase(), ...k.shortNames];
      for (const n of names) {
        if (!this.aliases.has(n)) this.aliases.set(n, k);
        this.aliases.set(`${n}.${k.group}`, k);
        for (const v of [k.version, ...(k.alsoServed ?? []).map((av) => av.slice(av.indexOf('/') + 1))]) {
          this.aliases.set(`${n}.${v}.${k.group}`, k);
          this.aliasVersions.set(`${n}.${v}.${k.group}`, k.group ? `${k.group}/${v}` : v);
        }
      }
    }
  }
}
