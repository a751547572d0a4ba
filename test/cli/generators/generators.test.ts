import { describe, expect, it } from 'vitest';
import { nameHash } from '../../../src/cli/generators/append-hash.js';
import { containerNameFromImage } from '../../../src/cli/generators/container-name.js';
import { parseEnvFile, parseFileSource, parseLiteralSource } from '../../../src/cli/generators/data-sources.js';
import { generateExposeService } from '../../../src/cli/generators/expose.js';
import { goQuote } from '../../../src/cli/generators/key-names.js';
import { generateService, parseTcp } from '../../../src/cli/generators/service.js';
import { typedJson, typedJsonCompact } from '../../../src/cli/generators/typed-json.js';
import { generateDeployment, generateJobFromCronJob } from '../../../src/cli/generators/workloads.js';
import { withSaveConfig } from '../../../src/cli/generators/generator-command.js';
import type { KubeObject } from '../../../src/api/types.js';

/** The generators' pure parts (the byte-for-byte comparisons with kubectl live in *-vs-kubectl tests). */
describe('data sources', () => {
  it('parses literal and file sources with kubectl messages', () => {
    expect(parseLiteralSource('k=a=b')).toEqual(['k', 'a=b']);
    expect(() => parseLiteralSource('=1')).toThrow('invalid literal source =1, expected key=value');
    expect(parseFileSource('dir/a.txt')).toEqual(['a.txt', 'dir/a.txt']);
    expect(parseFileSource('k=dir/a.txt')).toEqual(['k', 'dir/a.txt']);
    expect(() => parseFileSource('=a')).toThrow('key name for file path a missing');
    expect(() => parseFileSource('k=')).toThrow('file path for key name k missing');
    expect(() => parseFileSource('a=b=c')).toThrow("key names or file paths cannot contain '='");
  });

  it('reads env files as cmdutil.AddFromEnvFile does', () => {
    const text = '\ufeffA=1\r\n# comment\n\n  B= spaced  \nC\nD\n';
    expect(parseEnvFile(text, { C: 'from-env' })).toEqual([['A', '1'], ['B', ' spaced  '], ['C', 'from-env'], ['D', '']]);
    expect(() => parseEnvFile('A=1\n\ufeffB=2\n', {})).toThrow('"\\ufeffB" is not a valid key name: a valid environment variable name');
    expect(() => parseEnvFile('1A=2', {})).toThrow('"1A" is not a valid key name');
  });

  it("quotes like Go's %q", () => {
    expect(goQuote('a"b\\c\td')).toBe('"a\\"b\\\\c\\td"');
    expect(goQuote('é')).toBe('"é"');
  });
});

describe('typed JSON', () => {
  it('keeps struct order, sorts maps with integer-like keys, escapes HTML characters', () => {
    expect(typedJsonCompact({ kind: 'X', apiVersion: 'v1', data: { b: '1', '10': 'x', '9': '<&>' } })).toBe(
      '{"kind":"X","apiVersion":"v1","data":{"10":"x","9":"\\u003c\\u0026\\u003e","b":"1"}}',
    );
    expect(typedJson({ a: [], b: {}, c: [1, { d: null }] })).toBe('{\n    "a": [],\n    "b": {},\n    "c": [\n        1,\n        {\n            "d": null\n        }\n    ]\n}\n');
  });

  it('writes --save-config annotations in struct order after the labels', () => {
    const obj = withSaveConfig({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'c', creationTimestamp: null, labels: { a: 'b' } } } as unknown as KubeObject);
    expect(Object.keys(obj.metadata)).toEqual(['name', 'creationTimestamp', 'labels', 'annotations']);
    expect(obj.metadata.annotations).toEqual({
      'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"c","creationTimestamp":null,"labels":{"a":"b"}}}\n',
    });
  });
});

describe('names', () => {
  it('derives container names from images, sanitising with a random suffix', () => {
    expect(containerNameFromImage('reg.io:5000/team/app:1.2')).toBe('app');
    expect(containerNameFromImage('nginx@sha256:abc')).toBe('nginx');
    expect(containerNameFromImage('my_app.v2', () => 0)).toBe('my-app-v2-bbbbb');
    expect(containerNameFromImage('x.y', () => 0.999)).toBe('x-y-99999');
  });

  it('hashes configmaps and secrets as kubectl --append-hash does', () => {
    // Values checked against `kubectl create configmap c --from-literal=a=1 --append-hash` (c-9d8t6d6hcd…).
    const cm = { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'c' }, data: { a: '1' } } as unknown as KubeObject;
    expect(nameHash(cm)).toMatch(/^[0-9a-z]{10}$/);
    expect(nameHash(cm)).not.toMatch(/[013ae]/);
    expect(nameHash({ ...cm, data: { a: '2' } } as KubeObject)).not.toBe(nameHash(cm));
  });
});

describe('services', () => {
  it('parses --tcp specs', () => {
    expect(parseTcp('80')).toEqual({ port: 80, targetPort: 80 });
    expect(parseTcp('80:http')).toEqual({ port: 80, targetPort: 'http' });
    expect(() => parseTcp('x')).toThrow('strconv.ParseUint: parsing "x": invalid syntax');
    expect(() => parseTcp('70000')).toThrow('strconv.ParseUint: parsing "70000": value out of range');
    expect(() => parseTcp('80:0')).toThrow('must be between 1 and 65535, inclusive');
  });

  it('refuses a headless NodePort', () => {
    expect(() => generateService({ name: 'w', type: 'NodePort', tcp: ['80'], clusterIP: 'None' })).toThrow('ClusterIP=None can only be used with ClusterIP service type');
  });

  it('exposes only exposable kinds with map-based selectors', () => {
    const cm = { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'c' } } as KubeObject;
    expect(() => generateExposeService({ object: cm, port: '80' })).toThrow('cannot expose a ConfigMap');
    const job = { kind: 'Job', apiVersion: 'batch/v1', metadata: { name: 'j' } } as KubeObject;
    expect(() => generateExposeService({ object: job, port: '80' })).toThrow('cannot expose a Job.batch');
    const pod = { kind: 'Pod', apiVersion: 'v1', metadata: { name: 'p' }, spec: { containers: [] } } as KubeObject;
    expect(() => generateExposeService({ object: pod, port: '80' })).toThrow("couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed");
  });
});

describe('workloads', () => {
  it('refuses a command with several images', () => {
    expect(() => generateDeployment({ name: 'd', images: ['a', 'b'], replicas: 1, port: -1, command: ['x'] })).toThrow('cannot specify multiple --image options and command');
  });

  it('instantiates a job from a cron job template', () => {
    const cj = {
      kind: 'CronJob',
      apiVersion: 'batch/v1',
      metadata: { name: 'tick', uid: 'u1' },
      spec: { jobTemplate: { metadata: { labels: { a: 'b' }, annotations: { z: '1' } }, spec: { backoffLimit: 2 } } },
    } as unknown as KubeObject;
    const job = generateJobFromCronJob('once', 'ns', cj);
    expect(job.metadata).toEqual({
      name: 'once',
      namespace: 'ns',
      creationTimestamp: null,
      labels: { a: 'b' },
      annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', z: '1' },
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'tick', uid: 'u1', controller: true }],
    });
    expect(job.spec).toEqual({ backoffLimit: 2 });
  });
});
