/**
 * CronJob schedules as Kubernetes parses them (robfig/cron v3 `ParseStandard`): five fields or a
 * descriptor (`@hourly`, `@every 1h30m`, …), an optional `TZ=`/`CRON_TZ=` prefix, and the exact
 * error texts the API server puts into `spec.schedule: Invalid value` messages.
 */

export interface CronFields {
  minute: Set<number>;
  hour: Set<number>;
  dom: Set<number>;
  month: Set<number>;
  dow: Set<number>;
  /** Day-of-month / day-of-week given as `*` or `?` (cron's star bit: then only the other one restricts). */
  domStar: boolean;
  dowStar: boolean;
}

export type ParsedSchedule = { kind: 'fields'; fields: CronFields; timeZone?: string } | { kind: 'every'; seconds: number; timeZone?: string };

interface Bounds { min: number; max: number; names?: Record<string, number> }

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DOW_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const BOUNDS: Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: Object.fromEntries(MONTH_NAMES.map((n, i) => [n, i + 1])) },
  { min: 0, max: 6, names: Object.fromEntries(DOW_NAMES.map((n, i) => [n, i])) },
];
const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

export class CronParseError extends Error {}

/** Go's strconv.Atoi error text. */
function atoi(expr: string): number {
  if (!/^[+-]?[0-9]+$/.test(expr)) throw new CronParseError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`);
  const big = BigInt(expr);
  const n = Number(big);
  if (big > 2n ** 63n - 1n || big < -(2n ** 63n)) {
    throw new CronParseError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: value out of range`);
  }
  if (n < 0) throw new CronParseError(`negative number (${n}) not allowed: ${expr}`);
  return n;
}

function intOrName(expr: string, b: Bounds): number {
  const named = b.names?.[expr.toLowerCase()];
  return named !== undefined ? named : atoi(expr);
}

function parseRange(expr: string, b: Bounds, out: Set<number>): boolean {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  let start: number;
  let end: number;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = b.min;
    end = b.max;
    star = true;
  } else {
    start = intOrName(lowAndHigh[0], b);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = intOrName(lowAndHigh[1], b);
    else throw new CronParseError(`too many hyphens: ${expr}`);
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    step = atoi(rangeAndStep[1]);
    if (lowAndHigh.length === 1) end = b.max;
    if (step > 1) star = false;
  } else if (rangeAndStep.length > 2) {
    throw new CronParseError(`too many slashes: ${expr}`);
  }
  if (start < b.min) throw new CronParseError(`beginning of range (${start}) below minimum (${b.min}): ${expr}`);
  if (end > b.max) throw new CronParseError(`end of range (${end}) above maximum (${b.max}): ${expr}`);
  if (start > end) throw new CronParseError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronParseError(`step of range should be a positive number: ${expr}`);
  for (let v = start; v <= end; v += step) out.add(v);
  return star;
}

function parseField(field: string, b: Bounds): { values: Set<number>; star: boolean } {
  const values = new Set<number>();
  let star = false;
  for (const expr of field.split(',').filter((e) => e !== '')) star = parseRange(expr, b, values) || star;
  return { values, star };
}

/** time.ParseDuration for `@every` (units ns, us, µs, ms, s, m, h); returns seconds. */
function parseGoDuration(s: string): number {
  const bad = (): never => { throw new CronParseError(`time: invalid duration ${JSON.stringify(s)}`); };
  const units: Record<string, number> = { ns: 1e-9, us: 1e-6, 'µs': 1e-6, 'μs': 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
  let rest = s;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest[0] === '-' ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') bad();
  let total = 0;
  while (rest !== '') {
    const num = /^([0-9]*(?:\.[0-9]*)?)/.exec(rest)![1];
    if (num === '' || num === '.') bad();
    rest = rest.slice(num.length);
    const unit = /^([^0-9.]*)/.exec(rest)![1];
    if (unit === '') throw new CronParseError(`time: missing unit in duration ${JSON.stringify(s)}`);
    if (!(unit in units)) throw new CronParseError(`time: unknown unit ${JSON.stringify(unit)} in duration ${JSON.stringify(s)}`);
    rest = rest.slice(unit.length);
    total += Number.parseFloat(num) * units[unit];
  }
  return sign * total;
}

/** Whether an IANA zone name is known (Go's time.LoadLocation, via the ICU database). */
export function isKnownTimeZone(name: string): boolean {
  if (name === 'UTC' || name === 'Local') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** cron.ParseStandard; throws CronParseError with robfig/cron's message. */
export function parseSchedule(spec: string): ParsedSchedule {
  if (spec.length === 0) throw new CronParseError('empty spec string');
  let timeZone: string | undefined;
  let rest = spec;
  if (rest.startsWith('TZ=') || rest.startsWith('CRON_TZ=')) {
    const space = rest.indexOf(' ');
    const eq = rest.indexOf('=');
    const zone = space < 0 ? rest.slice(eq + 1) : rest.slice(eq + 1, space);
    if (!isKnownTimeZone(zone)) throw new CronParseError(`provided bad location ${zone}: unknown time zone ${zone}`);
    timeZone = zone;
    rest = space < 0 ? '' : rest.slice(space).trim();
  }
  if (rest.startsWith('@')) {
    if (rest.startsWith('@every ')) return { kind: 'every', seconds: parseGoDuration(rest.slice('@every '.length)), timeZone };
    const expanded = DESCRIPTORS[rest];
    if (!expanded) throw new CronParseError(`unrecognized descriptor: ${rest}`);
    rest = expanded;
  }
  const fields = rest.split(/\s+/).filter((f) => f !== '');
  if (fields.length !== 5) throw new CronParseError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  const [minute, hour, dom, month, dow] = fields.map((f, i) => parseField(f, BOUNDS[i]));
  return {
    kind: 'fields',
    timeZone,
    fields: { minute: minute.values, hour: hour.values, dom: dom.values, month: month.values, dow: dow.values, domStar: dom.star, dowStar: dow.star },
  };
}
