/**
 * The simulated container runtime's actions on one container status (the `action` of a stage):
 * starting (with the config check and the image pull), becoming ready, exiting, being killed by a
 * failing liveness probe, backing off and restarting — each with the events the kubelet records.
 */
import { hexDigest } from '../../util/hash.js';
import type { KubeObject } from '../../api/types.js';
import { probeTiming, nextBackOffMs, type StageAction, type StageView } from '../stages.js';
import { goDuration } from './go-duration-format.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export interface SimEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  fieldPath?: string;
  /** The simulated time it happened (ms). */
  at: number;
}

export interface ActionEnv {
  pod: KubeObject;
  podIP?: string;
  init: boolean;
  /** The CreateContainerConfigError message for this container, if its configuration is missing. */
  configError?: string;
  events: SimEvent[];
  /** Images on the node (normalized names): a pull adds its image. */
  images: Set<string>;
  rfc(ms: number): string;
}

/** `docker.io/library/nginx:latest` for `nginx`, as containerd reports images. */
export function normalizeImage(image: string): string {
  let name = image;
  const firstSlash = name.indexOf('/');
  const first = firstSlash < 0 ? '' : name.slice(0, firstSlash);
  if (firstSlash < 0) name = `docker.io/library/${name}`;
  else if (!first.includes('.') && !first.includes(':') && first !== 'localhost') name = `docker.io/${name}`;
  const lastPart = name.slice(name.lastIndexOf('/') + 1);
  if (!lastPart.includes(':') && !lastPart.includes('@')) name += ':latest';
  return name;
}

const sha = (s: string) => hexDigest('sha256', s);

/** imageID's answers (a digest each): every container start asks, mostly for a few images. */
const imageIDs = new Map<string, string>();
const IMAGE_IDS_KEPT = 1024;

export function imageID(image: string): string {
  let id = imageIDs.get(image);
  if (id === undefined) {
    if (imageIDs.size >= IMAGE_IDS_KEPT) imageIDs.clear();
    imageIDs.set(image, (id = imageIDOf(image)));
  }
  return id;
}

function imageIDOf(image: string): string {
  const n = normalizeImage(image);
  const repo = n.includes('@') ? n.slice(0, n.indexOf('@')) : n.slice(0, n.lastIndexOf(':'));
  return n.includes('@') ? n : `${repo}@sha256:${sha(n)}`;
}

/** A fresh waiting status, as the kubelet reports a container not started yet. */
export function waitingStatus(spec: any, reason: string): any {
  return { image: normalizeImage(spec.image ?? ''), imageID: '', lastState: {}, name: spec.name, ready: false, restartCount: 0, started: false, state: { waiting: { reason } } };
}

export function pullError(image: string): string {
  const n = normalizeImage(image);
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${n}": failed to resolve reference "${n}": ${n}: not found`;
}

function probeDetail(probe: any, podIP: string | undefined): string {
  if (probe?.tcpSocket) return `dial tcp ${podIP ?? ''}:${probe.tcpSocket.port}: connect: connection refused`;
  if (probe?.exec) return `command ${JSON.stringify((probe.exec.command ?? []).join(' '))} exited with 1`;
  if (probe?.grpc) return `timeout: failed to connect service ":${probe.grpc.port}" within 1s`;
  return 'HTTP probe failed with statuscode: 500';
}

export function readinessFailureMessage(spec: any, podIP: string | undefined): string {
  return `Readiness probe failed: ${probeDetail(spec.readinessProbe, podIP)}`;
}

function start(v: StageView, at: number, env: ActionEnv): void {
  const { spec, status: cs } = v;
  const fieldPath = `spec.${env.init ? 'initContainers' : 'containers'}{${spec.name}}`;
  const ev = (type: SimEvent['type'], reason: string, message: string) => env.events.push({ type, reason, message, fieldPath, at });
  const image: string = spec.image ?? '';
  const restart = !!cs.lastState?.terminated;
  if (env.configError) {
    cs.state = { waiting: { reason: 'CreateContainerConfigError', message: env.configError } };
    ev('Warning', 'Failed', `Error: ${env.configError}`);
    return;
  }
  if (v.behaviour.imagePullFails) {
    const err = pullError(image);
    ev('Normal', 'Pulling', `Pulling image "${image}"`);
    ev('Warning', 'Failed', `Failed to pull image "${image}": ${err}`);
    ev('Warning', 'Failed', 'Error: ErrImagePull');
    cs.state = { waiting: { reason: 'ErrImagePull', message: err } };
    return;
  }
  const present = restart || env.images.has(normalizeImage(image));
  if (spec.imagePullPolicy === 'Never' || (present && spec.imagePullPolicy !== 'Always')) {
    ev('Normal', 'Pulled', `Container image "${image}" already present on machine`);
  } else {
    ev('Normal', 'Pulling', `Pulling image "${image}"`);
    ev('Normal', 'Pulled', `Successfully pulled image "${image}" in 0s (0s including waiting). Image size: 0 bytes.`);
    env.images.add(normalizeImage(image));
  }
  ev('Normal', 'Created', `Created container ${spec.name}`);
  ev('Normal', 'Started', `Started container ${spec.name}`);
  if (restart) cs.restartCount = (cs.restartCount ?? 0) + 1;
  cs.image = normalizeImage(image);
  cs.imageID = imageID(image);
  cs.containerID = `containerd://${sha(`${env.pod.metadata.uid}/${spec.name}/${cs.restartCount ?? 0}`)}`;
  cs.state = { running: { startedAt: env.rfc(at) } };
  cs.ready = false;
  cs.started = !spec.startupProbe;
}

function exit(v: StageView, at: number, env: ActionEnv, exitCode: number): void {
  const cs = v.status;
  cs.state = {
    terminated: {
      containerID: cs.containerID,
      exitCode,
      finishedAt: env.rfc(at),
      reason: exitCode === 0 ? 'Completed' : 'Error',
      startedAt: cs.state.running.startedAt,
    },
  };
  cs.ready = false;
  cs.started = false;
}

export function applyAction(action: StageAction, v: StageView, at: number, env: ActionEnv): void {
  const { spec, status: cs } = v;
  const fieldPath = `spec.${env.init ? 'initContainers' : 'containers'}{${spec.name}}`;
  const ev = (type: SimEvent['type'], reason: string, message: string) => env.events.push({ type, reason, message, fieldPath, at });
  switch (action) {
    case 'start':
    case 'retry':
    case 'restart':
      return start(v, at, env);
    case 'pullBackOff':
      cs.state = { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${spec.image}"` } };
      ev('Normal', 'BackOff', `Back-off pulling image "${spec.image}"`);
      ev('Warning', 'Failed', 'Error: ImagePullBackOff');
      return;
    case 'ready':
      cs.ready = true;
      cs.started = true;
      return;
    case 'exit':
      return exit(v, at, env, v.behaviour.exitCode);
    case 'livenessKill': {
      const p = probeTiming(spec.livenessProbe);
      for (let i = 0; i < p.failureThreshold; i++) ev('Warning', 'Unhealthy', `Liveness probe failed: ${probeDetail(spec.livenessProbe, env.podIP)}`);
      ev('Normal', 'Killing', `Container ${spec.name} failed liveness probe, will be restarted`);
      return exit(v, at, env, 137);
    }
    case 'crashBackOff': {
      const delay = nextBackOffMs(cs);
      const pod = env.pod;
      cs.lastState = { terminated: cs.state.terminated };
      cs.state = { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(delay)} restarting failed container=${spec.name} pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})` } };
      ev('Warning', 'BackOff', `Back-off restarting failed container ${spec.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`);
      return;
    }
  }
}
