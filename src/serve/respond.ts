/**
 * Writing answers: JSON bodies, the API's Status errors (DESIGN rule 8: one error shape, here as
 * kube-apiserver sends it), warnings as `Warning: 299 - "…"` headers (kubectl prints them), and the
 * request body read as JSON.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse } from 'yaml';
import { StatusError, isStatusError } from '../api/errors.js';
import { PROTOBUF_MEDIA_TYPE, decodeProtobufBody } from './protobuf/index.js';

export function sendJson(res: ServerResponse, code: number, body: unknown, warnings: readonly string[] = []): void {
  const text = JSON.stringify(body);
  const headers: Record<string, string | string[]> = {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-cache, private',
  };
  if (warnings.length > 0) headers.Warning = warnings.map(warningHeader);
  res.writeHead(code, headers);
  res.end(text);
}

export function sendText(res: ServerResponse, code: number, text: string): void {
  res.writeHead(code, { 'Content-Type': 'text/plain', 'Content-Length': String(Buffer.byteLength(text)), 'Cache-Control': 'no-cache, private' });
  res.end(text);
}

export function sendBytes(res: ServerResponse, code: number, bytes: Uint8Array, contentType: string): void {
  res.writeHead(code, { 'Content-Type': contentType, 'Content-Length': String(bytes.length), 'Cache-Control': 'no-cache, private' });
  res.end(bytes);
}

/** RFC 7234's warn-code 299, agent `-`, the text quoted with `"` and `\` escaped (as kube-apiserver writes it). */
export function warningHeader(text: string): string {
  return `299 - "${text.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

/** Any failure as a Status body: StatusErrors as they are, anything else a 500 InternalError. */
export function sendError(res: ServerResponse, e: unknown): void {
  const err = isStatusError(e) ? e : new StatusError(500, 'InternalError', `Internal error occurred: ${e instanceof Error ? e.message : String(e)}`);
  if (res.headersSent) {
    res.end();
    return;
  }
  sendJson(res, err.code, err.toStatus());
}

export const notFoundPath = (): StatusError => new StatusError(404, 'NotFound', 'the server could not find the requested resource');

export const methodNotAllowed = (): StatusError =>
  new StatusError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');

/** The largest body a request may carry (kube-apiserver's limit is 3 MiB for most writes). */
const MAX_BODY_BYTES = 3 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > MAX_BODY_BYTES) throw new StatusError(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728');
    chunks.push(b);
  }
  // a protobuf body is binary: latin1 keeps every byte, and decodeBody turns it back into bytes
  return Buffer.concat(chunks).toString(mediaType(req.headers['content-type']) === PROTOBUF_MEDIA_TYPE ? 'latin1' : 'utf8');
}

const mediaType = (contentType: string | undefined): string => (contentType ?? '').split(';')[0]!.trim().toLowerCase();

/**
 * A create's or update's body by its Content-Type: JSON (also when none is given), YAML, or
 * Kubernetes protobuf, which kubectl's typed clients send (`create deployment`, `auth can-i`,
 * drain's evictions; read by readBody as latin1). Others (CBOR) get kube-apiserver's 415 naming
 * what is accepted.
 */
export async function decodeBody(text: string, contentType: string | undefined): Promise<unknown> {
  const media = mediaType(contentType);
  if (media === '' || media === 'application/json' || media === '*/*') return parseJsonBody(text);
  if (media === PROTOBUF_MEDIA_TYPE) return decodeProtobufBody(Buffer.from(text, 'latin1'));
  if (media === 'application/yaml') {
    try {
      return parse(text) as unknown;
    } catch (e) {
      throw new StatusError(400, 'BadRequest', `error converting YAML to JSON: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
  }
  throw new StatusError(415, 'UnsupportedMediaType', 'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf');
}

/** The body as JSON; kube-apiserver's 400 when it is not. */
export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new StatusError(400, 'BadRequest', `couldn't get version/kind; json parse error: ${e instanceof Error ? e.message : String(e)}`);
  }
}
