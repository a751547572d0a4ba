/**
 * The checks of the LimitRanger plugin (plugin/pkg/admission/limitranger): a request or limit
 * against a LimitRange's min, max and max limit/request ratio, with kube-apiserver's words.
 */
import { type Amount, type Amounts, amountText } from '../../api/quota/amounts.js';

const NANO = 1_000_000_000n;
const MILLI = 1_000_000n;
/** resource.MaxMilliValue: values beyond it are compared in whole units. */
const MAX_MILLI_VALUE = 9_223_372_036_854_775n;

const text = amountText;
/** Rounds up to a whole number of `unit` (Quantity.Value / MilliValue). */
const ceilTo = (nanos: bigint, unit: bigint): bigint => (nanos % unit === 0n || nanos < 0n ? nanos / unit : nanos / unit + 1n);

/** requestLimitEnforcedValues: the three at one precision, milli-units when none is too large. */
function commonScale(...values: (Amount | undefined)[]): bigint[] {
  const nanos = values.map((v) => v?.nanos ?? 0n);
  const whole = nanos.map((n) => ceilTo(n, NANO));
  return whole.every((v) => v <= MAX_MILLI_VALUE) ? nanos.map((n) => ceilTo(n, MILLI)) : whole;
}

export function minConstraint(type: string, name: string, enforced: Amount, requests: Amounts, limits: Amounts): string | undefined {
  const req = requests.get(name);
  const lim = limits.get(name);
  const [r, l, e] = commonScale(req, lim, enforced);
  if (!req) return `minimum ${name} usage per ${type} is ${text(enforced)}.  No request is specified`;
  if (r! < e!) return `minimum ${name} usage per ${type} is ${text(enforced)}, but request is ${text(req)}`;
  if (lim && l! < e!) return `minimum ${name} usage per ${type} is ${text(enforced)}, but limit is ${text(lim)}`;
  return undefined;
}

export function maxConstraint(type: string, name: string, enforced: Amount, requests: Amounts, limits: Amounts): string | undefined {
  const req = requests.get(name);
  const lim = limits.get(name);
  const [r, l, e] = commonScale(req, lim, enforced);
  if (!lim) return `maximum ${name} usage per ${type} is ${text(enforced)}.  No limit is specified`;
  if (l! > e!) return `maximum ${name} usage per ${type} is ${text(enforced)}, but limit is ${text(lim)}`;
  if (req && r! > e!) return `maximum ${name} usage per ${type} is ${text(enforced)}, but request is ${text(req)}`;
  return undefined;
}

/** maxRequestConstraint: for claims, whose limits are not user input, the max bounds the request. */
export function maxRequestConstraint(type: string, name: string, enforced: Amount, requests: Amounts): string | undefined {
  const req = requests.get(name);
  const [r, , e] = commonScale(req, undefined, enforced);
  if (!req) return `maximum ${name} usage per ${type} is ${text(enforced)}.  No request is specified`;
  if (r! > e!) return `maximum ${name} usage per ${type} is ${text(enforced)}, but request is ${text(req)}`;
  return undefined;
}

export function ratioConstraint(type: string, name: string, enforced: Amount, requests: Amounts, limits: Amounts): string | undefined {
  const req = requests.get(name);
  const lim = limits.get(name);
  const [r, l] = commonScale(req, lim, enforced);
  const max = text(enforced);
  if (!req || r === 0n) return `${name} max limit to request ratio per ${type} is ${max}, but no request is specified or request is 0`;
  if (!lim || l === 0n) return `${name} max limit to request ratio per ${type} is ${max}, but no limit is specified or limit is 0`;
  const observed = Number(l) / Number(r);
  const wholeEnforced = ceilTo(enforced.nanos, NANO);
  const milli = wholeEnforced <= MAX_MILLI_VALUE;
  const bound = milli ? Number(ceilTo(enforced.nanos, MILLI)) : Number(wholeEnforced);
  if ((milli ? observed * 1000 : observed) > bound) {
    return `${name} max limit to request ratio per ${type} is ${max}, but provided ratio is ${observed.toFixed(6)}`;
  }
  return undefined;
}

/** utilerrors.NewAggregate(...).Error(): one message as is, several (duplicates dropped) in brackets. */
export function aggregate(messages: string[]): string | undefined {
  const unique = [...new Set(messages)];
  if (unique.length === 0) return undefined;
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}

