/**
 * kubectl describe's container sections (describeContainers) and the `Pod Template:` block
 * (DescribePodTemplate) that Deployments, ReplicaSets, StatefulSets, DaemonSets and Jobs print.
 */
import type { DescribeWriter } from '../describe-writer.js';
import type { KubeObject } from '../types.js';
import { printBool, rfc1123z, sortedKeys, writeAnnotations } from './meta-columns.js';
import { describeTolerations, describeVolumes } from './pod-volumes-describe.js';
import { envFieldValue, envResourceValue } from './pod-env-values.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

function portString(ports: any[] | undefined, host: boolean): string {
  return (ports ?? []).map((p) => `${host ? (p.hostPort ?? 0) : p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
}

/** kubectl's DescribeProbe. */
export function probeText(p: any): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s ` +
    `#success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const g = p.httpGet;
    const port = g.port === undefined ? '' : String(g.port);
    const host = g.host ?? '';
    const hostPort = port ? `${host.includes(':') ? `[${host}]` : host}:${port}` : host;
    let path = g.path ?? '';
    if (path && !path.startsWith('/')) path = `/${path}`;
    return `http-get ${String(g.scheme ?? 'HTTP').toLowerCase()}://${hostPort}${path} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port ?? ''} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function writeState(w: DescribeWriter, title: string, state: any): void {
  if (state?.running) {
    w.write(2, `${title}:`, 'Running');
    w.write(3, 'Started:', rfc1123z(state.running.startedAt));
  } else if (state?.waiting) {
    w.write(2, `${title}:`, 'Waiting');
    if (state.waiting.reason) w.write(3, 'Reason:', state.waiting.reason);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(2, `${title}:`, 'Terminated');
    if (t.reason) w.write(3, 'Reason:', t.reason);
    if (t.message) w.write(3, 'Message:', t.message);
    w.write(3, 'Exit Code:', String(t.exitCode ?? 0));
    if (t.signal > 0) w.write(3, 'Signal:', String(t.signal));
    w.write(3, 'Started:', rfc1123z(t.startedAt));
    w.write(3, 'Finished:', rfc1123z(t.finishedAt));
  } else {
    w.write(2, `${title}:`, 'Waiting');
  }
}

export function writeResources(w: DescribeWriter, level: number, res: any): void {
  for (const [title, list] of [['Limits', res?.limits], ['Requests', res?.requests]] as const) {
    const keys = sortedKeys(list);
    if (keys.length === 0) continue;
    w.write(level, `${title}:`);
    for (const k of keys) w.write(level + 1, `${k}:`, String(list[k]));
  }
}

function writeEnv(w: DescribeWriter, c: any, pod: KubeObject | undefined): void {
  if (c.envFrom?.length) {
    w.write(2, 'Environment Variables from:');
    for (const e of c.envFrom) {
      const ref = e.configMapRef ?? e.secretRef ?? {};
      const from = e.configMapRef ? 'ConfigMap' : e.secretRef ? 'Secret' : '';
      const opt = `Optional: ${!!ref.optional}`;
      w.write(3, ref.name ?? '', e.prefix ? `${from} with prefix '${e.prefix}'` : from, opt);
    }
  }
  if (!c.env?.length) {
    w.write(2, 'Environment:', '<none>');
  } else {
    w.write(2, 'Environment:');
  }
  for (const e of c.env ?? []) {
    const from = e.valueFrom;
    if (!from) {
      String(e.value ?? '').split('\n').forEach((line, i) => w.write(3, i === 0 ? `${e.name}:` : '', line));
    } else if (from.fieldRef) {
      const value = pod ? envFieldValue(pod, from.fieldRef.fieldPath) : '';
      w.write(3, `${e.name}:`, `${value} (${from.fieldRef.apiVersion ?? ''}:${from.fieldRef.fieldPath})`);
    } else if (from.resourceFieldRef) {
      w.write(3, `${e.name}:`, `${envResourceValue(c, from.resourceFieldRef)} (${from.resourceFieldRef.resource})`);
    } else if (from.secretKeyRef) {
      const r = from.secretKeyRef;
      w.write(3, `${e.name}:`, `<set to the key '${r.key}' in secret '${r.name}'>`, `Optional: ${!!r.optional}`);
    } else if (from.configMapKeyRef) {
      const r = from.configMapKeyRef;
      w.write(3, `${e.name}:`, `<set to the key '${r.key}' of config map '${r.name}'>`, `Optional: ${!!r.optional}`);
    }
  }
}

function writeMounts(w: DescribeWriter, c: any): void {
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
  if (mounts.length === 0) w.write(2, 'Mounts:', '<none>');
  else w.write(2, 'Mounts:');
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw'];
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
    w.write(3, `${m.mountPath} from ${m.name} (${flags.join(',')})`);
  }
  if (c.volumeDevices?.length) {
    w.write(2, 'Devices:');
    for (const d of c.volumeDevices) w.write(3, `${d.devicePath} from ${d.name}`);
  }
}

/**
 * `Containers:` / `Init Containers:` with each container's details. `statuses` are the pod's
 * container statuses (none for a template); `indented` is the template layout (`  Containers:`).
 */
export function describeContainers(
  w: DescribeWriter, label: string, containers: any[] | undefined, statuses: any[] | undefined, pod: KubeObject | undefined, indented: boolean,
): void {
  const list = containers ?? [];
  w.write(0, `${indented ? '  ' : ''}${label}:${list.length === 0 ? ' <none>' : ''}`);
  const byName = new Map((statuses ?? []).map((s: any) => [s.name, s]));
  for (const c of list) {
    const st = byName.get(c.name);
    w.write(1, `${indented ? ' ' : ''}${c.name}:`);
    if (st) w.write(2, 'Container ID:', st.containerID ?? '');
    w.write(2, 'Image:', c.image ?? '');
    if (st) w.write(2, 'Image ID:', st.imageID ?? '');
    const ports = portString(c.ports, false);
    w.write(2, ports.includes(',') ? 'Ports:' : 'Port:', ports || '<none>');
    const hostPorts = portString(c.ports, true);
    w.write(2, hostPorts.includes(',') ? 'Host Ports:' : 'Host Port:', hostPorts || '<none>');
    if (c.command?.length) {
      w.write(2, 'Command:');
      for (const part of c.command) for (const line of String(part).split('\n')) w.write(3, line);
    }
    if (c.args?.length) {
      w.write(2, 'Args:');
      for (const part of c.args) for (const line of String(part).split('\n')) w.write(3, line);
    }
    if (st) {
      writeState(w, 'State', st.state);
      if (st.lastState?.terminated) writeState(w, 'Last State', st.lastState);
      w.write(2, 'Ready:', printBool(st.ready));
      w.write(2, 'Restart Count:', String(st.restartCount ?? 0));
    }
    writeResources(w, 2, c.resources);
    if (c.livenessProbe) w.write(2, 'Liveness:', probeText(c.livenessProbe));
    if (c.readinessProbe) w.write(2, 'Readiness:', probeText(c.readinessProbe));
    if (c.startupProbe) w.write(2, 'Startup:', probeText(c.startupProbe));
    writeEnv(w, c, pod);
    writeMounts(w, c);
  }
}

/** kubectl's DescribePodTemplate: the `Pod Template:` block of workload describers. */
export function describePodTemplate(w: DescribeWriter, template: any): void {
  w.write(0, 'Pod Template:');
  if (!template) {
    w.write(1, '<unset>');
    return;
  }
  const meta = template.metadata ?? {};
  const spec = template.spec ?? {};
  w.writeMap(1, 'Labels', meta.labels);
  if (Object.keys(meta.annotations ?? {}).length > 0) writeAnnotations(w, 1, 'Annotations', meta.annotations);
  if (spec.serviceAccountName) w.write(1, 'Service Account:', spec.serviceAccountName);
  if (spec.initContainers?.length) describeContainers(w, 'Init Containers', spec.initContainers, undefined, undefined, true);
  describeContainers(w, 'Containers', spec.containers, undefined, undefined, true);
  describeVolumes(w, spec.volumes, true);
  if (spec.priorityClassName) w.write(1, 'Priority Class Name:', spec.priorityClassName);
  w.writeMap(1, 'Node-Selectors', spec.nodeSelector);
  describeTolerations(w, 1, spec.tolerations);
}
