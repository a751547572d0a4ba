import type { KubeObject } from '../api/types.js';
import { age } from '../util/human-duration.js';
import { paintStatus } from './colors.js';
import { tabulate } from './printers/tabwriter.js';

/**
 * `kubectl events` output: `LAST SEEN  TYPE  REASON  OBJECT  MESSAGE` (NAMESPACE first with -A),
 * oldest first. LAST SEEN is the age of the last occurrence, with `(xN over AGE)` for repeats.
 */

/** When an event last happened: series.lastObservedTime, else lastTimestamp, else eventTime. */
export function lastOccurrence(e: KubeObject): number {
  const t = e.series?.lastObservedTime || e.lastTimestamp || e.eventTime || e.firstTimestamp || e.metadata.creationTimestamp;
  return t ? new Date(t).getTime() : 0;
}

/** Oldest first; events of the same instant in the order they were written. */
export function sortEvents(events: KubeObject[]): KubeObject[] {
  const rv = (e: KubeObject) => Number(e.metadata.resourceVersion ?? 0);
  return [...events].sort((a, b) => lastOccurrence(a) - lastOccurrence(b) || rv(a) - rv(b));
}

/** kubectl events' interval cell. */
export function eventInterval(e: KubeObject, now: Date): string {
  const first = e.eventTime ? age(e.eventTime, now) : age(e.firstTimestamp, now);
  if (e.series) return `${age(e.series.lastObservedTime, now)} (x${e.series.count} over ${first})`;
  if ((e.count ?? 0) > 1) return `${age(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}

export interface EventsTableOptions {
  now: Date;
  allNamespaces?: boolean;
  noHeaders?: boolean;
  colour?: boolean;
}

export const EVENT_HEADER = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];

export function eventRow(e: KubeObject, opts: EventsTableOptions): string[] {
  const involved = e.involvedObject ?? {};
  const row = [eventInterval(e, opts.now), e.type ?? '', e.reason ?? '', `${involved.kind ?? ''}/${involved.name ?? ''}`, String(e.message ?? '').trim()];
  return opts.allNamespaces ? [e.metadata.namespace ?? '', ...row] : row;
}

/** The table of these events (already sorted); the header unless noHeaders. */
export function printEvents(events: KubeObject[], opts: EventsTableOptions): string {
  const header = opts.allNamespaces ? ['NAMESPACE', ...EVENT_HEADER] : EVENT_HEADER;
  const rows = events.map((e) => eventRow(e, opts));
  const all = opts.noHeaders ? rows : [header, ...rows];
  const typeCol = header.indexOf('TYPE');
  const bodyStart = opts.noHeaders ? 0 : 1;
  return tabulate(all, undefined, opts.colour ? (cell, r, c) => (r >= bodyStart && c === typeCol ? paintStatus(cell) : cell) : undefined);
}

/** kubectl's check of --types. */
export function parseEventTypes(values: string[] | undefined): string[] {
  const types = (values ?? []).flatMap((v) => v.split(',')).map((t) => t.trim()).filter(Boolean);
  for (const t of types) {
    if (!/^(normal|warning)$/i.test(t)) throw new Error('valid --types are Normal or Warning');
  }
  return types;
}

export function matchesTypes(e: KubeObject, types: string[]): boolean {
  return types.length === 0 || types.some((t) => t.toLowerCase() === String(e.type ?? '').toLowerCase());
}
