/**
 * GET /openapi/v2: an OpenAPI v2 document with no paths and no definitions. pocketkube describes
 * its API in OpenAPI v3 (openapi-v3.ts), which kubectl 1.32 reads first; kubectl still fetches v2
 * when v3 does not cover a type (a removed version such as batch/v1beta1), and with v2 answered it
 * skips client-side validation of a type it finds no schema for, so its own error follows
 * (`no matches for kind "CronJob" in version "batch/v1beta1"`), as against kube-apiserver.
 *
 * kubectl asks for gnostic's protobuf encoding, answered with the empty message (no field set);
 * other clients get the JSON document.
 */
import type { Answer } from './served-cluster.js';

/** What kubectl asks for; the answer names it with `.v1.0` (Go's media type parser refuses the `@`), as kube-openapi does. */
const PROTOBUF_ASKED = /application\/com\.github\.proto-openapi\.spec\.v2[@.]v1\.0\+protobuf/;
const PROTOBUF = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

export function openapiV2(accept: string | undefined): Answer {
  if (PROTOBUF_ASKED.test(accept ?? '')) return { code: 200, bytes: new Uint8Array(0), contentType: PROTOBUF };
  return { code: 200, json: { swagger: '2.0', info: { title: 'Kubernetes', version: 'v1.32.0' }, paths: {}, definitions: {} } };
}
