/** Name validation of k8s.io/apimachinery (util/validation, api/validation/path), with Kubernetes' messages. */
import { type FieldError, fieldErrors } from '../field-error.js';
import { inclusiveRangeError, maxLenError, regexError } from './messages.js';

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const DNS1123_LABEL_RE = new RegExp(`^${DNS1123_LABEL_FMT}$`);
const DNS1123_SUBDOMAIN_RE = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);

export const DNS1123_LABEL_MAX_LENGTH = 63;
export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;

/** Whether code is a lowercase letter or a digit (an RFC 1123 label's first and last character). */
function isLowerAlnum(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/**
 * Whether value[from, to) is an RFC 1123 label (DNS1123_LABEL_FMT, any length): what the regular
 * expressions say, character by character. Every create checks a name (a scale-up: 150,000 of
 * them, pods and Events), and the expressions only run to word what is wrong.
 */
function isLabelAt(value: string, from: number, to: number): boolean {
  if (to <= from || !isLowerAlnum(value.charCodeAt(from)) || !isLowerAlnum(value.charCodeAt(to - 1))) return false;
  for (let i = from + 1; i < to - 1; i++) {
    const c = value.charCodeAt(i);
    if (c !== 0x2d && !isLowerAlnum(c)) return false;
  }
  return true;
}

/** DNS1123_SUBDOMAIN_RE.test(value), without the expression (see isLabelAt). */
function isSubdomain(value: string): boolean {
  let from = 0;
  for (;;) {
    const dot = value.indexOf('.', from);
    const to = dot < 0 ? value.length : dot;
    if (!isLabelAt(value, from, to)) return false;
    if (dot < 0) return true;
    from = dot + 1;
  }
}

/** IsDNS1123Label: the messages for an invalid value (empty list when valid). */
export function dns1123LabelErrors(value: string): string[] {
  if (value.length <= DNS1123_LABEL_MAX_LENGTH && isLabelAt(value, 0, value.length)) return [];
  const errs: string[] = [];
  if (value.length > DNS1123_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1123_LABEL_MAX_LENGTH));
  if (!DNS1123_LABEL_RE.test(value)) errs.push(regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  return errs;
}

/** IsDNS1123Subdomain: the messages for an invalid value (empty list when valid). */
export function dns1123SubdomainErrors(value: string): string[] {
  if (value.length <= DNS1123_SUBDOMAIN_MAX_LENGTH && isSubdomain(value)) return [];
  const errs: string[] = [];
  if (value.length > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!DNS1123_SUBDOMAIN_RE.test(value)) errs.push(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  return errs;
}

const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const DNS1035_LABEL_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
const DNS1035_LABEL_RE = new RegExp(`^${DNS1035_LABEL_FMT}$`);
const WILDCARD_DNS1123_SUBDOMAIN_FMT = `\\*\\.${DNS1123_SUBDOMAIN_FMT}`;
const WILDCARD_DNS1123_SUBDOMAIN_MSG =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character";
const WILDCARD_DNS1123_SUBDOMAIN_RE = new RegExp(`^${WILDCARD_DNS1123_SUBDOMAIN_FMT}$`);

/** IsDNS1035Label (Service names): the messages for an invalid value. */
export function dns1035LabelErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > DNS1123_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1123_LABEL_MAX_LENGTH));
  if (!DNS1035_LABEL_RE.test(value)) errs.push(regexError(DNS1035_LABEL_MSG, DNS1035_LABEL_FMT, 'my-name', 'abc-123'));
  return errs;
}

/** IsWildcardDNS1123Subdomain (`*.example.com`): the messages for an invalid value. */
export function wildcardDNS1123SubdomainErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!WILDCARD_DNS1123_SUBDOMAIN_RE.test(value)) errs.push(regexError(WILDCARD_DNS1123_SUBDOMAIN_MSG, WILDCARD_DNS1123_SUBDOMAIN_FMT, '*.example.com'));
  return errs;
}

export function isDNS1123Label(s: string): boolean {
  return dns1123LabelErrors(s).length === 0;
}

export function isDNS1123Subdomain(s: string): boolean {
  return dns1123SubdomainErrors(s).length === 0;
}

/** IsValidPathSegmentName (prefix=false) / IsValidPathSegmentPrefix (prefix=true). */
export function pathSegmentNameErrors(name: string, prefix = false): string[] {
  if (!prefix) {
    for (const bad of ['.', '..']) if (name === bad) return [`may not be '${bad}'`];
  }
  const errs: string[] = [];
  for (const bad of ['/', '%']) if (name.includes(bad)) errs.push(`may not contain '${bad}'`);
  return errs;
}

export type NameRule = 'subdomain' | 'label' | 'path-segment';

/** maskTrailingDash: a generateName prefix may end in '-'. */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

/** The ValidateNameFunc of each rule (NameIsDNSSubdomain, NameIsDNSLabel, ValidatePathSegmentName). */
export function nameErrors(rule: NameRule, name: string, prefix = false): string[] {
  switch (rule) {
    case 'subdomain': return dns1123SubdomainErrors(prefix ? maskTrailingDash(name) : name);
    case 'label': return dns1123LabelErrors(prefix ? maskTrailingDash(name) : name);
    case 'path-segment': return pathSegmentNameErrors(name, prefix);
  }
}

const toFieldErrors = (field: string, value: unknown, msgs: string[]): FieldError[] =>
  msgs.map((m) => fieldErrors.invalid(field, value, m));

export function validateDNS1123Label(value: string, field: string): FieldError[] {
  return toFieldErrors(field, value, dns1123LabelErrors(value));
}

export function validateDNS1123Subdomain(value: string, field: string): FieldError[] {
  return toFieldErrors(field, value, dns1123SubdomainErrors(value));
}

export function validatePathSegmentName(value: string, field: string): FieldError[] {
  return toFieldErrors(field, value, pathSegmentNameErrors(value));
}

/** IsValidPortName: an IANA_SVC_NAME (at most 15 characters, a-z0-9 and '-', at least one letter). */
export function portNameErrors(port: string): string[] {
  const errs: string[] = [];
  if (port.length > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  else if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

export function validateIANASvcPortName(value: string, field: string): FieldError[] {
  return toFieldErrors(field, value, portNameErrors(value));
}

export function isValidPortNum(n: unknown): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 65535;
}

/** IsValidPortNum as field errors (`must be between 1 and 65535, inclusive`). */
export function validatePortNum(value: number, field: string): FieldError[] {
  return isValidPortNum(value) ? [] : [fieldErrors.invalid(field, value, inclusiveRangeError(1, 65535))];
}
