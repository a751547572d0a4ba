#!/usr/bin/env node
/**
 * Generates the structural schema used for strict decoding (src/api/schema/types.json) and the field
 * descriptions used by `explain` (src/api/schema/docs.json) from @kubernetes/client-node's generated
 * models (runtime attributeTypeMap + JSDoc in the .d.ts). Which fields are resource.Quantity is not
 * visible there (client-node types them as string), so it is read from kubernetes-models' .d.ts.
 *
 * Output format of types.json, per type:
 *   { "f": { field: typeExpr }, "r": [required fields], "i64"?: [int64 fields] }
 * typeExpr: string | integer | number | boolean | Date | IntOrString | Quantity | Bytes | object
 *           | Array<typeExpr> | Map<typeExpr> | <TypeName>
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const clientDir = dirname(require.resolve('@kubernetes/client-node/package.json'));
const modelsDir = join(clientDir, 'dist/gen/models');
const modelsPkgDir = dirname(require.resolve('kubernetes-models/package.json'));

/** Schema roots: the kinds pocketkube serves (see src/api/kinds/index.ts). */
const ROOTS = [
  'V1Pod', 'V1Service', 'V1Namespace', 'V1Node', 'V1ConfigMap', 'V1Secret', 'V1ServiceAccount', 'V1Endpoints',
  'CoreV1Event', 'V1PersistentVolume', 'V1PersistentVolumeClaim', 'V1LimitRange', 'V1ResourceQuota',
  'V1Deployment', 'V1ReplicaSet', 'V1StatefulSet', 'V1DaemonSet', 'V1ControllerRevision',
  'V1Job', 'V1CronJob', 'V1EndpointSlice', 'V1StorageClass',
  'V1Role', 'V1ClusterRole', 'V1RoleBinding', 'V1ClusterRoleBinding',
  'V1PodDisruptionBudget', 'V1Ingress', 'V1IngressClass', 'V1NetworkPolicy', 'V1PriorityClass', 'V2HorizontalPodAutoscaler', 'V1HorizontalPodAutoscaler',
  'V1CustomResourceDefinition',
  'V1ValidatingWebhookConfiguration', 'V1MutatingWebhookConfiguration', 'V1APIService', 'V1Lease', 'V1RuntimeClass',
  'V1CSIDriver', 'V1CSINode', 'V1VolumeAttachment', 'V1PodTemplate',
];

/** `V1ResourceRequirements` / `CoreV1EndpointPort` -> `ResourceRequirements` / `EndpointPort`. */
export function shortName(typeName) {
  return typeName.replace(/^[A-Z][a-z]*V\d+(?:(?:alpha|beta)\d+)?(?=[A-Z])/, '').replace(/^V\d+(?:(?:alpha|beta)\d+)?(?=[A-Z])/, '');
}

/** `Type.field` pairs whose type is resource.Quantity (directly or as map values), from kubernetes-models. */
function quantityFields() {
  const out = new Set();
  const walk = (dir) => {
    for (const ent of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, ent.name);
      if (ent.isDirectory()) { if (ent.name !== 'node_modules' && ent.name !== '_schemas') walk(p); continue; }
      if (!ent.name.endsWith('.d.ts')) continue;
      const text = readFileSync(p, 'utf8');
      if (!text.includes('IIoK8sApimachineryPkgApiResourceQuantity')) continue;
      for (const m of text.matchAll(/export interface I(\w+) \{([\s\S]*?)\n\}/g)) {
        const body = m[2].replace(/\/\*\*[\s\S]*?\*\//g, '');
        for (const f of body.matchAll(/"(\w+)"\??:\s*(\{[^}]*\}|[^;]+);/g)) {
          if (f[2].includes('IIoK8sApimachineryPkgApiResourceQuantity')) out.add(`${m[1]}.${f[1]}`);
        }
      }
    }
  };
  walk(modelsPkgDir);
  return out;
}

async function attributeMap(typeName) {
  const file = join(modelsDir, `${typeName}.js`);
  if (!existsSync(file)) return undefined;
  const mod = await import(pathToFileURL(file).href);
  return mod[typeName]?.attributeTypeMap;
}

/** Field docs and required fields from the .d.ts. */
function declarations(typeName) {
  const text = readFileSync(join(modelsDir, `${typeName}.d.ts`), 'utf8');
  const classAt = text.indexOf('export declare class');
  const head = text.slice(0, classAt);
  const docAt = head.lastIndexOf('/**');
  const cls = docAt >= 0 ? /^\/\*\*\s*\n([\s\S]*?)\*\/\s*$/.exec(head.slice(docAt)) : null;
  const doc = cls && !cls[1].includes('OpenAPI Generator') ? cleanDoc(cls[1]) : '';
  const body = text.slice(classAt);
  const fields = {};
  const required = [];
  const re = /(?:\/\*\*\s*\n([\s\S]*?)\*\/\s*\n)?\s*'([^']+)'(\??):/g;
  for (const m of body.matchAll(re)) {
    if (m[1]) fields[m[2]] = cleanDoc(m[1]);
    if (m[3] !== '?') required.push(m[2]);
  }
  return { doc, fields, required };
}

function cleanDoc(raw) {
  return raw.split('\n').map((l) => l.replace(/^\s*\*\s?/, '')).join('\n').trim();
}

/** Normalises one client-node attribute type to a schema type expression; collects referenced model names. */
function normalise(type, format, isQuantity, refs) {
  const arr = type.match(/^Array<(.+)>$/);
  if (arr) return `Array<${normalise(arr[1], format, isQuantity, refs)}>`;
  const map = type.match(/^\{ \[key: string\]: (.+); \}$/);
  if (map) return `Map<${normalise(map[1], format, isQuantity, refs)}>`;
  if (isQuantity) return 'Quantity';
  switch (type) {
    case 'string': return format === 'byte' ? 'Bytes' : 'string';
    case 'number': return format === 'int32' || format === 'int64' ? 'integer' : 'number';
    case 'boolean': return 'boolean';
    case 'Date': return 'Date';
    case 'IntOrString': return 'IntOrString';
    case 'any': return 'object';
    case 'V1MicroTime': return 'Date';
    default:
      refs.push(type);
      return type;
  }
}

async function main() {
  const quantities = quantityFields();
  const types = {};
  const docs = {};
  const queue = [...ROOTS];
  while (queue.length) {
    const name = queue.shift();
    if (types[name]) continue;
    const attrs = await attributeMap(name);
    if (!attrs) throw new Error(`no model for ${name}`);
    const decl = declarations(name);
    const f = {};
    const i64 = [];
    const refs = [];
    for (const a of attrs) {
      f[a.baseName] = normalise(a.type, a.format, quantities.has(`${shortName(name)}.${a.baseName}`), refs);
      if (a.format === 'int64') i64.push(a.baseName);
    }
    const entry = { f, r: decl.required.filter((r) => r in f) };
    if (i64.length) entry.i64 = i64;
    types[name] = entry;
    const d = {};
    for (const a of attrs) if (decl.fields[a.name]) d[a.baseName] = decl.fields[a.name];
    docs[name] = { d: decl.doc, f: d };
    for (const r of refs) if (!types[r]) queue.push(r);
  }
  const sorted = (o) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
  writeFileSync(join(root, 'src/api/schema/types.json'), JSON.stringify(sorted(types)) + '\n');
  writeFileSync(join(root, 'src/api/schema/docs.json'), JSON.stringify(sorted(docs)) + '\n');
  console.log(`gen-schema: ${Object.keys(types).length} types, ${quantities.size} quantity fields known`);
}

await main();
