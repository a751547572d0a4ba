/**
 * Error texts of the Go decoders the API server runs on a request body: encoding/base64 (for []byte fields)
 * and time.Parse with RFC 3339 (metav1.Time). Only the texts are reproduced; nothing is decoded here.
 */

const B64 = new Set('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').map((c) => c.charCodeAt(0)));
const NL = (b: number) => b === 10 || b === 13;
const EQ = 61;

/** base64.StdEncoding.DecodeString's error (`illegal base64 data at input byte N`), or undefined when valid. */
export function base64Error(s: string): string | undefined {
  const src = Buffer.from(s, 'utf8');
  const n = src.length;
  const corrupt = (at: number) => `illegal base64 data at input byte ${at}`;
  let si = 0;
  for (;;) {
    let j = 0;
    while (j < 4) {
      if (si === n) return j === 0 ? undefined : corrupt(si - j);
      const b = src[si++];
      if (B64.has(b)) { j++; continue; }
      if (NL(b)) continue;
      if (b !== EQ || j < 2) return corrupt(si - 1);
      if (j === 2) {
        while (si < n && NL(src[si])) si++;
        if (si === n) return corrupt(n);
        if (src[si] !== EQ) return corrupt(si - 1);
        si++;
      }
      while (si < n && NL(src[si])) si++;
      return si < n ? corrupt(si) : undefined;
    }
  }
}

const RFC3339 = '2006-01-02T15:04:05Z07:00';

/** Go's quote() of time parse errors. */
function quote(s: string): string {
  return JSON.stringify(s);
}

function digits(v: string, count: number): number | undefined {
  if (v.length < count) return undefined;
  for (let i = 0; i < count; i++) if (v[i] < '0' || v[i] > '9') return undefined;
  return Number(v.slice(0, count));
}

function daysIn(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** time.Parse(time.RFC3339, s)'s error text, or undefined when s parses. */
export function rfc3339Error(value: string): string | undefined {
  const cannot = (rest: string, elem: string) =>
    `parsing time ${quote(value)} as ${quote(RFC3339)}: cannot parse ${quote(rest)} as ${quote(elem)}`;
  const range = (what: string) => `parsing time ${quote(value)}: ${what} out of range`;
  let v = value;
  const num = (count: number, elem: string, flexible = false): number | string => {
    let n = digits(v, count);
    let used = count;
    if (n === undefined && flexible) { n = digits(v, 1); used = 1; }
    if (n === undefined) return cannot(v, elem);
    v = v.slice(used);
    return n;
  };
  const lit = (l: string): string | undefined => {
    if (!v.startsWith(l)) return cannot(v, l);
    v = v.slice(l.length);
    return undefined;
  };
  const year = num(4, '2006');
  if (typeof year === 'string') return year;
  let e = lit('-'); if (e) return e;
  const month = num(2, '01');
  if (typeof month === 'string') return month;
  if (month < 1 || month > 12) return range('month');
  e = lit('-'); if (e) return e;
  const day = num(2, '02');
  if (typeof day === 'string') return day;
  e = lit('T'); if (e) return e;
  const hour = num(2, '15', true);
  if (typeof hour === 'string') return hour;
  if (hour >= 24) return range('hour');
  e = lit(':'); if (e) return e;
  const minute = num(2, '04');
  if (typeof minute === 'string') return minute;
  if (minute >= 60) return range('minute');
  e = lit(':'); if (e) return e;
  const second = num(2, '05');
  if (typeof second === 'string') return second;
  if (second >= 60) return range('second');
  if (v.length >= 2 && (v[0] === '.' || v[0] === ',') && v[1] >= '0' && v[1] <= '9') {
    let i = 1;
    while (i < v.length && v[i] >= '0' && v[i] <= '9') i++;
    v = v.slice(i);
  }
  if (v.startsWith('Z')) {
    v = v.slice(1);
  } else {
    if (v.length < 6 || v[3] !== ':' || (v[0] !== '+' && v[0] !== '-') || digits(v.slice(1), 2) === undefined || digits(v.slice(4), 2) === undefined) {
      return cannot(v, 'Z07:00');
    }
    if (Number(v.slice(1, 3)) > 24) return range('time zone offset hour');
    if (Number(v.slice(4, 6)) > 60) return range('time zone offset minute');
    v = v.slice(6);
  }
  if (v.length > 0) return `parsing time ${quote(value)}: extra text: ${quote(v)}`;
  if (day < 1 || day > daysIn(month, year)) return range('day');
  return undefined;
}
