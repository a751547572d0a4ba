/**
 * `--kubeconfig FILE`: the connection to the API server a kubeconfig names, and its context's
 * namespace; configuration errors in kubectl's words, without a stack trace.
 */
import type { Connection } from '../client/embedded.js';
import { PlainError } from './errors.js';

export async function connectRemote(kubeconfig: string, context: string | undefined): Promise<Connection> {
  const { openRemote } = await import('../client/remote.js');
  const { KubeconfigError } = await import('../client/kubeconfig.js');
  try {
    return await openRemote(kubeconfig, context);
  } catch (e) {
    if (e instanceof KubeconfigError) throw new PlainError(`error: ${e.message}`);
    throw e;
  }
}

/** The namespace of the kubeconfig's context, if it names one (an unreadable file says nothing here: connecting reports it). */
export async function kubeconfigNamespace(kubeconfig: string, context: string | undefined): Promise<string | undefined> {
  const { loadKubeconfig } = await import('../client/kubeconfig.js');
  try {
    return loadKubeconfig(kubeconfig, context).namespace;
  } catch {
    return undefined;
  }
}
