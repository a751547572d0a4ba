import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { connectionOf } from '../../src/client/embedded.js';
import { EDIT_HEADER, manualStrip, renderHeader, stripComments } from '../../src/cli/edit/edit-file.js';
import { editorCommand } from '../../src/cli/edit/editor.js';
import { EditCancelled, runEditSession } from '../../src/cli/edit/edit-session.js';
import { resourceName } from '../../src/cli/printers/name.js';
import { deployment, testCluster } from '../controllers/helpers.js';

describe('the edit file', () => {
  it('starts with kubectl\'s header and lists failures as comments', () => {
    expect(EDIT_HEADER.split('\n')[0]).toBe("# Please edit the object below. Lines beginning with a '#' will be ignored,");
    expect(renderHeader([{ head: 'deployments.apps "web" was not valid', other: ['spec.replicas: Invalid value: -1: must be greater than or equal to 0'] }]))
      .toBe(EDIT_HEADER + '# deployments.apps "web" was not valid:\n# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\n');
  });
  it('compares content without comments', () => {
    expect(manualStrip('# a\nx: 1\n  # b\n#!keep\n')).toBe('x: 1\n#!keep\n');
    expect(stripComments('# c\nb: 1\na: 2\n')).toBe(stripComments('a: 2\nb: 1\n'));
  });
  it('finds the editor as kubectl does', () => {
    expect(editorCommand({})).toEqual({ args: ['vi'], shell: false });
    expect(editorCommand({ EDITOR: 'nano', KUBE_EDITOR: 'sed -i s/a/b/' })).toEqual({ args: ['sed', '-i', 's/a/b/'], shell: false });
    expect(editorCommand({ KUBE_EDITOR: "sed -i 's/a/b/'", SHELL: '/bin/sh' })).toEqual({ args: ['/bin/sh', '-c', "sed -i 's/a/b/'"], shell: true });
  });
});

describe('edit session against the API', () => {
  async function setup(edits: ((text: string) => string)[]) {
    const { c } = await testCluster();
    const conn = connectionOf(c);
    await conn.client.create('deployments', deployment('web', 2));
    const obj = await conn.client.get('deployments', 'default', 'web');
    const kind = conn.registry.resolve('deployments')!;
    const out: string[] = [];
    const err: string[] = [];
    const seen: string[] = [];
    let n = 0;
    const run = () => runEditSession({
      client: conn.client, registry: conn.registry, targets: [{ kind, obj }], format: 'yaml', namespace: 'default', bin: 'pocketkube',
      io: { out: (t) => out.push(t), err: (t) => err.push(t.endsWith('\n') ? t : t + '\n') },
      launch: (path) => {
        const text = readFileSync(path, 'utf8');
        seen.push(text);
        const edit = edits[n++] ?? ((t: string) => t);
        writeFileSync(path, edit(text));
      },
      printEdited: (o, t) => `${resourceName(o, t.kind)} edited\n`,
    });
    return { conn, out, err, seen, run };
  }

  it('cancels when nothing changed', async () => {
    const s = await setup([]);
    await s.run();
    expect(s.err.join('')).toBe('Edit cancelled, no changes made.\n');
    expect(s.out).toEqual([]);
  });

  it('applies an edit as a patch', async () => {
    const s = await setup([(t) => t.replace('replicas: 2', 'replicas: 4')]);
    await s.run();
    expect(s.out.join('')).toBe('deployment.apps/web edited\n');
    expect((await s.conn.client.get('deployments', 'default', 'web')).spec?.replicas).toBe(4);
  });

  it('reopens an invalid edit with the reasons, and keeps a copy when left unchanged', async () => {
    const s = await setup([(t) => t.replace('replicas: 2', 'replicas: -1')]);
    const before = await s.conn.client.get('deployments', 'default', 'web');
    const failure = await s.run().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(EditCancelled);
    expect((failure as Error).message).toBe('Edit cancelled, no valid changes were saved.');
    expect(s.seen[1]).toContain('# deployments.apps "web" was not valid:\n# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\n');
    expect(s.seen[1]).toContain('replicas: -1');
    const copy = /A copy of your changes has been stored to "(.+)"/.exec(s.err.join(''))![1];
    expect(s.err[0]).toBe('error: deployments.apps "web" is invalid\n');
    expect(existsSync(copy)).toBe(true);
    rmSync(copy);
    expect(await s.conn.client.get('deployments', 'default', 'web')).toEqual(before);
  });

  it('reopens a file with a syntax error, then applies the fixed version', async () => {
    const s = await setup([(t) => t.replace('replicas: 2', 'replicas: [2'), (t) => t.replace('replicas: [2', 'replicas: 3')]);
    await s.run();
    expect(s.seen[1]).toMatch(/# The edited file had a syntax error: error converting YAML to JSON: yaml: line \d+: /);
    expect(s.out.join('')).toBe('deployment.apps/web edited\n');
    expect((await s.conn.client.get('deployments', 'default', 'web')).spec?.replicas).toBe(3);
  });

  it('refuses a changed name', async () => {
    const s = await setup([(t) => t.replace('name: web\n  namespace', 'name: other\n  namespace')]);
    const failure = await s.run().catch((e: unknown) => e);
    expect((failure as Error).message).toBe('At least one of apiVersion, kind and name was changed');
    const copy = /stored to "(.+)"/.exec(s.err.join(''))![1];
    rmSync(copy);
  });
});
