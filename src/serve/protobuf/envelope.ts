/**
 * Kubernetes' protobuf envelope: the 4-byte magic `k8s\0`, then a runtime.Unknown message —
 * typeMeta (1: {apiVersion 1, kind 2}), raw (2: the object's own message), contentEncoding (3),
 * contentType (4).
 */
import { ProtobufDecodeError } from './decode.js';
import { type WireField, readFields, readString } from './wire.js';

export const PROTOBUF_MAGIC = Uint8Array.of(0x6b, 0x38, 0x73, 0x00);

export interface Envelope {
  apiVersion: string;
  kind: string;
  raw: Uint8Array;
  contentEncoding: string;
  contentType: string;
}

function bytesOf(wire: WireField, what: string): Uint8Array {
  if (wire.wireType !== 2) throw new ProtobufDecodeError(`protobuf envelope: ${what} must be length-delimited`);
  return wire.bytes;
}

export function readEnvelope(body: Uint8Array): Envelope {
  if (body.length < 4 || !PROTOBUF_MAGIC.every((b, i) => body[i] === b)) {
    throw new ProtobufDecodeError('the protobuf body does not start with the Kubernetes magic number k8s\\0');
  }
  const env: Envelope = { apiVersion: '', kind: '', raw: new Uint8Array(0), contentEncoding: '', contentType: '' };
  for (const f of readFields(body.subarray(4))) {
    switch (f.field) {
      case 1:
        for (const t of readFields(bytesOf(f, 'typeMeta'))) {
          if (t.field === 1) env.apiVersion = readString(bytesOf(t, 'apiVersion'));
          else if (t.field === 2) env.kind = readString(bytesOf(t, 'kind'));
          else throw new ProtobufDecodeError(`protobuf field ${t.field} of k8s.io.apimachinery.pkg.runtime.TypeMeta is not known to pocketkube serve; send JSON`);
        }
        break;
      case 2:
        env.raw = bytesOf(f, 'raw');
        break;
      case 3:
        env.contentEncoding = readString(bytesOf(f, 'contentEncoding'));
        break;
      case 4:
        env.contentType = readString(bytesOf(f, 'contentType'));
        break;
      default:
        throw new ProtobufDecodeError(`protobuf field ${f.field} of k8s.io.apimachinery.pkg.runtime.Unknown is not known to pocketkube serve; send JSON`);
    }
  }
  return env;
}
