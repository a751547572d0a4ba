/**
 * NodePort allocation (30000–32767) for NodePort and LoadBalancer services (and the health-check
 * port of LoadBalancer services with externalTrafficPolicy Local). On update, ports the user left
 * out keep their old node ports; a service that no longer needs node ports gives them back.
 */
import { apiErrors } from '../../api/errors.js';
import { type FieldError, fieldErrors } from '../../api/field-error.js';
import type { KubeObject } from '../../api/types.js';
import type { AdmissionPlugin, ServerContext } from '../context.js';
import { RangeAllocator } from './range-allocator.js';
import { ownerOf } from './service-cluster-ip.js';

const LO = 30000;
const HI = 32767;

function allocator(ctx: ServerContext): RangeAllocator {
  const size = HI - LO + 1;
  return new RangeAllocator(ctx.store, 'alloc/nodeport/', LO, HI, Math.min(Math.max(16, Math.floor(size / 32)), 128));
}

interface Port { port?: number; protocol?: string; nodePort?: number }

function needsNodePorts(svc: KubeObject | undefined): boolean {
  const t = svc?.spec?.type;
  return t === 'NodePort' || (t === 'LoadBalancer' && svc?.spec?.allocateLoadBalancerNodePorts !== false);
}

function needsHealthCheck(svc: KubeObject | undefined): boolean {
  return svc?.spec?.type === 'LoadBalancer' && svc.spec.externalTrafficPolicy === 'Local';
}

/** Every node port an object holds. */
function heldPorts(svc: KubeObject | undefined): number[] {
  const ports = ((svc?.spec?.ports ?? []) as Port[]).map((p) => p.nodePort).filter((n): n is number => typeof n === 'number' && n > 0);
  const hc = svc?.spec?.healthCheckNodePort;
  return typeof hc === 'number' && hc > 0 ? [...ports, hc] : ports;
}

export const serviceNodePort: AdmissionPlugin = {
  name: 'ServiceNodePortAllocation',
  admit({ operation, kind, obj, old, ctx }) {
    if (kind.group !== '' || kind.plural !== 'services' || operation === 'DELETE') return;
    const spec = (obj.spec ??= {});
    const ports: Port[] = spec.ports ?? [];
    const oldPorts: Port[] = old?.spec?.ports ?? [];
    const alloc = allocator(ctx);
    const owner = ownerOf(obj);
    if (old && needsNodePorts(old) && !needsNodePorts(obj)) {
      for (const p of ports) if (p.nodePort !== undefined && oldPorts.some((o) => o.nodePort === p.nodePort)) delete p.nodePort;
    }
    if (old && !needsHealthCheck(obj) && spec.healthCheckNodePort === old.spec?.healthCheckNodePort) delete spec.healthCheckNodePort;
    const errs: FieldError[] = [];
    const mine = new Set(heldPorts(old));
    const taken = new Set<number>();
    const check = (n: number, field: string) => {
      if (!alloc.inRange(n)) errs.push(fieldErrors.invalid(field, n, `provided port is not in the valid range. The range of valid ports is ${LO}-${HI}`));
      else if (!mine.has(n) && !alloc.available(n, owner)) errs.push(fieldErrors.invalid(field, n, 'provided port is already allocated'));
      else taken.add(n);
    };
    if (needsNodePorts(obj)) {
      ports.forEach((p, i) => {
        if (!p.nodePort) {
          const prev = oldPorts.find((o) => o.port === p.port && (o.protocol ?? 'TCP') === (p.protocol ?? 'TCP') && o.nodePort);
          if (prev) p.nodePort = prev.nodePort;
        }
        if (p.nodePort) check(p.nodePort, `spec.ports[${i}].nodePort`);
      });
    }
    if (needsHealthCheck(obj)) {
      if (!spec.healthCheckNodePort && old?.spec?.healthCheckNodePort) spec.healthCheckNodePort = old.spec.healthCheckNodePort;
      if (spec.healthCheckNodePort) check(spec.healthCheckNodePort, 'spec.healthCheckNodePort');
    }
    if (errs.length > 0) throw apiErrors.invalid('Service', '', obj.metadata.name ?? '', errs);
    const pick = () => {
      const n = alloc.pick(ctx.random, taken);
      if (n === undefined) throw apiErrors.internal(`failed to allocate a nodePort: range is full`);
      taken.add(n);
      return n;
    };
    if (needsNodePorts(obj)) for (const p of ports) if (!p.nodePort) p.nodePort = pick();
    if (needsHealthCheck(obj) && !spec.healthCheckNodePort) spec.healthCheckNodePort = pick();
    const now = heldPorts(obj);
    const before = heldPorts(old);
    if (now.length === 0 && before.length === 0) return;
    return () => {
      for (const n of before) if (!now.includes(n)) alloc.release(n, owner);
      for (const n of now) alloc.take(n, owner);
    };
  },
  release(obj, kind, ctx) {
    if (kind.plural !== 'services' || kind.group !== '') return;
    const alloc = allocator(ctx);
    for (const n of heldPorts(obj)) alloc.release(n, ownerOf(obj));
  },
};
