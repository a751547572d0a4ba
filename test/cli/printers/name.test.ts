import { describe, expect, it } from 'vitest';
import { kindOfObject, kindPrefix, resourceName } from '../../../src/cli/printers/name.js';
import { kindRegistry } from '../../../src/api/kinds/index.js';
import type { KubeObject } from '../../../src/api/types.js';

describe('name printer', () => {
  const reg = kindRegistry();

  it('writes kind.group for grouped kinds and kind alone for the core group', () => {
    expect(kindPrefix(reg.resolve('deploy')!)).toBe('deployment.apps');
    expect(kindPrefix(reg.resolve('po')!)).toBe('pod');
    expect(kindPrefix(reg.resolve('clusterroles')!)).toBe('clusterrole.rbac.authorization.k8s.io');
  });

  it('names an object from its own apiVersion/kind when no KindDef is given', () => {
    const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' } } as KubeObject;
    expect(resourceName(job)).toBe('job.batch/pi');
    expect(resourceName(job, reg.resolve('jobs')!)).toBe('job.batch/pi');
    expect(kindOfObject({ apiVersion: 'v1', kind: 'Service' })).toEqual({ kind: 'Service', group: '' });
  });
});
