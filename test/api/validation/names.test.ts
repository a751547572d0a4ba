import { describe, expect, it } from 'vitest';
import { formatFieldError } from '../../../src/api/field-error.js';
import {
  isDNS1123Label,
  isDNS1123Subdomain,
  isValidPortNum,
  nameErrors,
  validateDNS1123Label,
  validateDNS1123Subdomain,
  validateIANASvcPortName,
  validatePathSegmentName,
  validatePortNum,
} from '../../../src/api/validation/names.js';

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an " +
  "alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an " +
  "alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

describe('DNS-1123 names', () => {
  it('classifies as the regular expressions do, character by character', () => {
    const label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
    const subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
    const alphabet = ['a', 'z', '0', '9', '-', '.', 'A', '_', 'é', ' '];
    const names = ['', 'a', '0', '-', '.', 'a.', '.a', 'a..b', 'a-.b', 'a.-b', 'web-8647ffdfdc-2229h.01a24b0913be00236d6206e43d6'];
    // every string of up to 4 characters over the alphabet
    const grow = (prefix: string, n: number): void => {
      names.push(prefix);
      if (n > 0) for (const c of alphabet) grow(prefix + c, n - 1);
    };
    grow('', 4);
    for (const name of names) {
      expect(isDNS1123Label(name), name).toBe(label.test(name));
      expect(isDNS1123Subdomain(name), name).toBe(subdomain.test(name));
    }
  });

  it('classifies', () => {
    expect(isDNS1123Label('web-1')).toBe(true);
    expect(isDNS1123Label('web.1')).toBe(false);
    expect(isDNS1123Label('a'.repeat(64))).toBe(false);
    expect(isDNS1123Subdomain('web.example.com')).toBe(true);
    expect(isDNS1123Subdomain('Web')).toBe(false);
    expect(isDNS1123Subdomain('-web')).toBe(false);
    expect(isDNS1123Subdomain('a'.repeat(254))).toBe(false);
  });

  it('words the errors as Kubernetes 1.32 does', () => {
    expect(validateDNS1123Subdomain('Web', 'metadata.name').map(formatFieldError)).toEqual([
      `metadata.name: Invalid value: "Web": ${SUBDOMAIN_MSG}`,
    ]);
    expect(validateDNS1123Label('my_svc', 'metadata.name').map(formatFieldError)).toEqual([
      `metadata.name: Invalid value: "my_svc": ${LABEL_MSG}`,
    ]);
    expect(validateDNS1123Label('a'.repeat(64), 'metadata.name').map((e) => e.detail)).toEqual(['must be no more than 63 characters']);
    expect(validateDNS1123Subdomain('a'.repeat(254), 'x').map((e) => e.detail)).toEqual(['must be no more than 253 characters']);
  });

  it('masks a trailing dash of a generateName prefix', () => {
    expect(nameErrors('subdomain', 'web-', true)).toEqual([]);
    expect(nameErrors('subdomain', 'web-', false)).toHaveLength(1);
    expect(nameErrors('label', 'Web-', true)).toHaveLength(1);
  });
});

describe('path segment names', () => {
  it('rejects . and .. and / and %', () => {
    expect(validatePathSegmentName('system:controller:job', 'metadata.name')).toEqual([]);
    expect(validatePathSegmentName('..', 'metadata.name').map(formatFieldError)).toEqual([`metadata.name: Invalid value: "..": may not be '..'`]);
    expect(validatePathSegmentName('a/b%c', 'metadata.name').map((e) => e.detail)).toEqual(["may not contain '/'", "may not contain '%'"]);
    expect(nameErrors('path-segment', '.', true)).toEqual([]);
  });
});

describe('ports', () => {
  it('IANA service port names', () => {
    expect(validateIANASvcPortName('http', 'p')).toEqual([]);
    expect(validateIANASvcPortName('http-metrics-port', 'p').map((e) => e.detail)).toEqual(['must be no more than 15 characters']);
    expect(validateIANASvcPortName('HTTP', 'p').map((e) => e.detail)).toEqual([
      'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    ]);
    expect(validateIANASvcPortName('8080', 'p').map((e) => e.detail)).toEqual(['must contain at least one letter (a-z)']);
    expect(validateIANASvcPortName('-a--b', 'p').map((e) => e.detail)).toEqual([
      'must not contain consecutive hyphens',
      'must not begin or end with a hyphen',
    ]);
  });

  it('port numbers', () => {
    expect(isValidPortNum(80)).toBe(true);
    expect(isValidPortNum(0)).toBe(false);
    expect(isValidPortNum(65536)).toBe(false);
    expect(isValidPortNum(1.5)).toBe(false);
    expect(validatePortNum(0, 'spec.ports[0].port').map(formatFieldError)).toEqual([
      'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
    ]);
  });
});
