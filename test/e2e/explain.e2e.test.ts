import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliSandbox } from './cli-runner.js';

let sb: CliSandbox;
beforeAll(() => {
  sb = new CliSandbox('pk-explain-');
});
afterAll(() => sb.dispose());

describe('explain through the CLI', () => {
  it('explains a field', () => {
    const r = sb.run(['explain', 'deployment.spec.replicas']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: replicas <integer>\n\n\nDESCRIPTION:\n' +
      '    Number of desired pods. This is a pointer to distinguish between explicit\n' +
      '    zero and not specified. Defaults to 1.\n    \n\n',
    );
  });

  it('accepts short names and --recursive', () => {
    const r = sb.run(['explain', 'po.spec.containers', '--recursive']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('FIELD: containers <[]Container>\n');
    expect(r.stdout).toContain('  name\t<string> -required-\n');
    expect(r.stdout).toContain('  ports\t<[]ContainerPort>\n    containerPort\t<integer> -required-\n');
  });

  it('fails like kubectl', () => {
    const missing = sb.run(['explain', 'deployment.spec.replica']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\n');
    expect(missing.stderr).toBe('error: field "replica" does not exist\n');
    const unknown = sb.run(['explain', 'widgets']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('the server doesn\'t have a resource type "widgets"\n');
    expect(sb.run(['explain', 'deploy', '--api-version=apps/v2']).stderr).toBe('error: couldn\'t find resource for "apps/v2, Resource=deployments"\n');
    expect(sb.run(['explain']).stderr).toBe('error: You must specify the type of resource to explain. Use "pocketkube api-resources" for a complete list of supported resources.\n');
  });
});
