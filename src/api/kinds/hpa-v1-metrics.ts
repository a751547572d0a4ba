/**
 * One autoscaling/v2 metric (spec or status) ⇄ its autoscaling/v1 form, the v2beta1-like shape in
 * which v1 keeps the metrics it has no field for (in annotations, hpa-v1-conversion.ts). Facts of
 * pkg/apis/autoscaling/v1/conversion.go: v1's non-pointer quantities (an Object metric's
 * targetValue, a Pods metric's targetAverageValue, the current values) read back as set, and a
 * missing one is written as "0". Keys are in the v1 Go structs' order, as json.Marshal writes them.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */

type Obj = Record<string, any>;

/** Drops the keys whose value is undefined (Go's omitempty on the pointer fields). */
function compact(o: Obj): Obj {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

const ref = (r: any): Obj => compact({ kind: r?.kind ?? '', name: r?.name ?? '', apiVersion: r?.apiVersion || undefined });
const q = (v: unknown): string => (v == null ? '0' : String(v));

/** A v2 MetricSpec as v1's MetricSpec. */
export function metricSpecToV1(m: any): Obj {
  const out: Obj = { type: m.type };
  if (m.object) {
    const o = m.object;
    out.object = compact({ target: ref(o.describedObject), metricName: o.metric?.name ?? '', targetValue: q(o.target?.value), selector: o.metric?.selector, averageValue: o.target?.averageValue });
  }
  if (m.pods) {
    const p = m.pods;
    out.pods = compact({ metricName: p.metric?.name ?? '', targetAverageValue: q(p.target?.averageValue), selector: p.metric?.selector });
  }
  if (m.resource) {
    const r = m.resource;
    out.resource = compact({ name: r.name ?? '', targetAverageUtilization: r.target?.averageUtilization, targetAverageValue: r.target?.averageValue });
  }
  if (m.containerResource) {
    const r = m.containerResource;
    out.containerResource = compact({ name: r.name ?? '', targetAverageUtilization: r.target?.averageUtilization, targetAverageValue: r.target?.averageValue, container: r.container ?? '' });
  }
  if (m.external) {
    const e = m.external;
    out.external = compact({ metricName: e.metric?.name ?? '', metricSelector: e.metric?.selector, targetValue: e.target?.value, targetAverageValue: e.target?.averageValue });
  }
  return out;
}

const metric = (name: unknown, selector: unknown): Obj => compact({ name: name ?? '', selector: selector ?? undefined });

/** v1's MetricSpec back in v2: the target type follows from which values are set. */
export function metricSpecFromV1(m: any): Obj {
  const out: Obj = { type: m.type };
  if (m.object) {
    const o = m.object;
    out.object = {
      describedObject: ref(o.target),
      target: compact({ type: o.averageValue == null ? 'Value' : 'AverageValue', value: q(o.targetValue), averageValue: o.averageValue ?? undefined }),
      metric: metric(o.metricName, o.selector),
    };
  }
  if (m.pods) {
    const p = m.pods;
    out.pods = { metric: metric(p.metricName, p.selector), target: { type: 'AverageValue', averageValue: q(p.targetAverageValue) } };
  }
  if (m.resource) out.resource = resourceFromV1(m.resource);
  if (m.containerResource) out.containerResource = { ...resourceFromV1(m.containerResource), container: m.containerResource.container ?? '' };
  if (m.external) {
    const e = m.external;
    out.external = {
      metric: metric(e.metricName, e.metricSelector),
      target: compact({ type: e.targetValue == null ? 'AverageValue' : 'Value', value: e.targetValue ?? undefined, averageValue: e.targetAverageValue ?? undefined }),
    };
  }
  return out;
}

function resourceFromV1(r: any): Obj {
  const utilization = r.targetAverageUtilization ?? undefined;
  return {
    name: r.name ?? '',
    target: compact({ type: utilization == null ? 'AverageValue' : 'Utilization', averageValue: r.targetAverageValue ?? undefined, averageUtilization: utilization }),
  };
}

/** A v2 MetricStatus as v1's MetricStatus. */
export function metricStatusToV1(m: any): Obj {
  const out: Obj = { type: m.type };
  if (m.object) {
    const o = m.object;
    out.object = compact({ target: ref(o.describedObject), metricName: o.metric?.name ?? '', currentValue: q(o.current?.value), selector: o.metric?.selector, averageValue: o.current?.averageValue });
  }
  if (m.pods) {
    const p = m.pods;
    out.pods = compact({ metricName: p.metric?.name ?? '', currentAverageValue: q(p.current?.averageValue), selector: p.metric?.selector });
  }
  if (m.resource) {
    const r = m.resource;
    out.resource = compact({ name: r.name ?? '', currentAverageUtilization: r.current?.averageUtilization, currentAverageValue: q(r.current?.averageValue) });
  }
  if (m.containerResource) {
    const r = m.containerResource;
    out.containerResource = compact({ name: r.name ?? '', currentAverageUtilization: r.current?.averageUtilization, currentAverageValue: q(r.current?.averageValue), container: r.container ?? '' });
  }
  if (m.external) {
    const e = m.external;
    out.external = compact({ metricName: e.metric?.name ?? '', metricSelector: e.metric?.selector, currentValue: q(e.current?.value), currentAverageValue: e.current?.averageValue });
  }
  return out;
}

/** v1's MetricStatus back in v2. */
export function metricStatusFromV1(m: any): Obj {
  const out: Obj = { type: m.type };
  if (m.object) {
    const o = m.object;
    out.object = { metric: metric(o.metricName, o.selector), current: compact({ value: q(o.currentValue), averageValue: o.averageValue ?? undefined }), describedObject: ref(o.target) };
  }
  if (m.pods) out.pods = { metric: metric(m.pods.metricName, m.pods.selector), current: { averageValue: q(m.pods.currentAverageValue) } };
  if (m.resource) out.resource = { name: m.resource.name ?? '', current: resourceCurrent(m.resource) };
  if (m.containerResource) {
    const r = m.containerResource;
    out.containerResource = { name: r.name ?? '', current: resourceCurrent(r), container: r.container ?? '' };
  }
  if (m.external) {
    const e = m.external;
    out.external = { metric: metric(e.metricName, e.metricSelector), current: compact({ value: q(e.currentValue), averageValue: e.currentAverageValue ?? undefined }) };
  }
  return out;
}

const resourceCurrent = (r: any): Obj => compact({ averageUtilization: r.currentAverageUtilization ?? undefined, averageValue: q(r.currentAverageValue) });
