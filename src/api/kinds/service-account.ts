/** core/v1 ServiceAccount. */
import { DescribeWriter } from '../describe-writer.js';
import type { DescribeContext, KindDef } from '../kind.js';
import type { KubeObject } from '../types.js';
import { ageColumn, nameColumn, writeMetaHeader } from './meta-columns.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const EMPTY_HEADER = '                   ';
const HEADERS: [string, (sa: KubeObject, tokens: string[]) => string[]][] = [
  ['Image pull secrets:', (sa) => (sa.imagePullSecrets ?? []).map((s: any) => s.name)],
  ['Mountable secrets: ', (sa) => (sa.secrets ?? []).map((s: any) => s.name)],
  ['Tokens:            ', (_sa, tokens) => tokens],
];

async function describeServiceAccount(sa: KubeObject, ctx: DescribeContext): Promise<string> {
  let existing: Set<string> | undefined;
  const tokens: string[] = [];
  try {
    const secrets = (await ctx.client.list('secrets', { namespace: sa.metadata.namespace })).items;
    existing = new Set(secrets.map((s) => s.metadata.name ?? ''));
    for (const s of secrets) {
      const ann = s.metadata.annotations ?? {};
      if (s.type === 'kubernetes.io/service-account-token' && ann['kubernetes.io/service-account.name'] === sa.metadata.name &&
        ann['kubernetes.io/service-account.uid'] === sa.metadata.uid) tokens.push(s.metadata.name ?? '');
    }
  } catch {
    existing = undefined;
  }
  const w = new DescribeWriter();
  writeMetaHeader(w, sa);
  for (const [header, names] of HEADERS) {
    const list = names(sa, tokens);
    if (list.length === 0) {
      w.write(0, header, '<none>');
      continue;
    }
    list.forEach((name, i) => {
      const missing = existing !== undefined && header !== HEADERS[2][0] && !existing.has(name);
      w.write(0, i === 0 ? header : EMPTY_HEADER, missing ? `${name} (not found)` : name);
    });
  }
  return w.toString();
}

export const serviceAccountKind: KindDef = {
  group: '',
  version: 'v1',
  kind: 'ServiceAccount',
  plural: 'serviceaccounts',
  singular: 'serviceaccount',
  shortNames: ['sa'],
  categories: [],
  namespaced: true,
  schemaType: 'V1ServiceAccount',
  statusSubresource: false,
  bumpsGeneration: false,
  nameRule: 'subdomain',

  columns: [nameColumn, { name: 'SECRETS', cell: (o) => String((o.secrets ?? []).length) }, ageColumn],
  describe: describeServiceAccount,
  describeEvents: true,
};
