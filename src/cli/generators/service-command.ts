import { Flags, type Command } from '@oclif/core';
import { GeneratorCommand, generatorFlags, sliceFlag } from './generator-command.js';
import { type ServiceInput, type ServiceType, generateService } from './service.js';

/** Flags of every `create service <type>` command. */
export const serviceFlags = {
  ...generatorFlags,
  tcp: sliceFlag('Port pairs can be specified as \'<port>:<targetPort>\'.'),
};

/** The shared body of `create service clusterip|nodeport|loadbalancer|externalname`. */
export abstract class ServiceCommand<T extends typeof Command> extends GeneratorCommand<T> {
  protected abstract readonly serviceType: ServiceType;

  protected async createService(extra: Partial<ServiceInput>): Promise<void> {
    const flags = this.flags as unknown as { tcp?: string[] };
    const input: ServiceInput = { name: this.nameArg(), namespace: this.enforcedNamespace(), type: this.serviceType, tcp: flags.tcp ?? [], ...extra };
    await this.finish(generateService(input), { failure: `failed to create ${this.serviceType} service: ` });
  }
}

export const clusterIPFlag = Flags.string({ description: 'Assign your own ClusterIP or set to \'None\' for a \'headless\' service (no loadbalancing).' });
export const nodePortFlag = Flags.integer({ description: 'Port used to expose the service on each node in a cluster.' });
