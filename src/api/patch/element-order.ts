/**
 * List ordering after a strategic merge, as apimachinery's normalizeElementOrder does: items named
 * by the patch (or by `$setElementOrder`) keep the patch's order; items only on the server keep
 * theirs; the two runs are interleaved by their positions in the server's original list, and new
 * items (not on the server) go before the server-only items that follow them.
 */

/** Identity of a list item: its merge key's value, or the value itself for primitive lists. */
export function identity(item: unknown, mergeKey: string | undefined): string {
  if (mergeKey !== undefined && typeof item === 'object' && item !== null) {
    return JSON.stringify((item as Record<string, unknown>)[mergeKey]);
  }
  return JSON.stringify(item);
}

function indexIn(list: unknown[], mergeKey: string | undefined): Map<string, number> {
  const m = new Map<string, number>();
  list.forEach((v, i) => {
    const id = identity(v, mergeKey);
    if (!m.has(id)) m.set(id, i);
  });
  return m;
}

function sortBy(items: unknown[], order: Map<string, number>, mergeKey: string | undefined): unknown[] {
  const pos = (v: unknown) => order.get(identity(v, mergeKey)) ?? Number.MAX_SAFE_INTEGER;
  return items
    .map((v, i) => ({ v, i }))
    .sort((a, b) => pos(a.v) - pos(b.v) || a.i - b.i)
    .map((x) => x.v);
}

/**
 * Orders `merged`: the items whose identity appears in `patchOrder` follow patchOrder, the others
 * (server-only) follow `serverOrder`; both runs are then merged by server position.
 */
export function normalizeElementOrder(merged: unknown[], patchOrder: unknown[], serverOrder: unknown[], mergeKey: string | undefined): unknown[] {
  const patchIdx = indexIn(patchOrder, mergeKey);
  const serverIdx = indexIn(serverOrder, mergeKey);
  const inPatch = merged.filter((v) => patchIdx.has(identity(v, mergeKey)));
  const serverOnly = merged.filter((v) => !patchIdx.has(identity(v, mergeKey)));
  const right = sortBy(inPatch, patchIdx, mergeKey);
  const left = sortBy(serverOnly, serverIdx, mergeKey);
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (j >= right.length) out.push(left[i++]);
    else if (i >= left.length) out.push(right[j++]);
    else {
      const li = serverIdx.get(identity(left[i], mergeKey));
      const ri = serverIdx.get(identity(right[j], mergeKey));
      if (li !== undefined && ri !== undefined && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}
