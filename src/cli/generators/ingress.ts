/** `kubectl create ingress` (create_ingress.go): rules `host/path=svc:port[,tls[=secret]]`, a default backend, annotations. */
import type { KubeObject } from '../../api/types.js';
import { objectMeta, sortedMap, typed } from './meta.js';

/** The rule format kubectl validates against (Go's `\w` is ASCII letters, digits and `_`). */
const RULE = /^[\w*\-.]*\/[^,=\n]*=[\w-]+:[\w-]+(,tls=?[\w-]*)?$/;

export interface IngressInput {
  name: string;
  namespace?: string;
  className: string;
  rules: string[];
  defaultBackend: string;
  annotations: string[];
}

/** parseServiceBackendPort: a number when the text is an integer, else a port name. */
function backendPort(port: string): { name?: string; number?: number } {
  return /^-?[0-9]+$/.test(port) && Number.isSafeInteger(Number(port)) ? { number: Number(port) } : { name: port };
}

/** buildIngressBackendSvc: `svc:port`. */
function serviceBackend(text: string): Record<string, unknown> {
  const [name, port] = text.split(':') as [string, string];
  return { service: { name, port: backendPort(port) } };
}

/** buildHTTPIngressPath: `path=svc:port`; a trailing `*` makes it a Prefix path. */
function httpPath(pathSvc: string): Record<string, unknown> {
  const [p, svc] = pathSvc.split('=') as [string, string];
  let path = `/${p}`;
  let pathType = 'Exact';
  if (path.endsWith('*')) {
    pathType = 'Prefix';
    path = path.slice(0, -1);
  }
  return { path, pathType, backend: serviceBackend(svc) };
}

/** buildTLSRules: a host is listed once, with the first secret named for it; a secret gathers its hosts. */
function tlsRules(rules: string[]): Record<string, unknown>[] {
  const seen = new Set<string>();
  const out: { hosts?: string[]; secretName?: string }[] = [];
  for (const rule of rules) {
    const parts = rule.split(',');
    if (parts.length !== 2) continue;
    const host = rule.split('/')[0]!;
    const secret = parts[1]!.split('=')[1] ?? '';
    if (seen.has(host)) continue;
    const same = out.find((t) => (t.secretName ?? '') === secret);
    seen.add(host);
    if (same) {
      (same.hosts ??= []).push(host);
      continue;
    }
    const tls: { hosts?: string[]; secretName?: string } = {};
    if (host) tls.hosts = [host];
    if (secret) tls.secretName = secret;
    if (tls.hosts || tls.secretName) out.push(tls);
  }
  return out;
}

/** buildIngressRules: one rule per host, its paths in the order given. */
function ingressRules(rules: string[]): Record<string, unknown>[] {
  const out: { host?: string; http: { paths: Record<string, unknown>[] } }[] = [];
  for (const rule of rules) {
    const withoutTls = rule.split(',')[0]!;
    const slash = withoutTls.indexOf('/');
    const host = withoutTls.slice(0, slash);
    const path = httpPath(withoutTls.slice(slash + 1));
    const same = out.find((r) => (r.host ?? '') === host);
    if (same) same.http.paths.push(path);
    else out.push({ ...(host ? { host } : {}), http: { paths: [path] } });
  }
  return out;
}

/** Validate, then createIngress. */
export function generateIngress(p: IngressInput): KubeObject {
  if (!p.defaultBackend && p.rules.length === 0) {
    throw new Error('not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)');
  }
  for (const rule of p.rules) {
    if (!RULE.test(rule)) throw new Error(`rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
  }
  const annotations: [string, string][] = [];
  for (const a of p.annotations) {
    const eq = a.indexOf('=');
    if (eq < 0) throw new Error(`annotation ${a} is invalid and should be in format key=[value]`);
    annotations.push([a.slice(0, eq), a.slice(eq + 1)]);
  }
  if (p.defaultBackend && p.defaultBackend.split(':').length !== 2) throw new Error('default-backend should be in format servicename:serviceport');
  const tls = tlsRules(p.rules);
  const rules = ingressRules(p.rules);
  const spec = {
    ...(p.className ? { ingressClassName: p.className } : {}),
    ...(p.defaultBackend ? { defaultBackend: serviceBackend(p.defaultBackend) } : {}),
    ...(tls.length > 0 ? { tls } : {}),
    ...(rules.length > 0 ? { rules } : {}),
  };
  // a later annotation of the same key wins, as in the Go map
  const annotationMap = sortedMap(new Map(annotations));
  return typed('Ingress', 'networking.k8s.io/v1', {
    metadata: objectMeta({ name: p.name, namespace: p.namespace, annotations: annotationMap }),
    spec,
    status: { loadBalancer: {} },
  });
}
