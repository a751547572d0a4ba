import { describe, expect, it } from 'vitest';
import { kindRegistry } from '../../src/api/kinds/index.js';
import { explainPlaintext } from '../../src/cli/explain/plaintext.js';
import { FieldNotFoundError, fieldsOf, typeName, walkPath } from '../../src/cli/explain/schema-view.js';
import { indent, wordWrap } from '../../src/cli/explain/word-wrap.js';
import { parseTypeExpr } from '../../src/api/schema/schema.js';

/**
 * The layouts below were taken from kubectl 1.32's `explain` run against an API server serving a
 * small OpenAPI v3 document (blank lines, tab after the field name, `    ` line after a
 * description, enum placement, the final empty line).
 */
const explain = (expr: string, recursive = false) => {
  const [resource, ...path] = expr.split('.');
  const kind = kindRegistry().resolve(resource);
  if (!kind) throw new Error(`no kind ${resource}`);
  return explainPlaintext({ kind, path, recursive });
};

describe('word wrapping (go-wordwrap)', () => {
  it('breaks before the word that passes the limit and drops the spaces there', () => {
    expect(wordWrap('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
    expect(wordWrap('aaa bbb ccc', 8)).toBe('aaa bbb\nccc');
    expect(wordWrap('aaa bbb ccc', 11)).toBe('aaa bbb ccc');
  });
  it('keeps line breaks and never splits a long word', () => {
    expect(wordWrap('one\n\ntwo', 76)).toBe('one\n\ntwo');
    expect(wordWrap('x https://very-long-url.example/path', 10)).toBe('x\nhttps://very-long-url.example/path');
  });
  it('indents every line, the first included', () => {
    expect(indent(4, 'a\n\nb\n')).toBe('    a\n    \n    b\n    ');
  });
});

describe('type names as kubectl prints them', () => {
  it.each([
    ['string', 'string'],
    ['integer', 'integer'],
    ['boolean', 'boolean'],
    ['Date', 'string'],
    ['IntOrString', 'IntOrString'],
    ['Array<V1Container>', '[]Container'],
    ['Map<string>', 'map[string]string'],
    ['Map<Quantity>', 'map[string]Quantity'],
    ['Array<string>', '[]string'],
    ['V1ObjectMeta', 'ObjectMeta'],
  ])('%s -> <%s>', (expr, name) => {
    expect(typeName(parseTypeExpr(expr))).toBe(name);
  });
  it('marks required fields and carries enums', () => {
    const spec = fieldsOf('V1PodSpec');
    expect(spec.find((f) => f.name === 'containers')).toMatchObject({ required: true, typeName: '[]Container' });
    expect(spec.find((f) => f.name === 'restartPolicy')?.enum).toEqual(['Always', 'Never', 'OnFailure']);
  });
});

describe('explain deployment.spec.replicas', () => {
  it('prints the header, the FIELD line and the wrapped description', () => {
    expect(explain('deployment.spec.replicas')).toBe(
      'GROUP:      apps\n' +
      'KIND:       Deployment\n' +
      'VERSION:    v1\n' +
      '\n' +
      'FIELD: replicas <integer>\n' +
      '\n' +
      '\n' +
      'DESCRIPTION:\n' +
      '    Number of desired pods. This is a pointer to distinguish between explicit\n' +
      '    zero and not specified. Defaults to 1.\n' +
      '    \n' +
      '\n',
    );
  });

  it('core kinds have no GROUP line; a field of object type joins both descriptions', () => {
    const out = explain('pod.spec.containers.resources');
    expect(out.startsWith('KIND:       Pod\nVERSION:    v1\n\nFIELD: resources <ResourceRequirements>\n\n\nDESCRIPTION:\n')).toBe(true);
    expect(out).toContain('\n    ResourceRequirements describes the compute resource requirements.\n    \nFIELDS:\n');
    expect(out).toContain('  limits\t<map[string]Quantity>\n');
  });

  it('lists fields sorted, with -required- and a blank line after each description', () => {
    const out = explain('deploy.spec');
    expect(out).toContain(
      '  selector\t<LabelSelector> -required-\n' +
      '    Label selector for pods. Existing ReplicaSets whose pods are selected by\n' +
      '    this will be the ones affected by this deployment. It must match the pod\n' +
      "    template's labels.\n\n",
    );
    const names = [...out.matchAll(/^ {2}(\w+)\t/gm)].map((m) => m[1]);
    expect(names).toEqual([...names].sort());
    expect(out.endsWith('\n\n\n')).toBe(true);
  });

  it('shows enums under FIELD and in field lists (at most four)', () => {
    expect(explain('pod.spec.restartPolicy')).toContain('FIELD: restartPolicy <string>\nENUM:\n    Always\n    Never\n    OnFailure\n\nDESCRIPTION:\n');
    expect(explain('pod.spec')).toContain('  dnsPolicy\t<string>\n  enum: ClusterFirst, ClusterFirstWithHostNet, Default, None\n');
  });

  it('describes IntOrString fields with the IntOrString description', () => {
    expect(explain('deployment.spec.strategy.rollingUpdate.maxSurge')).toMatch(/FIELD: maxSurge <IntOrString>[\s\S]*IntOrString is a type/);
  });

  it('--recursive lists nested fields two spaces deeper, without descriptions', () => {
    const out = explain('pod.spec.containers.resources', true);
    expect(out).toContain('FIELDS:\n  claims\t<[]ResourceClaim>\n    name\t<string> -required-\n    request\t<string>\n  limits\t<map[string]Quantity>\n');
    expect(out).not.toContain('<no description>');
  });

  it('reports the last path element when a field does not exist', () => {
    expect(() => walkPath('V1Deployment', ['spec', 'replica'])).toThrow(new FieldNotFoundError('replica'));
    expect(() => walkPath('V1Deployment', ['nope', 'x'])).toThrow('field "x" does not exist');
    expect(() => walkPath('V1Deployment', ['spec', 'replicas', 'x'])).toThrow('field "x" does not exist');
  });
});
