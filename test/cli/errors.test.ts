import { describe, expect, it } from 'vitest';
import { apiErrors } from '../../src/api/errors.js';
import { fieldErrors } from '../../src/api/field-error.js';
import { PlainError, ReportedError, renderError, renderErrors, renderParseError } from '../../src/cli/errors.js';

describe('renderError', () => {
  it('renders API errors with their reason', () => {
    expect(renderError(apiErrors.notFound('pods', '', 'web'))).toBe('Error from server (NotFound): pods "web" not found\n');
    expect(renderError(apiErrors.alreadyExists('deployments', 'apps', 'web').withPrefix('error when creating "f.yaml": '))).toBe(
      'Error from server (AlreadyExists): error when creating "f.yaml": deployments.apps "web" already exists\n',
    );
  });

  it('renders Invalid from its causes: one on the header line, several as * lines', () => {
    const one = apiErrors.invalid('Deployment', 'apps', 'web', [fieldErrors.required('spec.template.spec.containers[0].image')]);
    expect(renderError(one)).toBe('The Deployment "web" is invalid: spec.template.spec.containers[0].image: Required value\n');
    const two = apiErrors.invalid('Pod', '', 'p', [fieldErrors.required('spec.containers[0].name'), fieldErrors.invalid('metadata.name', 'P', 'bad')]);
    expect(renderError(two)).toBe('The Pod "p" is invalid: \n* spec.containers[0].name: Required value\n* metadata.name: Invalid value: "P": bad\n');
  });

  it('prefixes other errors with error:, once', () => {
    expect(renderError(new Error('the path "x.yaml" does not exist'))).toBe('error: the path "x.yaml" does not exist\n');
    expect(renderError(new Error('error: already'))).toBe('error: already\n');
    expect(renderError(new PlainError('Error in configuration: context was not found for specified context: x'))).toBe(
      'Error in configuration: context was not found for specified context: x\n',
    );
    expect(renderError(new ReportedError())).toBe('');
  });
});

describe('renderErrors', () => {
  it('prints several errors one per line, API errors with their reason and others bare', () => {
    const text = renderErrors([new Error('error parsing f.yaml: boom'), apiErrors.notFound('namespaces', '', 'nope').withPrefix('error when creating "f.yaml": ')]);
    expect(text).toBe('error parsing f.yaml: boom\nError from server (NotFound): error when creating "f.yaml": namespaces "nope" not found\n');
  });

  it('prints a single error like renderError', () => {
    expect(renderErrors([new Error('x')])).toBe('error: x\n');
  });
});

describe('renderParseError', () => {
  it('uses cobra\'s words', () => {
    const unknown = Object.assign(new Error('Nonexistent flag: --foo'), { parse: {}, flags: ['--foo'] });
    expect(renderParseError(unknown, 'get', 'pocketkube')).toBe("Error: unknown flag: --foo\nSee 'pocketkube get --help' for usage.\n");
    const short = Object.assign(new Error('Nonexistent flag: -z'), { parse: {}, flags: ['-z'] });
    expect(renderParseError(short, 'cluster:create', 'pocketkube')).toBe("Error: unknown shorthand flag: 'z' in -z\nSee 'pocketkube cluster create --help' for usage.\n");
  });
});
