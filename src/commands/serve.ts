import { Flags } from '@oclif/core';
import { KubeCommand } from '../cli/base-command.js';
import { PlainError } from '../cli/errors.js';
import { intFlag } from '../cli/int-flag.js';
import { writeKubeconfig } from '../cli/serve-kubeconfig.js';

export default class Serve extends KubeCommand<typeof Serve> {
  static override summary = "Serve the cluster's Kubernetes API over HTTP, for kubectl and other clients";

  static override description = `Serves the current context's cluster on a plain-HTTP Kubernetes API endpoint until interrupted (Ctrl-C), so that real kubectl, client libraries and tools can use it: discovery, OpenAPI v3 (for kubectl's field validation), get/list/watch (with server-side tables), create, update, patch (strategic merge, merge and JSON patch, and server-side apply), delete, the status and scale subresources, pod logs, binding and eviction, and the access reviews. Request bodies are JSON, YAML, or the protobuf that kubectl's typed clients send ('kubectl create deployment', 'auth can-i', drain's evictions).

The cluster keeps running while it serves: 50 ms after a write, and every 250 ms, the control loop runs whatever is due as wall time passes. Other pocketkube commands may use the same cluster meanwhile. There is no authentication (every request acts as the cluster admin): the default address only accepts connections from this machine.

Point kubectl at it with --server (or a kubeconfig cluster whose server is the printed address):
  kubectl --server http://127.0.0.1:8001 get pods`;

  static override examples = [
    '# Serve the current cluster on 127.0.0.1:8001, then use kubectl against it\n<%= config.bin %> serve &\nkubectl --server http://127.0.0.1:8001 apply -f app.yaml',
    '# Serve on any free port (the address is printed)\n<%= config.bin %> serve --port 0',
    '# Serve, with a kubeconfig for kubectl to use\n<%= config.bin %> serve --write-kubeconfig /tmp/pocketkube.kubeconfig &\nKUBECONFIG=/tmp/pocketkube.kubeconfig kubectl get pods',
  ];

  static override flags = {
    port: intFlag({ description: 'The port on which to run the server. Set to 0 to pick a random port.', default: 8001, bits: 32 }),
    address: Flags.string({ description: 'The IP address on which to serve on.', default: '127.0.0.1' }),
    'write-kubeconfig': Flags.string({
      description: "Write a kubeconfig file for the server's address (a cluster, user and context named after the cluster, and made current) to this path, once it listens.",
    }),
  };

  async run(): Promise<void> {
    const { port, address } = this.flags;
    if (port < 0 || port > 65535) throw new PlainError(`error: invalid port ${port}: must be between 0 and 65535`);
    const { ApiHttpServer } = await import('../serve/api-http-server.js');
    await this.withCluster(async (conn) => {
      const cluster = conn.cluster;
      if (!cluster) throw new PlainError('error: serve needs the embedded cluster');
      const server = new ApiHttpServer({
        cluster,
        onError: (e) => this.err(`error: ${e instanceof Error ? e.message : String(e)}\n`),
      });
      let addr;
      try {
        addr = await server.listen(port, address);
      } catch (e) {
        throw new PlainError(`error: listen tcp ${address}:${port}: ${(e as NodeJS.ErrnoException).code === 'EADDRINUSE' ? 'bind: address already in use' : (e as Error).message}`);
      }
      const kubeconfig = this.flags['write-kubeconfig'];
      if (kubeconfig) {
        try {
          writeKubeconfig(kubeconfig, this.contextName(), `http://${addr.address}:${addr.port}`);
        } catch (e) {
          await server.stop();
          throw new PlainError(`error: open ${kubeconfig}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}`);
        }
      }
      this.outLine(`Starting to serve on ${addr.address}:${addr.port}`);
      await untilInterrupted();
      await server.stop();
    });
  }
}

/** Resolves on SIGINT or SIGTERM (the server then stops, and the cluster commits and closes). */
function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}
