/** The flags `label` and `annotate` share (kubectl's names and help texts, with the word for each). */
import { Flags } from '@oclif/core';
import { allNamespacesFlag, dryRunFlag, filenameFlag, outputFlag, recursiveFlag, selectorFlag } from '../flags.js';

export function metadataFlags(word: 'label' | 'annotation', manager: string) {
  return {
    overwrite: Flags.boolean({
      description: `If true, allow ${word}s to be overwritten, otherwise reject ${word} updates that overwrite existing ${word}s.`,
      default: false,
    }),
    list: Flags.boolean({ description: `If true, display the ${word}s for a given resource.`, default: false }),
    'resource-version': Flags.string({
      description: `If non-empty, the ${word}s update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.`,
      default: '',
    }),
    all: Flags.boolean({ description: 'Select all resources, in the namespace of the specified resource types', default: false }),
    'all-namespaces': allNamespacesFlag,
    selector: selectorFlag,
    'field-selector': Flags.string({
      description: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
    }),
    filename: filenameFlag(`Filename, directory, or URL to files identifying the resource to update the ${word}s`),
    recursive: recursiveFlag,
    'dry-run': dryRunFlag,
    output: outputFlag,
    'field-manager': Flags.string({ description: 'Name of the manager used to track field ownership.', default: manager }),
  };
}
