/**
 * Defaults and validation of admissionregistration.k8s.io/v1 webhooks (ValidatingWebhook and
 * MutatingWebhook): pkg/apis/admissionregistration/v1/defaults.go, validateValidatingWebhook /
 * validateMutatingWebhook of pkg/apis/admissionregistration/validation, and the URL / service
 * checks of k8s.io/apiserver/pkg/util/webhook. CEL compilation of matchConditions is not done.
 */
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import { validateLabelSelector, validateQualifiedName } from '../validation/labels.js';
import { inclusiveRangeError } from '../validation/messages.js';
import { dns1035LabelErrors, dns1123SubdomainErrors, isValidPortNum } from '../validation/names.js';
import { invalidRaw } from './go-render.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** sets.String.List() order (sorted) of the supported values. */
const FAILURE_POLICIES = ['Fail', 'Ignore'];
const MATCH_POLICIES = ['Equivalent', 'Exact'];
const NO_SIDE_EFFECT_CLASSES = ['None', 'NoneOnDryRun'];
const OPERATIONS = ['*', 'CONNECT', 'CREATE', 'DELETE', 'UPDATE'];
const REINVOCATION_POLICIES = ['IfNeeded', 'Never'];
const SCOPES = ['*', 'Cluster', 'Namespaced'];
/** AcceptedAdmissionReviewVersions. */
const ADMISSION_REVIEW_VERSIONS = ['v1', 'v1beta1'];
const MAX_MATCH_CONDITIONS = 64;

/** SetDefaults_ValidatingWebhook / SetDefaults_MutatingWebhook, with SetDefaults_Rule and SetDefaults_ServiceReference. */
export function defaultWebhook(hook: any, mutating: boolean): void {
  if (!hook || typeof hook !== 'object') return;
  hook.failurePolicy ??= 'Fail';
  hook.matchPolicy ??= 'Equivalent';
  hook.namespaceSelector ??= {};
  hook.objectSelector ??= {};
  hook.timeoutSeconds ??= 10;
  if (mutating) hook.reinvocationPolicy ??= 'Never';
  for (const rule of Array.isArray(hook.rules) ? hook.rules : []) {
    if (rule && typeof rule === 'object') rule.scope ??= '*';
  }
  const service = hook.clientConfig?.service;
  if (service && typeof service === 'object') service.port ??= 443;
}

/** utilvalidation.IsFullyQualifiedName. */
function fullyQualifiedNameErrors(name: string, field: string): FieldError[] {
  if (name.length === 0) return [fe.required(field, '')];
  const dns = dns1123SubdomainErrors(name);
  if (dns.length > 0) return [fe.invalid(field, name, dns.join(','))];
  if (name.split('.').length < 3) return [fe.invalid(field, name, 'should be a domain with at least three segments separated by dots')];
  return [];
}

const goStrings = (type: string, values: unknown[]): string => `[]${type}{${values.map((v) => JSON.stringify(String(v))).join(', ')}}`;
const list = (v: unknown): any[] => (Array.isArray(v) ? v : []);

/** validateResources (subresources allowed), including Go's quirk that only the last entry sets hasResourceWithoutSubresource. */
function validateResources(resources: string[], field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (resources.length === 0) errs.push(fe.required(field, ''));
  const withWildcardSub = new Set<string>();
  const subWithWildcardRes = new Set<string>();
  let hasDoubleWildcard = false;
  let hasSingleWildcard = false;
  let hasResourceWithoutSubresource = false;
  resources.forEach((resSub, i) => {
    if (resSub === '') {
      errs.push(fe.required(`${field}[${i}]`, ''));
      return;
    }
    if (resSub === '*/*') hasDoubleWildcard = true;
    if (resSub === '*') hasSingleWildcard = true;
    const slash = resSub.indexOf('/');
    if (slash < 0) {
      hasResourceWithoutSubresource = resSub !== '*';
      return;
    }
    const res = resSub.slice(0, slash);
    const sub = resSub.slice(slash + 1);
    if (withWildcardSub.has(res)) errs.push(fe.invalid(`${field}[${i}]`, resSub, `if '${res}/*' is present, must not specify ${resSub}`));
    if (subWithWildcardRes.has(sub)) errs.push(fe.invalid(`${field}[${i}]`, resSub, `if '*/${sub}' is present, must not specify ${resSub}`));
    if (sub === '*') withWildcardSub.add(res);
    if (res === '*') subWithWildcardRes.add(sub);
  });
  if (resources.length > 1 && hasDoubleWildcard) errs.push(fe.invalid(field, resources, "if '*/*' is present, must not specify other resources"));
  if (hasSingleWildcard && hasResourceWithoutSubresource) {
    errs.push(fe.invalid(field, resources, "if '*' is present, must not specify other resources without subresources"));
  }
  return errs;
}

/** validateRuleWithOperations (and validateRule with allowSubResource). */
function validateRule(rule: any, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const ops = list(rule?.operations);
  if (ops.length === 0) errs.push(fe.required(`${field}.operations`, ''));
  if (ops.length > 1 && ops.includes('*')) {
    errs.push(invalidRaw(`${field}.operations`, goStrings('admissionregistration.OperationType', ops), "if '*' is present, must not specify other operations"));
  }
  ops.forEach((op, i) => {
    if (!OPERATIONS.includes(op)) errs.push(fe.unsupported(`${field}.operations[${i}]`, op, OPERATIONS));
  });
  const groups = list(rule?.apiGroups);
  if (groups.length === 0) errs.push(fe.required(`${field}.apiGroups`, ''));
  if (groups.length > 1 && groups.includes('*')) errs.push(fe.invalid(`${field}.apiGroups`, groups, "if '*' is present, must not specify other API groups"));
  const versions = list(rule?.apiVersions);
  if (versions.length === 0) errs.push(fe.required(`${field}.apiVersions`, ''));
  if (versions.length > 1 && versions.includes('*')) {
    errs.push(fe.invalid(`${field}.apiVersions`, versions, "if '*' is present, must not specify other API versions"));
  }
  versions.forEach((v, i) => {
    if (v === '') errs.push(fe.required(`${field}.apiVersions[${i}]`, ''));
  });
  errs.push(...validateResources(list(rule?.resources), `${field}.resources`));
  if (rule?.scope != null && !SCOPES.includes(rule.scope)) errs.push(fe.unsupported(`${field}.scope`, rule.scope, SCOPES));
  return errs;
}

interface GoURL { scheme: string; host: string; user?: string; rawQuery: string; fragment: string }

/** The parts of Go's net/url.Parse that ValidateWebhookURL reads (an error text when Go refuses the URL). */
export function parseGoURL(raw: string): GoURL | { error: string } {
  const fail = (msg: string): { error: string } => ({ error: `parse ${JSON.stringify(raw)}: ${msg}` });
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(raw)) return fail('net/url: invalid control character in URL');
  const hash = raw.indexOf('#');
  const fragment = hash < 0 ? '' : raw.slice(hash + 1);
  let rest = hash < 0 ? raw : raw.slice(0, hash);
  let scheme = '';
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(rest);
  if (m) {
    scheme = m[1].toLowerCase();
    rest = rest.slice(m[0].length);
  } else if (rest.startsWith(':')) {
    return fail('missing protocol scheme');
  }
  let rawQuery = '';
  const q = rest.indexOf('?');
  if (q >= 0) {
    // `host?` alone is ForceQuery: an empty query
    rawQuery = q === rest.length - 1 ? '' : rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  if (!rest.startsWith('/') && scheme === '' && rest.split('/')[0].includes(':')) return fail('first path segment in URL cannot contain colon');
  let host = '';
  let user: string | undefined;
  if ((scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    const authEnd = rest.indexOf('/', 2);
    const authority = authEnd < 0 ? rest.slice(2) : rest.slice(2, authEnd);
    const at = authority.lastIndexOf('@');
    if (at >= 0) user = authority.slice(0, at);
    host = at >= 0 ? authority.slice(at + 1) : authority;
    if (!host.startsWith('[')) {
      const colon = host.lastIndexOf(':');
      if (colon >= 0 && !/^:[0-9]*$/.test(host.slice(colon))) return fail(`invalid port ${JSON.stringify(host.slice(colon))} after host`);
    }
  }
  return { scheme, host, user, rawQuery, fragment };
}

/** webhook.ValidateWebhookURL (forceHttps). */
function validateWebhookURL(raw: string, field: string): FieldError[] {
  const form = '; desired format: https://host[/path]';
  const u = parseGoURL(raw);
  if ('error' in u) return [fe.required(field, `url must be a valid URL: ${u.error}${form}`)];
  const errs: FieldError[] = [];
  if (u.scheme !== 'https') errs.push(fe.invalid(field, u.scheme, `'https' is the only allowed URL scheme${form}`));
  if (u.host.length === 0) errs.push(fe.invalid(field, u.host, `host must be provided${form}`));
  if (u.user !== undefined) errs.push(fe.invalid(field, u.user, 'user information is not permitted in the URL'));
  if (u.fragment.length !== 0) errs.push(fe.invalid(field, u.fragment, 'fragments are not permitted in the URL'));
  if (u.rawQuery.length !== 0) errs.push(fe.invalid(field, u.rawQuery, 'query parameters are not permitted in the URL'));
  return errs;
}

/** webhook.ValidateWebhookService. */
function validateWebhookService(svc: any, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!svc.name) errs.push(fe.required(`${field}.name`, 'service name is required'));
  if (!svc.namespace) errs.push(fe.required(`${field}.namespace`, 'service namespace is required'));
  const port = svc.port ?? 0;
  if (!isValidPortNum(port)) errs.push(fe.invalid(`${field}.port`, port, `port is not valid: ${inclusiveRangeError(1, 65535)}`));
  const path = svc.path;
  if (path == null || path === '/' || path === '') return errs;
  const pathField = `${field}.path`;
  if (path === '//') return [...errs, fe.invalid(pathField, path, 'segment[0] may not be empty')];
  if (!path.startsWith('/')) errs.push(fe.invalid(pathField, path, "must start with a '/'"));
  let check: string = path.slice(1);
  if (check.endsWith('/')) check = check.slice(0, -1);
  check.split('/').forEach((step, i) => {
    if (step.length === 0) errs.push(fe.invalid(pathField, path, `segment[${i}] may not be empty`));
    else for (const m of dns1123SubdomainErrors(step)) errs.push(fe.invalid(pathField, path, `segment[${i}]: ${m}`));
  });
  return errs;
}

/** The clientConfig switch of validateWebhook: exactly one of url and service. */
function validateClientConfig(cc: any, field: string): FieldError[] {
  const hasURL = cc?.url != null;
  const hasService = cc?.service != null;
  if (hasURL === hasService) return [fe.required(field, 'exactly one of url or service is required')];
  return hasURL ? validateWebhookURL(String(cc.url), `${field}.url`) : validateWebhookService(cc.service, `${field}.service`);
}

/** validateMatchConditions without the CEL compilation of each expression. */
function validateMatchConditions(conditions: any[], field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (conditions.length > MAX_MATCH_CONDITIONS) errs.push(fe.tooMany(field, conditions.length, MAX_MATCH_CONDITIONS));
  const names = new Set<string>();
  conditions.forEach((c, i) => {
    if (String(c?.expression ?? '').trim() === '') errs.push(fe.required(`${field}[${i}].expression`, ''));
    const name = String(c?.name ?? '');
    if (name === '') errs.push(fe.required(`${field}[${i}].name`, ''));
    else errs.push(...validateQualifiedName(name, `${field}[${i}].name`));
    if (name.length > 0) {
      if (names.has(name)) errs.push(fe.duplicate(`${field}[${i}].name`, name));
      else names.add(name);
    }
  });
  return errs;
}

/** validateValidatingWebhook / validateMutatingWebhook with the create options (no side effects required). */
function validateWebhook(hook: any, field: string, mutating: boolean): FieldError[] {
  const errs = fullyQualifiedNameErrors(String(hook?.name ?? ''), `${field}.name`);
  list(hook?.rules).forEach((r, i) => errs.push(...validateRule(r, `${field}.rules[${i}]`)));
  if (hook.failurePolicy != null && !FAILURE_POLICIES.includes(hook.failurePolicy)) {
    errs.push(fe.unsupported(`${field}.failurePolicy`, hook.failurePolicy, FAILURE_POLICIES));
  }
  if (hook.matchPolicy != null && !MATCH_POLICIES.includes(hook.matchPolicy)) errs.push(fe.unsupported(`${field}.matchPolicy`, hook.matchPolicy, MATCH_POLICIES));
  if (hook.sideEffects == null) errs.push(fe.required(`${field}.sideEffects`, `must specify one of ${NO_SIDE_EFFECT_CLASSES.join(', ')}`));
  else if (!NO_SIDE_EFFECT_CLASSES.includes(hook.sideEffects)) errs.push(fe.unsupported(`${field}.sideEffects`, hook.sideEffects, NO_SIDE_EFFECT_CLASSES));
  const timeout = hook.timeoutSeconds;
  if (timeout != null && (timeout > 30 || timeout < 1)) errs.push(fe.invalid(`${field}.timeoutSeconds`, timeout, 'the timeout value must be between 1 and 30 seconds'));
  errs.push(...validateLabelSelector(hook.namespaceSelector, `${field}.namespaceSelector`));
  errs.push(...validateLabelSelector(hook.objectSelector, `${field}.objectSelector`));
  if (mutating && hook.reinvocationPolicy != null && !REINVOCATION_POLICIES.includes(hook.reinvocationPolicy)) {
    errs.push(fe.unsupported(`${field}.reinvocationPolicy`, hook.reinvocationPolicy, REINVOCATION_POLICIES));
  }
  errs.push(...validateClientConfig(hook.clientConfig, `${field}.clientConfig`));
  errs.push(...validateMatchConditions(list(hook.matchConditions), `${field}.matchConditions`));
  return errs;
}

/** validateAdmissionReviewVersions (a recognized version required). */
function validateAdmissionReviewVersions(versions: string[], field: string): FieldError[] {
  if (versions.length < 1) return [fe.required(field, `must specify one of ${ADMISSION_REVIEW_VERSIONS.join(', ')}`)];
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  versions.forEach((v, i) => {
    if (seen.has(v)) {
      errs.push(fe.invalid(`${field}[${i}]`, v, 'duplicate version'));
      return;
    }
    seen.add(v);
    for (const m of dns1035LabelErrors(v)) errs.push(fe.invalid(`${field}[${i}]`, v, m));
  });
  if (!versions.some((v) => ADMISSION_REVIEW_VERSIONS.includes(v))) {
    errs.push(fe.invalid(field, versions, `must include at least one of ${ADMISSION_REVIEW_VERSIONS.join(', ')}`));
  }
  return errs;
}

/** validateValidatingWebhookConfiguration / validateMutatingWebhookConfiguration, webhooks part (metadata is checked by the server). */
export function validateWebhooks(webhooks: unknown, mutating: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  list(webhooks).forEach((hook, i) => {
    const field = `webhooks[${i}]`;
    errs.push(...validateWebhook(hook ?? {}, field, mutating));
    errs.push(...validateAdmissionReviewVersions(list(hook?.admissionReviewVersions), `${field}.admissionReviewVersions`));
    const name = String(hook?.name ?? '');
    if (name.length > 0) {
      if (names.has(name)) errs.push(fe.duplicate(`${field}.name`, name));
      else names.add(name);
    }
  });
  return errs;
}
