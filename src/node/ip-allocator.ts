/**
 * Pod IPs from each node's spec.podCIDR (host-local IPAM, as kind's CNI does: .1 is the gateway,
 * pods get .2 upward). The allocation is derived from the store: the index of IPs in use is built
 * from the pods (one list, the first time an IP is needed) and kept up to date as this process
 * allocates; a candidate whose recorded owner is gone or moved is reused.
 */
import type { Client } from '../api/client.js';
import { isStatusError } from '../api/errors.js';
import type { KubeObject } from '../api/types.js';

function parseCidr(cidr: string): { base: number; size: number } | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
  if (!m) return undefined;
  const bits = Number(m[5]);
  const base = ((Number(m[1]) << 24) | (Number(m[2]) << 16) | (Number(m[3]) << 8) | Number(m[4])) >>> 0;
  const size = 2 ** (32 - bits);
  return { base: bits === 0 ? 0 : (base & ~(size - 1)) >>> 0, size };
}

/** parseCidr's answers by CIDR (null: not one): every pod start asks for its node's (a scale-up: 30,000 times). */
const parsed = new Map<string, { base: number; size: number } | null>();

function cidrRange(cidr: string): { base: number; size: number } | undefined {
  let range = parsed.get(cidr);
  if (range === undefined) parsed.set(cidr, (range = parseCidr(cidr) ?? null));
  return range ?? undefined;
}

const ipText = (n: number) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;

export class NoAddressError extends Error {}

export class PodIPAllocator {
  /** node → ip → owning pod key */
  private used?: Map<string, Map<string, string>>;
  private readonly cursor = new Map<string, number>();

  constructor(private readonly client: Client) {}

  private async index(): Promise<Map<string, Map<string, string>>> {
    if (this.used) return this.used;
    const used = new Map<string, Map<string, string>>();
    for (const p of (await this.client.list('pods')).items) {
      const node = p.spec?.nodeName;
      const ip = p.status?.podIP;
      if (!node || !ip) continue;
      if (!used.has(node)) used.set(node, new Map());
      used.get(node)!.set(ip, `${p.metadata.namespace}/${p.metadata.name}`);
    }
    this.used = used;
    return used;
  }

  private async stillOwned(key: string, node: string, ip: string): Promise<boolean> {
    const [namespace, name] = key.split('/');
    try {
      const p = await this.client.get('pods', namespace, name!);
      return p.spec?.nodeName === node && p.status?.podIP === ip;
    } catch (e) {
      if (isStatusError(e) && e.code === 404) return false;
      throw e;
    }
  }

  /** A free IP of the node's pod CIDR for the pod. */
  async allocate(node: KubeObject, pod: KubeObject): Promise<string> {
    const nodeName = node.metadata.name!;
    const range = cidrRange(node.spec?.podCIDRs?.[0] ?? node.spec?.podCIDR ?? '');
    if (!range) throw new NoAddressError(`node "${nodeName}" has no pod CIDR`);
    const used = await this.index();
    if (!used.has(nodeName)) used.set(nodeName, new Map());
    const mine = used.get(nodeName)!;
    const first = 2;
    const count = Math.max(0, range.size - 3);
    const start = this.cursor.get(nodeName) ?? 0;
    const podKey = `${pod.metadata.namespace}/${pod.metadata.name}`;
    for (let i = 0; i < count; i++) {
      const offset = (start + i) % count;
      const ip = ipText(range.base + first + offset);
      const owner = mine.get(ip);
      if (owner !== undefined && owner !== podKey && (await this.stillOwned(owner, nodeName, ip))) continue;
      mine.set(ip, podKey);
      this.cursor.set(nodeName, offset + 1);
      return ip;
    }
    throw new NoAddressError(`failed to allocate for range 0: no IP addresses available in range set: ${ipText(range.base + first)}-${ipText(range.base + first + count - 1)}`);
  }

  release(nodeName: string, ip: string | undefined): void {
    if (ip) this.used?.get(nodeName)?.delete(ip);
  }
}
