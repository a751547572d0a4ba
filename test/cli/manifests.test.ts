import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kindRegistry } from '../../src/api/kinds/index.js';
import { type ManifestSet, loadManifests, loadText } from '../../src/cli/manifests.js';

const CORPUS = '/work/shared/corpus';
const registry = kindRegistry();

function load(text: string, source = 'f.yaml'): ManifestSet {
  const set: ManifestSet = { items: [], errors: [] };
  loadText(source, text, registry, set);
  return set;
}

const messages = (set: ManifestSet) => set.errors.map((e) => e.message);

describe('loadManifests on the corpus', () => {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.yaml'));

  it.each(files)('loads %s without errors', async (f) => {
    const set = await loadManifests([join(CORPUS, f)], { registry });
    expect(messages(set)).toEqual([]);
    expect(set.items.length).toBeGreaterThan(0);
    for (const item of set.items) {
      expect(item.source).toBe(join(CORPUS, f));
      expect(item.obj.metadata.name).toBeTruthy();
    }
  });

  it('keeps document order and counts objects per source', async () => {
    const set = await loadManifests([join(CORPUS, 'microservices-demo__release_kubernetes-manifests.yaml')], { registry });
    expect(set.items.map((i) => `${i.kind.kind}/${i.obj.metadata.name}`).slice(0, 3)).toEqual([
      'Deployment/emailservice',
      'Service/emailservice',
      'Deployment/checkoutservice',
    ]);
    expect(set.items.map((i) => i.index)).toEqual(set.items.map((_, n) => n));
  });

  it('takes flow style (pod-nginx) and a file without a final newline (dotfile-secret)', async () => {
    const flow = await loadManifests([join(CORPUS, 'website__content_en_examples_pods_pod-nginx.yaml')], { registry });
    expect(flow.items[0].obj.spec.nodeSelector).toEqual({ disktype: 'ssd' });
    const noNl = await loadManifests([join(CORPUS, 'website__content_en_examples_secret_dotfile-secret.yaml')], { registry });
    expect(noNl.items.map((i) => i.kind.kind)).toEqual(['Secret', 'Pod']);
  });

  it('rejects the removed batch/v1beta1 CronJob with kubectl\'s mapping error', async () => {
    const file = join(CORPUS, 'legacy/website__content_en_examples_application_job_cronjob.yaml');
    const set = await loadManifests([file], { registry });
    expect(set.items).toEqual([]);
    expect(messages(set)).toEqual([
      `resource mapping not found for name: "hello" namespace: "" from "${file}": no matches for kind "CronJob" in version "batch/v1beta1"\nensure CRDs are installed first`,
    ]);
  });

  it('says a missing path does not exist', async () => {
    await expect(loadManifests(['nope.yaml'], { registry })).rejects.toThrow('the path "nope.yaml" does not exist');
  });
});

describe('directories', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pk-manifests-'));
  const cm = (n: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${n}\n`;
  writeFileSync(join(dir, 'b.yaml'), cm('b'));
  writeFileSync(join(dir, 'a.yml'), cm('a'));
  writeFileSync(join(dir, 'notes.txt'), 'not a manifest');
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'c.json'), JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }));

  it('reads manifest files in lexical order, skipping sub-directories without -R', async () => {
    const set = await loadManifests([dir], { registry });
    expect(set.items.map((i) => i.obj.metadata.name)).toEqual(['a', 'b']);
  });

  it('descends with -R', async () => {
    const set = await loadManifests([dir], { registry, recursive: true });
    expect(set.items.map((i) => i.obj.metadata.name)).toEqual(['a', 'b', 'c']);
    expect(set.items[2].source).toBe(join(dir, 'sub', 'c.json'));
  });

  it('reads standard input for -', async () => {
    const set = await loadManifests(['-'], { registry, readStdin: async () => cm('from-stdin') });
    expect(set.items.map((i) => [i.source, i.obj.metadata.name])).toEqual([['STDIN', 'from-stdin']]);
  });
});

describe('documents', () => {
  it('splits at --- lines, skips empty documents and comments', () => {
    const set = load('---\n# only a comment\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n--- # next\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n---\n');
    expect(set.items.map((i) => i.kind.kind)).toEqual(['ConfigMap', 'Namespace']);
  });

  it('flattens a List', () => {
    const set = load(JSON.stringify({
      apiVersion: 'v1',
      kind: 'List',
      items: [
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } },
        { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'y' } },
      ],
    }));
    expect(set.items.map((i) => `${i.kind.plural}/${i.obj.metadata.name}`)).toEqual(['configmaps/x', 'deployments/y']);
  });

  it('reads a stream of JSON objects', () => {
    const a = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } });
    const b = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' } });
    expect(load(`${a}\n${b}\n`, 'f.json').items.map((i) => i.obj.metadata.name)).toEqual(['a', 'b']);
  });

  it('uses YAML 1.1 scalars like kubectl (yes/on/y are booleans, timestamps stay strings)', () => {
    const set = load('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: {x: yes}\ndata:\n  when: 2024-01-01\n');
    expect(set.items[0].obj.metadata.labels).toEqual({ x: true });
    expect(set.items[0].obj.data).toEqual({ when: '2024-01-01' });
  });
});

describe('errors in kubectl\'s words', () => {
  const head = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n';

  it.each([
    ['map.yaml', `${head}  name: a\ndata:\n  x: 1\n  y: a: b\n`, 'error parsing map.yaml: error converting YAML to JSON: yaml: line 7: mapping values are not allowed in this context'],
    ['indent.yaml', `${head}  name: a\n   bad: x\n`, 'error parsing indent.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context'],
    ['tab.yaml', `${head}\tname: a\n`, 'error parsing tab.yaml: error converting YAML to JSON: yaml: line 4: found character that cannot start any token'],
    ['flow.yaml', `${head}  name: [a\n`, "error parsing flow.yaml: error converting YAML to JSON: yaml: line 4: did not find expected ',' or ']'"],
    ['quote.yaml', `${head}  name: "a\n`, 'error parsing quote.yaml: error converting YAML to JSON: yaml: line 5: found unexpected end of stream'],
    ['bad.json', '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a",}}', "error parsing bad.json: json: offset 68: invalid character '}' looking for beginning of object key string"],
    ['list.yaml', '- a\n- b\n', 'unable to decode "list.yaml": json: cannot unmarshal array into Go value of type unstructured.detector'],
    ['scalar.yaml', 'just a string\n', 'unable to decode "scalar.yaml": json: cannot unmarshal string into Go value of type unstructured.detector'],
    ['nokind.yaml', 'apiVersion: v1\nmetadata:\n  name: a\n', `unable to decode "nokind.yaml": Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"a"}}'`],
  ])('%s', (source, text, message) => {
    expect(messages(load(text, source))).toEqual([message]);
  });

  it('counts lines from the start of the failing document', () => {
    const good = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n';
    const set = load(`${good}---\n${good}  x: a: b\n---\n${good}`);
    expect(set.items.map((i) => i.obj.metadata.name)).toEqual(['ok']);
    expect(messages(set)).toEqual(['error parsing f.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context']);
  });

  it('goes on after a document it cannot map', () => {
    const set = load('apiVersion: nope/v1\nkind: Widget\nmetadata: {name: w, namespace: x}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n');
    expect(set.items.map((i) => i.obj.metadata.name)).toEqual(['c']);
    expect(messages(set)[0]).toMatch(/^resource mapping not found for name: "w" namespace: "x" from "f.yaml": no matches for kind "Widget" in version "nope\/v1"/);
  });
});
