/**
 * Service ClusterIP allocation from the service CIDR 10.96.0.0/12 (kubeadm's default). The first
 * address (10.96.0.1) belongs to the `kubernetes` service; headless services keep `None`;
 * ExternalName services get none. A requested IP must be inside the range and free.
 */
import { apiErrors } from '../../api/errors.js';
import { fieldErrors } from '../../api/field-error.js';
import type { KubeObject } from '../../api/types.js';
import type { AdmissionPlugin, ServerContext } from '../context.js';
import { RangeAllocator } from './range-allocator.js';

export const SERVICE_CIDR = '10.96.0.0/12';
const [BASE_IP, PREFIX_BITS] = SERVICE_CIDR.split('/') as [string, string];
const SIZE = 2 ** (32 - Number(PREFIX_BITS));

export function ipToInt(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!;
}

export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

const BASE = ipToInt(BASE_IP)!;

function allocator(ctx: ServerContext): RangeAllocator {
  // offsets 1 … SIZE-2: neither the network nor the broadcast address
  return new RangeAllocator(ctx.store, 'alloc/serviceip/', 1, SIZE - 2, Math.min(Math.max(16, SIZE / 16), 256));
}

export const ownerOf = (svc: KubeObject) => `${svc.metadata.namespace ?? ''}/${svc.metadata.name ?? ''}`;

const hasIP = (ip: unknown): ip is string => typeof ip === 'string' && ip !== '' && ip !== 'None';

export const serviceClusterIP: AdmissionPlugin = {
  name: 'ServiceClusterIPAllocation',
  admit({ operation, kind, obj, old, ctx, dryRun }) {
    if (kind.group !== '' || kind.plural !== 'services' || operation === 'DELETE') return;
    const spec = (obj.spec ??= {});
    const alloc = allocator(ctx);
    const owner = ownerOf(obj);
    const oldIP: string | undefined = old?.spec?.clusterIP;
    if (spec.type === 'ExternalName') {
      // dropTypeDependentFields: an IP carried over unchanged from the old object is dropped
      if (hasIP(oldIP) && spec.clusterIP === oldIP) {
        delete spec.clusterIP;
        delete spec.clusterIPs;
      }
      return hasIP(oldIP) && spec.clusterIP !== oldIP ? () => releaseIP(alloc, oldIP, owner) : undefined;
    }
    if (old && (spec.clusterIP === undefined || spec.clusterIP === '') && !spec.clusterIPs?.length && old.spec?.clusterIP) {
      spec.clusterIP = old.spec.clusterIP;
      spec.clusterIPs = old.spec.clusterIPs ?? [old.spec.clusterIP];
    }
    const requested: string | undefined = spec.clusterIP || spec.clusterIPs?.[0] || undefined;
    if (requested === 'None') {
      spec.clusterIP = 'None';
      spec.clusterIPs = ['None'];
      return hasIP(oldIP) ? () => releaseIP(alloc, oldIP, owner) : undefined;
    }
    if (requested !== undefined && requested === oldIP) return;
    let offset: number;
    if (requested !== undefined) {
      const n = ipToInt(requested);
      const fail = (why: string) =>
        apiErrors.invalid('Service', '', obj.metadata.name ?? '', [fieldErrors.invalid('spec.clusterIPs', [requested], `failed to allocate IP ${requested}: ${why}`)]);
      if (n === undefined) return; // malformed: the kind's validation reports it
      offset = n - BASE;
      if (!alloc.inRange(offset)) throw fail(`the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`);
      if (!alloc.available(offset, owner)) throw fail('provided IP is already allocated');
    } else {
      const picked = alloc.pick(ctx.random);
      if (picked === undefined) throw apiErrors.internal('failed to allocate a serviceIP: range is full');
      offset = picked;
    }
    const ip = intToIp(BASE + offset);
    spec.clusterIP = ip;
    spec.clusterIPs = [ip];
    if (dryRun) return;
    return () => {
      alloc.take(offset, owner);
      if (hasIP(oldIP) && oldIP !== ip) releaseIP(alloc, oldIP, owner);
    };
  },
  release(obj, kind, ctx) {
    if (kind.plural !== 'services' || kind.group !== '') return;
    const ip = obj.spec?.clusterIP;
    if (hasIP(ip)) releaseIP(allocator(ctx), ip, ownerOf(obj));
  },
};

function releaseIP(alloc: RangeAllocator, ip: string, owner: string): void {
  const n = ipToInt(ip);
  if (n !== undefined) alloc.release(n - BASE, owner);
}
