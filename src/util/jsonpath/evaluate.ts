import { compare } from './compare.js';
import { goSprint } from './format.js';
import type { ListNode, Node, SliceParam } from './nodes.js';
import { GoFloat, isMap, kindOf, sortedKeys, stringBytes } from './values.js';

/**
 * Runs a parsed template over data the way client-go's JSONPath.FindResults does: each top-level
 * node gives one group of results; `{range}`…`{end}` re-runs the nodes in between once per value.
 */
export class Evaluator {
  private inRange = 0;
  private beginRange = 0;
  private endRange = 0;
  private lastEndNode = -1;
  private stack: unknown[] = [];

  constructor(private readonly nodes: Node[], private readonly allowMissingKeys: boolean) {}

  findResults(data: unknown, start = 0): unknown[][] {
    const full: unknown[][] = [];
    const cur = [data];
    for (let i = start; i < this.nodes.length; i++) {
      const results = this.walk(cur, this.nodes[i]);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = i;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) {
          for (const value of results) full.push(...this.findResults(value, i + 1));
        } else {
          this.findResults(null, i + 1);
        }
        this.inRange--;
        for (let k = i + 1; k < this.nodes.length; k++) {
          if (k === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  private walk(input: unknown[], node: Node): unknown[] {
    switch (node.type) {
      case 'list': return this.evalList(input, node);
      case 'text': return [node.text];
      case 'field': return this.evalField(input, node.name);
      case 'array': return evalArray(input, node.params);
      case 'filter': return this.evalFilter(input, node.left, node.right, node.operator);
      case 'int': return input.map(() => node.value);
      case 'float': return input.map(() => new GoFloat(node.value));
      case 'bool': return input.map(() => node.value);
      case 'wildcard': return evalWildcard(input);
      case 'recursive': return evalRecursive(input);
      case 'union': return node.lists.flatMap((l) => this.evalList(input, l));
      case 'identifier': return this.evalIdentifier(input, node.name);
    }
  }

  private evalList(input: unknown[], list: ListNode): unknown[] {
    let cur = input;
    for (const n of list.nodes) cur = this.walk(cur, n);
    return cur;
  }

  private evalIdentifier(input: unknown[], name: string): unknown[] {
    if (name === 'range') {
      this.stack.push(input);
      this.beginRange++;
      return input;
    }
    if (name === 'end') {
      if (this.endRange < this.inRange) {
        this.endRange++;
        return [];
      }
      if (this.stack.length === 0) throw new Error('not in range, nothing to end');
      this.stack.pop();
      return [];
    }
    throw new Error(`unrecognized identifier ${name}`);
  }

  private evalField(input: unknown[], name: string): unknown[] {
    if (input.length === 0) return [];
    const results: unknown[] = [];
    for (const value of input) {
      if (isMap(value) && Object.hasOwn(value, name) && value[name] !== undefined) results.push(value[name]);
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new Error(`${name} is not found`);
    return results;
  }

  private evalFilter(input: unknown[], left: ListNode, right: ListNode, operator: string): unknown[] {
    const results: unknown[] = [];
    for (const value of input) {
      if (!Array.isArray(value)) throw new Error(`${goPlain(value)} is not array or slice and cannot be filtered`);
      for (const item of value) {
        let lefts: unknown[];
        try {
          lefts = this.evalList([item], left);
        } catch (e) {
          if (operator === 'exists') continue;
          throw e;
        }
        if (operator === 'exists') {
          if (lefts.length > 0) results.push(item);
          continue;
        }
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new Error('can only compare one element at a time');
        const rights = this.evalList([item], right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new Error('can only compare one element at a time');
        if (compare(operator, lefts[0], rights[0])) results.push(item);
      }
    }
    return results;
  }
}

function goTypeName(v: unknown): string {
  switch (kindOf(v)) {
    case 'map': return 'map[string]interface {}';
    case 'slice': return '[]interface {}';
    case 'int': return 'int64';
    case 'float': return 'float64';
    case 'bool': return 'bool';
    case 'string': return 'string';
    default: return 'interface {}';
  }
}

function goPlain(v: unknown): string {
  return kindOf(v) === 'invalid' ? '<invalid reflect.Value>' : goSprint(v);
}

function evalArray(input: unknown[], nodeParams: [SliceParam, SliceParam, SliceParam]): unknown[] {
  const result: unknown[] = [];
  for (const value of input) {
    if (value === null || value === undefined) continue;
    if (!Array.isArray(value)) throw new Error(`${goTypeName(value)} is not array or slice`);
    const params = nodeParams.map((p) => ({ ...p }));
    const len = value.length;
    if (!params[0].known) params[0].value = 0;
    if (params[0].value < 0) params[0].value += len;
    if (!params[1].known) params[1].value = len;
    if (params[1].value < 0 || (params[1].value === 0 && params[1].derived)) params[1].value += len;
    if (params[1].value === params[0].value) return result;
    if (params[0].value >= len || params[0].value < 0) {
      throw new Error(`array index out of bounds: index ${params[0].value}, length ${len}`);
    }
    if (params[1].value > len || params[1].value < 0) {
      throw new Error(`array index out of bounds: index ${params[1].value - 1}, length ${len}`);
    }
    if (params[0].value > params[1].value) {
      throw new Error(`starting index ${params[0].value} is greater than ending index ${params[1].value}`);
    }
    const slice = value.slice(params[0].value, params[1].value);
    let step = 1;
    if (params[2].known) {
      if (params[2].value <= 0) throw new Error('step must be > 0');
      step = params[2].value;
    }
    for (let i = 0; i < slice.length; i += step) result.push(slice[i]);
  }
  return result;
}

/** The children of a value: a map's values (by sorted key), a slice's items, a string's bytes. */
function children(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return stringBytes(value);
  if (isMap(value)) return sortedKeys(value).map((k) => value[k]);
  return [];
}

function evalWildcard(input: unknown[]): unknown[] {
  return input.flatMap((v) => children(v));
}

function evalRecursive(input: unknown[]): unknown[] {
  const result: unknown[] = [];
  for (const value of input) {
    const kids = children(value);
    if (kids.length > 0) {
      result.push(value);
      result.push(...evalRecursive(kids));
    }
  }
  return result;
}
