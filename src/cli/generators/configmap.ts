import type { KubeObject } from '../../api/types.js';
import { type DataSink, type DataSources, addEnvFiles, addFiles, addLiterals, checkSourceCombination } from './data-sources.js';
import { configMapKeyErrors, goQuote } from './key-names.js';
import { objectMeta, sortedMap, typed } from './meta.js';

export interface ConfigMapInput extends DataSources {
  name: string;
  namespace?: string;
}

/** `kubectl create configmap NAME [--from-file] [--from-literal] [--from-env-file]`. */
export function generateConfigMap(input: ConfigMapInput, env: NodeJS.ProcessEnv = process.env): KubeObject {
  checkSourceCombination(input);
  const data = new Map<string, string>();
  const binary = new Map<string, string>();
  const sink: DataSink = {
    add(key, bytes, fromFile) {
      const errs = configMapKeyErrors(key);
      if (errs.length > 0) throw new Error(`${goQuote(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}`);
      if (data.has(key)) throw new Error(`cannot add key ${goQuote(key)}, another key by that name already exists in Data for ConfigMap ${goQuote(input.name)}`);
      if (binary.has(key)) throw new Error(`cannot add key ${goQuote(key)}, another key by that name already exists in BinaryData for ConfigMap ${goQuote(input.name)}`);
      if (fromFile && !isUtf8(bytes)) binary.set(key, bytes.toString('base64'));
      else data.set(key, bytes.toString('utf8'));
    },
  };
  addFiles(sink, input.files);
  addLiterals(sink, input.literals);
  addEnvFiles(sink, input.envFiles, 'config', env);
  const obj = typed('ConfigMap', 'v1', { metadata: objectMeta({ name: input.name, namespace: input.namespace }) });
  if (data.size > 0) obj.data = sortedMap(data);
  if (binary.size > 0) obj.binaryData = sortedMap(binary);
  return obj;
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
