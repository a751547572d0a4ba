import { describe, expect, it } from 'vitest';
import { JsonPath, JsonPathPrinter } from '../../../src/util/jsonpath/index.js';

/** The input and example templates of kubernetes.io's "JSONPath Support" page, printed as kubectl 1.32 prints them. */
const DOC_INPUT = {
  kind: 'List',
  items: [
    {
      kind: 'None',
      metadata: { name: '127.0.0.1', labels: { 'kubernetes.io/hostname': '127.0.0.1' } },
      status: { capacity: { cpu: '4' }, addresses: [{ type: 'LegacyHostIP', address: '127.0.0.1' }] },
    },
    {
      kind: 'None',
      metadata: { name: '127.0.0.2' },
      status: {
        capacity: { cpu: '8' },
        addresses: [
          { type: 'LegacyHostIP', address: '127.0.0.2' },
          { type: 'another', address: '127.0.0.3' },
        ],
      },
    },
  ],
  users: [
    { name: 'myself', user: {} },
    { name: 'e2e', user: { username: 'admin', password: 'secret' } },
  ],
};

const run = (t: string) => new JsonPath(t, { allowMissingKeys: true }).execute(DOC_INPUT);

describe('the JSONPath page examples', () => {
  it.each([
    ['kind is {.kind}', 'kind is List'],
    ['{.kind}', 'List'],
    ["{['kind']}", 'List'],
    ['{..name}', '127.0.0.1 127.0.0.2 myself e2e'],
    ['{.items[*].metadata.name}', '127.0.0.1 127.0.0.2'],
    ['{.users[0].name}', 'myself'],
    ["{.items[*]['metadata.name', 'status.capacity']}", '127.0.0.1 127.0.0.2 {"cpu":"4"} {"cpu":"8"}'],
    ['{.users[?(@.name=="e2e")].user.password}', 'secret'],
    ['{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}', '[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] '],
    ["{range .items[*]}{.metadata.name}{'\\t'}{end}", '127.0.0.1\t127.0.0.2\t'],
    ['{.items[0].metadata.labels.kubernetes\\.io/hostname}', '127.0.0.1'],
    ['{.items[-1:].metadata.name}', '127.0.0.2'],
    ['{$.users[1].user.username}', 'admin'],
    ['{.items[*].status.addresses[?(@.type=="another")].address}', '127.0.0.3'],
    ['{.items[0:2:1].status.capacity.cpu}', '4 8'],
  ])('%s', (template, output) => {
    expect(run(template)).toBe(output);
  });

  it('{@} is the input as JSON', () => {
    expect(JSON.parse(run('{@}'))).toEqual(DOC_INPUT);
  });

  it('prints a missing key as nothing, or kubectl\'s error when missing keys are not allowed', () => {
    expect(run('{.nope}')).toBe('');
    const p = new JsonPathPrinter('{.nope}', { allowMissingKeys: false, outputJson: false });
    expect(() => p.print({ a: 1 })).toThrow(
      'error executing jsonpath "{.nope}": Error executing template: nope is not found. Printing more information for debugging the template:\n' +
        '\ttemplate was:\n\t\t{.nope}\n\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"a":1}\n\n\n',
    );
  });

  it('rejects bad templates with client-go\'s words', () => {
    const parse = (t: string) => () => new JsonPathPrinter(t, { allowMissingKeys: true, outputJson: false });
    expect(parse('{.a[}')).toThrow('error parsing jsonpath {.a[}, unterminated array');
    expect(parse('{.items[*]')).toThrow('error parsing jsonpath {.items[*], unclosed action');
    expect(parse('{.a[x]}')).toThrow('error parsing jsonpath {.a[x]}, invalid array index x');
    expect(parse('{.a[?(@.x=="y"]}')).toThrow('error parsing jsonpath {.a[?(@.x=="y"]}, unterminated filter');
    expect(parse('{%}')).toThrow("error parsing jsonpath {%}, unrecognized character in action: U+0025 '%'");
  });

  it('prints each group as an indented JSON array for jsonpath-as-json', () => {
    const p = new JsonPathPrinter('{.items[*].metadata.name}', { allowMissingKeys: true, outputJson: true });
    expect(p.print(DOC_INPUT)).toBe('[\n    "127.0.0.1",\n    "127.0.0.2"\n]\n');
  });
});
