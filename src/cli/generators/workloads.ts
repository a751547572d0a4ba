import type { KubeObject } from '../../api/types.js';
import { containerNameFromImage } from './container-name.js';
import { objectMeta, templateMeta, typed } from './meta.js';

/** A container as kubectl's generators build it: name, image, command, `resources: {}`. */
function container(name: string, image: string, command: string[]): Record<string, unknown> {
  const c: Record<string, unknown> = { name, image };
  if (command.length > 0) c.command = command;
  c.resources = {};
  return c;
}

export interface DeploymentInput {
  name: string;
  namespace?: string;
  images: string[];
  replicas: number;
  /** -1 = none (kubectl's default). */
  port: number;
  command: string[];
  random?: () => number;
}

/** `kubectl create deployment NAME --image=… [--replicas] [--port] [-- COMMAND…]`. */
export function generateDeployment(input: DeploymentInput): KubeObject {
  if (input.images.length > 1 && input.command.length > 0) throw new Error('cannot specify multiple --image options and command');
  const labels = { app: input.name };
  const containers = input.images.map((image) => container(containerNameFromImage(image, input.random), image, input.command));
  if (input.port >= 0 && containers.length > 0) {
    const first = containers[0];
    containers[0] = { name: first.name, image: first.image, ...(first.command ? { command: first.command } : {}), ports: [{ containerPort: input.port }], resources: {} };
  }
  return typed('Deployment', 'apps/v1', {
    metadata: objectMeta({ name: input.name, namespace: input.namespace, labels }),
    spec: {
      replicas: input.replicas,
      selector: { matchLabels: { app: input.name } },
      template: { metadata: templateMeta({ app: input.name }), spec: { containers } },
      strategy: {},
    },
    status: {},
  });
}

export interface JobInput {
  name: string;
  namespace?: string;
  image: string;
  command: string[];
}

/** `kubectl create job NAME --image=… [-- COMMAND…]`. */
export function generateJob(input: JobInput): KubeObject {
  return typed('Job', 'batch/v1', {
    metadata: objectMeta({ name: input.name, namespace: input.namespace }),
    spec: {
      template: {
        metadata: templateMeta(),
        spec: { containers: [container(input.name, input.image, input.command)], restartPolicy: 'Never' },
      },
    },
    status: {},
  });
}

/** `kubectl create job NAME --from=cronjob/CJ`: the cronjob's job template, owned by the cronjob. */
export function generateJobFromCronJob(name: string, namespace: string | undefined, cronJob: KubeObject): KubeObject {
  const template = (cronJob.spec?.jobTemplate ?? {}) as { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: unknown };
  const annotations: Record<string, string> = { 'cronjob.kubernetes.io/instantiate': 'manual', ...(template.metadata?.annotations ?? {}) };
  const meta = objectMeta({ name, namespace, labels: template.metadata?.labels, annotations: sortKeys(annotations) });
  meta.ownerReferences = [
    { apiVersion: 'batch/v1', kind: 'CronJob', name: cronJob.metadata.name ?? '', uid: cronJob.metadata.uid ?? '', controller: true },
  ];
  return typed('Job', 'batch/v1', { metadata: meta, spec: structuredClone(template.spec ?? {}), status: {} });
}

function sortKeys(m: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export interface CronJobInput {
  name: string;
  namespace?: string;
  image: string;
  schedule: string;
  restart: string;
  command: string[];
}

/** `kubectl create cronjob NAME --image=… --schedule=… [--restart] [-- COMMAND…]`. */
export function generateCronJob(input: CronJobInput): KubeObject {
  return typed('CronJob', 'batch/v1', {
    metadata: objectMeta({ name: input.name, namespace: input.namespace }),
    spec: {
      schedule: input.schedule,
      jobTemplate: {
        metadata: objectMeta({ name: input.name }),
        spec: {
          template: {
            metadata: templateMeta(),
            spec: { containers: [container(input.name, input.image, input.command)], restartPolicy: input.restart || 'OnFailure' },
          },
        },
      },
    },
    status: {},
  });
}
