/**
 * The protobuf messages pocketkube serve decodes: the field tables of tables/*.ts (facts of the
 * Kubernetes wire format, from the `generated.proto` files of k8s.io/api and
 * k8s.io/apimachinery), parsed once on first use. Format: see schema-types.ts.
 */
import type { FieldSpec, MessageSpec, PackageTable, ScalarKind, ValueKind } from './schema-types.js';
import { APPS_V1 } from './tables/apps-v1.js';
import { AUTHENTICATION_V1 } from './tables/authentication-v1.js';
import { AUTHORIZATION_V1 } from './tables/authorization-v1.js';
import { AUTOSCALING_V1 } from './tables/autoscaling-v1.js';
import { BATCH_V1 } from './tables/batch-v1.js';
import { CORE_V1 } from './tables/core-v1.js';
import { INTSTR } from './tables/intstr.js';
import { META_V1 } from './tables/meta-v1.js';
import { NETWORKING_V1 } from './tables/networking-v1.js';
import { POLICY_V1 } from './tables/policy-v1.js';
import { RBAC_V1 } from './tables/rbac-v1.js';
import { RESOURCE } from './tables/resource.js';
import { SCHEDULING_V1 } from './tables/scheduling-v1.js';

const TABLES: readonly PackageTable[] = [
  APPS_V1, AUTHENTICATION_V1, AUTHORIZATION_V1, AUTOSCALING_V1, BATCH_V1, CORE_V1, INTSTR, META_V1, NETWORKING_V1, POLICY_V1, RBAC_V1, RESOURCE, SCHEDULING_V1,
];

const SCALARS = new Set<string>(['s', 'i32', 'i64', 'b', 'y']);

/** The proto package a short package name stands for. */
const PACKAGE_PREFIXES: Record<string, string> = {
  'meta.v1': 'k8s.io.apimachinery.pkg.apis.meta.v1',
  intstr: 'k8s.io.apimachinery.pkg.util.intstr',
  resource: 'k8s.io.apimachinery.pkg.api.resource',
  runtime: 'k8s.io.apimachinery.pkg.runtime',
};

/** The full protobuf name of a short one: `core.v1.PodSpec` → `k8s.io.api.core.v1.PodSpec`. */
export function fullName(short: string): string {
  const dot = short.lastIndexOf('.');
  const pkg = short.slice(0, dot);
  return `${PACKAGE_PREFIXES[pkg] ?? `k8s.io.api.${pkg}`}${short.slice(dot)}`;
}

function parseValue(pkg: string, text: string): ValueKind {
  if (SCALARS.has(text)) return { scalar: text as ScalarKind };
  if (!/^[A-Za-z][\w.]*$/.test(text)) throw new Error(`bad protobuf table kind ${JSON.stringify(text)} in ${pkg}`);
  return { message: text.includes('.') ? text : `${pkg}.${text}` };
}

export function parseField(pkg: string, token: string): FieldSpec {
  const m = /^(\d+) (\S+) (\S+)$/.exec(token.trim());
  if (!m) throw new Error(`bad protobuf table entry ${JSON.stringify(token)} in ${pkg}`);
  let kind = m[3]!;
  const keepZero = kind.endsWith('!');
  if (keepZero) kind = kind.slice(0, -1);
  const repeated = kind.endsWith('*');
  if (repeated) kind = kind.slice(0, -1);
  const map = kind.startsWith('{') && kind.endsWith('}');
  if (map) kind = kind.slice(1, -1);
  return { number: Number(m[1]), json: m[2] === '~' ? undefined : m[2], value: parseValue(pkg, kind), repeated, map, keepZero };
}

export function parseTables(tables: readonly PackageTable[]): Map<string, MessageSpec> {
  const out = new Map<string, MessageSpec>();
  for (const t of tables) {
    for (const [name, text] of Object.entries(t.messages)) {
      const fields = new Map<number, FieldSpec>();
      for (const token of text.split(',')) {
        const f = parseField(t.pkg, token);
        fields.set(f.number, f);
      }
      out.set(`${t.pkg}.${name}`, { name: `${t.pkg}.${name}`, fields });
    }
  }
  return out;
}

let messages: Map<string, MessageSpec> | undefined;

export function messageSpecs(): Map<string, MessageSpec> {
  return (messages ??= parseTables(TABLES));
}

/** The proto package of each API group the tables cover (others, custom resources too, are not known). */
const GROUP_PACKAGES: Record<string, string> = {
  '': 'core',
  apps: 'apps',
  autoscaling: 'autoscaling',
  batch: 'batch',
  'rbac.authorization.k8s.io': 'rbac',
  'networking.k8s.io': 'networking',
  policy: 'policy',
  'scheduling.k8s.io': 'scheduling',
  'authorization.k8s.io': 'authorization',
  'authentication.k8s.io': 'authentication',
};

/** The short message name of an apiVersion and kind (`apps/v1` Deployment → `apps.v1.Deployment`), if its group is covered. */
export function messageNameOf(apiVersion: string, kind: string): string | undefined {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  const pkg = Object.prototype.hasOwnProperty.call(GROUP_PACKAGES, group) ? GROUP_PACKAGES[group] : undefined;
  return pkg === undefined ? undefined : `${pkg}.${version}.${kind}`;
}
