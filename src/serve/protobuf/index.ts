/**
 * Request bodies in Kubernetes protobuf (`application/vnd.kubernetes.protobuf`, what kubectl's
 * typed clients send) read into the JSON object the JSON path would get. What cannot be read
 * exactly — a type or field the tables do not know, an encoding other than plain — is kube-apiserver's
 * 415, naming it; a body that is not protobuf at all is a 400.
 */
import { StatusError } from '../../api/errors.js';
import { ProtobufDecodeError, decodeMessage } from './decode.js';
import { readEnvelope } from './envelope.js';
import { fullName, messageNameOf, messageSpecs } from './schema.js';
import { WireError } from './wire.js';

export const PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf';

const unsupported = (message: string): StatusError => new StatusError(415, 'UnsupportedMediaType', message);

export function decodeProtobufBody(body: Uint8Array): Record<string, unknown> {
  try {
    const env = readEnvelope(body);
    if (env.contentEncoding !== '') throw new ProtobufDecodeError(`protobuf content encoding ${JSON.stringify(env.contentEncoding)} is not supported; send JSON`);
    if (env.contentType !== '' && env.contentType !== PROTOBUF_MEDIA_TYPE) {
      throw new ProtobufDecodeError(`protobuf envelope content type ${JSON.stringify(env.contentType)} is not supported; send JSON`);
    }
    if (env.apiVersion === '' || env.kind === '') throw new ProtobufDecodeError('the protobuf envelope names no apiVersion and kind');
    const type = messageNameOf(env.apiVersion, env.kind);
    if (type === undefined || !messageSpecs().has(type)) {
      const named = type === undefined ? `${env.apiVersion}, Kind=${env.kind}` : fullName(type);
      throw new ProtobufDecodeError(`protobuf message ${named} is not known to pocketkube serve; send JSON`);
    }
    const decoded = decodeMessage(type, env.raw);
    if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) throw new ProtobufDecodeError(`protobuf message ${fullName(type)} is not an object`);
    return { apiVersion: env.apiVersion, kind: env.kind, ...decoded };
  } catch (e) {
    if (e instanceof ProtobufDecodeError) throw unsupported(e.message);
    if (e instanceof WireError) throw new StatusError(400, 'BadRequest', `malformed protobuf body: ${e.message}`);
    throw e;
  }
}
