/**
 * The kubeconfig `serve --write-kubeconfig` writes: one cluster (the server's address), one user
 * (no credentials: serve has no authentication) and one context, named after the served cluster
 * and made current, as kind and k3s write theirs. Mode 0600, as kubeconfigs are kept.
 */
import { writeFileSync } from 'node:fs';
import { toYaml } from './printers/serialize.js';

export function kubeconfigFor(name: string, server: string): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name, cluster: { server } }],
    contexts: [{ name, context: { cluster: name, user: name } }],
    'current-context': name,
    preferences: {},
    users: [{ name, user: {} }],
  };
}

export function writeKubeconfig(path: string, name: string, server: string): void {
  writeFileSync(path, toYaml(kubeconfigFor(name, server)), { mode: 0o600 });
}
