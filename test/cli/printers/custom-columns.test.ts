import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/api/types.js';
import { columnsFromFile, columnsFromSpec, columnsFromTemplate, printCustomColumns, relaxedJsonPath } from '../../../src/cli/printers/custom-columns.js';

function pod(name: string, node: string | undefined, images: string[], restarts: number, labels?: Record<string, string>, ready?: boolean): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', ...(labels ? { labels } : {}) },
    spec: { ...(node ? { nodeName: node } : {}), containers: images.map((image, i) => ({ name: `c${i}`, image })) },
    status: ready === undefined ? {} : { containerStatuses: [{ name: 'c0', ready, restartCount: restarts }] },
  } as KubeObject;
}

export const PODS = [
  pod('web-a', 'node-1', ['nginx:1.27', 'busybox:1.36'], 2, { app: 'web' }, true),
  pod('web-b', undefined, ['nginx:1.27'], 0),
  pod('db-0', 'node-2', ['postgres:16'], 10, { app: 'db' }, false),
];

describe('custom-columns', () => {
  it('accepts the relaxed path forms kubectl accepts', () => {
    expect(relaxedJsonPath('a.b')).toBe('{.a.b}');
    expect(relaxedJsonPath('.a.b')).toBe('{.a.b}');
    expect(relaxedJsonPath('{a.b}')).toBe('{.a.b}');
    expect(relaxedJsonPath('{.a.b}')).toBe('{.a.b}');
    expect(() => relaxedJsonPath('{{.a}}')).toThrow(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  });

  it('prints the golden table: headers verbatim, matches joined by commas, <none>, Go map form', () => {
    const cols = columnsFromSpec(
      'NAME:.metadata.name,NODE:.spec.nodeName,IMAGES:.spec.containers[*].image,RESTARTS:{.status.containerStatuses[0].restartCount},LABELS:.metadata.labels,READY:status.containerStatuses[*].ready',
    );
    const golden = readFileSync(new URL('./golden/custom-columns-pods.txt', import.meta.url), 'utf8');
    // web-b: a container status with a restart count but no `ready` field
    const pods = PODS.map((p) => (p.metadata.name === 'web-b' ? { ...p, status: { containerStatuses: [{ restartCount: 0 }] } } : p));
    expect(printCustomColumns(pods as KubeObject[], cols)).toBe(golden);
  });

  it('omits the header with noHeaders and prints only the header for no objects', () => {
    const cols = columnsFromSpec('Name:.metadata.name');
    expect(printCustomColumns(PODS, cols, { noHeaders: true })).toBe('web-a\nweb-b\ndb-0\n');
    expect(printCustomColumns([], cols)).toBe('Name\n');
  });

  it("rejects a bad spec in kubectl's words", () => {
    expect(() => columnsFromSpec('NAME')).toThrow('unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>');
    expect(() => columnsFromSpec('')).toThrow('custom-columns format specified but no custom columns given');
  });

  it('reads a template file: a line of headers, a line of paths', () => {
    expect(columnsFromTemplate('NAME   NODE\n.metadata.name  {.spec.nodeName}\n')).toEqual([
      { header: 'NAME', fieldSpec: '{.metadata.name}' },
      { header: 'NODE', fieldSpec: '{.spec.nodeName}' },
    ]);
    expect(() => columnsFromTemplate('A B\n.a\n')).toThrow("number of headers (2) and field specifications (1) don't match");
    expect(() => columnsFromTemplate('A B')).toThrow('invalid template, missing spec line.');
    const dir = mkdtempSync(join(tmpdir(), 'cc-'));
    writeFileSync(join(dir, 'cols.txt'), 'NAME\nmetadata.name\n');
    expect(printCustomColumns(PODS, columnsFromFile(join(dir, 'cols.txt')))).toBe('NAME\nweb-a\nweb-b\ndb-0\n');
    expect(() => columnsFromFile(join(dir, 'none.txt'))).toThrow(`open ${join(dir, 'none.txt')}: no such file or directory`);
  });
});
