/**
 * The errors kube-openapi's validator (k8s.io/kube-openapi/pkg/validation) reports, with their messages
 * (errors/schema.go, validate/schema_messages.go), and its Result: errors kept unique by message, plus the
 * match count anyOf/oneOf use to pick the "best" failing branch to report.
 */
import { goQuote } from './go-values.js';

export type OpenAPICode =
  | 'invalidType' | 'required' | 'tooLong' | 'tooShort' | 'pattern' | 'enum' | 'multipleOf' | 'max' | 'min'
  | 'unique' | 'maxItems' | 'minItems' | 'tooFewProperties' | 'tooManyProperties' | 'forbiddenProperty'
  | 'multipleOfMustBePositive' | 'composite';

export interface OpenAPIError {
  code: OpenAPICode;
  /** kube-openapi's name for the value (`spec.replicas`); composite (allOf/anyOf/oneOf/not) errors have none. */
  name?: string;
  /** The offending value; undefined stands for Go's nil. */
  value?: unknown;
  /** The limit exceeded (maxLength, maxItems, maxProperties). */
  valid?: number;
  /** The enum's values. */
  values?: unknown[];
  message: string;
}

export class Result {
  readonly errors: OpenAPIError[] = [];
  matchCount = 0;

  static of(error: OpenAPIError): Result {
    const r = new Result();
    r.errors.push(error);
    return r;
  }

  get valid(): boolean {
    return this.errors.length === 0;
  }

  /** The same check can be reached twice (allOf branches); kube-openapi reports a message once. */
  add(...errors: OpenAPIError[]): void {
    for (const e of errors) if (!this.errors.some((x) => x.message === e.message)) this.errors.push(e);
  }

  merge(...others: (Result | undefined)[]): this {
    for (const o of others) {
      if (!o) continue;
      this.add(...o.errors);
      this.matchCount += o.matchCount;
    }
    return this;
  }

  inc(): void {
    this.matchCount++;
  }
}

const IN = 'in body';

export const openAPIErrors = {
  invalidType: (name: string, typeName: string, value: string): OpenAPIError => ({
    code: 'invalidType', name, value, message: `${name} ${IN} must be of type ${typeName}: ${goQuote(value)}`,
  }),
  required: (name: string): OpenAPIError => ({ code: 'required', name, message: `${name} ${IN} is required` }),
  tooLong: (name: string, max: number, value: string): OpenAPIError => ({
    code: 'tooLong', name, value, valid: max, message: `${name} ${IN} should be at most ${max} chars long`,
  }),
  tooShort: (name: string, min: number, value: string): OpenAPIError => ({
    code: 'tooShort', name, value, message: `${name} ${IN} should be at least ${min} chars long`,
  }),
  pattern: (name: string, pattern: string, value: string): OpenAPIError => ({
    code: 'pattern', name, value, message: `${name} ${IN} should match '${pattern}'`,
  }),
  enum: (name: string, value: unknown, values: unknown[], rendered: string): OpenAPIError => ({
    code: 'enum', name, value, values, message: `${name} ${IN} should be one of ${rendered}`,
  }),
  multipleOf: (name: string, factor: string, value: number): OpenAPIError => ({
    code: 'multipleOf', name, value, message: `${name} ${IN} should be a multiple of ${factor}`,
  }),
  multipleOfMustBePositive: (name: string, factor: number, rendered: string): OpenAPIError => ({
    code: 'multipleOfMustBePositive', name, value: factor, message: `factor MultipleOf declared for ${name} must be positive: ${rendered}`,
  }),
  maximum: (name: string, max: string, exclusive: boolean, value: number): OpenAPIError => ({
    code: 'max', name, value, message: `${name} ${IN} should be less than ${exclusive ? '' : 'or equal to '}${max}`,
  }),
  minimum: (name: string, min: string, exclusive: boolean, value: number): OpenAPIError => ({
    code: 'min', name, value, message: `${name} ${IN} should be greater than ${exclusive ? '' : 'or equal to '}${min}`,
  }),
  duplicateItems: (name: string): OpenAPIError => ({ code: 'unique', name, message: `${name} ${IN} shouldn't contain duplicates` }),
  tooManyItems: (name: string, max: number, size: number): OpenAPIError => ({
    code: 'maxItems', name, value: size, valid: max, message: `${name} ${IN} should have at most ${max} items`,
  }),
  tooFewItems: (name: string, min: number, size: number): OpenAPIError => ({
    code: 'minItems', name, value: size, message: `${name} ${IN} should have at least ${min} items`,
  }),
  tooFewProperties: (name: string, min: number, count: number): OpenAPIError => ({
    code: 'tooFewProperties', name, value: count, message: `${name} ${IN} should have at least ${min} properties`,
  }),
  tooManyProperties: (name: string, max: number, count: number): OpenAPIError => ({
    code: 'tooManyProperties', name, value: count, valid: max, message: `${name} ${IN} should have at most ${max} properties`,
  }),
  propertyNotAllowed: (name: string, key: string): OpenAPIError => ({
    code: 'forbiddenProperty', name, value: key, message: `${name}.${key} ${IN} is a forbidden property`,
  }),
  /** allOf/anyOf/oneOf/not and dependencies failures: plain errors without a field, `%q` of the path. */
  composite: (message: string): OpenAPIError => ({ code: 'composite', message }),
};

export const compositeMessages = {
  anyOf: (path: string): string => `${goQuote(path)} must validate at least one schema (anyOf)`,
  oneOf: (path: string, valid: number): string =>
    `${goQuote(path)} must validate one and only one schema (oneOf). ${valid === 0 ? 'Found none valid' : `Found ${valid} valid alternatives`}`,
  allOf: (path: string, noneValid: boolean): string => `${goQuote(path)} must validate all the schemas (allOf)${noneValid ? '. None validated' : ''}`,
  not: (path: string): string => `${goQuote(path)} must not validate the schema (not)`,
  dependency: (path: string, key: string): string => `${goQuote(path)} has a dependency on ${key}`,
};
