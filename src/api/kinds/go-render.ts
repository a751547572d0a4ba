/**
 * Go `%#v` renderings that Kubernetes 1.32 field errors show for struct values (a dereferenced
 * *LabelSelector, an IntOrString, a nil map), plus a FieldError builder for such raw values.
 */
import type { FieldError } from '../field-error.js';
import { int64Amount, parseQuantityExact } from '../quantity.js';
import type { LabelSelector } from '../types.js';

const q = (s: unknown): string => JSON.stringify(String(s ?? ''));

/** `%#v` of a map[string]string: `map[string]string(nil)` when absent, keys sorted. */
export function goStringMap(map: Record<string, string> | undefined | null): string {
  if (map === undefined || map === null) return 'map[string]string(nil)';
  const keys = Object.keys(map).sort();
  return `map[string]string{${keys.map((k) => `${q(k)}:${q(map[k])}`).join(', ')}}`;
}

function goStringSlice(values: string[] | undefined | null): string {
  if (values === undefined || values === null) return '[]string(nil)';
  return `[]string{${values.map(q).join(', ')}}`;
}

/** Go's `%v` of a []string: `[a b]`. */
export function goList(values: unknown[] | undefined | null): string {
  return `[${(values ?? []).map((v) => String(v)).join(' ')}]`;
}

/** `%#v` of a v1.LabelSelector value. */
export function goLabelSelector(sel: LabelSelector | undefined | null): string {
  if (!sel) return 'null';
  const exprs = sel.matchExpressions;
  const exprText = exprs === undefined || exprs === null
    ? '[]v1.LabelSelectorRequirement(nil)'
    : `[]v1.LabelSelectorRequirement{${exprs
      .map((e) => `v1.LabelSelectorRequirement{Key:${q(e.key)}, Operator:${q(e.operator)}, Values:${goStringSlice(e.values)}}`)
      .join(', ')}}`;
  return `v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels)}, MatchExpressions:${exprText}}`;
}

/** `%#v` of an intstr.IntOrString decoded from JSON (a number is Type 0, a string Type 1). */
export function goIntOrString(v: unknown): string {
  if (typeof v === 'number') return `intstr.IntOrString{Type:0, IntVal:${v}, StrVal:""}`;
  return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${q(v)}}`;
}

/** An `Invalid value` error whose value Go prints raw (`%#v`), not quoted. */
export function invalidRaw(field: string, raw: string, detail: string): FieldError {
  return { type: 'Invalid value', field, hasValue: false, detail: detail ? `${raw}: ${detail}` : raw };
}

/** An `Unsupported value` error whose value Go prints raw. */
export function unsupportedRaw(field: string, raw: string, supported: string[]): FieldError {
  return { type: 'Unsupported value', field, hasValue: false, detail: `${raw}: supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}` };
}

/**
 * `%#v` of a resource.Quantity as decoding leaves it (field errors print a Quantity value this way:
 * its String method has a pointer receiver). `s` is the text itself when ParseQuantity kept it. A
 * quantity on the slow path holds an *inf.Dec, whose address Go prints; any address stands in.
 */
export function goQuantity(q: string | number): string {
  const p = parseQuantityExact(q);
  const amount = int64Amount(q);
  const i = `resource.int64Amount{value:${amount?.value ?? 0n}, scale:${amount?.scale ?? 0}}`;
  const dec = amount ? '(*inf.Dec)(nil)' : '(*inf.Dec)(0xc000a1c000)';
  // ParseQuantity returns a plain "0" before parsing, keeping the text
  const s = String(q) === '0' ? '0' : (p.cached ?? '');
  return `resource.Quantity{i:${i}, d:resource.infDecAmount{Dec:${dec}}, s:${JSON.stringify(s)}, Format:${JSON.stringify(p.format)}}`;
}
