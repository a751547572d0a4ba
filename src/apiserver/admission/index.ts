import type { AdmissionPlugin } from '../context.js';
import { defaultStorageClass } from './default-storage-class.js';
import { generateNamePlugin } from './generate-name.js';
import { namespaceLifecycle } from './namespace-lifecycle.js';
import { serviceClusterIP } from './service-cluster-ip.js';
import { serviceNodePort } from './service-node-port.js';
import { storageObjectInUseProtection } from './storage-object-in-use-protection.js';

/** The admission chain, in the order the API server runs it. */
export const admissionPlugins: AdmissionPlugin[] = [
  namespaceLifecycle,
  generateNamePlugin,
  serviceClusterIP,
  serviceNodePort,
  defaultStorageClass,
  storageObjectInUseProtection,
];
