import type { Client } from './client.js';
import type { JSONSchemaProps } from './crd/json-schema.js';
import type { FieldError } from './field-error.js';
import type { KubeObject } from './types.js';

/** One column of `kubectl get`. priority 1 = shown only with `-o wide`. */
export interface Column {
  name: string;
  priority?: 0 | 1;
  cell(obj: KubeObject, now: Date): string;
}

export interface DescribeContext {
  /** Read-only use: describers fetch related objects (a Deployment's ReplicaSets, a Service's Endpoints). */
  client: Client;
  now: Date;
}

/**
 * Everything the API server and the printers know about one kind, described once
 * (DESIGN rule 2). The API server runs these steps in one fixed order:
 *   schema check (strict fields) → defaults → admission → prepareForCreate/Update → validate(/Update)
 *   → validating admission (LimitRanger, ResourceQuota) → store
 */
export interface KindDef {
  group: string; // '' for core
  version: string;
  kind: string;
  plural: string;
  singular: string;
  shortNames: string[];
  categories: string[]; // e.g. ['all']
  namespaced: boolean;
  /**
   * The resource as Client calls, the store's keys and the change feed name it, when that is not
   * `plural`: a custom resource's `plural.group`, since a CRD may reuse a built-in plural in its own
   * group (Knative's services.serving.knative.dev). Read it through resourceOf().
   */
  resource?: string;
  /** Type name in the generated structural schema (src/api/schema), e.g. `V1Pod`. */
  schemaType: string;
  /**
   * For kinds without a generated schema (custom resources: their CRD's structural schema): the
   * body's unknown fields (`unknown field "spec.x"`), deleted from obj when `drop`. Values of the
   * wrong type are not decode errors for these kinds but validation errors (validate()).
   */
  unknownFields?(obj: KubeObject, drop: boolean): string[];
  /**
   * Other apiVersions the kind is served at (a CRD's other served versions; autoscaling/v1 of the
   * HorizontalPodAutoscaler). Objects are stored in `version` only; see convert.
   */
  alsoServed?: string[];
  /**
   * Conversion between the served versions, when they differ in more than apiVersion: `obj` (in
   * any served version) as `toApiVersion` shows it, a new object (obj is not changed). Every place
   * that reads or writes an alsoServed version goes through convertTo(): the API server converts a
   * body (create, update, and the object a patch written in another version applies to) into
   * `version` before anything else; answers, watch events and the CLI's `get TYPE.VERSION.GROUP`
   * and `apply` of a manifest in another version convert back. Absent: conversion strategy None
   * (CRDs), only apiVersion changes.
   */
  convert?(obj: KubeObject, toApiVersion: string): KubeObject;
  /**
   * The schema type of an alsoServed version whose shape differs (`autoscaling/v1` →
   * `V1HorizontalPodAutoscaler`): what a body in that version is checked against and what the
   * OpenAPI document of that version publishes. Read it through schemaTypeIn().
   */
  versionSchemaTypes?: Record<string, string>;
  /** A custom resource's structural schema (its CRD version's openAPIV3Schema), which `explain` reads. */
  customSchema?: JSONSchemaProps;
  /** Has a /status subresource: create/update of the main resource ignore status; updateStatus changes only status. */
  statusSubresource: boolean;
  /** Has a /scale subresource (spec.replicas): what `scale` and `autoscale` and the autoscaler can resize. */
  scaleSubresource?: boolean;
  /** metadata.generation is bumped when anything but metadata/status changes. */
  bumpsGeneration: boolean;
  /**
   * A status update also takes metadata.annotations from the body (deploymentStatusStrategy keeps
   * them: the controller records the revision annotation that way, without bumping generation).
   */
  statusUpdatesAnnotations?: boolean;
  /** Which validator metadata.name uses (DNS-1123 subdomain for most, label for services/namespaces, path segment for RBAC/events). */
  nameRule: 'subdomain' | 'label' | 'path-segment';

  /** Fills defaults in place, as the Kubernetes defaulting functions do. */
  defaults?(obj: KubeObject): void;
  /** Kind-specific preparation on create (reset status, etc.); uid/creationTimestamp/generation are done by the server. */
  prepareForCreate?(obj: KubeObject): void;
  prepareForUpdate?(obj: KubeObject, old: KubeObject): void;
  /** Field errors of a new object (metadata included, via the shared meta validation). */
  validate?(obj: KubeObject): FieldError[];
  /** Field errors of an update (immutable fields…), in addition to validate(). */
  validateUpdate?(obj: KubeObject, old: KubeObject): FieldError[];

  /** `kubectl get` columns, in order; wide-only ones have priority 1. */
  columns: Column[];
  /** Extra field selectors beyond metadata.name / metadata.namespace. */
  fieldSelectors?: Record<string, (obj: KubeObject) => string | undefined>;
  /** `kubectl describe` body, without the trailing Events section (the describe command appends it). */
  describe?(obj: KubeObject, ctx: DescribeContext): Promise<string> | string;
  /** Whether describe shows an Events section for this kind (kubectl omits it for some, e.g. Event). */
  describeEvents?: boolean;
}

/** What Client calls and store keys name the kind's objects by (see KindDef.resource). */
export function resourceOf(k: Pick<KindDef, 'plural' | 'resource'>): string {
  return k.resource ?? k.plural;
}

/**
 * Whether strategic merge patches apply to the kind: built-in kinds, whose Go types name the merge
 * keys of their lists. Custom resources take JSON merge and JSON patches only (and kubectl apply
 * sends them a JSON merge patch).
 */
export function hasStrategicMerge(k: Pick<KindDef, 'schemaType'>): boolean {
  return k.schemaType !== '';
}

export function apiVersionOf(k: Pick<KindDef, 'group' | 'version'>): string {
  return k.group ? `${k.group}/${k.version}` : k.version;
}

/** obj in another served apiVersion of its kind (KindDef.convert; only apiVersion changes without one). */
export function convertTo(k: Pick<KindDef, 'convert'>, obj: KubeObject, apiVersion: string): KubeObject {
  if (obj.apiVersion === apiVersion) return obj;
  return k.convert ? k.convert(obj, apiVersion) : { ...obj, apiVersion };
}

/** obj as the kind's own version has it (what columns and describers read), from any served version. */
export function inOwnVersion(k: KindDef, obj: KubeObject): KubeObject {
  const own = apiVersionOf(k);
  return obj.apiVersion && obj.apiVersion !== own && k.alsoServed?.includes(obj.apiVersion) ? convertTo(k, obj, own) : obj;
}

/** The schema type of the kind in a served apiVersion (its own schemaType unless versionSchemaTypes names another). */
export function schemaTypeIn(k: Pick<KindDef, 'schemaType' | 'versionSchemaTypes'>, apiVersion: string): string {
  return k.versionSchemaTypes?.[apiVersion] ?? k.schemaType;
}
