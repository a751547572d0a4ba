/** What one Deployment sync carries: the API, time, the event recorder, and the Deployment as last written. */
import type { Client } from '../../api/client.js';
import type { EventRecorder } from '../../api/event-recorder.js';
import type { KubeObject } from '../../api/types.js';
import { deepEqual } from '../../api/patch/json-value.js';
import type { DeploymentStatus } from './conditions.js';

export interface DeploymentSync {
  client: Client;
  now(): Date;
  events: EventRecorder;
  /** The Deployment, refreshed after every write the sync makes to it. */
  d: KubeObject;
}

/** Writes the Deployment's status (UpdateStatus) when it differs; true when written. */
export async function writeStatus(dc: DeploymentSync, status: DeploymentStatus): Promise<boolean> {
  if (deepEqual(dc.d.status ?? {}, status)) return false;
  dc.d = await dc.client.updateStatus('deployments', { ...dc.d, status });
  return true;
}

/**
 * Sets the Deployment's revision annotation (SetDeploymentRevision). Like the real controller it
 * goes with a status update, which for Deployments carries annotations and bumps no generation.
 */
export async function writeRevision(dc: DeploymentSync, revision: string): Promise<void> {
  const annotations = dc.d.metadata.annotations ?? {};
  if (annotations['deployment.kubernetes.io/revision'] === revision) return;
  dc.d = await dc.client.updateStatus('deployments', {
    ...dc.d,
    metadata: { ...dc.d.metadata, annotations: { ...annotations, 'deployment.kubernetes.io/revision': revision } },
  });
}
