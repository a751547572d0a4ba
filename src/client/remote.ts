/**
 * The remote connection: the same Client over a Kubernetes API server's REST API (a real cluster,
 * or another machine's `pocketkube serve`), chosen with `--kubeconfig FILE [--context NAME]`.
 * Commands work as on the embedded cluster; those that wait poll the API (the cluster runs by
 * itself). The kinds are pocketkube's built-in ones plus the custom resources of the cluster's
 * established CRDs and, without a schema, whatever else its discovery lists.
 */
import type {
  BindOptions, Client, DeleteOptions, EvictOptions, ListOptions, PatchType, ReviewOptions, WriteOptions,
} from '../api/client.js';
import { customKindOf, isEstablished } from '../api/crd/custom-kind.js';
import { StatusError, type StatusReason } from '../api/errors.js';
import type { KindDef } from '../api/kind.js';
import { kindRegistry } from '../api/kinds/index.js';
import type { Registry } from '../api/registry.js';
import type { KubeObject, ObjectList } from '../api/types.js';
import type { Connection, PodLogQuery } from './embedded.js';
import { type HttpAnswer, type HttpRequest, send, stream, streamChunks } from './http-transport.js';
import { loadKubeconfig, type RemoteTarget } from './kubeconfig.js';
import { discoverGroups, kindsMissingFrom } from './discovered-kinds.js';

const PATCH_MEDIA: Record<PatchType, string> = {
  strategic: 'application/strategic-merge-patch+json',
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
  apply: 'application/apply-patch+yaml',
};

/** The Warning headers' texts (`299 - "text"`). */
function warnings(answer: HttpAnswer): string[] {
  const raw = answer.headers.warning;
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return list.map((w) => /^\d{3} \S+ "((?:[^"\\]|\\.)*)"/.exec(w)?.[1]?.replace(/\\(.)/g, '$1') ?? w);
}

/** A failed answer as the server's Status (or, from something that is no API server, its text). */
function failure(answer: HttpAnswer): StatusError {
  try {
    const s = JSON.parse(answer.text) as { kind?: string; reason?: StatusReason; message?: string; details?: { name?: string; group?: string; kind?: string } };
    if (s.kind === 'Status') return new StatusError(answer.status, s.reason ?? '', s.message ?? '', s.details ?? {});
  } catch {
    // not JSON
  }
  return new StatusError(answer.status, '', `the server responded with the status code ${answer.status} but did not return more information`);
}

export class RemoteClient implements Client {
  constructor(
    private readonly target: RemoteTarget,
    readonly registry: Registry,
  ) {}

  private kind(resource: string): KindDef {
    const kind = this.registry.byPlural(resource);
    if (!kind) throw new StatusError(404, 'NotFound', `the server doesn't have a resource type "${resource}"`);
    return kind;
  }

  /** The REST path of a kind's collection or object (in `apiVersion` when another served version is asked for). */
  private path(kind: KindDef, namespace: string | undefined, name?: string, sub?: string, apiVersion?: string): string {
    const gv = apiVersion ?? (kind.group ? `${kind.group}/${kind.version}` : kind.version);
    const base = gv.includes('/') ? `/apis/${gv}` : `/api/${gv}`;
    const ns = kind.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
    return `${base}${ns}/${kind.plural}${name === undefined ? '' : `/${encodeURIComponent(name)}`}${sub ? `/${sub}` : ''}`;
  }

  private async call<T>(req: HttpRequest, onWarning?: (w: string) => void): Promise<T> {
    const answer = await send(this.target, req);
    for (const w of warnings(answer)) onWarning?.(w);
    if (answer.status < 200 || answer.status > 299) throw failure(answer);
    return JSON.parse(answer.text) as T;
  }

  private writeQuery(opts: WriteOptions = {}): Record<string, string | undefined> {
    return { dryRun: opts.dryRun, fieldValidation: opts.fieldValidation, fieldManager: opts.fieldManager, force: opts.force ? 'true' : undefined };
  }

  get(resource: string, namespace: string | undefined, name: string): Promise<KubeObject> {
    return this.call({ method: 'GET', path: this.path(this.kind(resource), namespace, name) });
  }

  list(resource: string, opts: ListOptions = {}): Promise<ObjectList> {
    return this.call({ method: 'GET', path: this.path(this.kind(resource), opts.namespace), query: { labelSelector: opts.labelSelector, fieldSelector: opts.fieldSelector } });
  }

  create(resource: string, obj: KubeObject, opts?: WriteOptions): Promise<KubeObject> {
    return this.call({ method: 'POST', path: this.path(this.kind(resource), obj.metadata.namespace), query: this.writeQuery(opts), body: obj }, opts?.onWarning);
  }

  update(resource: string, obj: KubeObject, opts?: WriteOptions): Promise<KubeObject> {
    return this.call({ method: 'PUT', path: this.path(this.kind(resource), obj.metadata.namespace, obj.metadata.name), query: this.writeQuery(opts), body: obj }, opts?.onWarning);
  }

  updateStatus(resource: string, obj: KubeObject, opts?: WriteOptions): Promise<KubeObject> {
    return this.call({ method: 'PUT', path: this.path(this.kind(resource), obj.metadata.namespace, obj.metadata.name, 'status'), query: this.writeQuery(opts), body: obj }, opts?.onWarning);
  }

  patch(resource: string, namespace: string | undefined, name: string, type: PatchType, patch: unknown, opts?: WriteOptions): Promise<KubeObject> {
    return this.call({
      method: 'PATCH', path: this.path(this.kind(resource), namespace, name, undefined, opts?.apiVersion), query: this.writeQuery(opts), body: patch, contentType: PATCH_MEDIA[type],
    }, opts?.onWarning);
  }

  async bind(namespace: string | undefined, name: string, nodeName: string, opts: BindOptions = {}): Promise<KubeObject> {
    const pods = this.kind('pods');
    const body = { apiVersion: 'v1', kind: 'Binding', metadata: { name, uid: opts.uid, annotations: opts.annotations }, target: { kind: 'Node', name: nodeName } };
    await this.call({ method: 'POST', path: this.path(pods, namespace, name, 'binding'), query: { dryRun: opts.dryRun }, body });
    return this.get('pods', namespace, name);
  }

  async delete(resource: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): Promise<KubeObject> {
    const kind = this.kind(resource);
    const body = {
      kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: opts.propagationPolicy, gracePeriodSeconds: opts.gracePeriodSeconds,
      preconditions: opts.preconditions, dryRun: opts.dryRun ? [opts.dryRun] : undefined,
    };
    const answer = await this.call<KubeObject & { details?: { uid?: string } }>({ method: 'DELETE', path: this.path(kind, namespace, name), body });
    // some resources answer a Status instead of the object
    if (answer.kind !== 'Status') return answer;
    return { apiVersion: kind.group ? `${kind.group}/${kind.version}` : kind.version, kind: kind.kind, metadata: { name, namespace, uid: answer.details?.uid } };
  }

  async evict(namespace: string, name: string, opts: EvictOptions = {}): Promise<void> {
    const body = {
      apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace },
      deleteOptions: { gracePeriodSeconds: opts.gracePeriodSeconds, dryRun: opts.dryRun ? [opts.dryRun] : undefined },
    };
    await this.call({ method: 'POST', path: this.path(this.kind('pods'), namespace, name, 'eviction'), body });
  }

  /**
   * Watches a resource from a resourceVersion (`?watch=true`), calling onEvent per event, until the
   * server ends the stream, the deadline (timeoutSeconds) passes or the signal aborts.
   */
  async watch(
    resource: string, opts: ListOptions & { resourceVersion?: string; timeoutSeconds?: number },
    onEvent: (type: string, obj: KubeObject) => void, signal?: AbortSignal,
  ): Promise<void> {
    const query = {
      watch: 'true', resourceVersion: opts.resourceVersion, labelSelector: opts.labelSelector, fieldSelector: opts.fieldSelector,
      timeoutSeconds: opts.timeoutSeconds === undefined ? undefined : String(opts.timeoutSeconds),
    };
    let error: StatusError | undefined;
    const failed = await stream(this.target, { method: 'GET', path: this.path(this.kind(resource), opts.namespace), query }, (line) => {
      if (line.trim() === '' || error) return;
      const ev = JSON.parse(line) as { type: string; object: KubeObject };
      // the server's Status (410 Gone for a resourceVersion too old), after which it ends the stream
      if (ev.type === 'ERROR') error = failure({ status: Number((ev.object as { code?: number }).code ?? 500), headers: {}, text: JSON.stringify(ev.object) });
      else if (ev.type !== 'BOOKMARK') onEvent(ev.type, ev.object);
    }, signal);
    if (failed) throw failure(failed);
    if (error) throw error;
  }

  /**
   * GET pods/NAME/log: the kubelet's log of a container, handed to onText as it comes (with
   * follow, until the server ends the stream or the signal aborts).
   */
  async podLog(namespace: string, name: string, container: string, opts: PodLogQuery, onText: (text: string) => void, signal?: AbortSignal): Promise<void> {
    const query = {
      container,
      follow: opts.follow ? 'true' : undefined,
      previous: opts.previous ? 'true' : undefined,
      timestamps: opts.timestamps ? 'true' : undefined,
      tailLines: opts.tail !== undefined && opts.tail >= 0 ? String(opts.tail) : undefined,
      sinceTime: opts.sinceMs !== undefined ? new Date(opts.sinceMs).toISOString().replace(/\.\d{3}Z$/, 'Z') : undefined,
      limitBytes: opts.limitBytes ? String(opts.limitBytes) : undefined,
    };
    const failed = await streamChunks(this.target, { method: 'GET', path: this.path(this.kind('pods'), namespace, name, 'log'), query }, onText, signal);
    if (failed) throw failure(failed);
  }

  review(body: KubeObject, opts: ReviewOptions = {}): Promise<KubeObject> {
    const group = body.apiVersion.split('/')[0];
    const plural = `${body.kind.toLowerCase()}s`;
    const ns = body.kind === 'LocalSubjectAccessReview' ? `/namespaces/${encodeURIComponent(body.metadata.namespace ?? 'default')}` : '';
    const headers: Record<string, string | string[]> = {};
    if (opts.impersonate) {
      headers['Impersonate-User'] = opts.impersonate.user;
      if (opts.impersonate.groups?.length) headers['Impersonate-Group'] = opts.impersonate.groups;
    }
    return this.call({ method: 'POST', path: `/apis/${group}/v1${ns}/${plural}`, body, headers });
  }
}

/** The server's version.Info (`kubectl version`). */
export function remoteVersion(target: RemoteTarget): Promise<unknown> {
  return send(target, { method: 'GET', path: '/version' }).then((a) => {
    if (a.status !== 200) throw failure(a);
    return JSON.parse(a.text) as unknown;
  });
}

/**
 * Opens nothing: reads the kubeconfig, then the cluster's CRDs (one list) for its custom resources
 * and its aggregated discovery for the resources no kind here describes (discovered-kinds.ts).
 */
export async function openRemote(kubeconfig: string, context?: string): Promise<Connection & { target: RemoteTarget }> {
  const target = loadKubeconfig(kubeconfig, context);
  const registry = kindRegistry().copy();
  const client = new RemoteClient(target, registry);
  const [crds, groups] = await Promise.all([
    client.list('customresourcedefinitions').catch(() => ({ items: [] as KubeObject[] })),
    discoverGroups(target).catch(() => []),
  ]);
  const custom = crds.items.filter(isEstablished).map(customKindOf).filter((k): k is KindDef => k !== undefined);
  if (custom.length > 0) registry.add(custom);
  // what else the server serves (types pocketkube does not model, aggregated APIs), schemaless
  const discovered = kindsMissingFrom(groups, registry);
  if (discovered.length > 0) registry.add(discovered);
  return {
    client, registry, now: () => new Date(), serverVersion: () => remoteVersion(target), close: async () => undefined, target,
    watch: (resource, opts, onEvent, signal) => client.watch(resource, opts, onEvent, signal),
    podLog: (namespace, name, container, opts, onText, signal) => client.podLog(namespace, name, container, opts, onText, signal),
  };
}
