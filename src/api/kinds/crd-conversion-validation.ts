/**
 * validateCustomResourceConversion of apiextensions validation.go, with the webhook client config
 * checks of k8s.io/apiserver/pkg/util/webhook. Paths are the internal ones Kubernetes reports:
 * v1's conversion.webhook.clientConfig is `spec.conversion.webhookClientConfig` and
 * conversion.webhook.conversionReviewVersions is `spec.conversion.conversionReviewVersions`.
 * Left out: the caBundle PEM check (Kubernetes skips it on create and before the CRD is established).
 */
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import { inclusiveRangeError } from '../validation/messages.js';
import { dns1035LabelErrors, dns1123SubdomainErrors, isValidPortNum } from '../validation/names.js';
import { goStrings } from './crd-internal.js';
import { invalidRaw } from './go-render.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const isSet = (v: unknown): boolean => v !== undefined && v !== null;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const ACCEPTED_REVIEW_VERSIONS = ['v1', 'v1beta1'];
const URL_FORM = '; desired format: https://host[/path]';

/** ValidateWebhookURL(forceHttps=true), over the parts Go's url.Parse finds. */
function webhookURL(raw: string, p: string): FieldError[] {
  const m = /^(?:([A-Za-z][A-Za-z0-9+.-]*):)?(?:\/\/([^/?#]*))?[^?#]*(?:\?([^#]*))?(?:#(.*))?$/.exec(raw)!;
  const [, scheme = '', authority, query = '', fragment = ''] = m;
  const at = authority?.lastIndexOf('@') ?? -1;
  const host = authority === undefined ? '' : authority.slice(at + 1);
  const errs: FieldError[] = [];
  if (scheme !== 'https') errs.push(fe.invalid(p, scheme, `'https' is the only allowed URL scheme${URL_FORM}`));
  if (!host) errs.push(fe.invalid(p, host, `host must be specified${URL_FORM}`));
  if (at >= 0) errs.push(fe.invalid(p, authority!.slice(0, at), 'user information is not permitted in the URL'));
  if (fragment) errs.push(fe.invalid(p, fragment, 'fragments are not permitted in the URL'));
  if (query) errs.push(fe.invalid(p, query, 'query parameters are not permitted in the URL'));
  return errs;
}

/**
 * ValidateWebhookService. The CRD validation passes the service's name where the function expects
 * the namespace and the other way round, so a missing namespace is reported as `name`, as in Kubernetes.
 */
function webhookService(svc: any, p: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!str(svc?.namespace)) errs.push(fe.required(`${p}.name`, 'service name is required'));
  if (!str(svc?.name)) errs.push(fe.required(`${p}.namespace`, 'service namespace is required'));
  const port = svc?.port ?? 443;
  if (!isValidPortNum(port)) errs.push(fe.invalid(`${p}.port`, port, `port is not valid: ${inclusiveRangeError(1, 65535)}`));
  if (!isSet(svc?.path)) return errs;
  const path = str(svc.path);
  if (path === '/' || path.length === 0) return errs;
  if (path === '//') return [...errs, fe.invalid(`${p}.path`, path, 'segment[0] may not be empty')];
  if (!path.startsWith('/')) errs.push(fe.invalid(`${p}.path`, path, "must start with a '/'"));
  let check = path.slice(1);
  if (check.endsWith('/')) check = check.slice(0, -1);
  check.split('/').forEach((step, i) => {
    if (step.length === 0) return void errs.push(fe.invalid(`${p}.path`, path, `segment[${i}] may not be empty`));
    for (const failure of dns1123SubdomainErrors(step)) errs.push(fe.invalid(`${p}.path`, path, `segment[${i}]: ${failure}`));
  });
  return errs;
}

/** validateConversionReviewVersions (a recognized version is required on create). */
function reviewVersions(versions: unknown, p: string): FieldError[] {
  if (!Array.isArray(versions) || versions.length === 0) return [fe.required(p, '')];
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  versions.forEach((v, i) => {
    if (seen.has(v)) return void errs.push(fe.invalid(`${p}[${i}]`, v, 'duplicate version'));
    seen.add(v);
    for (const msg of dns1035LabelErrors(str(v))) errs.push(fe.invalid(`${p}[${i}]`, v, msg));
  });
  if (!versions.some((v) => ACCEPTED_REVIEW_VERSIONS.includes(v))) {
    errs.push(invalidRaw(p, goStrings(versions), `must include at least one of ${ACCEPTED_REVIEW_VERSIONS.join(', ')}`));
  }
  return errs;
}

/** The spec.conversion checks, after the preserveUnknownFields one. */
export function validateConversion(conversion: any, preserveUnknownFields: boolean): FieldError[] {
  if (!isSet(conversion)) return [];
  const p = 'spec.conversion';
  const errs: FieldError[] = [];
  const strategy = str(conversion.strategy);
  if (strategy !== 'None' && preserveUnknownFields) errs.push(fe.invalid(`${p}.strategy`, strategy, 'must be None if spec.preserveUnknownFields is true'));
  if (!strategy) errs.push(fe.required(`${p}.strategy`, ''));
  else if (strategy !== 'None' && strategy !== 'Webhook') errs.push(fe.unsupported(`${p}.strategy`, strategy, ['None', 'Webhook']));
  const cc = conversion.webhook?.clientConfig;
  const review = conversion.webhook?.conversionReviewVersions;
  if (strategy === 'Webhook') {
    if (!isSet(cc)) errs.push(fe.required(`${p}.webhookClientConfig`, 'required when strategy is set to Webhook'));
    else if (isSet(cc.url) === isSet(cc.service)) errs.push(fe.required(`${p}.webhookClientConfig`, 'exactly one of url or service is required'));
    else if (isSet(cc.url)) errs.push(...webhookURL(str(cc.url), `${p}.webhookClientConfig.url`));
    else errs.push(...webhookService(cc.service, `${p}.webhookClientConfig.service`));
    errs.push(...reviewVersions(review, `${p}.conversionReviewVersions`));
  } else {
    const why = 'should not be set when strategy is not set to Webhook';
    if (isSet(cc)) errs.push(fe.forbidden(`${p}.webhookClientConfig`, why));
    if (Array.isArray(review) && review.length > 0) errs.push(fe.forbidden(`${p}.conversionReviewVersions`, why));
  }
  return errs;
}
