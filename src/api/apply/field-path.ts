/**
 * Path elements of server-side apply (structured-merge-diff's fieldpath package, simplified).
 *
 * A field is `f:<name>`; an item of an associative list is `k:<json of its key fields>`
 * (`k:{"name":"nginx"}`); a value of a set-typed list is `v:<json value>` (`v:"example.com/fin"`).
 */

export type PathElement =
  | { kind: 'field'; name: string }
  | { kind: 'key'; fields: Record<string, unknown> }
  | { kind: 'value'; value: unknown };

export type FieldPath = PathElement[];

export const field = (name: string): PathElement => ({ kind: 'field', name });
export const key = (fields: Record<string, unknown>): PathElement => ({ kind: 'key', fields });
export const value = (v: unknown): PathElement => ({ kind: 'value', value: v });

/** A path of plain field names: `fieldPath('spec', 'replicas')`. */
export function fieldPath(...names: string[]): FieldPath {
  return names.map(field);
}

/** Key fields sorted by name (as structured-merge-diff orders them). */
function sortedKeyEntries(fields: Record<string, unknown>): [string, unknown][] {
  return Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The FieldsV1 form of one element: `f:name`, `k:{"name":"nginx"}`, `v:"x"`. */
export function elementString(e: PathElement): string {
  switch (e.kind) {
    case 'field':
      return `f:${e.name}`;
    case 'key':
      return `k:${JSON.stringify(Object.fromEntries(sortedKeyEntries(e.fields)))}`;
    case 'value':
      return `v:${JSON.stringify(e.value)}`;
  }
}

/** Parses a FieldsV1 key (`f:…`, `k:…`, `v:…`); throws on anything else. */
export function parseElement(s: string): PathElement {
  const prefix = s.slice(0, 2);
  const rest = s.slice(2);
  if (prefix === 'f:') return field(rest);
  if (prefix === 'k:') {
    const fields = JSON.parse(rest) as unknown;
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) throw new Error(`invalid key element ${s}`);
    return key(fields as Record<string, unknown>);
  }
  if (prefix === 'v:') return value(JSON.parse(rest) as unknown);
  throw new Error(`invalid path element ${JSON.stringify(s)}`);
}

/** One element as Kubernetes prints it in a path: `.name`, `[name="nginx"]`, `[="x"]`. */
export function elementPrintString(e: PathElement): string {
  switch (e.kind) {
    case 'field':
      return `.${e.name}`;
    case 'key':
      return `[${sortedKeyEntries(e.fields)
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(',')}]`;
    case 'value':
      return `[=${JSON.stringify(e.value)}]`;
  }
}

/** A path as kube-apiserver prints it in conflict messages: `.spec.template.spec.containers[name="nginx"].image`. */
export function pathString(path: FieldPath): string {
  return path.map(elementPrintString).join('');
}

export function elementsEqual(a: PathElement, b: PathElement): boolean {
  return elementString(a) === elementString(b);
}
