/** get and list: key lookups and range scans over /registry/<resource>/<namespace>/, filtered by selectors. */
import type { ListOptions } from '../api/client.js';
import { StatusError, apiErrors } from '../api/errors.js';
import { type KindDef, apiVersionOf, resourceOf } from '../api/kind.js';
import { parseFieldSelector, unsupportedFieldLabelMessage } from '../api/field-selector.js';
import { parseSelector } from '../api/label-selector.js';
import type { KubeObject, ObjectList } from '../api/types.js';
import { registryPrefix } from '../store/store.js';
import type { ServerContext } from './context.js';
import { objectKey } from './resolve.js';
import { expired, withoutExpired } from './event-ttl.js';
import { readOnly } from './read-only.js';

export function getObject(ctx: ServerContext, kind: KindDef, namespace: string | undefined, name: string): KubeObject {
  return found(ctx, kind, namespace, name, (key) => ctx.store.get(key));
}

/** getObject's object without the copy: the stored one, read-only (Client.peek). */
export function peekObject(ctx: ServerContext, kind: KindDef, namespace: string | undefined, name: string): KubeObject {
  return readOnly(found(ctx, kind, namespace, name, (key) => ctx.store.peek(key) as KubeObject | undefined));
}

/** The object read at its key, unless it is missing or expired (404). */
function found(ctx: ServerContext, kind: KindDef, namespace: string | undefined, name: string, read: (key: string) => KubeObject | undefined): KubeObject {
  const key = objectKey(kind, namespace, name);
  const obj = read(key);
  if (!obj || expired(ctx, key, obj)) throw apiErrors.notFound(kind.plural, kind.group, name);
  return obj;
}

/** Parse errors of selectors are the client's fault: 400 with the parser's words. */
function asBadRequest<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof StatusError) throw e;
    throw apiErrors.badRequest(e instanceof Error ? e.message : String(e));
  }
}

type FieldGetter = (obj: KubeObject, field: string) => string | undefined;

function fieldGetter(kind: KindDef, fields: string[]): FieldGetter {
  const extra = kind.fieldSelectors ?? {};
  for (const f of fields) {
    const known = f === 'metadata.name' || (kind.namespaced && f === 'metadata.namespace') || f in extra;
    if (known) continue;
    throw apiErrors.badRequest(unsupportedFieldLabelMessage(f, kind.fieldSelectors !== undefined));
  }
  return (obj, field) => {
    if (field === 'metadata.name') return obj.metadata.name ?? '';
    if (field === 'metadata.namespace') return obj.metadata.namespace ?? '';
    return extra[field]?.(obj) ?? '';
  };
}

export function listObjects(ctx: ServerContext, kind: KindDef, opts: ListOptions = {}): ObjectList {
  const labels = opts.labelSelector ? asBadRequest(() => parseSelector(opts.labelSelector!)) : undefined;
  const fields = opts.fieldSelector ? asBadRequest(() => parseFieldSelector(opts.fieldSelector!)) : undefined;
  const get = fields ? fieldGetter(kind, fields.fields()) : undefined;
  const prefix = kind.namespaced && opts.namespace ? registryPrefix(resourceOf(kind), opts.namespace) : registryPrefix(resourceOf(kind));
  let items = withoutExpired(ctx, prefix, ctx.store.range(prefix));
  if (labels && !labels.empty()) items = items.filter((o) => labels.matches(o.metadata.labels));
  if (fields && get) items = items.filter((o) => fields.matches((f) => get(o, f)));
  return {
    apiVersion: apiVersionOf(kind),
    kind: `${kind.kind}List`,
    metadata: { resourceVersion: String(ctx.store.revision()) },
    items,
  };
}
