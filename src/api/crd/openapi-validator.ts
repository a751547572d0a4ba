/**
 * kube-openapi's SchemaValidator (validate/schema.go): per schema node, the type, allOf/anyOf/oneOf/not,
 * string, format, number, array, enum and object validators in that order, each adding to the match count
 * that picks which failing anyOf/oneOf branch gets reported. Names are kube-openapi's: a property at the
 * root is `spec`, below it `spec.replicas`, items `spec.list[0]`, map entries `spec.labels.key`.
 *
 * Kubernetes walks properties in Go map order (random); they are walked here in sorted key order.
 * Not implemented (all forbidden in CRD schemas): patternProperties, additionalItems.
 */
import { additionalSchema, hasOwn, type JSONSchemaProps } from './json-schema.js';
import { compareGoStrings, isPlainObject, jsonEqual } from './go-values.js';
import {
  checkEnum, checkFormat, checkNumber, checkString, checkType, formatApplies, kindOf, typeApplies,
} from './openapi-checks.js';
import { compositeMessages as cm, openAPIErrors as oe, Result } from './openapi-result.js';

/** Fields of a resource's root that are validated elsewhere (ObjectMeta and TypeMeta checks). */
const ROOT_META = new Set(['apiVersion', 'kind', 'metadata']);

/**
 * Validates `data` against schema node `s` under kube-openapi name `name` ('' at the root). With `root`,
 * apiVersion, kind and metadata of the top-level object are left alone.
 */
export function validateValue(s: JSONSchemaProps, data: unknown, name: string, root = false): Result {
  const result = new Result();
  const kind = kindOf(data);
  if (kind === 'null') {
    result.merge(checkType(s, null, name), checkEnum(s, null, name));
    return result;
  }
  const step = (applies: boolean, run: () => Result | undefined): void => {
    if (!applies) return;
    result.merge(run());
    result.inc();
  };
  step(typeApplies(s), () => checkType(s, data, name));
  step(true, () => validateCombinators(s, data, name, root));
  step(kind === 'string', () => checkString(s, data as string, name));
  step(formatApplies(s, kind), () => checkFormat(s, data as string, name));
  step(kind === 'int' || kind === 'float', () => checkNumber(s, data as number, name));
  step(kind === 'array', () => validateArray(s, data as unknown[], name));
  step(true, () => checkEnum(s, data, name));
  step(kind === 'object', () => validateObject(s, data as Record<string, unknown>, name, root));
  result.inc();
  return result;
}

/**
 * anyOf and oneOf report their own error plus the errors of the failing branch with the most matches (the
 * first on a tie); allOf reports every branch's errors and then its own; not reports only its own.
 */
function validateCombinators(s: JSONSchemaProps, data: unknown, name: string, root: boolean): Result {
  const main = new Result();
  if (s.anyOf?.length) {
    let best: Result | undefined;
    let first: Result | undefined;
    for (const branch of s.anyOf) {
      const r = validateValue(branch, data, name, root);
      if (r.valid) {
        [best, first] = [undefined, r];
        break;
      }
      if (!best || r.matchCount > best.matchCount) best = r;
    }
    if (!first) main.add(oe.composite(cm.anyOf(name)));
    main.merge(best ?? first);
  }
  if (s.oneOf?.length) {
    let best: Result | undefined;
    let first: Result | undefined;
    let validated = 0;
    for (const branch of s.oneOf) {
      const r = validateValue(branch, data, name, root);
      if (r.valid) {
        validated++;
        best = undefined;
        first ??= r;
      } else if (validated === 0 && (!best || r.matchCount > best.matchCount)) best = r;
    }
    if (validated !== 1) {
      main.add(oe.composite(cm.oneOf(name, validated)));
      main.merge(best);
    } else main.merge(first);
  }
  if (s.allOf?.length) {
    let validated = 0;
    for (const branch of s.allOf) {
      const r = validateValue(branch, data, name, root);
      if (r.valid) validated++;
      main.merge(r);
    }
    if (validated !== s.allOf.length) main.add(oe.composite(cm.allOf(name, validated === 0)));
  }
  if (s.not && validateValue(s.not, data, name, root).valid) main.add(oe.composite(cm.not(name)));
  if (s.dependencies && isPlainObject(data)) {
    for (const key of Object.keys(data).sort(compareGoStrings)) {
      const dep = hasOwn(s.dependencies, key) ? s.dependencies[key] : undefined;
      if (Array.isArray(dep)) {
        for (const needed of dep) if (!hasOwn(data, needed)) main.add(oe.composite(cm.dependency(name, needed)));
      } else if (dep) main.merge(validateValue(dep, data, `${name}.${key}`, root));
    }
  }
  main.inc();
  return main;
}

function validateArray(s: JSONSchemaProps, data: unknown[], name: string): Result {
  const r = new Result();
  const items = s.items;
  if (Array.isArray(items)) {
    for (let i = 0; i < Math.min(items.length, data.length); i++) r.merge(validateValue(items[i], data[i], `${name}[${i}]`));
  } else if (items) {
    data.forEach((item, i) => r.merge(validateValue(items, item, `${name}[${i}]`)));
  }
  if (s.minItems !== undefined && data.length < s.minItems) r.add(oe.tooFewItems(name, s.minItems, data.length));
  if (s.maxItems !== undefined && data.length > s.maxItems) r.add(oe.tooManyItems(name, s.maxItems, data.length));
  if (s.uniqueItems && data.some((x, i) => data.slice(0, i).some((y) => jsonEqual(x, y)))) r.add(oe.duplicateItems(name));
  r.inc();
  return r;
}

/** min/maxProperties, additionalProperties, properties, then required (validate/object_validator.go). */
function validateObject(s: JSONSchemaProps, obj: Record<string, unknown>, name: string, root: boolean): Result {
  const r = new Result();
  const present = (k: string): boolean => hasOwn(obj, k) && obj[k] !== undefined;
  const keys = Object.keys(obj).filter(present).sort(compareGoStrings);
  const skip = (k: string): boolean => root && ROOT_META.has(k);
  if (s.minProperties !== undefined && keys.length < s.minProperties) r.add(oe.tooFewProperties(name, s.minProperties, keys.length));
  if (s.maxProperties !== undefined && keys.length > s.maxProperties) r.add(oe.tooManyProperties(name, s.maxProperties, keys.length));
  const props = s.properties ?? {};
  const extra = keys.filter((k) => !hasOwn(props, k) && !skip(k));
  if (s.additionalProperties === false) {
    for (const k of extra) r.add(oe.propertyNotAllowed(name, k));
  } else {
    const ap = additionalSchema(s);
    // kube-openapi names map entries `<path>.<key>` even at the root, where that gives a leading dot.
    if (ap) for (const k of extra) r.merge(validateValue(ap, obj[k], `${name}.${k}`));
  }
  for (const p of Object.keys(props).sort(compareGoStrings)) {
    if (skip(p) || !present(p)) continue;
    r.merge(validateValue(props[p], obj[p], name ? `${name}.${p}` : p));
  }
  for (const k of s.required ?? []) if (!skip(k) && !present(k)) r.add(oe.required(`${name}.${k}`));
  return r;
}
