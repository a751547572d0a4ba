/**
 * Protobuf field table: scheduling.v1. Field numbers from the generated.proto files of k8s.io/api and k8s.io/apimachinery (v1.32);
 * format: see ../schema-types.ts.
 */
import type { PackageTable } from '../schema-types.js';

export const SCHEDULING_V1: PackageTable = {
  pkg: 'scheduling.v1',
  messages: {
    PriorityClass: '1 metadata meta.v1.ObjectMeta, 2 value i32!, 3 globalDefault b, 4 description s, 5 preemptionPolicy s',
  },
};
