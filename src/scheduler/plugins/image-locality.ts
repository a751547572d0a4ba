/**
 * ImageLocality: favours nodes that already hold the pod's images (node.status.images), weighting each
 * image by its size and by how widely it is spread across nodes, so that a pod is not pulled towards the
 * one node that happens to have an image everyone will soon have.
 */
import { MAX_NODE_SCORE, type ScorePlugin } from '../framework.js';

export const IMAGE_LOCALITY = 'ImageLocality';

const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/** Image references without a tag are looked up as `:latest`. */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name;
}

export function imageScore(sumScores: number, numContainers: number): number {
  const maxThreshold = MAX_CONTAINER_THRESHOLD * numContainers;
  const s = Math.min(Math.max(sumScores, MIN_THRESHOLD), maxThreshold);
  return Math.trunc((MAX_NODE_SCORE * (s - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
}

export const imageLocality: ScorePlugin = {
  name: IMAGE_LOCALITY,
  prepareScore(pod, snapshot) {
    // With no images reported by any node every node scores 0: skipping is the same result, cheaper.
    if (!snapshot.hasImages) return null;
    const spec = pod.pod.spec ?? {};
    const images: string[] = [...(spec.initContainers ?? []), ...(spec.containers ?? [])].map((c) => normalizedImageName(String(c.image ?? '')));
    const totalNodes = snapshot.nodes.length;
    const spread = images.map((img) => snapshot.imageNodeCount(img) / totalNodes);
    return {
      score(node) {
        let sum = 0;
        for (let i = 0; i < images.length; i++) {
          const size = node.images.get(images[i]!);
          if (size !== undefined) sum += Math.trunc(size * spread[i]!);
        }
        return imageScore(sum, images.length);
      },
    };
  },
};
