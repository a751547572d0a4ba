import type { KubeObject } from '../../api/types.js';
import { objectMeta, typed } from './meta.js';

/** `kubectl create namespace NAME`. */
export function generateNamespace(name: string): KubeObject {
  return typed('Namespace', 'v1', { metadata: objectMeta({ name }), spec: {}, status: {} });
}

/** `kubectl create serviceaccount NAME`. */
export function generateServiceAccount(name: string, namespace?: string): KubeObject {
  return typed('ServiceAccount', 'v1', { metadata: objectMeta({ name, namespace }) });
}
