/**
 * admissionregistration.k8s.io/v1 ValidatingWebhookConfiguration and MutatingWebhookConfiguration:
 * the admission webhooks an install manifest (cert-manager, ingress-nginx, kyverno…) registers.
 * pocketkube stores, defaults, validates and prints them; it does not call the webhooks.
 */
import type { KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { describeGeneric } from './generic-describe.js';
import { ageColumn, nameColumn } from './meta-columns.js';
import { defaultWebhook, validateWebhooks } from './webhook-validation.js';

const GROUP = 'admissionregistration.k8s.io';

const hooksOf = (o: KubeObject): unknown[] => (Array.isArray(o.webhooks) ? o.webhooks : []);

/** The shared shape of both kinds; only the webhook type (mutating adds reinvocationPolicy) differs. */
function webhookConfigurationKind(kind: string, plural: string, schemaType: string, mutating: boolean): KindDef {
  return {
    group: GROUP,
    version: 'v1',
    kind,
    plural,
    singular: kind.toLowerCase(),
    shortNames: [],
    categories: ['api-extensions'],
    namespaced: false,
    schemaType,
    statusSubresource: false,
    bumpsGeneration: false,
    nameRule: 'subdomain',
    defaults(obj) {
      for (const hook of hooksOf(obj)) defaultWebhook(hook, mutating);
    },
    validate: (obj) => validateWebhooks(obj.webhooks, mutating),
    // printValidatingWebhook / printMutatingWebhook: NAME, WEBHOOKS, AGE
    columns: [
      nameColumn,
      { name: 'WEBHOOKS', cell: (o) => String(hooksOf(o).length) },
      ageColumn,
    ],
    // kubectl has no describer of its own for these: `describe` uses the generic one
    describe: (obj) => describeGeneric(obj),
    describeEvents: true,
  };
}

export const validatingWebhookConfigurationKind: KindDef = webhookConfigurationKind(
  'ValidatingWebhookConfiguration', 'validatingwebhookconfigurations', 'V1ValidatingWebhookConfiguration', false,
);

export const mutatingWebhookConfigurationKind: KindDef = webhookConfigurationKind(
  'MutatingWebhookConfiguration', 'mutatingwebhookconfigurations', 'V1MutatingWebhookConfiguration', true,
);
