/**
 * The string formats a CRD schema's `format` is checked against: apiextensions' supportedVersionedFormats
 * (1.32: everything introduced at 1.0) with kube-openapi's strfmt validators. Any other format (int32, int64,
 * float, double, k8s-short-name, …) is stripped before validation and so never checked. Names are matched
 * with dashes removed, as strfmt's name normalizer does (`date-time` is `datetime`).
 */

const SUPPORTED = new Set([
  'bsonobjectid', 'uri', 'email', 'hostname', 'ipv4', 'ipv6', 'cidr', 'mac', 'uuid', 'uuid3', 'uuid4', 'uuid5',
  'isbn', 'isbn10', 'isbn13', 'creditcard', 'ssn', 'hexcolor', 'rgbcolor', 'byte', 'password', 'date', 'duration', 'datetime',
]);

/** The schema's format as validation sees it: itself when checked, else '' (StripUnsupportedFormatsPostProcess). */
export function checkedFormat(format: string | undefined): string {
  return format && SUPPORTED.has(format.replaceAll('-', '')) ? format : '';
}

/** Whether `value` is valid for a (checked) format. */
export function validatesFormat(format: string, value: string): boolean {
  const check = CHECKS[format.replaceAll('-', '')];
  return check ? check(value) : true;
}

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');
const test = (re: RegExp) => (s: string): boolean => re.test(s);

function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255);
}

/** netip.ParseAddr's IPv6 form (a zone is refused, as net.ParseIP refuses it). */
function isIPv6(s: string): boolean {
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((h) => (h === '' ? [] : h.split(':')));
  const all = groups.flat();
  let count = 0;
  for (let i = 0; i < all.length; i++) {
    if (/^[0-9a-fA-F]{1,4}$/.test(all[i])) count += 1;
    else if (i === all.length - 1 && isIPv4(all[i]) && (halves.length === 2 ? groups[1].length > 0 : true)) count += 2;
    else return false;
  }
  return halves.length === 2 ? count < 8 : count === 8;
}

const isIP = (s: string): boolean => isIPv4(s) || isIPv6(s);

function isCIDR(s: string): boolean {
  const slash = s.indexOf('/');
  if (slash < 0) return false;
  const [addr, mask] = [s.slice(0, slash), s.slice(slash + 1)];
  if (!/^[0-9]+$/.test(mask)) return false;
  const bits = isIPv4(addr) ? 32 : isIPv6(addr) ? 128 : -1;
  return bits > 0 && Number(mask) <= bits;
}

/** net.ParseMAC: 6, 8 or 20 octets as xx:xx…, xx-xx… or xxxx.xxxx…. */
function isMAC(s: string): boolean {
  if (s.length < 14) return false;
  const ok = (n: number): boolean => n === 6 || n === 8 || n === 20;
  if (s[2] === ':' || s[2] === '-') {
    const sep = s[2] === ':' ? ':' : '-';
    const parts = s.split(sep);
    return ok(parts.length) && parts.every((p) => /^[0-9a-fA-F]{2}$/.test(p));
  }
  if (s[4] === '.') {
    const parts = s.split('.');
    return ok(parts.length * 2) && parts.every((p) => /^[0-9a-fA-F]{4}$/.test(p));
  }
  return false;
}

function isHostname(s: string): boolean {
  const label = '[a-zA-Z0-9\\p{S}\\p{L}]';
  const re = new RegExp(
    `^(${label}((-?${label}{0,62})?)|(${label}(([a-zA-Z0-9\\-\\p{S}\\p{L}]{0,61}${label})?)(\\.)){1,}(${label})(-?${label}){1,62})$`, 'u',
  );
  return re.test(s) && bytes(s) <= 255 && s.split('.').every((p) => bytes(p) <= 63);
}

/** net/mail.ParseAddress, for the usual shapes: `local@domain` or `Name <local@domain>`. */
function isEmail(s: string): boolean {
  const atext = "[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~\\u0080-\\uffff]+";
  const addr = new RegExp(`^(?:${atext}(?:\\.${atext})*|"(?:[^"\\\\]|\\\\.)*")@(?:${atext}(?:\\.${atext})*|\\[[^\\[\\]\\\\]*\\])$`);
  const t = s.trim();
  const angle = /^(?:[^<>]*)<([^<>]*)>$/.exec(t);
  return addr.test(angle ? angle[1] : t);
}

/** url.ParseRequestURI: an absolute URI, or an absolute path. */
function isRequestURI(s: string): boolean {
  if (s === '' || /[\x00-\x1f\x7f]/.test(s)) return false;
  if (s === '*') return true;
  let rest = s;
  let scheme = '';
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(s);
  if (m) [scheme, rest] = [m[1], s.slice(m[0].length)];
  else if (s.startsWith(':')) return false; // missing protocol scheme
  const q = rest.indexOf('?');
  if (q >= 0) rest = rest.slice(0, q);
  if (!rest.startsWith('/')) return scheme !== ''; // an opaque URI (mailto:x) is fine, a relative path is not
  if (scheme && rest.startsWith('//')) {
    const end = rest.indexOf('/', 2);
    const authority = end < 0 ? rest.slice(2) : rest.slice(2, end);
    rest = end < 0 ? '' : rest.slice(end);
    const at = authority.lastIndexOf('@');
    const host = at < 0 ? authority : authority.slice(at + 1);
    if (at >= 0 && !/^[A-Za-z0-9\-._~!$&'()*+,;=:%]*$/.test(authority.slice(0, at))) return false;
    const hostOk = host.startsWith('[')
      ? /^\[[0-9a-fA-F:.]+(%25[^\]]*)?\](:[0-9]*)?$/.test(host)
      : /^[A-Za-z0-9\-._~!$&'()*+,;=%]*(:[0-9]*)?$/.test(host);
    if (!hostOk || /%(?![0-9a-fA-F]{2})/.test(host)) return false;
  }
  return !/%(?![0-9a-fA-F]{2})/.test(rest);
}

function isDate(s: string): boolean {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
}

/** strfmt.IsDateTime: a full-date, a `t`, and a time compared as text against 23:59:59. */
function isDateTime(s: string): boolean {
  if (bytes(s) < 4) return false;
  const parts = s.toLowerCase().split('t');
  if (parts.length < 2 || !isDate(parts[0])) return false;
  const m = /^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$/.exec(parts[1]);
  return m !== null && m[1] <= '23' && m[2] <= '59' && m[3] <= '59';
}

const GO_UNITS: Record<string, number> = { ns: 1, us: 1e3, '\u00b5s': 1e3, '\u03bcs': 1e3, ms: 1e6, s: 1e9, m: 6e10, h: 3.6e12 };

/** time.ParseDuration: `[-+]` then number-unit pairs (`1h30m`, `1.5s`), or a bare `0`. */
function isGoDuration(s: string): boolean {
  let rest = s.startsWith('-') || s.startsWith('+') ? s.slice(1) : s;
  if (rest === '0') return true;
  if (rest === '') return false;
  let total = 0;
  while (rest !== '') {
    const num = /^([0-9]*)(?:\.([0-9]*))?/.exec(rest);
    if (!num || (num[1] === '' && (num[2] ?? '') === '')) return false;
    rest = rest.slice(num[0].length);
    const unit = /^[^0-9.]+/.exec(rest)?.[0];
    if (unit === undefined || GO_UNITS[unit] === undefined) return false;
    rest = rest.slice(unit.length);
    total += Number(`${num[1] || '0'}.${num[2] ?? ''}0`) * GO_UNITS[unit];
  }
  return total <= 2 ** 63;
}

const SCALA_UNITS = [['ns', 'nano'], ['us', '\u00b5s', 'micro'], ['ms', 'milli'], ['s', 'sec'], ['m', 'min'], ['h', 'hr', 'hour'], ['d', 'day'], ['w', 'wk', 'week']];

/** strfmt.ParseDuration: Go's syntax, else the scala-like `3 days 4 hours`. */
function isDuration(s: string): boolean {
  if (isGoDuration(s)) return true;
  if (!/^\s*(?:\d+\s*[A-Za-z\u00b5]+\s*)+$/.test(s)) return false;
  return [...s.matchAll(/(\d+)\s*([A-Za-z\u00b5]+)/g)].some(([, , u]) => {
    const unit = u.toLowerCase();
    return SCALA_UNITS.some((vs) => vs.some((v, i) => (i === vs.length - 1 && unit.startsWith(v)) || v === unit));
  });
}

function isbnDigits(s: string): string {
  return s.replace(/[\s-]+/g, '');
}

function isISBN10(s: string): boolean {
  const d = isbnDigits(s);
  if (!/^(?:[0-9]{9}X|[0-9]{10})$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (i + 1) * Number(d[i]);
  sum += (d[9] === 'X' ? 10 : Number(d[9])) * 10;
  return sum % 11 === 0;
}

function isISBN13(s: string): boolean {
  const d = isbnDigits(s);
  if (!/^[0-9]{13}$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (i % 2 === 0 ? 1 : 3) * Number(d[i]);
  return (10 - (sum % 10)) % 10 === Number(d[12]);
}

function isCreditCard(s: string): boolean {
  const d = s.replace(/[^0-9]+/g, '');
  const re = /^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|6(?:011|5[0-9][0-9])[0-9]{12}|3[47][0-9]{13}|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35\d{3})\d{11})$/;
  if (!re.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let n = Number(d[d.length - 1 - i]);
    if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
    sum += n;
  }
  return sum % 10 === 0;
}

const OCTET = '(0|[1-9]\\d?|1\\d\\d?|2[0-4]\\d|25[0-5])';

const CHECKS: Record<string, (s: string) => boolean> = {
  bsonobjectid: test(/^[0-9a-fA-F]{24}$/),
  uri: isRequestURI,
  email: isEmail,
  hostname: isHostname,
  ipv4: (s) => isIP(s) && s.includes('.'),
  ipv6: (s) => isIP(s) && s.includes(':'),
  cidr: isCIDR,
  mac: isMAC,
  uuid: test(/^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i),
  uuid3: test(/^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i),
  uuid4: test(/^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i),
  uuid5: test(/^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i),
  isbn: (s) => isISBN10(s) || isISBN13(s),
  isbn10: isISBN10,
  isbn13: isISBN13,
  creditcard: isCreditCard,
  ssn: (s) => bytes(s) === 11 && /^\d{3}[- ]?\d{2}[- ]?\d{4}$/.test(s),
  hexcolor: test(/^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/),
  rgbcolor: test(new RegExp(`^rgb\\(\\s*${OCTET}\\s*,\\s*${OCTET}\\s*,\\s*${OCTET}\\s*\\)$`)),
  byte: test(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/),
  password: () => true,
  date: isDate,
  duration: isDuration,
  datetime: isDateTime,
};
