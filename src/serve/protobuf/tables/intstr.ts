/**
 * Protobuf field table: intstr. Field numbers from the generated.proto files of k8s.io/api and k8s.io/apimachinery (v1.32);
 * format: see ../schema-types.ts.
 */
import type { PackageTable } from '../schema-types.js';

export const INTSTR: PackageTable = {
  pkg: 'intstr',
  messages: {
    IntOrString: '1 type i64, 2 intVal i32, 3 strVal s',
  },
};
