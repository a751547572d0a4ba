import type { Client, WriteOptions } from '../api/client.js';

/**
 * The client the in-process components (controllers, scheduler, kubelets) use. They send typed
 * objects they built themselves, so the unknown-field decode check — there to catch typos in user
 * input — has nothing to find or drop: like a typed Go client, they write as `typed` bodies, which
 * the server does not walk for unknown fields, unless they ask for a fieldValidation. (The walk was
 * 6% of a 30,000-pod scale-up: every pod and Event.) Defaulting, admission and validation run as
 * for any write.
 */
const TYPED: WriteOptions = Object.freeze({ typed: true });

export function internalClient(server: Client): Client {
  // options already typed (the kubelets' and the scheduler's constants) go as they are: a copy per write otherwise
  const opts = (o: WriteOptions | undefined): WriteOptions => (o === undefined ? TYPED : o.typed || o.fieldValidation ? o : { ...o, typed: true });
  return {
    get: (resource, namespace, name) => server.get(resource, namespace, name),
    peek: (resource, namespace, name) => (server.peek ? server.peek(resource, namespace, name) : server.get(resource, namespace, name)),
    list: (resource, o) => server.list(resource, o),
    create: (resource, obj, o) => server.create(resource, obj, opts(o)),
    update: (resource, obj, o) => server.update(resource, obj, opts(o)),
    updateStatus: (resource, obj, o) => server.updateStatus(resource, obj, opts(o)),
    patch: (resource, namespace, name, type, patch, o) => server.patch(resource, namespace, name, type, patch, opts(o)),
    bind: (namespace, name, nodeName, o) => server.bind(namespace, name, nodeName, o),
    delete: (resource, namespace, name, o) => server.delete(resource, namespace, name, o),
    evict: (namespace, name, o) => server.evict(namespace, name, o),
    review: (body, o) => server.review(body, o),
    immediate: server.immediate && {
      create: (resource, obj, o) => server.immediate!.create(resource, obj, opts(o)),
      updateStatus: (resource, obj, o) => server.immediate!.updateStatus(resource, obj, opts(o)),
      bind: (namespace, name, nodeName, o) => server.immediate!.bind(namespace, name, nodeName, o),
    },
  };
}
