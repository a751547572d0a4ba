import type { KubeObject } from '../../api/types.js';
import { type DataSink, type DataSources, addEnvFiles, addFiles, addLiterals, checkSourceCombination } from './data-sources.js';
import { configMapKeyErrors, goQuote } from './key-names.js';
import { objectMeta, sortedMap, typed } from './meta.js';

/** A Secret as kubectl's newSecretObj builds it (data base64 in JSON, `type` only when given). */
export function secretObject(name: string, namespace: string | undefined, data: Map<string, Buffer>, type?: string): KubeObject {
  const obj = typed('Secret', 'v1', { metadata: objectMeta({ name, namespace }) });
  if (data.size > 0) obj.data = sortedMap([...data].map(([k, v]) => [k, v.toString('base64')]));
  if (type) obj.type = type;
  return obj;
}

/** A sink that adds keys to a secret's data, with kubectl's secret wording for bad keys. */
export function secretSink(data: Map<string, Buffer>): DataSink {
  return {
    add(key, bytes) {
      const errs = configMapKeyErrors(key);
      if (errs.length > 0) throw new Error(`${goQuote(key)} is not valid key name for a Secret ${errs.join(';')}`);
      if (data.has(key)) throw new Error(`cannot add key ${key}, another key by that name already exists`);
      data.set(key, bytes);
    },
  };
}

export interface SecretGenericInput extends DataSources {
  name: string;
  namespace?: string;
  type?: string;
}

/** `kubectl create secret generic NAME [--type] [--from-file] [--from-literal] [--from-env-file]`. */
export function generateSecretGeneric(input: SecretGenericInput, env: NodeJS.ProcessEnv = process.env): KubeObject {
  checkSourceCombination(input);
  const data = new Map<string, Buffer>();
  const sink = secretSink(data);
  addLiterals(sink, input.literals);
  addFiles(sink, input.files);
  addEnvFiles(sink, input.envFiles, 'secret', env);
  return secretObject(input.name, input.namespace, data, input.type);
}
