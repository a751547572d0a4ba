import { type FieldError, formatFieldError } from './field-error.js';

/** Reasons of metav1.Status, with their HTTP codes. */
export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'Forbidden'
  | 'BadRequest'
  | 'MethodNotAllowed'
  | 'UnsupportedMediaType'
  | 'Gone'
  | 'Timeout'
  | 'TooManyRequests'
  | 'InternalError'
  | 'RequestEntityTooLarge'
  | '';

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string; // plural resource for most reasons, Kind for Invalid
  causes?: FieldError[];
}

/** metav1.Status as JSON. */
export interface StatusObject {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message: string;
  reason: StatusReason;
  details?: { name?: string; group?: string; kind?: string; causes?: { reason: string; message: string; field: string }[] };
  code: number;
}

/** Every API failure is one of these: the one error shape of the house (DESIGN rule 8). */
export class StatusError extends Error {
  constructor(
    readonly code: number,
    readonly reason: StatusReason,
    message: string,
    readonly details: StatusDetails = {},
  ) {
    super(message);
    this.name = 'StatusError';
  }

  toStatus(): StatusObject {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      details: {
        name: this.details.name,
        group: this.details.group,
        kind: this.details.kind,
        causes: this.details.causes?.map((c) => ({
          reason: causeReason(c),
          message: formatFieldError({ ...c, field: '' }),
          field: c.field,
        })),
      },
      code: this.code,
    };
  }

  /** A copy whose message has `prefix` in front (kubectl's `error when creating "f.yaml": …`). */
  withPrefix(prefix: string): StatusError {
    const e = new StatusError(this.code, this.reason, prefix + this.message, this.details);
    return e;
  }
}

function causeReason(c: FieldError): string {
  switch (c.type) {
    case 'Required value': return 'FieldValueRequired';
    case 'Invalid value': return 'FieldValueInvalid';
    case 'Unsupported value': return 'FieldValueNotSupported';
    case 'Duplicate value': return 'FieldValueDuplicate';
    case 'Forbidden': return 'FieldValueForbidden';
    case 'Too long': return 'FieldValueTooLong';
    case 'Too many': return 'FieldValueTooMany';
    case 'Not found': return 'FieldValueNotFound';
    case 'field not declared in schema': return 'FieldValueInvalid';
    default: return 'InternalError';
  }
}

/** `pods` or `deployments.apps`. */
export function qualifiedResource(resource: string, group: string): string {
  return group ? `${resource}.${group}` : resource;
}

export const apiErrors = {
  notFound: (resource: string, group: string, name: string) =>
    new StatusError(404, 'NotFound', `${qualifiedResource(resource, group)} "${name}" not found`, { name, group, kind: resource }),
  alreadyExists: (resource: string, group: string, name: string) =>
    new StatusError(409, 'AlreadyExists', `${qualifiedResource(resource, group)} "${name}" already exists`, { name, group, kind: resource }),
  conflict: (resource: string, group: string, name: string, why = 'the object has been modified; please apply your changes to the latest version and try again') =>
    new StatusError(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(resource, group)} "${name}": ${why}`, { name, group, kind: resource }),
  /** kind is the Kind (`Deployment`), group its API group. */
  invalid: (kind: string, group: string, name: string, causes: FieldError[]) => {
    const k = group ? `${kind}.${group}` : kind;
    const list = causes.map(formatFieldError);
    const msg = `${k} "${name}" is invalid: ${list.length === 1 ? list[0] : `[${list.join(', ')}]`}`;
    return new StatusError(422, 'Invalid', msg, { name, group, kind, causes });
  },
  forbidden: (resource: string, group: string, name: string, why: string) =>
    new StatusError(403, 'Forbidden', `${qualifiedResource(resource, group)} "${name}" is forbidden: ${why}`, { name, group, kind: resource }),
  badRequest: (message: string) => new StatusError(400, 'BadRequest', message),
  methodNotAllowed: (action: string, resource: string) =>
    new StatusError(405, 'MethodNotAllowed', `${action} is not supported on resources of kind "${resource}"`),
  tooManyRequests: (message: string) => new StatusError(429, 'TooManyRequests', message),
  internal: (message: string) => new StatusError(500, 'InternalError', `Internal error occurred: ${message}`),
};

export function isStatusError(e: unknown): e is StatusError {
  return e instanceof StatusError;
}
