import { Evaluator } from './evaluate.js';
import { goJson, goQuote, goSprint, goSyntax } from './format.js';
import type { ListNode } from './nodes.js';
import { parseTemplate } from './parser.js';
import { kindOf } from './values.js';

export { JsonPathParseError } from './parser.js';
export { goQuote, goSprint } from './format.js';

/**
 * A parsed JSONPath template (k8s.io/client-go/util/jsonpath): `findResults` gives the groups of
 * values, `execute` prints them as kubectl does (strings raw, maps and slices as JSON, values of
 * one group separated by a space; with `outputJson` each group as an indented JSON array).
 */
export class JsonPath {
  private readonly root: ListNode;

  /** Throws JsonPathParseError with client-go's words. */
  constructor(template: string, private readonly opts: { allowMissingKeys?: boolean; outputJson?: boolean } = {}) {
    this.root = parseTemplate(template);
  }

  findResults(data: unknown): unknown[][] {
    return new Evaluator(this.root.nodes, this.opts.allowMissingKeys ?? false).findResults(data);
  }

  execute(data: unknown): string {
    return this.findResults(data).map((group) => this.printResults(group)).join('');
  }

  private printResults(results: unknown[]): string {
    if (this.opts.outputJson) return goJson(results, '    ') + '\n';
    return results
      .map((r) => {
        const k = kindOf(r);
        if (k === 'map' || k === 'slice') return goJson(r);
        if (k === 'invalid') return 'null';
        return goSprint(r);
      })
      .join(' ');
  }
}

/**
 * kubectl's jsonpath printer: parses the template up front (kubectl's `error parsing jsonpath`
 * message) and wraps an execution failure in its debugging dump of the template and the data.
 */
export class JsonPathPrinter {
  private readonly path: JsonPath;

  constructor(private readonly template: string, opts: { allowMissingKeys: boolean; outputJson: boolean }) {
    try {
      this.path = new JsonPath(template, opts);
    } catch (e) {
      throw new Error(`error parsing jsonpath ${template}, ${(e as Error).message}`);
    }
  }

  print(data: unknown): string {
    try {
      return this.path.execute(data);
    } catch (e) {
      const dump =
        `Error executing template: ${(e as Error).message}. Printing more information for debugging the template:\n` +
        `\ttemplate was:\n\t\t${this.template}\n` +
        `\tobject given to jsonpath engine was:\n\t\t${goSyntax(data)}\n\n`;
      throw new Error(`error executing jsonpath ${goQuote(this.template)}: ${dump}\n`);
    }
  }
}
