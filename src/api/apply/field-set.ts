/**
 * A set of field paths (structured-merge-diff's fieldpath.Set), stored as a trie keyed by the
 * FieldsV1 form of each element. A node is a member of the set when it is a leaf of the FieldsV1
 * JSON (`{}`) or carries the `"."` marker; a node can be a member and have children at once
 * (items of associative lists, map-typed fields).
 */

import { listStrategy } from '../patch/merge-keys.js';
import { isMap } from '../patch/json-value.js';
import { type FieldPath, type PathElement, elementString, field, key, parseElement, value } from './field-path.js';

interface Node {
  member: boolean;
  children: Map<string, Node>;
}

const newNode = (): Node => ({ member: false, children: new Map() });

/** Go's encoding/json sorts map keys by byte order; for our ASCII keys that is code-unit order. */
const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function isEmptyNode(n: Node): boolean {
  return !n.member && n.children.size === 0;
}

function cloneNode(n: Node): Node {
  const out: Node = { member: n.member, children: new Map() };
  for (const [k, c] of n.children) out.children.set(k, cloneNode(c));
  return out;
}

function unionNodes(a: Node, b: Node): Node {
  const out = cloneNode(a);
  out.member = a.member || b.member;
  for (const [k, bc] of b.children) {
    const ac = out.children.get(k);
    out.children.set(k, ac ? unionNodes(ac, bc) : cloneNode(bc));
  }
  return out;
}

function differenceNodes(a: Node, b: Node | undefined): Node {
  if (!b) return cloneNode(a);
  const out: Node = { member: a.member && !b.member, children: new Map() };
  for (const [k, ac] of a.children) {
    const d = differenceNodes(ac, b.children.get(k));
    if (!isEmptyNode(d)) out.children.set(k, d);
  }
  return out;
}

function intersectionNodes(a: Node, b: Node): Node {
  const out: Node = { member: a.member && b.member, children: new Map() };
  for (const [k, ac] of a.children) {
    const bc = b.children.get(k);
    if (!bc) continue;
    const i = intersectionNodes(ac, bc);
    if (!isEmptyNode(i)) out.children.set(k, i);
  }
  return out;
}

export class FieldSet {
  private constructor(private readonly root: Node) {}

  static empty(): FieldSet {
    return new FieldSet(newNode());
  }

  /** A set holding the given member paths. */
  static of(...paths: FieldPath[]): FieldSet {
    const s = FieldSet.empty();
    for (const p of paths) s.insert(p);
    return s;
  }

  /** Parses FieldsV1 JSON (`{"f:spec":{"f:replicas":{}}}`). */
  static fromFieldsV1(json: unknown): FieldSet {
    const parse = (obj: unknown): Node => {
      const n = newNode();
      if (!isMap(obj)) return { member: true, children: n.children };
      const keys = Object.keys(obj);
      n.member = keys.length === 0 || keys.includes('.');
      for (const k of keys) {
        if (k === '.') continue;
        parseElement(k); // validates
        n.children.set(k, parse(obj[k]));
      }
      return n;
    };
    const root = parse(json);
    root.member = false; // the root itself is never a member
    return new FieldSet(root);
  }

  /** FieldsV1 JSON, keys in Go's order (`"."` first). */
  toFieldsV1(): Record<string, unknown> {
    const render = (n: Node, isRoot: boolean): Record<string, unknown> => {
      const out: Record<string, unknown> = {};
      if (n.member && n.children.size > 0 && !isRoot) out['.'] = {};
      for (const k of [...n.children.keys()].sort(byteOrder)) {
        const c = n.children.get(k)!;
        if (!isEmptyNode(c)) out[k] = render(c, false);
      }
      return out;
    };
    return render(this.root, true);
  }

  /** Adds `path` as a member (mutates; used while building). */
  insert(path: FieldPath): this {
    if (path.length === 0) return this;
    let n = this.root;
    for (const e of path) {
      const k = elementString(e);
      let c = n.children.get(k);
      if (!c) {
        c = newNode();
        n.children.set(k, c);
      }
      n = c;
    }
    n.member = true;
    return this;
  }

  union(o: FieldSet): FieldSet {
    return new FieldSet(unionNodes(this.root, o.root));
  }

  difference(o: FieldSet): FieldSet {
    return new FieldSet(differenceNodes(this.root, o.root));
  }

  intersection(o: FieldSet): FieldSet {
    return new FieldSet(intersectionNodes(this.root, o.root));
  }

  isEmpty(): boolean {
    const anyMember = (n: Node): boolean => n.member || [...n.children.values()].some(anyMember);
    return !anyMember(this.root);
  }

  /** Every member path, depth first in FieldsV1 order (a node before its children). */
  leaves(): FieldPath[] {
    const out: FieldPath[] = [];
    const walk = (n: Node, prefix: FieldPath): void => {
      if (n.member && prefix.length > 0) out.push(prefix);
      for (const k of [...n.children.keys()].sort(byteOrder)) walk(n.children.get(k)!, [...prefix, parseElement(k)]);
    };
    walk(this.root, []);
    return out;
  }

  has(path: FieldPath): boolean {
    let n: Node | undefined = this.root;
    for (const e of path) {
      n = n.children.get(elementString(e));
      if (!n) return false;
    }
    return path.length > 0 && n.member;
  }

  /** Whether some member lies at or below `path`. */
  hasPrefix(path: FieldPath): boolean {
    let n: Node | undefined = this.root;
    for (const e of path) {
      n = n.children.get(elementString(e));
      if (!n) return false;
    }
    return n.member || !FieldSet.emptyBelow(n);
  }

  private static emptyBelow(n: Node): boolean {
    return [...n.children.values()].every((c) => !c.member && FieldSet.emptyBelow(c));
  }

  /** The sub-trie under one element (for walkers such as removeFields). */
  child(e: PathElement | string): { member: boolean; set: FieldSet } | undefined {
    const c = this.root.children.get(typeof e === 'string' ? e : elementString(e));
    if (!c) return undefined;
    const sub: Node = { member: false, children: c.children };
    return { member: c.member, set: new FieldSet(sub) };
  }

  /** The FieldsV1 keys of the root's children. */
  childKeys(): string[] {
    return [...this.root.children.keys()].sort(byteOrder);
  }
}

/** Field names whose values are maps: Kubernetes marks them with "." and lists their entries. */
const MAP_FIELDS = new Set(['labels', 'annotations', 'nodeSelector', 'data', 'binaryData', 'stringData', 'limits', 'requests', 'matchLabels']);

const SKIPPED_METADATA = new Set(['name', 'namespace', 'managedFields', 'resourceVersion', 'uid', 'creationTimestamp', 'generation']);

function isMapField(schemaType: string | undefined, names: string[]): boolean {
  const last = names[names.length - 1];
  if (last !== undefined && MAP_FIELDS.has(last)) return true;
  return schemaType === 'V1Service' && names.length === 2 && names[0] === 'spec' && names[1] === 'selector';
}

/** The fields an applied configuration (or any object) sets. */
export function fieldSetOf(obj: unknown, schemaType: string | undefined): FieldSet {
  const set = FieldSet.empty();

  const walkValue = (v: unknown, path: FieldPath, names: string[]): void => {
    if (Array.isArray(v)) {
      walkList(v, path, names);
      return;
    }
    if (!isMap(v) || Object.keys(v).length === 0) {
      set.insert(path);
      return;
    }
    if (isMapField(schemaType, names)) set.insert(path);
    walkFields(v, path, names);
  };

  const walkFields = (m: Record<string, unknown>, path: FieldPath, names: string[]): void => {
    for (const [k, v] of Object.entries(m)) {
      if (v === undefined) continue;
      walkValue(v, [...path, field(k)], [...names, k]);
    }
  };

  const walkList = (list: unknown[], path: FieldPath, names: string[]): void => {
    const strategy = listStrategy(schemaType, names);
    if (strategy.strategy === 'merge' && strategy.mergeKey) {
      const mk = strategy.mergeKey;
      if (!list.every((item) => isMap(item) && item[mk] !== undefined)) {
        set.insert(path); // items without their key: treat the list as one value
        return;
      }
      for (const item of list as Record<string, unknown>[]) {
        const itemPath = [...path, key({ [mk]: item[mk] })];
        set.insert(itemPath);
        walkFields(item, itemPath, names);
      }
      return;
    }
    if (strategy.strategy === 'merge' && list.every((x) => !isMap(x) && !Array.isArray(x))) {
      if (list.length === 0) set.insert(path);
      for (const x of list) set.insert([...path, value(x)]);
      return;
    }
    set.insert(path);
  };

  if (!isMap(obj)) return set;
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined || k === 'apiVersion' || k === 'kind') continue;
    if (k === 'metadata' && isMap(v)) {
      const meta = Object.fromEntries(Object.entries(v).filter(([mk]) => !SKIPPED_METADATA.has(mk)));
      walkFields(meta, [field('metadata')], ['metadata']);
      continue;
    }
    walkValue(v, [field(k)], [k]);
  }
  return set;
}
