/**
 * When a CronJob schedule fires (robfig/cron v3 SpecSchedule.Next / ConstantDelaySchedule.Next), in a
 * time zone (spec.timeZone, else a `TZ=` prefix, else UTC — kube-controller-manager's local time
 * in practice), and the most recent missed run the CronJob controller starts.
 */
import { type CronFields, type ParsedSchedule, parseSchedule } from '../../api/kinds/cron-schedule.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** robfig/cron gives up after five years without a match (e.g. `0 0 30 2 *`). */
const MAX_SEARCH_MS = 5 * 366 * 24 * HOUR;

interface Wall { minute: number; hour: number; dom: number; month: number; dow: number }

const formatters = new Map<string, Intl.DateTimeFormat>();
const DOW: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function wallTime(ms: number, zone: string): Wall {
  const d = new Date(ms);
  if (zone === 'UTC') return { minute: d.getUTCMinutes(), hour: d.getUTCHours(), dom: d.getUTCDate(), month: d.getUTCMonth() + 1, dow: d.getUTCDay() };
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', weekday: 'short', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    formatters.set(zone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(d).map((p) => [p.type, p.value]));
  return { minute: Number(parts.minute), hour: Number(parts.hour) % 24, dom: Number(parts.day), month: Number(parts.month), dow: DOW[parts.weekday ?? 'Sun'] ?? 0 };
}

function dayMatches(f: CronFields, w: Wall): boolean {
  const dom = f.dom.has(w.dom);
  const dow = f.dow.has(w.dow);
  return f.domStar || f.dowStar ? dom && dow : dom || dow;
}

/** The first run strictly after `after` (ms), or undefined if none within five years. */
export function nextRunOf(schedule: ParsedSchedule, after: number, timeZone?: string): number | undefined {
  if (schedule.kind === 'every') {
    const step = Math.max(1000, Math.round(schedule.seconds) * 1000);
    return Math.floor(after / 1000) * 1000 + step;
  }
  const zone = timeZone ?? schedule.timeZone ?? 'UTC';
  const f = schedule.fields;
  let t = Math.floor(after / MINUTE) * MINUTE + MINUTE;
  const limit = after + MAX_SEARCH_MS;
  while (t <= limit) {
    const w = wallTime(t, zone);
    if (!f.month.has(w.month) || !dayMatches(f, w) || !f.hour.has(w.hour)) {
      t += HOUR - w.minute * MINUTE;
      continue;
    }
    if (f.minute.has(w.minute)) return t;
    t += MINUTE;
  }
  return undefined;
}

/** nextRun for a schedule string (spec.schedule) after a date. */
export function nextRun(schedule: string, after: Date, timeZone?: string): Date | undefined {
  const t = nextRunOf(parseSchedule(schedule), after.getTime(), timeZone);
  return t === undefined ? undefined : new Date(t);
}

export interface MissedRuns {
  /** The latest schedule time in (earliest, now], if any. */
  mostRecent?: number;
  /** How many schedule times fell in (earliest, now] (counting stops a little past 100). */
  missed: number;
}

/** mostRecentScheduleTime: the runs due between `earliest` (exclusive) and `now` (inclusive). */
export function missedRuns(schedule: ParsedSchedule, earliest: number, now: number, timeZone?: string): MissedRuns {
  let missed = 0;
  let mostRecent: number | undefined;
  let from = earliest;
  for (let t = nextRunOf(schedule, from, timeZone); t !== undefined && t <= now; t = nextRunOf(schedule, from, timeZone)) {
    missed++;
    mostRecent = t;
    from = t;
    if (missed === 1000) {
      // a long gap: skip ahead, then find the last run before now exactly
      const interval = (nextRunOf(schedule, t, timeZone) ?? t) - t;
      const skip = Math.max(0, Math.floor((now - t) / Math.max(interval, MINUTE)) - 2);
      from = t + skip * Math.max(interval, MINUTE);
    }
  }
  return { mostRecent, missed };
}
