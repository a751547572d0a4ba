/** The flags every `set` subcommand shares, and the target lookup they do the same way. */
import { Flags } from '@oclif/core';
import type { Client } from '../../api/client.js';
import type { Registry } from '../../api/registry.js';
import { dryRunFlag, filenameFlag, outputFlag, recursiveFlag, selectorFlag } from '../flags.js';
import { findTargets, type InplaceTargets } from './targets.js';

export function setFlags(manager: string) {
  return {
    all: Flags.boolean({ description: 'Select all resources, in the namespace of the specified resource types', default: false }),
    selector: selectorFlag,
    filename: filenameFlag('Filename, directory, or URL to files identifying the resource to get from a server.'),
    recursive: recursiveFlag,
    'dry-run': dryRunFlag,
    output: outputFlag,
    'field-manager': Flags.string({ description: 'Name of the manager used to track field ownership.', default: manager }),
  };
}

export interface SetTargetFlags {
  all: boolean;
  selector?: string;
  filename?: string[];
  recursive: boolean;
}

export function requireResources(resources: string[], f: SetTargetFlags): void {
  if (resources.length === 0 && (f.filename ?? []).length === 0) {
    throw new Error('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  }
}

export function setTargets(
  conn: { client: Client; registry: Registry },
  resources: string[],
  f: SetTargetFlags,
  where: { namespace: string; enforceNamespace: boolean; bin: string },
): Promise<InplaceTargets> {
  return findTargets(conn.client, conn.registry, {
    args: resources, filenames: f.filename, recursive: f.recursive, selector: f.selector, all: f.all, ...where,
  });
}
