/**
 * Protobuf field table: resource. Field numbers from the generated.proto files of k8s.io/api and k8s.io/apimachinery (v1.32);
 * format: see ../schema-types.ts.
 */
import type { PackageTable } from '../schema-types.js';

export const RESOURCE: PackageTable = {
  pkg: 'resource',
  messages: {
    Quantity: '1 string s',
  },
};
