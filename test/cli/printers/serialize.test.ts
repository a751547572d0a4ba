import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { printObjects } from '../../../src/cli/printers/index.js';
import { asList, sortKeys, toJson, toYaml } from '../../../src/cli/printers/serialize.js';
import type { KubeObject } from '../../../src/api/types.js';

const pod: KubeObject = {
  kind: 'Pod',
  apiVersion: 'v1',
  metadata: { name: 'web', namespace: 'default', resourceVersion: '7', managedFields: [{ manager: 'x', operation: 'Update', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: {} }] },
  spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }], args: [] }] },
  status: {},
};

describe('toYaml', () => {
  // The golden files are the output of `kubectl create configmap x --dry-run=client -o yaml` (v1.32)
  // with literals chosen to hit every scalar style of kubectl's YAML encoder.
  it.each(['configmap-styles.yaml', 'configmap-blocks.yaml'])('prints exactly what kubectl printed: %s', (file) => {
    const expected = readFileSync(new URL(`./golden/${file}`, import.meta.url), 'utf8');
    const obj = parse(expected, { version: '1.1' }) as KubeObject;
    expect(toYaml(obj)).toBe(expected);
  });

  it('sorts keys, hides managedFields, keeps sequences at the parent column, writes {} and []', () => {
    expect(toYaml(pod)).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: default\n  resourceVersion: "7"\n' +
      'spec:\n  containers:\n  - args: []\n    image: nginx\n    name: c\n    ports:\n    - containerPort: 80\n' +
      'status: {}\n',
    );
  });

  it('uses |- and |+ for block strings without or with extra trailing newlines', () => {
    expect(toYaml({ a: 'x\ny', b: 'x\n\n', c: ' lead\nx\n' })).toBe('a: |-\n  x\n  y\nb: |+\n  x\n\nc: |2\n   lead\n  x\n');
  });

  it('double-quotes what YAML 1.1 would read as another type', () => {
    expect(toYaml({ a: 'on', b: '0x1F', c: '1e3', d: 'null', e: '2026-01-01', f: '+1', g: 'v1.2' })).toBe(
      'a: "on"\nb: "0x1F"\nc: "1e3"\nd: "null"\ne: "2026-01-01"\nf: "+1"\ng: v1.2\n',
    );
  });

  it('wraps a List as kubectl get does', () => {
    expect(toYaml(asList([]))).toBe('apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n');
  });
});

describe('toJson', () => {
  it('indents by 4, sorts keys, escapes like Go, ends with a newline', () => {
    const text = toJson({ kind: 'X', apiVersion: 'v1', metadata: { name: 'a', annotations: { z: '<b> & c' } } } as KubeObject);
    expect(text).toBe(
      '{\n    "apiVersion": "v1",\n    "kind": "X",\n    "metadata": {\n        "annotations": {\n' +
      '            "z": "\\u003cb\\u003e \\u0026 c"\n        },\n        "name": "a"\n    }\n}\n',
    );
  });

  it('hides managedFields', () => {
    expect(JSON.parse(toJson(pod)).metadata).toEqual({ name: 'web', namespace: 'default', resourceVersion: '7' });
  });
});

describe('sortKeys', () => {
  it('sorts at every level, inside arrays too, and drops undefined', () => {
    expect(JSON.stringify(sortKeys({ b: 1, a: [{ d: 1, c: 2 }], u: undefined }))).toBe('{"a":[{"c":2,"d":1}],"b":1}');
  });
});

describe('printObjects / printEach', () => {
  const other: KubeObject = { ...pod, metadata: { name: 'api', namespace: 'default' } };

  it('prints a single named object as itself, anything else as a List', () => {
    expect(printObjects([pod], 'yaml', { single: true }).startsWith('apiVersion: v1\nkind: Pod\n')).toBe(true);
    expect(printObjects([pod], 'yaml').startsWith('apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n')).toBe(true);
    expect(JSON.parse(printObjects([pod, other], 'json', { single: true })).items).toHaveLength(2);
  });

  it('prints names one a line', () => {
    const deploy = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } } as KubeObject;
    expect(printObjects([pod, deploy], 'name')).toBe('pod/web\ndeployment.apps/web\n');
  });
});
