import { describe, expect, it } from 'vitest';
import { printRulesTable } from '../../../src/cli/auth/rules-table.js';

describe('auth can-i --list table', () => {
  it('breaks rules down, compacts verbs per resource and sorts by the Go rule string', () => {
    const status = {
      resourceRules: [
        { verbs: ['get', 'list'], apiGroups: ['', 'apps'], resources: ['pods', 'deployments/scale'] },
        { verbs: ['watch'], apiGroups: [''], resources: ['pods'] },
        { verbs: ['get'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['a', 'b'] },
        { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
      ],
      nonResourceRules: [{ verbs: ['get'], nonResourceURLs: ['/healthz', '/api/*'] }],
    };
    // verbs lead the sort key: `[get list watch]` < `[get list]` < `[get]` (a space sorts before `]`)
    expect(printRulesTable(status, false)).toBe([
      'Resources                Non-Resource URLs   Resource Names   Verbs',
      '*.*                      []                  []               [*]',
      'pods                     []                  []               [get list watch]',
      'deployments/scale        []                  []               [get list]',
      'deployments.apps/scale   []                  []               [get list]',
      'pods.apps                []                  []               [get list]',
      '                         [/api/*]            []               [get]',
      '                         [/healthz]          []               [get]',
      'configmaps               []                  [a]              [get]',
      'configmaps               []                  [b]              [get]',
      '',
    ].join('\n'));
    expect(printRulesTable({}, true)).toBe('');
  });
});
