/**
 * What a Kubernetes REST path names, as kube-apiserver's request-info resolver reads it:
 * discovery (/api, /apis, /apis/GROUP, /api/v1, /apis/GROUP/VERSION), OpenAPI v3, /version, the
 * health checks, and resource paths:
 *
 *   /api/v1/RESOURCE[/NAME[/SUBRESOURCE]]                          (cluster scope, or every namespace)
 *   /api/v1/namespaces/NS/RESOURCE[/NAME[/SUBRESOURCE]]
 *   /apis/GROUP/VERSION/…                                           (the same under a group)
 *
 * `/api/v1/namespaces/NS` itself (and `/status`, `/finalize`) names the Namespace NS.
 */

export interface ResourcePath {
  type: 'resource';
  group: string;
  version: string;
  /** Set for the namespaced forms (`…/namespaces/NS/RESOURCE…`). */
  namespace?: string;
  resource: string;
  name?: string;
  subresource?: string;
}

export type ApiPath =
  | { type: 'version' }
  | { type: 'health' }
  | { type: 'core-versions' }
  | { type: 'group-list' }
  | { type: 'group'; group: string }
  | { type: 'resource-list'; group: string; version: string }
  | { type: 'openapi-v2' }
  | { type: 'openapi-index' }
  | { type: 'openapi'; gvPath: string }
  | ResourcePath
  | { type: 'unknown' };

const HEALTH = new Set(['/healthz', '/livez', '/readyz']);
/** `namespaces/NS/status` is the Namespace's own subresource, not a resource named `status` in NS. */
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

export function parseApiPath(pathname: string): ApiPath {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/version') return { type: 'version' };
  if (HEALTH.has(path)) return { type: 'health' };
  if (path === '/openapi/v2') return { type: 'openapi-v2' };
  if (path === '/openapi/v3') return { type: 'openapi-index' };
  if (path.startsWith('/openapi/v3/')) return { type: 'openapi', gvPath: path.slice('/openapi/v3/'.length) };
  let parts: string[];
  try {
    parts = path.split('/').slice(1).map(decodeURIComponent);
  } catch {
    return { type: 'unknown' }; // a malformed escape (`%zz`) names nothing
  }
  if (parts.some((p) => p === '')) return { type: 'unknown' };
  if (parts[0] === 'api') {
    if (parts.length === 1) return { type: 'core-versions' };
    if (parts[1] !== 'v1') return { type: 'unknown' };
    if (parts.length === 2) return { type: 'resource-list', group: '', version: 'v1' };
    return resourcePath('', 'v1', parts.slice(2));
  }
  if (parts[0] === 'apis') {
    if (parts.length === 1) return { type: 'group-list' };
    if (parts.length === 2) return { type: 'group', group: parts[1]! };
    if (parts.length === 3) return { type: 'resource-list', group: parts[1]!, version: parts[2]! };
    return resourcePath(parts[1]!, parts[2]!, parts.slice(3));
  }
  return { type: 'unknown' };
}

/** The part after the group version: RESOURCE…, or namespaces/NS/RESOURCE…. */
function resourcePath(group: string, version: string, rest: string[]): ApiPath {
  if (rest[0] === 'namespaces' && rest.length >= 3 && !NAMESPACE_SUBRESOURCES.has(rest[2]!)) {
    const [, namespace, resource, name, subresource, ...more] = rest;
    if (more.length > 0) return { type: 'unknown' };
    return { type: 'resource', group, version, namespace, resource: resource!, name, subresource };
  }
  const [resource, name, subresource, ...more] = rest;
  if (more.length > 0) return { type: 'unknown' };
  return { type: 'resource', group, version, resource: resource!, name, subresource };
}
