import { describe, expect, it } from 'vitest';
import { limitRangeKind } from '../../../src/api/kinds/limit-range.js';
import { goQuantity } from '../../../src/api/kinds/go-render.js';
import type { KubeObject } from '../../../src/api/types.js';
import { messages } from './helpers.js';
import { row } from './workload-helpers.js';

const lr = (limits: unknown[]): KubeObject => {
  const o: KubeObject = {
    apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'limits', namespace: 'dev', creationTimestamp: '2026-01-01T00:00:00Z' }, spec: { limits },
  };
  limitRangeKind.defaults!(o);
  return o;
};
const validate = (o: KubeObject) => messages(limitRangeKind.validate!(o));

describe('LimitRange', () => {
  it('defaults a Container item: the default limit from max, the default request from the default limit, then from min', () => {
    expect(lr([{ type: 'Container', max: { cpu: '2', memory: '1Gi' }, min: { cpu: '0.1' }, default: { memory: '512Mi' } }]).spec.limits[0]).toEqual({
      type: 'Container', max: { cpu: '2', memory: '1Gi' }, min: { cpu: '100m' },
      default: { memory: '512Mi', cpu: '2' }, defaultRequest: { memory: '512Mi', cpu: '2' },
    });
    expect(lr([{ type: 'Container', min: { cpu: '100m' } }]).spec.limits[0]).toEqual({ type: 'Container', min: { cpu: '100m' }, defaultRequest: { cpu: '100m' } });
    // only Container items get defaults
    expect(lr([{ type: 'Pod', max: { cpu: '2' } }]).spec.limits[0]).toEqual({ type: 'Pod', max: { cpu: '2' } });
  });

  it('prints a Quantity field value as Go prints the struct', () => {
    expect(goQuantity('500m')).toBe('resource.Quantity{i:resource.int64Amount{value:500, scale:-3}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"500m", Format:"DecimalSI"}');
    expect(goQuantity('1Gi')).toBe('resource.Quantity{i:resource.int64Amount{value:1073741824, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"1Gi", Format:"BinarySI"}');
    expect(goQuantity('8Gi')).toBe('resource.Quantity{i:resource.int64Amount{value:8589934592, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"", Format:"BinarySI"}');
    expect(goQuantity('0')).toBe('resource.Quantity{i:resource.int64Amount{value:0, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"0", Format:"DecimalSI"}');
  });

  it('refuses what ValidateLimitRange refuses', () => {
    expect(validate(lr([{ type: 'Container', max: { cpu: '1' }, min: { cpu: '100m' } }, { type: 'Pod', max: { memory: '2Gi' } }]))).toEqual([]);
    expect(validate(lr([{ type: 'Container', min: { cpu: '2' }, max: { cpu: '1' } }]))).toEqual([
      'spec.limits[0].min[cpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:2, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"2", Format:"DecimalSI"}: min value 2 is greater than max value 1',
      // the defaults (request and limit from max) fall below min too
      'spec.limits[0].defaultRequest[cpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:1, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"1", Format:"DecimalSI"}: min value 2 is greater than default request value 1',
      'spec.limits[0].default[cpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:2, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"2", Format:"DecimalSI"}: min value 2 is greater than default value 1',
    ]);
    expect(validate(lr([{ type: 'Pod', default: { cpu: '1' }, defaultRequest: { cpu: '1' } }]))).toEqual([
      "spec.limits[0].default: Forbidden: may not be specified when `type` is 'Pod'",
      "spec.limits[0].defaultRequest: Forbidden: may not be specified when `type` is 'Pod'",
    ]);
    expect(validate(lr([{ type: 'Container', default: { cpu: '500m' }, defaultRequest: { cpu: '1' }, maxLimitRequestRatio: { cpu: '0.5' } }]))).toEqual([
      'spec.limits[0].defaultRequest[cpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:1, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"1", Format:"DecimalSI"}: default request value 1 is greater than default limit value 500m',
      'spec.limits[0].maxLimitRequestRatio[cpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:500, scale:-3}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"500m", Format:"DecimalSI"}: ratio 500m is less than 1',
    ]);
    expect(validate(lr([{ type: 'Container', min: { cpu: '1' }, max: { cpu: '2' }, maxLimitRequestRatio: { cpu: '3' } }]))).toEqual([
      'spec.limits[0].maxLimitRequestRatio[cpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:3, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"3", Format:"DecimalSI"}: ratio 3 is greater than max/min = 2.000000',
    ]);
    expect(validate(lr([{ type: 'PersistentVolumeClaim' }, { type: 'PersistentVolumeClaim', max: { storage: '1Gi' } }]))).toEqual([
      'spec.limits[0].limits: Required value: either minimum or maximum storage value is required, but neither was provided',
      'spec.limits[1].type: Duplicate value: "PersistentVolumeClaim"',
    ]);
    expect(validate(lr([{ type: 'Node', max: { storage: '1Gi', foo: '1' } }]))).toEqual([
      'spec.limits[0].type: Invalid value: "Node": must be a standard limit type or fully qualified',
      'spec.limits[0].max[foo]: Invalid value: "foo": must be a standard resource type or fully qualified',
    ]);
    // the defaults taken from max are checked too
    expect(validate(lr([{ type: 'Container', max: { storage: '1Gi', 'example.com/gpu': '1' } }]))).toEqual([
      'spec.limits[0].max[storage]: Invalid value: "storage": must be a standard resource for containers',
      'spec.limits[0].default[storage]: Invalid value: "storage": must be a standard resource for containers',
      'spec.limits[0].defaultRequest[storage]: Invalid value: "storage": must be a standard resource for containers',
    ]);
  });

  it('prints NAME and CREATED AT, and kubectl\'s describer table', () => {
    const o = lr([
      { type: 'Container', max: { cpu: '1' }, default: { memory: '512Mi' }, defaultRequest: { memory: '256Mi', cpu: '250m' }, maxLimitRequestRatio: { cpu: '4' } },
      { type: 'PersistentVolumeClaim', min: { storage: '1Gi' } },
    ]);
    expect(row(limitRangeKind, o)).toEqual({ NAME: 'limits', 'CREATED AT': '2026-01-01T00:00:00Z' });
    expect(limitRangeKind.describe!(o, undefined as never)).toBe([
      'Name:                  limits',
      'Namespace:             dev',
      'Type                   Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio',
      '----                   --------  ---  ---  ---------------  -------------  -----------------------',
      'Container              cpu       -    1    250m             1              4',
      'Container              memory    -    -    256Mi            512Mi          -',
      'PersistentVolumeClaim  storage   1Gi  -    -                -              -',
      '',
    ].join('\n'));
    expect(limitRangeKind.describeEvents).toBe(false);
  });
});
