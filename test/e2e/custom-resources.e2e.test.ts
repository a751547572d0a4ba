import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CliSandbox } from './cli-runner.js';

/**
 * CustomResourceDefinitions through the built CLI: a CRD applied, established and served; its custom
 * resources created, validated, defaulted, printed with the CRD's columns, patched, owned and
 * deleted; the CRD's deletion taking its resources along. kubectl's messages throughout.
 */
const sb = new CliSandbox('pk-crd-');
afterAll(() => sb.dispose());
const pk = (...args: string[]) => sb.run(args);
const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/crd/${name}`, import.meta.url));
const rows = (stdout: string) => stdout.trim().split('\n').map((l) => l.split(/\s{2,}/));
const write = (name: string, text: string) => {
  writeFileSync(sb.path(name), text);
  return sb.path(name);
};

describe('custom resources end to end', { timeout: 120_000 }, () => {
  it('maps a custom resource only once its CRD is established, as kubectl apply does with one file', () => {
    const both = write('both.yaml', `${readFileSync(fixture('widgets-crd.yaml'), 'utf8')}\n---\n${readFileSync(fixture('widgets.yaml'), 'utf8')}`);
    const first = pk('apply', '-f', both);
    expect(first.code).toBe(1);
    expect(first.stdout).toBe('customresourcedefinition.apiextensions.k8s.io/widgets.example.com created\n');
    expect(first.stderr).toContain(`resource mapping not found for name: "small" namespace: "default" from "${both}": no matches for kind "Widget" in version "example.com/v1"\nensure CRDs are installed first`);
    expect(pk('wait', '--for', 'condition=established', 'crd/widgets.example.com', '--timeout=10s').stdout)
      .toBe('customresourcedefinition.apiextensions.k8s.io/widgets.example.com condition met\n');
    expect(pk('apply', '-f', both)).toEqual({
      stdout: 'customresourcedefinition.apiextensions.k8s.io/widgets.example.com unchanged\nwidget.example.com/small created\nwidget.example.com/large created\n',
      stderr: '',
      code: 0,
    });
  });

  it('reports the CRD as the API server leaves it: accepted names, conditions, stored versions', () => {
    expect(rows(pk('get', 'crd').stdout)[0]).toEqual(['NAME', 'CREATED AT']);
    const crd = JSON.parse(pk('get', 'crd', 'widgets.example.com', '-o', 'json').stdout);
    expect(crd.status.acceptedNames).toEqual({ categories: ['all'], kind: 'Widget', listKind: 'WidgetList', plural: 'widgets', shortNames: ['wd'], singular: 'widget' });
    expect(crd.status.conditions.map((c: { type: string; status: string; reason: string }) => [c.type, c.status, c.reason]))
      .toEqual([['NamesAccepted', 'True', 'NoConflicts'], ['Established', 'True', 'InitialNamesAccepted']]);
    expect(crd.status.storedVersions).toEqual(['v1']);
    expect(pk('api-resources', '--api-group=example.com', '--no-headers').stdout.split(/\s+/).filter(Boolean))
      .toEqual(['widgets', 'wd', 'example.com/v1', 'true', 'Widget']);
  });

  it('prints custom resources with the CRD\'s columns, by every name, in get all, with the schema\'s defaults', () => {
    const table = rows(pk('get', 'widgets').stdout);
    expect(table.map((r) => r.slice(0, 3))).toEqual([['NAME', 'SIZE', 'COLOR'], ['large', '10', 'green'], ['small', '1', 'red']]);
    expect(table[0][3]).toBe('AGE');
    for (const name of ['wd', 'widget', 'Widget', 'widgets.example.com', 'widget.v1.example.com']) {
      expect(rows(pk('get', name, 'small').stdout)[1].slice(0, 3)).toEqual(['small', '1', 'red']);
    }
    expect(pk('get', 'all').stdout).toContain('widget.example.com/large');
    expect(pk('get', 'wd', 'large', '-o', 'jsonpath={.spec.color} {.metadata.generation}').stdout).toBe('green 1');
    expect(pk('describe', 'widget', 'large').stdout).toMatch(/^Name:         large\nNamespace:    default\n[\s\S]*\nSpec:\n  Color:  green\n  Size:   10\nEvents:   <none>\n$/);
  });

  it('refuses what the schema refuses, in the API server\'s words, and writes none of it', () => {
    const bad = write('bad.yaml', [
      'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: bad1\nspec:\n  size: "big"\n  color: pink\n',
      'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: bad2\nspec:\n  size: 2\n  extra: 1\n',
      'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: bad3\nspec:\n  size: 0\n',
    ].join('---\n'));
    const res = pk('apply', '-f', bad);
    expect(res.code).toBe(1);
    expect(res.stderr.split('\n').filter(Boolean)).toEqual([
      `Error from server (Invalid): error when creating "${bad}": Widget.example.com "bad1" is invalid: [spec.color: Unsupported value: "pink": supported values: "red", "green", "blue", spec.size: Invalid value: "string": spec.size in body must be of type integer: "string"]`,
      `Error from server (BadRequest): error when creating "${bad}": Widget in version "v1" cannot be handled as a Widget: strict decoding error: unknown field "spec.extra"`,
      `Error from server (Invalid): error when creating "${bad}": Widget.example.com "bad3" is invalid: spec.size: Invalid value: 0: spec.size in body should be greater than or equal to 1`,
    ]);
    expect(pk('get', 'wd', '-o', 'name').stdout).toBe('widget.example.com/large\nwidget.example.com/small\n');
    // --validate=false drops the unknown field, as the server's decoding does
    expect(pk('apply', '-f', bad, '--validate=false').stdout).toBe('widget.example.com/bad2 created\n');
    expect(JSON.parse(pk('get', 'wd', 'bad2', '-o', 'json').stdout).spec).toEqual({ color: 'green', size: 2 });
  });

  it('patches with JSON merge and JSON patches only, bumping the generation on spec changes', () => {
    expect(pk('patch', 'wd', 'small', '-p', '{"spec":{"size":3}}')).toEqual({
      stdout: '',
      stderr: 'Error from server (UnsupportedMediaType): the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml\n',
      code: 1,
    });
    expect(pk('patch', 'wd', 'small', '--type=merge', '-p', '{"spec":{"size":3}}').stdout).toBe('widget.example.com/small patched\n');
    expect(pk('label', 'wd', 'small', 'tier=web').stdout).toBe('widget.example.com/small labeled\n');
    expect(pk('get', 'wd', 'small', '-o', 'jsonpath={.spec.size} {.metadata.generation} {.metadata.labels.tier}').stdout).toBe('3 2 web');
    // a re-apply sends a JSON merge patch: the size goes back to the manifest's, the label stays
    expect(pk('apply', '-f', fixture('widgets.yaml')).stdout).toBe('widget.example.com/small configured\nwidget.example.com/large unchanged\n');
    expect(pk('get', 'wd', 'small', '-o', 'jsonpath={.spec.size} {.metadata.labels.tier}').stdout).toBe('1 web');
  });

  it('leaves the status to its subresource: a create cannot set it', () => {
    const withStatus = write('status.yaml', 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: done\nspec:\n  size: 2\nstatus:\n  phase: Done\n');
    expect(pk('apply', '-f', withStatus).stdout).toBe('widget.example.com/done created\n');
    expect(pk('get', 'wd', 'done', '-o', 'jsonpath={.status}{.metadata.generation}').stdout).toBe('1');
    expect(pk('delete', 'wd', 'done').code).toBe(0);
  });

  it('lets the garbage collector delete what a custom resource owns, and a namespace\'s deletion take its custom resources', () => {
    const uid = pk('get', 'wd', 'large', '-o', 'jsonpath={.metadata.uid}').stdout;
    expect(pk('create', 'configmap', 'owned', '--from-literal=a=b').code).toBe(0);
    const owner = JSON.stringify({ metadata: { ownerReferences: [{ apiVersion: 'example.com/v1', kind: 'Widget', name: 'large', uid }] } });
    expect(pk('patch', 'cm', 'owned', '--type=merge', '-p', owner).code).toBe(0);
    expect(pk('delete', 'wd', 'large').stdout).toBe('widget.example.com "large" deleted\n');
    expect(pk('get', 'cm', 'owned').stderr).toBe('Error from server (NotFound): configmaps "owned" not found\n');

    expect(pk('create', 'namespace', 'scratch').code).toBe(0);
    expect(pk('apply', '-n', 'scratch', '-f', write('scratch.yaml', 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: temp\nspec:\n  size: 4\n')).code).toBe(0);
    expect(pk('delete', 'namespace', 'scratch').code).toBe(0);
    expect(pk('get', 'wd', '-A', '-o', 'name').stdout).not.toContain('temp');
  });

  it('deletes a CRD\'s custom resources with it, and stops serving them', () => {
    expect(pk('delete', 'crd', 'widgets.example.com').stdout).toBe('customresourcedefinition.apiextensions.k8s.io "widgets.example.com" deleted\n');
    expect(pk('get', 'crd').stderr).toBe('No resources found\n');
    expect(pk('get', 'widgets')).toEqual({ stdout: '', stderr: 'error: the server doesn\'t have a resource type "widgets"\n', code: 1 });
    // created again, the CRD serves an empty resource: nothing of the old one is left
    expect(pk('apply', '-f', fixture('widgets-crd.yaml')).code).toBe(0);
    expect(pk('get', 'widgets', '-A')).toEqual({ stdout: '', stderr: 'No resources found\n', code: 0 });
  });
});
