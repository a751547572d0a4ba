/** core/v1 Service. ClusterIP and NodePort allocation is an admission step of the API server, not here. */
import { DescribeWriter } from '../describe-writer.js';
import type { DescribeContext, KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { ageColumn, formatLabels, nameColumn, writeMetaHeader } from './meta-columns.js';
import { formatSliceEndpoints } from './endpoint-slice.js';
import { isHeadless, validateServiceSpec, validateServiceUpdate } from './service-validation.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

function defaultService(obj: KubeObject): void {
  const spec = (obj.spec ??= {});
  spec.sessionAffinity ||= 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  spec.type ||= 'ClusterIP';
  for (const p of spec.ports ?? []) {
    if (!p || typeof p !== 'object') continue;
    p.protocol ||= 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  const external = spec.type === 'LoadBalancer' || spec.type === 'NodePort' || (spec.type === 'ClusterIP' && spec.externalIPs?.length);
  if (external && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  if (!spec.internalTrafficPolicy && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type)) spec.internalTrafficPolicy = 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
  if (spec.type !== 'ExternalName') {
    if (spec.clusterIP && !spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP];
    if (!spec.clusterIP && spec.clusterIPs?.length) spec.clusterIP = spec.clusterIPs[0];
    if (!spec.ipFamilyPolicy) spec.ipFamilyPolicy = isHeadless(spec) && !spec.selector ? 'RequireDualStack' : 'SingleStack';
    if (!spec.ipFamilies?.length) spec.ipFamilies = ['IPv4'];
  }
}

/** Keeps what the server allocated when an update leaves it out (the REST layer's patchAllocatedValues). */
function keepAllocated(obj: KubeObject, old: KubeObject): void {
  const spec = obj.spec ?? {};
  const oldSpec = old.spec ?? {};
  if (spec.type === 'ExternalName' || oldSpec.type === 'ExternalName') return;
  if (!spec.clusterIP && oldSpec.clusterIP) spec.clusterIP = oldSpec.clusterIP;
  if (!spec.clusterIPs?.length && oldSpec.clusterIPs?.length) spec.clusterIPs = [...oldSpec.clusterIPs];
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
    for (const p of spec.ports ?? []) {
      if (p.nodePort) continue;
      const prev = (oldSpec.ports ?? []).find((o: any) => o.port === p.port && (o.protocol ?? 'TCP') === (p.protocol ?? 'TCP'));
      if (prev?.nodePort) p.nodePort = prev.nodePort;
    }
  }
  if (!spec.healthCheckNodePort && oldSpec.healthCheckNodePort) spec.healthCheckNodePort = oldSpec.healthCheckNodePort;
}

function portsText(ports: any[] | undefined): string {
  const s = (ports ?? []).map((p) => (p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(',');
  return s || '<none>';
}

/** EXTERNAL-IP cell (getServiceExternalIP); LoadBalancer addresses are cut to 16 characters unless wide. */
export function serviceExternalIP(svc: KubeObject, wide: boolean): string {
  const spec = svc.spec ?? {};
  const externalIPs: string[] = spec.externalIPs ?? [];
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const ingress: any[] = svc.status?.loadBalancer?.ingress ?? [];
      let lb = ingress.map((i) => i.ip || i.hostname).filter(Boolean).join(',');
      if (!wide && lb.length > 16) lb = `${lb.slice(0, 13)}...`;
      if (externalIPs.length) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

async function describeService(svc: KubeObject, ctx: DescribeContext): Promise<string> {
  let slices: KubeObject[] = [];
  try {
    const list = await ctx.client.list('endpointslices', {
      namespace: svc.metadata.namespace,
      labelSelector: `kubernetes.io/service-name=${svc.metadata.name}`,
    });
    slices = list.items;
  } catch {
    slices = [];
  }
  const spec = svc.spec ?? {};
  const w = new DescribeWriter();
  writeMetaHeader(w, svc);
  w.write(0, 'Selector:', formatLabels(spec.selector));
  w.write(0, 'Type:', spec.type ?? '');
  if (spec.ipFamilyPolicy) w.write(0, 'IP Family Policy:', spec.ipFamilyPolicy);
  w.write(0, 'IP Families:', spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>');
  w.write(0, 'IP:', spec.clusterIP ?? '');
  w.write(0, 'IPs:', spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>');
  if (spec.externalIPs?.length) w.write(0, 'External IPs:', spec.externalIPs.join(','));
  if (spec.loadBalancerIP) w.write(0, 'Desired LoadBalancer IP:', spec.loadBalancerIP);
  if (spec.externalName) w.write(0, 'External Name:', spec.externalName);
  const ingress: any[] = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length) {
    w.write(0, 'LoadBalancer Ingress:', ingress.map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ''}` : i.hostname)).join(', '));
  }
  for (const p of spec.ports ?? []) {
    const name = p.name || '<unset>';
    w.write(0, 'Port:', name, `${p.port}/${p.protocol}`);
    w.write(0, 'TargetPort:', `${p.targetPort}/${p.protocol}`);
    if (p.nodePort) w.write(0, 'NodePort:', name, `${p.nodePort}/${p.protocol}`);
    w.write(0, 'Endpoints:', formatSliceEndpoints(slices, p.name ?? ''));
  }
  w.write(0, 'Session Affinity:', spec.sessionAffinity ?? '');
  if (spec.externalTrafficPolicy) w.write(0, 'External Traffic Policy:', spec.externalTrafficPolicy);
  if (spec.internalTrafficPolicy) w.write(0, 'Internal Traffic Policy:', spec.internalTrafficPolicy);
  if (spec.healthCheckNodePort) w.write(0, 'HealthCheck NodePort:', String(spec.healthCheckNodePort));
  if (spec.loadBalancerSourceRanges?.length) w.write(0, 'LoadBalancer Source Ranges:', spec.loadBalancerSourceRanges.join(','));
  if (spec.trafficDistribution) w.write(0, 'Traffic Distribution:', spec.trafficDistribution);
  return w.toString();
}

export const serviceKind: KindDef = {
  group: '',
  version: 'v1',
  kind: 'Service',
  plural: 'services',
  singular: 'service',
  shortNames: ['svc'],
  categories: ['all'],
  namespaced: true,
  schemaType: 'V1Service',
  statusSubresource: true,
  bumpsGeneration: false,
  nameRule: 'label',

  defaults: defaultService,
  prepareForCreate(obj) {
    obj.status = { loadBalancer: {} };
  },
  prepareForUpdate: keepAllocated,
  validate: (obj) => validateServiceSpec(obj.spec),
  validateUpdate: (obj, old) => validateServiceUpdate(obj.spec, old.spec),

  columns: [
    nameColumn,
    { name: 'TYPE', cell: (o) => o.spec?.type ?? '' },
    { name: 'CLUSTER-IP', cell: (o) => o.spec?.clusterIPs?.[0] ?? '<none>' },
    { name: 'EXTERNAL-IP', cell: (o) => serviceExternalIP(o, false) },
    { name: 'PORT(S)', cell: (o) => portsText(o.spec?.ports) },
    ageColumn,
    { name: 'SELECTOR', priority: 1, cell: (o) => formatLabels(o.spec?.selector) },
  ],
  describe: describeService,
  describeEvents: true,
};
