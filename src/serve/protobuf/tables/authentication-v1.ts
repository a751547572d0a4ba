/**
 * Protobuf field table: authentication.v1. Field numbers from the generated.proto files of k8s.io/api and k8s.io/apimachinery (v1.32);
 * format: see ../schema-types.ts.
 */
import type { PackageTable } from '../schema-types.js';

export const AUTHENTICATION_V1: PackageTable = {
  pkg: 'authentication.v1',
  messages: {
    BoundObjectReference: '1 kind s, 2 apiVersion s, 3 name s, 4 uID s',
    ExtraValue: '1 items s*',
    SelfSubjectReview: '1 metadata meta.v1.ObjectMeta, 2 status SelfSubjectReviewStatus',
    SelfSubjectReviewStatus: '1 userInfo UserInfo',
    TokenRequest: '1 metadata meta.v1.ObjectMeta, 2 spec TokenRequestSpec, 3 status TokenRequestStatus',
    TokenRequestSpec: '1 audiences s*, 3 boundObjectRef BoundObjectReference, 4 expirationSeconds i64!',
    TokenRequestStatus: '1 token s, 2 expirationTimestamp meta.v1.Time',
    TokenReview: '1 metadata meta.v1.ObjectMeta, 2 spec TokenReviewSpec, 3 status TokenReviewStatus',
    TokenReviewSpec: '1 token s, 2 audiences s*',
    TokenReviewStatus: '1 authenticated b, 2 user UserInfo, 3 error s, 4 audiences s*',
    UserInfo: '1 username s, 2 uid s, 3 groups s*, 4 extra {ExtraValue}',
  },
};
