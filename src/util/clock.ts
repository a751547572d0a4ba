/** Time is injected (DESIGN rule 4): the CLI passes cluster time, tests a FakeClock. */
export interface Clock {
  now(): Date;
}

export const wallClock: Clock = { now: () => new Date() };

/** A clock that moves only when told to. */
export class FakeClock implements Clock {
  private t: number;
  constructor(start: Date | string | number = '2026-01-01T00:00:00Z') {
    this.t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
  set(to: Date | string | number): void {
    this.t = new Date(to).getTime();
  }
}

/** A clock offset from another one: cluster time = wall time + offset (`cluster advance`). */
export class OffsetClock implements Clock {
  constructor(private readonly base: Clock, public offsetMs: number) {}
  now(): Date {
    // over the wall clock, one Date, not two: the components ask the time at every write
    return new Date((this.base === wallClock ? Date.now() : this.base.now().getTime()) + this.offsetMs);
  }
}

/** RFC 3339 with second precision, as Kubernetes stores metav1.Time: `2026-01-01T00:00:00Z`. */
export function rfc3339(d: Date): string {
  const ms = d.getTime();
  const second = ms - (((ms % 1000) + 1000) % 1000);
  // a control loop stamps thousands of objects within one second: format each second once
  if (second !== lastSecond) {
    lastSecond = second;
    lastText = d.toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  return lastText;
}

let lastSecond = Number.NaN;
let lastText = '';

/**
 * The milliseconds of a stored timestamp (RFC 3339), as `new Date(t).getTime()` gives them (NaN for
 * a string that is not one). The kubelets read their pods' timestamps at every sync, the API server
 * every new Event's (its expiry), and a control loop's objects carry the few seconds it ran in: the
 * last string parsed is kept, and so is its value.
 */
export function parseTime(t: string): number {
  if (t !== lastParsed) {
    lastParsed = t;
    lastParsedMs = Date.parse(t);
  }
  return lastParsedMs;
}

let lastParsed = '';
let lastParsedMs = Number.NaN;
