import { describe, expect, it } from 'vitest';
import { podTemplateKind } from '../../../src/api/kinds/pod-template.js';
import type { KubeObject } from '../../../src/api/types.js';
import { messages } from './helpers.js';
import { CREATED, created, row } from './workload-helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const pt = (template: any): KubeObject => ({
  apiVersion: 'v1', kind: 'PodTemplate', metadata: { name: 'web', namespace: 'default', creationTimestamp: CREATED }, template,
});
const web = (): any => ({ metadata: { labels: { app: 'web', tier: 'fe' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }, { name: 'log', image: 'busybox' }] } });
const validate = (o: KubeObject) => messages(podTemplateKind.validate!(o));

describe('PodTemplate', () => {
  it('is served as core v1 podtemplates, namespaced', () => {
    expect(podTemplateKind).toMatchObject({ group: '', version: 'v1', kind: 'PodTemplate', plural: 'podtemplates', namespaced: true, statusSubresource: false, bumpsGeneration: true, schemaType: 'V1PodTemplate' });
  });

  it('defaults template.spec as a workload template', () => {
    const o = created(podTemplateKind, pt({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } }));
    expect(o.template).toEqual({
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [{ name: 'nginx', image: 'nginx', imagePullPolicy: 'Always', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }],
        dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', schedulerName: 'default-scheduler', securityContext: {}, terminationGracePeriodSeconds: 30,
      },
    });
    const empty = pt(undefined);
    delete empty.template;
    podTemplateKind.defaults!(empty);
    expect(empty.template.spec).toMatchObject({ dnsPolicy: 'ClusterFirst', restartPolicy: 'Always' });
  });

  it('validates the template as a pod template', () => {
    const ok = pt(web());
    podTemplateKind.defaults!(ok);
    expect(validate(ok)).toEqual([]);
    const never = pt({ spec: { restartPolicy: 'Never', containers: [{ name: 'job', image: 'busybox' }] } });
    podTemplateKind.defaults!(never);
    expect(validate(never)).toEqual([]);
    const bad = pt({ spec: { restartPolicy: 'Sometimes', containers: [] } });
    podTemplateKind.defaults!(bad);
    expect(validate(bad)).toEqual([
      'template.spec.containers: Required value',
      'template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ]);
    expect(validate(pt(undefined))).toEqual(['template.spec.containers: Required value']);
  });

  it('forbids ephemeral containers', () => {
    const o = pt({ spec: { containers: [{ name: 'a', image: 'a' }], ephemeralContainers: [{ name: 'debug', image: 'busybox' }] } });
    podTemplateKind.defaults!(o);
    expect(validate(o)).toContain('template.spec.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template');
  });

  it('prints kubectl\'s columns (no AGE)', () => {
    expect(row(podTemplateKind, pt(web()))).toEqual({ NAME: 'web', CONTAINERS: 'nginx,log', IMAGES: 'nginx:1.27,busybox', 'POD LABELS': 'app=web,tier=fe' });
    expect(row(podTemplateKind, pt({ spec: { containers: [] } }))).toEqual({ NAME: 'web', CONTAINERS: '', IMAGES: '', 'POD LABELS': '<none>' });
  });
});
