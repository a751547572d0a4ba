import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import { connectionOf } from '../../src/client/embedded.js';
import { ReportedError } from '../../src/cli/errors.js';
import { runMetadata, type MetadataFlags } from '../../src/cli/inplace/run-metadata.js';
import {
  applyMetadataChange, labelMessage, metadataMergePatch, overwriteError, parseAnnotationSpecs, parseLabelSpecs, splitResourcesAndPairs,
} from '../../src/cli/metadata-change.js';
import { testCluster } from '../controllers/helpers.js';

const pod = (labels: Record<string, string>): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', labels } });

describe('label/annotate argument parsing', () => {
  it('splits resources from changes and refuses a resource after a change', () => {
    expect(splitResourcesAndPairs(['pod', 'web', 'a=b', 'c-'], 'label')).toEqual({ resources: ['pod', 'web'], pairs: ['a=b', 'c-'] });
    expect(() => splitResourcesAndPairs(['pod', 'a=b', 'web'], 'label')).toThrow('all resources must be specified before label changes: web');
  });
  it('checks label specs as kubectl does', () => {
    expect(() => parseLabelSpecs(['a=b=c'])).toThrow('invalid label spec: a=b=c');
    expect(() => parseLabelSpecs(['k=bad_value_'])).toThrow(
      "invalid label value: \"k=bad_value_\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    );
    expect(() => parseLabelSpecs(['a=1', 'a-'])).toThrow('can not both modify and remove a label in the same command');
    expect(parseLabelSpecs(['a=', 'b-']).set.get('a')).toBe('');
  });
  it('checks annotation specs as kubectl does', () => {
    expect(parseAnnotationSpecs(['d=a=b']).set.get('d')).toBe('a=b');
    expect(() => parseAnnotationSpecs(['a=1', 'a-'])).toThrow('can not both modify and remove the following annotation(s) in the same command: a');
  });
});

describe('applying a metadata change', () => {
  it('refuses to change a value without --overwrite, in each command\'s words', () => {
    const spec = parseLabelSpecs(['tier=x']);
    expect(() => applyMetadataChange(pod({ tier: 'web' }), 'labels', spec, { overwrite: false })).toThrow("'tier' already has a value (web), and --overwrite is false");
    expect(overwriteError('annotations', { a: 'b' }, parseAnnotationSpecs(['a=c']))?.message).toBe(
      "--overwrite is false but found the following declared annotation(s): 'a' already has a value (b)",
    );
    expect(overwriteError('annotations', { 'kubernetes.io/change-cause': 'x' }, parseAnnotationSpecs(['kubernetes.io/change-cause=y']))).toBeUndefined();
  });
  it('words the result labeled / unlabeled / not labeled', () => {
    const before = pod({ tier: 'web' });
    expect(labelMessage(before, applyMetadataChange(before, 'labels', parseLabelSpecs(['tier=web']), { overwrite: false }), false)).toBe('not labeled');
    expect(labelMessage(before, applyMetadataChange(before, 'labels', parseLabelSpecs(['tier-']), { overwrite: false }), false)).toBe('unlabeled');
    expect(labelMessage(before, applyMetadataChange(before, 'labels', parseLabelSpecs(['tier=x']), { overwrite: true }), true)).toBe('labeled');
    expect(labelMessage(before, applyMetadataChange(before, 'labels', parseLabelSpecs(['z=1']), { overwrite: false }), false)).toBe('labeled');
  });
  it('sends a merge patch of just the changed keys (plus the resourceVersion precondition)', () => {
    const before = pod({ a: '1', b: '2' });
    const after = applyMetadataChange(before, 'labels', parseLabelSpecs(['a=3', 'b-', 'c=4']), { overwrite: true, resourceVersion: '7' });
    expect(metadataMergePatch('labels', before, after, '7')).toEqual({ metadata: { labels: { a: '3', b: null, c: '4' }, resourceVersion: '7' } });
    expect(metadataMergePatch('labels', before, before)).toEqual({});
  });
});

describe('label against the API', () => {
  const flags = (over: Partial<MetadataFlags> = {}): MetadataFlags => ({ overwrite: false, list: false, all: false, 'all-namespaces': false, recursive: false, ...over });
  async function setup() {
    const { c } = await testCluster();
    const conn = connectionOf(c);
    await conn.client.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', labels: { tier: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    const out: string[] = [];
    const err: string[] = [];
    const run = (args: string[], f: Partial<MetadataFlags> = {}, field: 'labels' | 'annotations' = 'labels') =>
      runMetadata(conn, { field, args, flags: flags(f), namespace: 'default', enforceNamespace: false, bin: 'pocketkube' }, { out: (t) => out.push(t), err: (t) => err.push(t) });
    return { conn, out, err, run };
  }

  it('labels, and leaves the object unchanged when the key is invalid', async () => {
    const { conn, out, err, run } = await setup();
    await run(['pod', 'web', 'disk=ssd']);
    expect(out.join('')).toBe('pod/web labeled\n');
    const before = await conn.client.get('pods', 'default', 'web');
    await expect(run(['pod/web', 'bad key=v'])).rejects.toBeInstanceOf(ReportedError);
    expect(err.join('')).toContain('The Pod "web" is invalid: metadata.labels: Invalid value: "bad key"');
    expect(await conn.client.get('pods', 'default', 'web')).toEqual(before);
  });

  it('refuses an overwrite and changes nothing', async () => {
    const { conn, err, run } = await setup();
    const before = await conn.client.get('pods', 'default', 'web');
    await expect(run(['pod', 'web', 'tier=x'])).rejects.toBeInstanceOf(ReportedError);
    expect(err.join('')).toBe("error: 'tier' already has a value (web), and --overwrite is false\n");
    expect(await conn.client.get('pods', 'default', 'web')).toEqual(before);
  });

  it('conflicts on a stale --resource-version', async () => {
    const { err, run } = await setup();
    await expect(run(['pod', 'web', 'x=1'], { 'resource-version': '1' })).rejects.toBeInstanceOf(ReportedError);
    expect(err.join('')).toMatch(/^Error from server \(Conflict\): Operation cannot be fulfilled on pods "web"/);
  });

  it('lists labels without writing, and annotates', async () => {
    const { out, run } = await setup();
    await run(['pod', 'web'], { list: true });
    await run(['pod', 'web', 'note=hi'], {}, 'annotations');
    expect(out.join('')).toBe('tier=web\npod/web annotated\n');
  });
});
