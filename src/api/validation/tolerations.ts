/** core ValidateTolerations: pods' spec.tolerations and a RuntimeClass's scheduling.tolerations. */
import { type FieldError, fieldErrors as fe } from '../field-error.js';
import { labelValueErrors, validateQualifiedName } from './labels.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const TOLERATION_OPERATORS = ['Equal', 'Exists'];

/** Go's `%#v` of a core.Toleration, which one of ValidateTolerations' errors prints as its value. */
function goToleration(t: any): string {
  const seconds = t?.tolerationSeconds == null ? '(*int64)(nil)' : `(*int64)(${t.tolerationSeconds})`;
  const q = (v: unknown): string => JSON.stringify(String(v ?? ''));
  return `core.Toleration{Key:${q(t?.key)}, Operator:${q(t?.operator)}, Value:${q(t?.value)}, Effect:${q(t?.effect)}, TolerationSeconds:${seconds}}`;
}

/** corevalidation.ValidateTolerations (an empty operator means Equal, an empty effect all effects). */
export function validateTolerations(tolerations: any[] | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  (tolerations ?? []).forEach((t, i) => {
    const path = `${field}[${i}]`;
    const key = String(t?.key ?? '');
    const op = String(t?.operator ?? '');
    const value = String(t?.value ?? '');
    const effect = String(t?.effect ?? '');
    if (key !== '') errs.push(...validateQualifiedName(key, `${path}.key`));
    if (key === '' && op !== 'Exists') {
      errs.push(fe.invalid(`${path}.operator`, op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t?.tolerationSeconds != null && effect !== 'NoExecute') {
      errs.push(fe.invalid(`${path}.effect`, effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (op === 'Equal' || op === '') {
      const msgs = labelValueErrors(value);
      if (msgs.length) errs.push(fe.invalid(`${path}.operator`, value, msgs.join(';')));
    } else if (op === 'Exists') {
      // the value printed is the whole toleration, in Go syntax
      if (value !== '') errs.push({ type: 'Invalid value', field: `${path}.operator`, detail: `${goToleration(t)}: value must be empty when \`operator\` is 'Exists'` });
    } else {
      errs.push(fe.unsupported(`${path}.operator`, op, TOLERATION_OPERATORS));
    }
    if (effect !== '' && !TAINT_EFFECTS.includes(effect)) errs.push(fe.unsupported(`${path}.effect`, effect, TAINT_EFFECTS));
  });
  return errs;
}
