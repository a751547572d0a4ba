/**
 * Priority (plugin/pkg/admission/priority): a pod created gets spec.priority and
 * spec.preemptionPolicy from its PriorityClass — the one it names, else the global default (the
 * lowest-valued class marked globalDefault), else priority 0 and PreemptLowerPriority. A pod may
 * not name a class that does not exist, nor carry a priority or policy other than its class's. At
 * most one class is the global default, and the system classes cannot be deleted.
 */
import { apiErrors } from '../../api/errors.js';
import { SYSTEM_PRIORITY_CLASSES } from '../../api/kinds/priority-class.js';
import type { KubeObject } from '../../api/types.js';
import { registryKey, registryPrefix } from '../../store/store.js';
import type { AdmissionAttributes, AdmissionPlugin, ServerContext } from '../context.js';

/**
 * What globalDefault() found last, by API server: kept while the store's epoch stays and no
 * PriorityClass went through admission since (every write of one does), as kube-apiserver reads it
 * from an informer. Every pod created asks, and a range read of the store per create would put the
 * batch's pending keys in order each time.
 */
interface Remembered {
  epoch: number;
  writes: number;
  value: Readonly<KubeObject> | undefined;
}
const remembered = new WeakMap<ServerContext, Remembered>();
/** PriorityClass admissions by API server (writes that may change the default). */
const classWrites = new WeakMap<ServerContext, number>();

/** The lowest-valued class marked globalDefault, if any (getDefaultPriorityClass). */
function globalDefault(ctx: ServerContext): Readonly<KubeObject> | undefined {
  const epoch = ctx.store.epoch();
  const writes = classWrites.get(ctx) ?? 0;
  const last = remembered.get(ctx);
  if (last && last.epoch === epoch && last.writes === writes) return last.value;
  let best: Readonly<KubeObject> | undefined;
  for (const key of ctx.store.keys(registryPrefix('priorityclasses'))) {
    const pc = ctx.store.peek(key);
    if (pc?.globalDefault === true && (!best || (pc.value ?? 0) < (best.value ?? 0))) best = pc;
  }
  remembered.set(ctx, { epoch, writes, value: best });
  return best;
}

/** admission.NewForbidden names the object as it is before name generation: by its generateName. */
function forbidden(a: AdmissionAttributes, why: string): Error {
  const meta = a.obj.metadata;
  return apiErrors.forbidden(a.kind.plural, a.kind.group, meta.name || meta.generateName || 'Unknown', why);
}

function admitPod(a: AdmissionAttributes): void {
  const spec = (a.obj.spec ??= {});
  if (a.operation === 'UPDATE') {
    // set at creation; validation keeps them from changing, an update that leaves them out keeps them
    spec.priority ??= a.old?.spec?.priority;
    spec.preemptionPolicy ??= a.old?.spec?.preemptionPolicy;
    return;
  }
  let priority = 0;
  let policy: string | undefined = 'PreemptLowerPriority';
  if (!spec.priorityClassName) {
    const pc = globalDefault(a.ctx);
    if (pc) {
      spec.priorityClassName = pc.metadata.name;
      priority = pc.value ?? 0;
      policy = pc.preemptionPolicy;
    }
  } else {
    const pc = a.ctx.store.peek(registryKey('priorityclasses', undefined, spec.priorityClassName));
    if (!pc) throw forbidden(a, `no PriorityClass with name ${spec.priorityClassName} was found`);
    priority = pc.value ?? 0;
    policy = pc.preemptionPolicy;
  }
  if (spec.priority != null && spec.priority !== priority) {
    throw forbidden(a, `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`);
  }
  spec.priority = priority;
  if (policy == null) return;
  if (spec.preemptionPolicy != null && spec.preemptionPolicy !== policy) {
    throw forbidden(a, `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${policy} from the given PriorityClass name`);
  }
  spec.preemptionPolicy = policy;
}

function classWritten(ctx: ServerContext): void {
  classWrites.set(ctx, (classWrites.get(ctx) ?? 0) + 1);
}

/** Checks a PriorityClass write; returns what runs once it is stored. */
function admitPriorityClass(a: AdmissionAttributes): () => void {
  // counted before (a delete is stored without a callback) and after (the check below reads the store)
  classWritten(a.ctx);
  const stored = () => classWritten(a.ctx);
  const name = a.obj.metadata.name ?? '';
  if (a.operation === 'DELETE') {
    if (SYSTEM_PRIORITY_CLASSES.some((c) => c.name === name)) throw forbidden(a, 'this is a system priority class and cannot be deleted');
    return stored;
  }
  if (a.obj.globalDefault !== true) return stored;
  const current = globalDefault(a.ctx);
  if (current && (a.operation === 'CREATE' || current.metadata.name !== name)) {
    throw forbidden(a, `PriorityClass ${current.metadata.name} is already marked as default. Only one default can exist`);
  }
  return stored;
}

export const priorityAdmission: AdmissionPlugin = {
  name: 'Priority',
  admit(a) {
    if (a.kind.group === '' && a.kind.plural === 'pods') {
      if (a.operation === 'CREATE' || a.operation === 'UPDATE') admitPod(a);
    } else if (a.kind.group === 'scheduling.k8s.io' && a.kind.plural === 'priorityclasses') {
      return admitPriorityClass(a);
    }
    return undefined;
  },
};
