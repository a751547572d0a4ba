import type { AdmissionPlugin } from '../context.js';
import { defaultIngressClass } from './default-ingress-class.js';
import { defaultStorageClass } from './default-storage-class.js';
import { generateNamePlugin } from './generate-name.js';
import { limitRanger } from './limit-ranger.js';
import { namespaceLifecycle } from './namespace-lifecycle.js';
import { priorityAdmission } from './priority.js';
import { resourceQuotaAdmission } from './resource-quota.js';
import { runtimeClassAdmission } from './runtime-class.js';
import { serviceClusterIP } from './service-cluster-ip.js';
import { serviceNodePort } from './service-node-port.js';
import { storageObjectInUseProtection } from './storage-object-in-use-protection.js';

/**
 * The admission chain, in the order the API server runs it (kube-apiserver's default order): each
 * plugin's admit in this order before validation, then each one's validate after it.
 */
export const admissionPlugins: AdmissionPlugin[] = [
  namespaceLifecycle,
  limitRanger,
  // before names are generated: its errors name a pod by its generateName, as kube-apiserver's do
  priorityAdmission,
  // kube-apiserver runs it after Priority; here before names are generated, as Priority is
  runtimeClassAdmission,
  generateNamePlugin,
  serviceClusterIP,
  serviceNodePort,
  defaultStorageClass,
  defaultIngressClass,
  storageObjectInUseProtection,
  // last, as in kube-apiserver: it charges what every other plugin let through
  resourceQuotaAdmission,
];
