/** `kubectl describe pod` body (kubectl 1.32 describePod), without the Events section. */
import { DescribeWriter } from '../describe-writer.js';
import type { KubeObject } from '../types.js';
import { age } from '../../util/human-duration.js';
import { formatLabelSelector } from '../label-selector.js';
import { controllerOf, rfc1123z, writeAnnotations } from './meta-columns.js';
import { podQosClass } from './pod-qos.js';
import { describeContainers, writeResources } from './pod-template-describe.js';
import { describeTolerations, describeVolumes } from './pod-volumes-describe.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

function describeTopologySpread(w: DescribeWriter, tscs: any[] | undefined): void {
  const list = [...(tscs ?? [])].sort((a, b) => (a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0));
  list.forEach((t, i) => {
    let text = `${t.topologyKey}:${t.whenUnsatisfiable} when max skew ${t.maxSkew} is exceeded`;
    if (t.labelSelector) text += ` for selector ${formatLabelSelector(t.labelSelector)}`;
    w.write(0, i === 0 ? 'Topology Spread Constraints:' : '', text);
  });
}

export function describePod(pod: KubeObject, now: Date): string {
  const w = new DescribeWriter();
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  w.write(0, 'Name:', pod.metadata.name ?? '');
  w.write(0, 'Namespace:', pod.metadata.namespace ?? '');
  if (spec.priority !== undefined && spec.priority !== null) w.write(0, 'Priority:', String(spec.priority));
  if (spec.priorityClassName) w.write(0, 'Priority Class Name:', spec.priorityClassName);
  if (spec.runtimeClassName) w.write(0, 'Runtime Class Name:', spec.runtimeClassName);
  if (spec.serviceAccountName) w.write(0, 'Service Account:', spec.serviceAccountName);
  w.write(0, 'Node:', spec.nodeName ? `${spec.nodeName}/${status.hostIP ?? ''}` : '<none>');
  if (status.startTime) w.write(0, 'Start Time:', rfc1123z(status.startTime));
  w.writeMap(0, 'Labels', pod.metadata.labels);
  writeAnnotations(w, 0, 'Annotations', pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(0, 'Status:', `Terminating (lasts ${age(pod.metadata.deletionTimestamp, now)})`);
    w.write(0, 'Termination Grace Period:', `${pod.metadata.deletionGracePeriodSeconds ?? 0}s`);
  } else {
    w.write(0, 'Status:', status.phase ?? '');
  }
  if (status.reason) w.write(0, 'Reason:', status.reason);
  if (status.message) w.write(0, 'Message:', status.message);
  const seccomp = spec.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(0, 'SeccompProfile:', seccomp.type ?? '');
    if (seccomp.type === 'Localhost') w.write(0, 'LocalhostProfile:', seccomp.localhostProfile ?? '');
  }
  w.write(0, 'IP:', status.podIP ?? '');
  if (!status.podIPs?.length) w.write(0, 'IPs:', '<none>');
  else {
    w.write(0, 'IPs:');
    for (const ip of status.podIPs) w.write(1, 'IP:', ip.ip ?? '');
  }
  const controlledBy = controllerOf(pod);
  if (controlledBy) w.write(0, 'Controlled By:', controlledBy);
  if (status.nominatedNodeName) w.write(0, 'NominatedNodeName:', status.nominatedNodeName);
  if (spec.resources) {
    w.write(0, 'Resources:');
    writeResources(w, 1, spec.resources);
  }
  if (spec.initContainers?.length) describeContainers(w, 'Init Containers', spec.initContainers, status.initContainerStatuses, pod, false);
  describeContainers(w, 'Containers', spec.containers, status.containerStatuses, pod, false);
  if (spec.readinessGates?.length) {
    w.write(0, 'Readiness Gates:');
    w.write(1, 'Type', 'Status');
    for (const g of spec.readinessGates) {
      const c = (status.conditions ?? []).find((x: any) => x.type === g.conditionType);
      w.write(1, `${g.conditionType} `, `${c ? c.status : '<none>'} `);
    }
  }
  if (status.conditions?.length) {
    w.write(0, 'Conditions:');
    w.write(1, 'Type', 'Status');
    for (const c of status.conditions) w.write(1, `${c.type} `, `${c.status} `);
  }
  describeVolumes(w, spec.volumes, false);
  w.write(0, 'QoS Class:', podQosClass(spec));
  w.writeMap(0, 'Node-Selectors', spec.nodeSelector);
  describeTolerations(w, 0, spec.tolerations);
  describeTopologySpread(w, spec.topologySpreadConstraints);
  return w.toString();
}
