import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { KubeObject } from '../../api/types.js';
import { osMessage } from './data-sources.js';
import { secretObject } from './secret-generic.js';

export interface SecretTlsInput {
  name: string;
  namespace?: string;
  cert?: string;
  key?: string;
}

function readOrFail(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new Error(`open ${path}: ${osMessage(err)}`);
  }
}

const PEM = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/;

/** tls.X509KeyPair's checks, with Go's messages. */
function checkKeyPair(cert: Buffer, key: Buffer): void {
  const certText = cert.toString('utf8');
  const certMatch = certText.match(PEM);
  if (!certMatch || certMatch[1] !== 'CERTIFICATE') {
    throw new Error(certMatch ? 'tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [' + certMatch[1] + ']' : 'tls: failed to find any PEM data in certificate input');
  }
  const keyMatch = key.toString('utf8').match(PEM);
  if (!keyMatch) throw new Error('tls: failed to find any PEM data in key input');
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch {
    throw new Error('x509: malformed certificate');
  }
  let priv;
  try {
    priv = createPrivateKey(keyMatch[0]);
  } catch {
    throw new Error('tls: failed to parse private key');
  }
  const fromKey = createPublicKey(priv).export({ type: 'spki', format: 'der' });
  const fromCert = x509.publicKey.export({ type: 'spki', format: 'der' });
  if (!fromKey.equals(fromCert)) throw new Error('tls: private key does not match public key');
}

/** `kubectl create secret tls NAME --cert=path --key=path`. */
export function generateSecretTls(input: SecretTlsInput): KubeObject {
  if (!input.key || !input.cert) throw new Error('key and cert must be specified');
  const cert = readOrFail(input.cert);
  const key = readOrFail(input.key);
  checkKeyPair(cert, key);
  const data = new Map<string, Buffer>([
    ['tls.crt', cert],
    ['tls.key', key],
  ]);
  return secretObject(input.name, input.namespace, data, 'kubernetes.io/tls');
}
