/** The `-l` selector syntax: labels.Parse's lexer and recursive-descent parser, worded as apimachinery words its errors. */
import { formatFieldError, fieldErrors } from '../field-error.js';
import { qualifiedNameErrors } from '../validation/labels.js';
import { LabelSelectorError, newRequirement, type Operator, type Requirement } from './requirement.js';

const BINARY_OPERATORS = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];

type Tok = 'err' | 'eos' | ')' | ',' | '!' | '==' | '=' | '>' | 'id' | 'in' | '<' | '!=' | 'notin' | '(';
interface Item { tok: Tok; lit: string }

const KEYWORDS: Record<string, Tok> = { ')': ')', ',': ',', '!': '!', '==': '==', '=': '=', '>': '>', in: 'in', '<': '<', '!=': '!=', notin: 'notin', '(': '(' };
const isSpecial = (c: string) => '=!(),><'.includes(c);
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';

function lex(s: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  for (;;) {
    while (pos < s.length && isSpace(s[pos])) pos++;
    if (pos >= s.length) { items.push({ tok: 'eos', lit: '' }); return items; }
    if (isSpecial(s[pos])) {
      let buf = '';
      let last: Item | undefined;
      while (pos < s.length && isSpecial(s[pos])) {
        buf += s[pos];
        if (KEYWORDS[buf]) { last = { tok: KEYWORDS[buf], lit: buf }; pos++; } else if (last) break; else pos++;
      }
      items.push(last ?? { tok: 'err', lit: `error expected: keyword found '${buf}'` });
    } else {
      const start = pos;
      while (pos < s.length && !isSpecial(s[pos]) && !isSpace(s[pos])) pos++;
      const lit = s.slice(start, pos);
      items.push({ tok: KEYWORDS[lit] ?? 'id', lit });
    }
  }
}

class Parser {
  private pos = 0;
  constructor(private readonly items: Item[]) {}
  private look(values: boolean): Item {
    return this.adapt(this.items[this.pos], values);
  }
  private next(values: boolean): Item {
    return this.adapt(this.items[this.pos++], values);
  }
  private adapt(it: Item, values: boolean): Item {
    return values && (it.tok === 'in' || it.tok === 'notin') ? { tok: 'id', lit: it.lit } : it;
  }

  parse(): Requirement[] {
    const reqs: Requirement[] = [];
    for (;;) {
      const { tok, lit } = this.look(true);
      if (tok === 'eos') return reqs;
      if (tok !== 'id' && tok !== '!') throw new LabelSelectorError(`found '${lit}', expected: !, identifier, or 'end of string'`);
      try {
        reqs.push(this.requirement());
      } catch (e) {
        throw new LabelSelectorError(`unable to parse requirement: ${(e as Error).message}`);
      }
      const t = this.next(true);
      if (t.tok === 'eos') return reqs;
      if (t.tok !== ',') throw new LabelSelectorError(`found '${t.lit}', expected: ',' or 'end of string'`);
      const t2 = this.look(true);
      if (t2.tok !== 'id' && t2.tok !== '!') throw new LabelSelectorError(`found '${t2.lit}', expected: identifier after ','`);
    }
  }

  private requirement(): Requirement {
    let t = this.next(true);
    let op: Operator | undefined;
    if (t.tok === '!') { op = '!'; t = this.next(true); }
    if (t.tok !== 'id') throw new Error(`found '${t.lit}', expected: identifier`);
    const key = t.lit;
    const keyErrs = qualifiedNameErrors(key);
    if (keyErrs.length) throw new Error(formatFieldError(fieldErrors.invalid('<nil>', key, keyErrs.join('; '))));
    const ahead = this.look(true).tok;
    if (ahead === 'eos' || ahead === ',') return newRequirement(key, op ?? 'exists', []);
    if (op === '!') return newRequirement(key, op, []);
    const o = this.next(false);
    const ops: Partial<Record<Tok, Operator>> = { in: 'in', notin: 'notin', '=': '=', '==': '==', '!=': '!=', '>': 'gt', '<': 'lt' };
    const operator = ops[o.tok];
    if (!operator) throw new Error(`found '${o.lit}', expected: ${BINARY_OPERATORS.join(', ')}`);
    const values = operator === 'in' || operator === 'notin' ? this.setValues() : this.exactValue();
    return newRequirement(key, operator, [...new Set(values)].sort());
  }

  private setValues(): string[] {
    const open = this.next(true);
    if (open.tok !== '(') throw new Error(`found '${open.lit}' expected: '('`);
    const first = this.look(true);
    if (first.tok === ')') { this.next(true); return ['']; }
    if (first.tok !== 'id' && first.tok !== ',') throw new Error(`found '${first.lit}', expected: ',', ')' or identifier`);
    const vals = new Set<string>();
    for (;;) {
      const t = this.next(true);
      if (t.tok === 'id') {
        vals.add(t.lit);
        const t2 = this.look(true);
        if (t2.tok === ',') continue;
        if (t2.tok === ')') break;
        throw new Error(`found '${t2.lit}', expected: ',' or ')'`);
      } else if (t.tok === ',') {
        if (vals.size === 0) vals.add('');
        const t2 = this.look(true);
        if (t2.tok === ')') { vals.add(''); break; }
        if (t2.tok === ',') vals.add('');
      } else {
        throw new Error(`found '${t.lit}', expected: ',', or identifier`);
      }
    }
    const close = this.next(true);
    if (close.tok !== ')') throw new Error(`found '${first.lit}', expected: ')'`);
    return [...vals];
  }

  private exactValue(): string[] {
    const ahead = this.look(true).tok;
    if (ahead === 'eos' || ahead === ',') return [''];
    const t = this.next(true);
    if (t.tok === 'id') return [t.lit];
    throw new Error(`found '${t.lit}', expected: identifier`);
  }
}

/** Parses a selector string into its requirements (unsorted); throws LabelSelectorError. */
export function parseRequirements(s: string): Requirement[] {
  return new Parser(lex(s)).parse();
}
