import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliSandbox } from './cli-runner.js';

/**
 * explain for custom resources through the built CLI: the resource is found in the cluster's
 * registry once its CRD is established, and explained from the CRD's schema as kubectl 1.32 prints
 * the OpenAPI v3 document kube-apiserver publishes for it (standard apiVersion, kind and metadata).
 */
const sb = new CliSandbox('pk-explain-crd-');
const pk = (...args: string[]) => sb.run(args);
const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/crd/${name}`, import.meta.url));
afterAll(() => sb.dispose());

const HEADER = 'GROUP:      example.com\nKIND:       Widget\nVERSION:    v1\n\n';

describe('explain custom resources through the CLI', { timeout: 120_000 }, () => {
  beforeAll(() => {
    expect(pk('explain', 'widgets').stderr).toBe('the server doesn\'t have a resource type "widgets"\n');
    expect(pk('apply', '-f', fixture('widgets-crd.yaml')).code).toBe(0);
    expect(pk('wait', '--for', 'condition=established', 'crd/widgets.example.com', '--timeout=10s').code).toBe(0);
  });

  it('explains the resource: standard fields first, the schema\'s own after', () => {
    expect(pk('explain', 'widgets')).toEqual({
      stdout:
        HEADER +
        'DESCRIPTION:\n' +
        '    A Widget is a made-up thing of some size and colour.\n' +
        '    \n' +
        'FIELDS:\n' +
        '  apiVersion\t<string>\n' +
        '    APIVersion defines the versioned schema of this representation of an object.\n' +
        '    Servers should convert recognized schemas to the latest internal value, and\n' +
        '    may reject unrecognized values. More info:\n' +
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources\n' +
        '\n' +
        '  kind\t<string>\n' +
        '    Kind is a string value representing the REST resource this object\n' +
        '    represents. Servers may infer this from the endpoint the client submits\n' +
        '    requests to. Cannot be updated. In CamelCase. More info:\n' +
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds\n' +
        '\n' +
        '  metadata\t<ObjectMeta>\n' +
        "    Standard object's metadata. More info:\n" +
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata\n' +
        '\n' +
        '  spec\t<Object>\n' +
        '    <no description>\n' +
        '\n' +
        '  status\t<Object>\n' +
        '    <no description>\n' +
        '\n' +
        '\n',
      stderr: '',
      code: 0,
    });
  });

  it('explains spec: no description, the enum and -required- in the field list', () => {
    expect(pk('explain', 'widgets.spec').stdout).toBe(
      HEADER +
      'FIELD: spec <Object>\n' +
      '\n' +
      '\n' +
      'DESCRIPTION:\n' +
      '    <empty>\n' +
      'FIELDS:\n' +
      '  color\t<string>\n' +
      '  enum: red, green, blue\n' +
      '    The colour of the widget.\n' +
      '\n' +
      '  size\t<integer> -required-\n' +
      '    How big the widget is.\n' +
      '\n' +
      '\n',
    );
  });

  it('explains a field by the short name, with its ENUM', () => {
    expect(pk('explain', 'wd.spec.color')).toEqual({
      stdout: HEADER + 'FIELD: color <string>\nENUM:\n    red\n    green\n    blue\n\nDESCRIPTION:\n    The colour of the widget.\n    \n\n',
      stderr: '',
      code: 0,
    });
  });

  it('--recursive lists every field, ObjectMeta\'s included', () => {
    expect(pk('explain', 'widgets', '--recursive').stdout).toBe(
      HEADER +
      'DESCRIPTION:\n' +
      '    A Widget is a made-up thing of some size and colour.\n' +
      '    \n' +
      'FIELDS:\n' +
      '  apiVersion\t<string>\n' +
      '  kind\t<string>\n' +
      '  metadata\t<ObjectMeta>\n' +
      '    annotations\t<map[string]string>\n' +
      '    creationTimestamp\t<string>\n' +
      '    deletionGracePeriodSeconds\t<integer>\n' +
      '    deletionTimestamp\t<string>\n' +
      '    finalizers\t<[]string>\n' +
      '    generateName\t<string>\n' +
      '    generation\t<integer>\n' +
      '    labels\t<map[string]string>\n' +
      '    managedFields\t<[]ManagedFieldsEntry>\n' +
      '      apiVersion\t<string>\n' +
      '      fieldsType\t<string>\n' +
      '      fieldsV1\t<FieldsV1>\n' +
      '      manager\t<string>\n' +
      '      operation\t<string>\n' +
      '      subresource\t<string>\n' +
      '      time\t<string>\n' +
      '    name\t<string>\n' +
      '    namespace\t<string>\n' +
      '    ownerReferences\t<[]OwnerReference>\n' +
      '      apiVersion\t<string> -required-\n' +
      '      blockOwnerDeletion\t<boolean>\n' +
      '      controller\t<boolean>\n' +
      '      kind\t<string> -required-\n' +
      '      name\t<string> -required-\n' +
      '      uid\t<string> -required-\n' +
      '    resourceVersion\t<string>\n' +
      '    selfLink\t<string>\n' +
      '    uid\t<string>\n' +
      '  spec\t<Object>\n' +
      '    color\t<string>\n' +
      '    enum: red, green, blue\n' +
      '    size\t<integer> -required-\n' +
      '  status\t<Object>\n' +
      '    phase\t<string>\n' +
      '\n',
    );
  });

  it('explains metadata from the ObjectMeta docs, as for pods', () => {
    const body = (s: string) => s.slice(s.indexOf('FIELD:'));
    expect(body(pk('explain', 'widget.metadata.ownerReferences').stdout)).toBe(body(pk('explain', 'pods.metadata.ownerReferences').stdout));
  });

  it('fails like kubectl for a missing field and an unserved version', () => {
    expect(pk('explain', 'widgets.spec.colour')).toEqual({ stdout: HEADER, stderr: 'error: field "colour" does not exist\n', code: 1 });
    expect(pk('explain', 'wd.spec.size.bits').stderr).toBe('error: field "bits" does not exist\n');
    expect(pk('explain', 'widgets', '--api-version=example.com/v2').stderr).toBe('error: couldn\'t find resource for "example.com/v2, Resource=widgets"\n');
    expect(pk('explain', 'widgets.spec.size', '--api-version=example.com/v1').code).toBe(0);
  });

  it('explains another served version from that version\'s schema', () => {
    expect(pk('apply', '-f', fixture('certificates-crd.yaml')).code).toBe(0);
    expect(pk('wait', '--for', 'condition=established', 'crd/certificates.certs.example.io', '--timeout=10s').code).toBe(0);
    expect(pk('explain', 'certs.spec.secretName').stdout).toBe(
      'GROUP:      certs.example.io\nKIND:       Certificate\nVERSION:    v1\n\nFIELD: secretName <string>\n\n\nDESCRIPTION:\n    <empty>\n\n');
    const old = pk('explain', 'certificates', '--api-version=certs.example.io/v1alpha1', '--recursive');
    expect(old.stdout.startsWith('GROUP:      certs.example.io\nKIND:       Certificate\nVERSION:    v1alpha1\n\nDESCRIPTION:\n    <empty>\nFIELDS:\n')).toBe(true);
    expect(old.stdout.endsWith('    uid\t<string>\n  spec\t<Object>\n  status\t<Object>\n\n')).toBe(true);
    expect(pk('explain', 'certificates.spec.secretName', '--api-version=certs.example.io/v1alpha1')).toEqual({
      stdout: 'GROUP:      certs.example.io\nKIND:       Certificate\nVERSION:    v1alpha1\n\n',
      stderr: 'error: field "secretName" does not exist\n',
      code: 1,
    });
  });
});
