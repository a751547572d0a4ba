/**
 * The images on each simulated node, as node.status.images lists them: a container whose image is
 * on its node starts with `Container image "…" already present on machine` instead of a pull, and a
 * pull adds the image to the node's status (at most 50 entries, like the kubelet's
 * nodeStatusMaxImages), so the next invocation knows it too.
 */
import type { Client } from '../api/client.js';
import { isStatusError } from '../api/errors.js';
import { getOptional } from '../api/get-optional.js';
import type { KubeObject } from '../api/types.js';
import { imageID } from './runtime/container-actions.js';

/** The kubelet's nodeStatusMaxImages. */
export const MAX_NODE_IMAGES = 50;

interface NodeImage {
  names: string[];
  sizeBytes: number;
}

export class NodeImages {
  /** Node name → normalized image names known to be on it (the status's, plus this process's pulls). */
  private readonly byNode = new Map<string, Set<string>>();

  /** The node's images; a sync adds what it pulls to this set. */
  of(node: KubeObject): Set<string> {
    const name = node.metadata.name ?? '';
    let set = this.byNode.get(name);
    if (!set) {
      set = new Set(((node.status?.images ?? []) as NodeImage[]).flatMap((i) => i.names ?? []));
      this.byNode.set(name, set);
    }
    return set;
  }

  /**
   * Adds the images just pulled to the node's status (those it does not list yet).
   * Returns the node as written, or undefined when there was nothing to add or the node is gone.
   */
  async publish(client: Client, nodeName: string, pulled: string[]): Promise<KubeObject | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const node = await getOptional(client, 'nodes', undefined, nodeName);
      if (!node) return undefined;
      const images: NodeImage[] = [...(node.status?.images ?? [])];
      const listed = new Set(images.flatMap((i) => i.names ?? []));
      const fresh = pulled.filter((n) => !listed.has(n));
      if (fresh.length === 0) return undefined;
      for (const n of fresh) images.push({ names: [imageID(n), n], sizeBytes: 0 });
      try {
        return await client.updateStatus('nodes', { ...node, status: { ...node.status, images: images.slice(-MAX_NODE_IMAGES) } });
      } catch (e) {
        if (!isStatusError(e) || e.code !== 409) throw e;
      }
    }
    return undefined;
  }
}
