/**
 * The create pipeline, the same for every kind:
 * type meta → strict schema check → defaults → admission → server-set metadata → prepareForCreate →
 * validation → validating admission → AlreadyExists → store (skipped for dryRun=All).
 */
import type { WriteOptions } from '../api/client.js';
import { apiErrors } from '../api/errors.js';
import { type KindDef, inOwnVersion } from '../api/kind.js';
import type { KubeObject } from '../api/types.js';
import { newUid } from '../api/uid.js';
import { rfc3339 } from '../util/clock.js';
import { admissionPlugins } from './admission/index.js';
import { generateName } from './admission/generate-name.js';
import { schemaCheck, validateObject } from './checks.js';
import type { ServerContext } from './context.js';
import { runAdmission } from './run-admission.js';
import { checkBody, checkTypeMeta, objectKey, scopeNamespace } from './resolve.js';
import { cloneJson } from '../util/json-clone.js';
import { takeOver } from '../api/hand-over.js';
import { readOnly } from './read-only.js';
import { afterCreate, freeForCreate } from './event-ttl.js';
import { checkCustomResourceCreate } from './custom-resources.js';

/** Attempts at a fresh generated name when the first one is taken (RetryGenerateName). */
const GENERATE_NAME_TRIES = 8;

export function createObject(ctx: ServerContext, kind: KindDef, input: KubeObject, opts: WriteOptions = {}): KubeObject {
  checkBody(input);
  checkCustomResourceCreate(ctx, kind);
  // a handed-over object is the server's own (hand-over.ts): no copy in, none out
  const owned = takeOver(input);
  // asked before anything fills the name in (a handed-over input is obj itself)
  const nameGiven = Boolean(input.metadata?.name);
  const body: KubeObject = owned ? input : cloneJson(input);
  checkTypeMeta(kind, body);
  schemaCheck(kind, body, opts);
  // a body in another served version goes on converted (a new object)
  const obj = inOwnVersion(kind, body);
  const meta = obj.metadata;
  if (meta.resourceVersion) throw apiErrors.internal('resourceVersion should not be set on objects to be created');
  meta.namespace = scopeNamespace(kind, meta.namespace);
  if (meta.namespace === undefined) delete meta.namespace;

  kind.defaults?.(obj);
  const dryRun = opts.dryRun === 'All';
  const attributes = { operation: 'CREATE' as const, kind, obj, dryRun, ctx };
  const onStored = runAdmission(admissionPlugins, attributes);

  meta.uid = newUid();
  meta.creationTimestamp = rfc3339(ctx.clock.now());
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  delete meta.selfLink;
  if (kind.bumpsGeneration) meta.generation = 1;
  else delete meta.generation;
  kind.prepareForCreate?.(obj);
  validateObject(kind, obj);
  onStored.push(...runAdmission(admissionPlugins, attributes, 'validate'));

  let key = objectKey(kind, meta.namespace, meta.name!);
  for (let i = 1; !freeForCreate(ctx, key, dryRun); i++) {
    if (!nameGiven && meta.generateName && i < GENERATE_NAME_TRIES) {
      meta.name = generateName(meta.generateName, ctx.random);
      key = objectKey(kind, meta.namespace, meta.name);
      continue;
    }
    throw apiErrors.alreadyExists(kind.plural, kind.group, meta.name!);
  }
  if (dryRun) return obj;
  // the pipeline has been changing obj.metadata in place all along: it is this create's own
  const stored = ctx.store.put(key, obj, undefined, owned, true);
  if (!stored) throw apiErrors.alreadyExists(kind.plural, kind.group, meta.name!);
  afterCreate(ctx, key, stored);
  for (const f of onStored) f();
  return owned ? readOnly(stored) : stored;
}
