import type { Client } from '../../api/client.js';
import { DescribeWriter } from '../../api/describe-writer.js';
import type { KindDef } from '../../api/kind.js';
import type { KubeObject } from '../../api/types.js';
import { age } from '../../util/human-duration.js';

/**
 * The Events section that `kubectl describe` appends: the events whose involvedObject is the
 * described object, oldest last-seen first, as `Type Reason Age From Message` rows.
 */

/** Events about obj: same kind, name, namespace and uid (nodes: kubelets record the node name as uid). */
export async function findEvents(client: Client, obj: KubeObject, kind: KindDef): Promise<KubeObject[]> {
  const ns = obj.metadata.namespace || undefined;
  const list = await client.list('events', { namespace: ns });
  const uids = new Set([obj.metadata.uid, ...(kind.kind === 'Node' ? [obj.metadata.name] : [])].filter(Boolean));
  return list.items.filter((e) => {
    const ref = (e.involvedObject ?? {}) as Record<string, string | undefined>;
    if (ref.name !== obj.metadata.name) return false;
    if (ref.kind && ref.kind !== kind.kind) return false;
    if ((ref.namespace ?? '') !== (obj.metadata.namespace ?? '')) return false;
    return !ref.uid || uids.has(ref.uid);
  });
}

const time = (t: unknown): number => (typeof t === 'string' && t ? new Date(t).getTime() : 0);

const revision = (e: KubeObject): number => Number(e.metadata.resourceVersion ?? 0);

/**
 * kubectl sorts the events by lastTimestamp (events without one first). Events of the same second keep
 * the order they happened in (a real server lists them by their time-derived names): first seen, then
 * the revision of their last write.
 */
export function sortEvents(events: KubeObject[]): KubeObject[] {
  return [...events].sort((a, b) => time(a.lastTimestamp) - time(b.lastTimestamp)
    || time(a.firstTimestamp) - time(b.firstTimestamp) || revision(a) - revision(b));
}

/** The AGE cell: `5m`, or `2m (x3 over 10m)` for a repeated event. */
export function eventAge(e: KubeObject, now: Date): string {
  const first = e.eventTime ? age(e.eventTime, now) : age(e.firstTimestamp, now);
  if (e.series) return `${age(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${age(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}

/** Writes the Events section into a describe writer (kubectl's DescribeEvents). */
export function writeEvents(w: DescribeWriter, events: KubeObject[], now: Date): void {
  if (events.length === 0) {
    w.write(0, 'Events:', '<none>');
    return;
  }
  w.write(0, 'Events:');
  w.write(1, 'Type', 'Reason', 'Age', 'From', 'Message');
  w.write(1, '----', '------', '----', '----', '-------');
  for (const e of sortEvents(events)) {
    const from = e.source?.component || e.reportingComponent || '';
    w.write(1, String(e.type ?? ''), String(e.reason ?? ''), eventAge(e, now), String(from), String(e.message ?? '').trim());
  }
}

/**
 * The Events section after a describe body that was rendered already. kubectl writes
 * `Events:\t<none>` into the same tab block as the body's last lines, so `<none>` lines up with
 * the values above it; the column is read back from the body's last line.
 */
export function eventsAfter(body: string, events: KubeObject[], now: Date): string {
  if (events.length > 0) {
    const w = new DescribeWriter();
    writeEvents(w, events, now);
    return w.toString();
  }
  const label = 'Events:';
  const column = Math.max(valueColumn(body) ?? 0, label.length + 2);
  return `${label.padEnd(column)}<none>\n`;
}

const KEY_VALUE = /^( *)(\S.*?)( {2,})\S/;

/** Where the values of the body's last tab block start, if its last line belongs to one. */
export function valueColumn(body: string): number | undefined {
  const lines = body.replace(/\n$/, '').split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i];
    const m = KEY_VALUE.exec(line);
    if (m) {
      const col = m[1].length + m[2].length + m[3].length;
      return i === lines.length - 1 || continues(lines, i + 1, col) ? col : undefined;
    }
    // A continuation line (empty first cell): only spaces before the value.
    if (!/^ +\S/.test(line)) return undefined;
  }
  return undefined;
}

function continues(lines: string[], from: number, col: number): boolean {
  return lines.slice(from).every((l) => l.length > col && l.slice(0, col).trim() === '' && l[col] !== ' ');
}
