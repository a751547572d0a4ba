import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliSandbox } from './cli-runner.js';

/** Contexts, their default namespace, and `events`, through the built CLI. */
let sb: CliSandbox;
beforeAll(() => {
  sb = new CliSandbox('pk-config-');
});
afterAll(() => sb.dispose());

describe('config contexts', () => {
  it('lists the default context as current', () => {
    const r = sb.run(['config', 'get-contexts']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'CURRENT   NAME         CLUSTER      AUTHINFO     NAMESPACE\n' +
      '*         pocketkube   pocketkube   pocketkube   \n',
    );
    expect(sb.run(['config', 'get-contexts', '-o', 'name']).stdout).toBe('pocketkube\n');
    expect(sb.run(['config', 'current-context']).stdout).toBe('pocketkube\n');
  });

  it('a context namespace becomes the default namespace of every command', () => {
    expect(sb.run(['create', 'namespace', 'shop']).code).toBe(0);
    const set = sb.run(['config', 'set-context', '--current', '--namespace=shop']);
    expect(set.stdout).toBe('Context "pocketkube" modified.\n');
    expect(sb.run(['config', 'get-contexts']).stdout).toContain('*         pocketkube   pocketkube   pocketkube   shop\n');
    expect(sb.run(['create', 'configmap', 'cfg', '--from-literal=a=b']).code).toBe(0);
    expect(sb.run(['get', 'configmap', 'cfg', '-o', 'jsonpath={.metadata.namespace}']).stdout).toBe('shop');
    expect(sb.run(['get', 'configmap', 'cfg', '-n', 'default']).code).toBe(1);
    expect(sb.run(['config', 'view', '--minify']).stdout).toContain('    namespace: shop\n');
  });

  it('switches contexts and refuses unknown ones', () => {
    expect(sb.run(['cluster', 'create', 'dev']).code).toBe(0);
    expect(sb.run(['config', 'use-context', 'pocketkube']).stdout).toBe('Switched to context "pocketkube".\n');
    const bad = sb.run(['config', 'use-context', 'nope']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('error: no context exists with the name: "nope"\n');
    const list = sb.run(['config', 'get-contexts', '-o', 'name']);
    expect(list.stdout).toBe('dev\npocketkube\n');
    expect(sb.run(['--context', 'dev', 'config', 'current-context']).stdout).toBe('dev\n');
  });

  it('deletes a context', () => {
    const r = sb.run(['config', 'delete-context', 'dev']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`deleted context dev from ${sb.stateDir}/config.json\n`);
    expect(sb.run(['config', 'get-contexts', '-o', 'name']).stdout).toBe('pocketkube\n');
    const again = sb.run(['config', 'delete-context', 'dev']);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`error: cannot delete context dev, not in ${sb.stateDir}/config.json\n`);
  });
});

describe('events', () => {
  it('says when there are none, then lists them oldest first', () => {
    const none = sb.run(['events', '-n', 'default']);
    expect(none.code).toBe(0);
    expect(none.stderr).toBe('No events found in default namespace.\n');
    expect(sb.run(['run', 'web', '--image=nginx', '-n', 'default']).code).toBe(0);
    const r = sb.run(['events', '-n', 'default', '--for', 'pod/web']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    expect(lines[1]).toMatch(/^\S+\s+Normal\s+Scheduled\s+Pod\/web\s+Successfully assigned default\/web to /);
    expect(sb.run(['events', '-n', 'default', '--types', 'Warning']).stderr).toBe('No events found in default namespace.\n');
  });

  it('rejects bad --types and --for', () => {
    expect(sb.run(['events', '--types', 'Bogus']).stderr).toBe('error: valid --types are Normal or Warning\n');
    expect(sb.run(['events', '--for', 'web']).stderr).toBe('error: --for must be in resource/name form\n');
  });
});
