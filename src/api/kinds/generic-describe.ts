/**
 * kubectl's generic describer (used for kinds without a dedicated one, such as Event): the
 * metadata header, then every remaining field sorted by name, with camel-case names split into words.
 */
import { DescribeWriter } from '../describe-writer.js';
import type { KubeObject } from '../types.js';
import { writeMetaHeader } from './meta-columns.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID'];
const SKIP = ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations'];

type CharClass = 'lower' | 'upper' | 'digit' | 'other';
const classOf = (c: string): CharClass => (/[a-z]/.test(c) ? 'lower' : /[A-Z]/.test(c) ? 'upper' : /[0-9]/.test(c) ? 'digit' : 'other');

/** fatih/camelcase.Split: runs of one character class, with `HTMLFile` split as `HTML`, `File`. */
export function camelSplit(s: string): string[] {
  const runs: string[] = [];
  let last: CharClass | undefined;
  for (const ch of s) {
    const c = classOf(ch);
    if (c === last) runs[runs.length - 1] += ch;
    else runs.push(ch);
    last = c;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (runs[i].length > 0 && classOf(runs[i][0]) === 'upper' && classOf(runs[i + 1][0]) === 'lower') {
      runs[i + 1] = runs[i].slice(-1) + runs[i + 1];
      runs[i] = runs[i].slice(0, -1);
    }
  }
  return runs.filter((r) => r.length > 0);
}

/** smartLabelFor: `involvedObject` → `Involved Object`, `uid` → `UID`. */
export function smartLabel(field: string): string {
  if (/[^A-Za-z-]/.test(field)) return field;
  return camelSplit(field)
    .filter((p) => p !== '_')
    .map((p) => (ACRONYMS.includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(' ');
}

const scalar = (v: unknown): string => (v === null || v === undefined ? '<nil>' : typeof v === 'object' ? JSON.stringify(v) : String(v));

function printContent(w: DescribeWriter, level: number, content: Record<string, any>, prefix: string): void {
  for (const key of Object.keys(content).sort()) {
    const path = `${prefix}.${key}`;
    if (SKIP.includes(path)) continue;
    const value = content[key];
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabel(key)}:`);
      printContent(w, level + 1, value, path);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabel(key)}:`);
      for (const item of value) {
        if (item && typeof item === 'object' && !Array.isArray(item)) printContent(w, level + 1, item, path);
        else w.write(level + 1, scalar(item));
      }
    } else {
      w.write(level, `${smartLabel(key)}:`, scalar(value));
    }
  }
}

export function describeGeneric(obj: KubeObject): string {
  const w = new DescribeWriter();
  writeMetaHeader(w, obj);
  printContent(w, 0, obj as Record<string, any>, '');
  return w.toString();
}
