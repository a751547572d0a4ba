/**
 * autoscaling/v2 HorizontalPodAutoscaler (also served as autoscaling/v1: hpa-v1-conversion.ts): defaults, validation (hpa-validation.ts), kubectl's
 * columns and describer. The controller is controllers/horizontal-pod-autoscaler.ts.
 */
import { DescribeWriter } from '../describe-writer.js';
import type { KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { convertHorizontalPodAutoscaler } from './hpa-v1-conversion.js';
import { validateHorizontalPodAutoscaler } from './hpa-validation.js';
import { ageColumn, nameColumn, rfc1123z, writeMetaHeader } from './meta-columns.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** autoscaling.DefaultCPUUtilization. */
export const DEFAULT_CPU_UTILIZATION = 80;

/** SetDefaults_HorizontalPodAutoscaler (and …Behavior: the rules of a behavior given, filled in). */
function defaults(hpa: KubeObject): void {
  const spec = (hpa.spec ??= {});
  spec.minReplicas ??= 1;
  if (!spec.metrics || spec.metrics.length === 0) {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } } }];
  }
  const b = spec.behavior;
  if (b == null) return;
  b.scaleUp = {
    stabilizationWindowSeconds: 0, selectPolicy: 'Max',
    ...b.scaleUp,
    policies: b.scaleUp?.policies ?? [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }],
  };
  b.scaleDown = {
    selectPolicy: 'Max',
    ...b.scaleDown,
    policies: b.scaleDown?.policies ?? [{ type: 'Percent', value: 100, periodSeconds: 15 }],
  };
}

const str = (q: unknown) => (q == null ? '<unknown>' : String(q));

/** printers.go formatHPAMetrics: the first two metrics as current/target, `+ N more...`. */
export function formatHPAMetrics(specs: any[], statuses: any[]): string {
  if (specs.length === 0) return '<none>';
  const list = specs.map((spec, i) => {
    const st = statuses[i];
    switch (spec.type) {
      case 'External': case 'Object': {
        const src = spec.type === 'External' ? spec.external : spec.object;
        const cur = st?.[spec.type === 'External' ? 'external' : 'object']?.current;
        if (src?.target?.averageValue != null) return `${cur?.averageValue != null ? str(cur.averageValue) : '<unknown>'}/${src.target.averageValue} (avg)`;
        return `${cur ? str(cur.value) : '<unknown>'}/${str(src?.target?.value)}`;
      }
      case 'Pods':
        return `${st?.pods ? str(st.pods.current?.averageValue) : '<unknown>'}/${str(spec.pods?.target?.averageValue)}`;
      case 'Resource': case 'ContainerResource': {
        const src = spec.type === 'Resource' ? spec.resource : spec.containerResource;
        const cur = st?.[spec.type === 'Resource' ? 'resource' : 'containerResource'];
        if (src?.target?.averageValue != null) return `${src.name}: ${cur ? str(cur.current?.averageValue) : '<unknown>'}/${src.target.averageValue}`;
        const current = cur?.current?.averageUtilization != null ? `${cur.current.averageUtilization}%` : '<unknown>';
        const target = src?.target?.averageUtilization != null ? `${src.target.averageUtilization}%` : '<auto>';
        return `${src?.name}: ${current}/${target}`;
      }
      default:
        return '<unknown type>';
    }
  });
  return list.length > 2 ? `${list.slice(0, 2).join(', ')} + ${list.length - 2} more...` : list.join(', ');
}

/** describe's Metrics lines of one resource metric (`resource cpu on pods  (as a percentage of request):`). */
function writeResourceMetric(w: DescribeWriter, src: any, cur: any, what: string): void {
  if (src?.target?.averageValue != null) {
    w.write(1, `${what}:`, `${cur ? str(cur.current?.averageValue) : '<unknown>'} / ${src.target.averageValue}`);
    return;
  }
  const current = cur?.current?.averageUtilization != null ? `${cur.current.averageUtilization}% (${str(cur.current.averageValue)})` : '<unknown>';
  const target = src?.target?.averageUtilization != null ? `${src.target.averageUtilization}%` : '<auto>';
  w.write(1, `${what}  (as a percentage of request):`, `${current} / ${target}`);
}

function writeMetric(w: DescribeWriter, m: any, st: any): void {
  switch (m.type) {
    case 'External': {
      const avg = m.external?.target?.averageValue;
      const cur = st?.external?.current;
      if (avg != null) w.write(1, `${JSON.stringify(m.external?.metric?.name ?? '')} (target average value):`, `${cur?.averageValue != null ? str(cur.averageValue) : '<unknown>'} / ${avg}`);
      else w.write(1, `${JSON.stringify(m.external?.metric?.name ?? '')} (target value):`, `${cur ? str(cur.value) : '<unknown>'} / ${str(m.external?.target?.value)}`);
      return;
    }
    case 'Pods':
      w.write(1, `${JSON.stringify(m.pods?.metric?.name ?? '')} on pods:`, `${st?.pods ? str(st.pods.current?.averageValue) : '<unknown>'} / ${str(m.pods?.target?.averageValue)}`);
      return;
    case 'Object': {
      const o = m.object ?? {};
      const head = `"${o.metric?.name ?? ''}" on ${o.describedObject?.kind ?? ''}/${o.describedObject?.name ?? ''} `;
      const cur = st?.object?.current;
      if (o.target?.type === 'AverageValue') w.write(1, `${head}(target average value):`, `${cur ? str(cur.averageValue) : '<unknown>'} / ${str(o.target?.averageValue)}`);
      else w.write(1, `${head}(target value):`, `${cur ? str(cur.value) : '<unknown>'} / ${str(o.target?.value)}`);
      return;
    }
    case 'Resource':
      writeResourceMetric(w, m.resource, st?.resource, `resource ${m.resource?.name ?? ''} on pods`);
      return;
    case 'ContainerResource':
      writeResourceMetric(w, m.containerResource, st?.containerResource, `resource ${m.containerResource?.name ?? ''} of container "${m.containerResource?.container ?? ''}" on pods`);
      return;
    default:
      w.write(1, `<unknown metric type ${JSON.stringify(m.type ?? '')}>`);
  }
}

function writeDirection(w: DescribeWriter, direction: string, rules: any): void {
  if (rules == null) return;
  w.write(1, `${direction}:`);
  if (rules.stabilizationWindowSeconds != null) w.write(2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds`);
  const policies: any[] = rules.policies ?? [];
  if (policies.length === 0) return;
  w.write(2, `Select Policy: ${rules.selectPolicy ?? 'Max'}`);
  w.write(2, 'Policies:');
  for (const p of policies) w.write(3, `- Type: ${p.type}`, `Value: ${p.value}`, `Period: ${p.periodSeconds} seconds`);
}

/** kubectl's describeHorizontalPodAutoscalerV2. */
function describe(hpa: KubeObject): string {
  const w = new DescribeWriter();
  const spec = hpa.spec ?? {};
  const status = hpa.status ?? {};
  writeMetaHeader(w, hpa);
  w.write(0, 'CreationTimestamp:', rfc1123z(hpa.metadata.creationTimestamp));
  w.write(0, 'Reference:', `${spec.scaleTargetRef?.kind ?? ''}/${spec.scaleTargetRef?.name ?? ''}`);
  w.write(0, 'Metrics:', '( current / target )');
  ((spec.metrics ?? []) as any[]).forEach((m, i) => writeMetric(w, m, (status.currentMetrics ?? [])[i]));
  w.write(0, 'Min replicas:', spec.minReplicas != null ? String(spec.minReplicas) : '<unset>');
  w.write(0, 'Max replicas:', String(spec.maxReplicas ?? 0));
  if (spec.behavior != null) {
    w.write(0, 'Behavior:');
    writeDirection(w, 'Scale Up', spec.behavior.scaleUp);
    writeDirection(w, 'Scale Down', spec.behavior.scaleDown);
  }
  w.write(0, `${spec.scaleTargetRef?.kind ?? ''} pods:`, `${status.currentReplicas ?? 0} current / ${status.desiredReplicas ?? 0} desired`);
  const conditions: any[] = status.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:');
    w.write(1, 'Type', 'Status', 'Reason', 'Message');
    w.write(1, '----', '------', '------', '-------');
    for (const c of conditions) w.write(1, String(c.type), String(c.status), String(c.reason ?? ''), String(c.message ?? ''));
  }
  return w.toString();
}

export const horizontalPodAutoscalerKind: KindDef = {
  group: 'autoscaling',
  version: 'v2',
  kind: 'HorizontalPodAutoscaler',
  plural: 'horizontalpodautoscalers',
  singular: 'horizontalpodautoscaler',
  shortNames: ['hpa'],
  categories: ['all'],
  namespaced: true,
  schemaType: 'V2HorizontalPodAutoscaler',
  // served as autoscaling/v1 too, as kube-apiserver 1.32 does (v2 preferred, stored)
  alsoServed: ['autoscaling/v1'],
  convert: convertHorizontalPodAutoscaler,
  versionSchemaTypes: { 'autoscaling/v1': 'V1HorizontalPodAutoscaler' },
  statusSubresource: true,
  bumpsGeneration: true,
  nameRule: 'subdomain',
  defaults,
  validate: validateHorizontalPodAutoscaler,
  columns: [
    nameColumn,
    { name: 'REFERENCE', cell: (o) => `${o.spec?.scaleTargetRef?.kind ?? ''}/${o.spec?.scaleTargetRef?.name ?? ''}` },
    { name: 'TARGETS', cell: (o) => formatHPAMetrics(o.spec?.metrics ?? [], o.status?.currentMetrics ?? []) },
    { name: 'MINPODS', cell: (o) => (o.spec?.minReplicas != null ? String(o.spec.minReplicas) : '<unset>') },
    { name: 'MAXPODS', cell: (o) => String(o.spec?.maxReplicas ?? 0) },
    { name: 'REPLICAS', cell: (o) => String(o.status?.currentReplicas ?? 0) },
    ageColumn,
  ],
  describe,
  describeEvents: true,
};
