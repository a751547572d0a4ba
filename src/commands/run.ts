import { Flags } from '@oclif/core';
import { GeneratorCommand, arrayFlag, generatorFlags } from '../cli/generators/generator-command.js';
import { checkRunInput, generateRunPod } from '../cli/generators/run-pod.js';
import { generateExposeService } from '../cli/generators/expose.js';

export default class Run extends GeneratorCommand<typeof Run> {
  static override summary = 'Run a particular image on the cluster';
  static override description = 'Create and run a particular image in a pod.';
  static override strict = false;
  static override usage = 'run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--command] -- [COMMAND] [args...]';
  static override examples = [
    '# Start a nginx pod\n<%= config.bin %> run nginx --image=nginx',
    '# Start a hazelcast pod and let the container expose port 5701\n<%= config.bin %> run hazelcast --image=hazelcast/hazelcast --port=5701',
    '# Start a nginx pod and a ClusterIP service in front of it on port 80\n<%= config.bin %> run nginx --image=nginx --port=80 --expose',
    '# Start a hazelcast pod and set environment variables "DNS_DOMAIN=cluster" and "POD_NAMESPACE=default" in the container\n<%= config.bin %> run hazelcast --image=hazelcast/hazelcast --env="DNS_DOMAIN=cluster" --env="POD_NAMESPACE=default"',
    '# Start a hazelcast pod and set labels "app=hazelcast" and "env=prod" in the container\n<%= config.bin %> run hazelcast --image=hazelcast/hazelcast --labels="app=hazelcast,env=prod"',
    '# Dry run; print the corresponding API objects without creating them\n<%= config.bin %> run nginx --image=nginx --dry-run=client',
    '# Start a nginx pod, but overload the spec with a partial set of values parsed from JSON\n<%= config.bin %> run nginx --image=nginx -- <arg1> <arg2> ... <argN>',
    '# Start the nginx pod using a different command and custom arguments\n<%= config.bin %> run nginx --image=nginx --command -- <cmd> <arg1> ... <argN>',
  ];
  static override flags = {
    ...generatorFlags,
    'field-manager': Flags.string({ description: 'Name of the manager used to track field ownership.', default: 'kubectl-run' }),
    image: Flags.string({ description: 'The image for the container to run.' }),
    env: arrayFlag('Environment variables to set in the container.'),
    labels: Flags.string({ char: 'l', description: 'Comma separated labels to apply to the pod. Will override previous values.' }),
    annotations: arrayFlag('Annotations to apply to the pod.'),
    port: Flags.string({ description: 'The port that this container exposes.' }),
    restart: Flags.string({ description: 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].', default: 'Always' }),
    command: Flags.boolean({ description: 'If true and extra arguments are present, use them as the \'command\' field in the container, rather than the \'args\' field which is the default.', default: false }),
    'image-pull-policy': Flags.string({ description: 'The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server.' }),
    privileged: Flags.boolean({ description: 'If true, run the container in privileged mode.', default: false }),
    expose: Flags.boolean({ description: 'If true, create a ClusterIP service associated with the pod.  Requires `--port`.', default: false, allowNo: true }),
  };

  async run(): Promise<void> {
    if (this.argList.length === 0) throw this.usageError('NAME is required for run');
    const [name, ...words] = this.argList;
    this.requireFlags({ image: this.flags.image });
    const input = {
      name,
      namespace: this.enforcedNamespace(),
      image: this.flags.image!,
      restart: this.flags.restart,
      env: this.flags.env ?? [],
      labels: this.flags.labels,
      annotations: this.flags.annotations ?? [],
      port: this.flags.port,
      useCommand: this.flags.command,
      words,
      imagePullPolicy: this.flags['image-pull-policy'],
      privileged: this.flags.privileged,
    };
    try {
      checkRunInput(input);
    } catch (err) {
      throw this.usageError((err as Error).message);
    }
    if (this.flags.expose && !this.flags.port) throw this.usageError('--port must be set when exposing a service');
    const pod = generateRunPod(input);
    if (this.flags.expose) {
      // run.go's generateService: a ClusterIP Service named after the pod, selecting its labels,
      // labelled only with --labels; created (and printed) before the pod
      const labels = pod.metadata.labels ?? {};
      await this.finish(generateExposeService({
        object: { ...pod, metadata: { ...pod.metadata, labels: this.flags.labels ? labels : {} } },
        name,
        namespace: input.namespace,
        port: this.flags.port,
        selector: Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(','),
      }));
      // kubectl separates the two YAML documents itself, and its printer does once more
      if (this.flags.output === 'yaml') this.out('---\n---\n');
    }
    await this.finish(pod);
  }
}
