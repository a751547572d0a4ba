/** One label-selector requirement (labels.Requirement): validated construction, matching, printing. */
import { formatFieldError, type FieldError, fieldErrors } from '../field-error.js';
import { labelValueErrors, qualifiedNameErrors } from '../validation/labels.js';

export type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'gt' | 'lt' | 'exists' | '!';

export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

export class LabelSelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LabelSelectorError';
  }
}

export function requirementMatches(r: Requirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const val = has ? labels[r.key] : undefined;
  switch (r.operator) {
    case 'in': case '=': case '==':
      return has && r.values.includes(val as string);
    case 'notin': case '!=':
      return !has || !r.values.includes(val as string);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt': case 'lt': {
      if (!has || !/^[+-]?\d+$/.test(val as string) || r.values.length !== 1) return false;
      const lv = BigInt(val as string);
      const rv = BigInt(r.values[0]);
      return r.operator === 'gt' ? lv > rv : lv < rv;
    }
  }
}

export function requirementString(r: Requirement): string {
  const values = r.values.length === 1 ? r.values[0] : [...r.values].sort().join(',');
  switch (r.operator) {
    case 'exists': return r.key;
    case '!': return `!${r.key}`;
    case 'in': return `${r.key} in (${values})`;
    case 'notin': return `${r.key} notin (${values})`;
    case 'gt': return `${r.key}>${values}`;
    case 'lt': return `${r.key}<${values}`;
    default: return `${r.key}${r.operator}${values}`;
  }
}

function aggregate(errs: FieldError[]): string {
  const msgs = errs.map(formatFieldError);
  return msgs.length === 1 ? msgs[0] : `[${msgs.join(', ')}]`;
}

/** labels.NewRequirement: validates and builds one requirement (throws with Kubernetes' aggregated message). */
export function newRequirement(key: string, operator: Operator, values: string[], path = ''): Requirement {
  const child = (c: string) => (path ? `${path}.${c}` : c);
  const errs: FieldError[] = qualifiedNameErrors(key).map((m) => fieldErrors.invalid(child('key'), key, m));
  const vp = child('values');
  switch (operator) {
    case 'in': case 'notin':
      if (values.length === 0) errs.push(fieldErrors.invalid(vp, values, "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case '=': case '==': case '!=':
      if (values.length !== 1) errs.push(fieldErrors.invalid(vp, values, 'exact-match compatibility requires one single value'));
      break;
    case 'exists': case '!':
      if (values.length !== 0) errs.push(fieldErrors.invalid(vp, values, 'values set must be empty for exists and does not exist'));
      break;
    case 'gt': case 'lt':
      if (values.length !== 1) errs.push(fieldErrors.invalid(vp, values, "for 'Gt', 'Lt' operators, exactly one value is required"));
      values.forEach((v, i) => {
        if (!/^[+-]?\d+$/.test(v)) errs.push(fieldErrors.invalid(`${vp}[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"));
      });
      break;
  }
  values.forEach((v, i) => {
    for (const m of labelValueErrors(v)) errs.push(fieldErrors.invalid(`${vp}[${i}][${key}]`, v, m));
  });
  if (errs.length) throw new LabelSelectorError(aggregate(errs));
  return { key, operator, values };
}
