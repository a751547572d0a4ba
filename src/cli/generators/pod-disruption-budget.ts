/** `kubectl create poddisruptionbudget` (create_pdb.go), and the selector parsing it uses. */
import type { KubeObject, LabelSelector } from '../../api/types.js';
import { parseRequirements } from '../../api/selector/label-parser.js';
import { objectMeta, sortedMap, typed } from './meta.js';

/** metav1.ParseToLabelSelector: equality requirements into matchLabels, set-based ones into matchExpressions. */
export function parseToLabelSelector(selector: string): LabelSelector {
  let reqs;
  try {
    reqs = parseRequirements(selector);
  } catch (err) {
    throw new Error(`couldn't parse the selector string "${selector}": ${(err as Error).message}`);
  }
  const matchLabels: [string, string][] = [];
  const matchExpressions: NonNullable<LabelSelector['matchExpressions']> = [];
  const ops: Record<string, 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'> = { in: 'In', notin: 'NotIn', exists: 'Exists', '!': 'DoesNotExist' };
  // labels.ParseToRequirements hands them over sorted by key
  for (const r of [...reqs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    if (r.operator === '=' || r.operator === '==') {
      matchLabels.push([r.key, r.values[0]!]);
      continue;
    }
    if (r.operator === 'gt' || r.operator === 'lt') throw new Error(`"${r.operator}" isn't supported in label selectors`);
    const op = ops[r.operator];
    if (!op) throw new Error(`"${r.operator}" is not a valid label selector operator`);
    const values = [...r.values].sort();
    matchExpressions.push({ key: r.key, operator: op, ...(values.length > 0 ? { values } : {}) });
  }
  return {
    ...(matchLabels.length > 0 ? { matchLabels: sortedMap(matchLabels) } : {}),
    ...(matchExpressions.length > 0 ? { matchExpressions } : {}),
  };
}

/** intstr.Parse: an integer when the text is one, else the text. */
function intOrString(s: string): number | string {
  return /^-?[0-9]+$/.test(s) && Number.isSafeInteger(Number(s)) ? Number(s) : s;
}

const INT_OR_PERCENT = /^[0-9]+%?$/;

export interface PdbInput {
  name: string;
  namespace?: string;
  selector: string;
  minAvailable: string;
  maxUnavailable: string;
}

/** `kubectl create poddisruptionbudget NAME --selector … --min-available|--max-unavailable …` (Validate, then createPodDisruptionBudgets). */
export function generatePodDisruptionBudget(p: PdbInput): KubeObject {
  if (!p.selector) throw new Error('a selector must be specified');
  if (!p.minAvailable && !p.maxUnavailable) throw new Error('one of min-available or max-unavailable must be specified');
  if (p.minAvailable && p.maxUnavailable) throw new Error('min-available and max-unavailable cannot be both specified');
  if (p.minAvailable && !INT_OR_PERCENT.test(p.minAvailable)) throw new Error('invalid format specified for min-available');
  if (p.maxUnavailable && !INT_OR_PERCENT.test(p.maxUnavailable)) throw new Error('invalid format specified for max-unavailable');
  const selector = parseToLabelSelector(p.selector);
  const spec = {
    ...(p.minAvailable ? { minAvailable: intOrString(p.minAvailable) } : {}),
    selector,
    ...(p.maxUnavailable ? { maxUnavailable: intOrString(p.maxUnavailable) } : {}),
  };
  return typed('PodDisruptionBudget', 'policy/v1', {
    metadata: objectMeta({ name: p.name, namespace: p.namespace }),
    spec,
    status: { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 },
  });
}
