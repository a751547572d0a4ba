import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JsonPathPrinter } from '../../../src/util/jsonpath/index.js';

/**
 * Templates run by the real kubectl 1.32 over one object (golden/jsonpath-kubectl.json, recorded
 * with `kubectl label -f input --local -o jsonpath=…`): output, or the error line kubectl printed.
 */
interface Case {
  format: 'jsonpath' | 'jsonpath-as-json';
  template: string;
  allowMissingKeys: boolean;
  stdout: string;
  stderr: string;
  exitCode: number;
}
const golden = JSON.parse(readFileSync(new URL('./golden/jsonpath-kubectl.json', import.meta.url), 'utf8')) as { input: unknown; cases: Case[] };

function run(c: Case): { stdout: string; stderr: string; exitCode: number } {
  try {
    const p = new JsonPathPrinter(c.template, { allowMissingKeys: c.allowMissingKeys, outputJson: c.format === 'jsonpath-as-json' });
    return { stdout: p.print(golden.input), stderr: '', exitCode: 0 };
  } catch (e) {
    const msg = (e as Error).message;
    return { stdout: '', stderr: msg.endsWith('\n') ? `error: ${msg}` : `error: ${msg}\n`, exitCode: 1 };
  }
}

describe('jsonpath against kubectl 1.32 recordings', () => {
  it('has recordings', () => expect(golden.cases.length).toBeGreaterThan(100));
  for (const c of golden.cases) {
    it(`${c.format}=${c.template} (allow-missing=${c.allowMissingKeys})`, () => {
      expect(run(c)).toEqual({ stdout: c.stdout, stderr: c.stderr, exitCode: c.exitCode });
    });
  }
});
