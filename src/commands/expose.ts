import { Flags } from '@oclif/core';
import type { KubeObject } from '../api/types.js';
import { generateExposeService } from '../cli/generators/expose.js';
import { GeneratorCommand, generatorFlags } from '../cli/generators/generator-command.js';
import { fetchSelection, unknownTypeError } from '../cli/resource-args.js';
import { fileSelection } from '../cli/file-selection.js';
import { targetFileFlags } from '../cli/flags.js';
import { resourceOf } from '../api/kind.js';

export default class Expose extends GeneratorCommand<typeof Expose> {
  static override summary = 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service';
  static override description =
    'Expose a resource as a new Kubernetes service.\n\nLooks up a deployment, service, replica set, replication controller or pod by name and uses the selector for that resource as the selector for a new service on the specified port. A deployment or replica set will be exposed as a service only if its selector is convertible to a selector that service supports, i.e. when the selector contains only the matchLabels component. Note that if no port is specified via --port and the exposed resource has multiple ports, all will be re-used by the new service. Also if no labels are specified, the new service will re-use the labels from the resource it exposes.\n\nPossible resources include (case insensitive):\n\n pod (po), service (svc), replicationcontroller (rc), deployment (deploy), replicaset (rs)';
  static override strict = false;
  static override usage = 'expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type]';
  static override examples = [
    '# Create a service for a replicated nginx, which serves on port 80 and connects to the containers on port 8000\n<%= config.bin %> expose rc nginx --port=80 --target-port=8000',
    '# Create a service for a pod valid-pod, which serves on port 444 with the name "frontend"\n<%= config.bin %> expose pod valid-pod --port=444 --name=frontend',
    '# Create a service for an nginx deployment, which serves on port 80 and connects to the containers on port 8000\n<%= config.bin %> expose deployment nginx --port=80 --target-port=8000',
    '# Create a service for a replicated nginx using replica set, which serves on port 80 and connects to the containers on port 8000\n<%= config.bin %> expose -f nginx-deployment.yaml --port=80 --target-port=8000',
  ];
  static override flags = {
    ...generatorFlags,
    'field-manager': Flags.string({ description: 'Name of the manager used to track field ownership.', default: 'kubectl-expose' }),
    port: Flags.string({ description: 'The port that the service should serve on. Copied from the resource being exposed, if unspecified' }),
    'target-port': Flags.string({ description: 'Name or number for the port on the container that the service should direct traffic to. Optional.' }),
    protocol: Flags.string({ description: 'The network protocol for the service to be created. Default is \'TCP\'.' }),
    type: Flags.string({ description: 'Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is \'ClusterIP\'.' }),
    name: Flags.string({ description: 'The name for the newly created object.' }),
    selector: Flags.string({ description: 'A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)' }),
    labels: Flags.string({ char: 'l', description: 'Labels to apply to the service created by this call.' }),
    'external-ip': Flags.string({ description: 'Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP.' }),
    'load-balancer-ip': Flags.string({ description: 'IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific).' }),
    'session-affinity': Flags.string({ description: 'If non-empty, set the session affinity for the service to this; legal values: \'None\', \'ClientIP\'' }),
    ...targetFileFlags('identifying the resource to expose a service'),
    'cluster-ip': Flags.string({ description: 'ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to \'None\' to create a headless service.' }),
  };

  async run(): Promise<void> {
    const f = this.flags;
    // each object the files name is exposed (kubectl visits them all); otherwise the one named
    for (const object of f.filename ? await this.fromFiles(f.filename) : [await this.target()]) await this.expose(object);
  }

  private async expose(object: KubeObject): Promise<void> {
    const f = this.flags;
    const svc = generateExposeService({
      object,
      namespace: this.enforcedNamespace(),
      name: f.name,
      port: f.port,
      targetPort: f['target-port'],
      protocol: f.protocol,
      type: f.type,
      selector: f.selector,
      labels: f.labels,
      externalIP: f['external-ip'],
      loadBalancerIP: f['load-balancer-ip'],
      sessionAffinity: f['session-affinity'],
      clusterIP: f['cluster-ip'],
    });
    await this.finish(svc, { operation: 'exposed' });
  }

  /** The live objects `-f` names. */
  private async fromFiles(files: string[]): Promise<KubeObject[]> {
    return this.withCluster(async (conn) => {
      const namespace = this.namespace();
      const { sel, errors } = await fileSelection(files, { registry: conn.registry, recursive: this.flags.recursive, namespace, enforceNamespace: this.namespaceExplicit(), args: this.argList });
      if (errors.length > 0) throw errors[0];
      const fetched = await fetchSelection(conn.client, sel, { namespace });
      if (fetched.errors.length > 0) throw fetched.errors[0];
      return fetched.groups.flatMap((g) => g.objects);
    });
  }

  /** The object named by `TYPE NAME` or `TYPE/NAME`, read from the cluster. */
  private async target(): Promise<KubeObject> {
    const args = this.argList;
    let type: string;
    let name: string;
    if (args.length === 1 && args[0].includes('/')) [type, name] = args[0].split('/', 2);
    else if (args.length === 2) [type, name] = args;
    else throw this.usageError('You must provide one or more resources by argument or filename.');
    return this.withCluster(async (conn) => {
      const kind = conn.registry.resolve(type);
      if (!kind) throw unknownTypeError(type);
      return conn.client.get(resourceOf(kind), kind.namespaced ? this.namespace() : undefined, name);
    });
  }
}
