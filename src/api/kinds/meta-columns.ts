/**
 * Helpers shared by every kind's `get` columns and `describe` body: NAME/AGE cells, label maps,
 * kubectl's annotation layout, controller references and Go's RFC1123Z time format.
 */
import type { DescribeWriter } from '../describe-writer.js';
import type { Column } from '../kind.js';
import type { KubeObject } from '../types.js';
import { age } from '../../util/human-duration.js';

export const nameColumn: Column = { name: 'NAME', cell: (o) => o.metadata.name ?? '' };

export const ageColumn: Column = { name: 'AGE', cell: (o, now) => age(o.metadata.creationTimestamp, now) };

/**
 * CREATED AT: the creation time in RFC 3339, UTC — the second column of the API server's default
 * table (rest.NewDefaultTableConvertor), which kinds without their own printer get (RBAC, CRDs).
 */
export const createdAtColumn: Column = { name: 'CREATED AT', cell: (o) => String(o.metadata.creationTimestamp ?? '0001-01-01T00:00:00Z') };

export { formatLabels } from '../label-selector.js';

export function stringOrNone(s: string | undefined | null): string {
  return s ? s : '<none>';
}

/** Go's strconv / fmt `%v` of an optional boolean as kubectl's printBool: True / False. */
export function printBool(v: unknown): string {
  return v ? 'True' : 'False';
}

/** `Kind/name` of the controlling owner, or '' (kubectl's printController). */
export function controllerOf(obj: KubeObject): string {
  const ref = obj.metadata.ownerReferences?.find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Go's time.RFC1123Z layout (`Mon, 02 Jan 2006 15:04:05 -0700`), in UTC. A missing timestamp
 * prints Go's zero time, as kubectl does for unset metav1.Time values.
 */
export function rfc1123z(ts: string | undefined | null): string {
  if (!ts) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date(ts);
  if (Number.isNaN(d.getTime())) return ts;
  return `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`;
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const MAX_ANNOTATION_LEN = 140;

/**
 * kubectl's printAnnotationsMultiline: the last-applied annotation is skipped; long or multi-line
 * values go below the key, each line indented and cut at 138 characters with `...`.
 */
export function writeAnnotations(w: DescribeWriter, level: number, title: string, annotations: Record<string, string> | undefined): void {
  const keys = Object.keys(annotations ?? {}).filter((k) => k !== LAST_APPLIED).sort();
  if (keys.length === 0) {
    w.write(level, `${title}:`, '<none>');
    return;
  }
  keys.forEach((key, i) => {
    const first = i === 0 ? `${title}:` : '';
    const value = annotations![key].replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(level, first, `${key}:`);
      for (const line of value.split('\n')) {
        const cut = line.length > MAX_ANNOTATION_LEN - 2 ? `${line.slice(0, MAX_ANNOTATION_LEN - 2)}...` : line;
        w.write(level, '', `  ${cut}`);
      }
    } else {
      w.write(level, first, `${key}: ${value}`);
    }
  });
}

/** The Name / Namespace / Labels / Annotations header most describers start with. */
export function writeMetaHeader(w: DescribeWriter, obj: KubeObject, opts: { namespace?: boolean } = {}): void {
  w.write(0, 'Name:', obj.metadata.name ?? '');
  if (opts.namespace !== false) w.write(0, 'Namespace:', obj.metadata.namespace ?? '');
  w.writeMap(0, 'Labels', obj.metadata.labels);
  writeAnnotations(w, 0, 'Annotations', obj.metadata.annotations);
}

/** Sorted keys of a map (Go's sort.Strings order = UTF-16 code unit order for ASCII keys). */
export function sortedKeys(map: Record<string, unknown> | undefined | null): string[] {
  return Object.keys(map ?? {}).sort();
}
