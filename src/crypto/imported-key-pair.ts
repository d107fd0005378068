import { createPrivateKey, type KeyObject } from 'node:crypto';
import { CURVES, fromNode, type NodeKeyPair } from './key-pair';

/** The key pair kinds whose private keys the vault imports: RSA and the NIST and SECG curves. */
export type ImportableParams = Extract<NodeKeyPair['params'], { kind: 'rsa' | 'ec' }>;

function parsePkcs8(der: Uint8Array): KeyObject | undefined {
  try {
    return createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
  } catch {
    return undefined;
  }
}

function fromBase64url(value: string | undefined, length: number): Buffer {
  const bytes = Buffer.from(value ?? '', 'base64url');
  return bytes.length >= length ? bytes : Buffer.concat([Buffer.alloc(length - bytes.length), bytes]);
}

/**
 * The key pair of a DER PKCS #8 private key, as imported into a key with Origin EXTERNAL ("For
 * asymmetric key pairs, encrypt and import only the private key. AWS KMS derives the public key from
 * the private key."); undefined when the bytes are no such key or not of the kind `params` names
 * (an RSA key of another size, an elliptic-curve key on another curve, an RSASSA-PSS-only key).
 */
export function keyPairFromPkcs8(params: ImportableParams, der: Uint8Array): NodeKeyPair | undefined {
  const privateKey = parsePkcs8(der);
  if (!privateKey) return undefined;
  const details = privateKey.asymmetricKeyDetails;
  let ec: NodeKeyPair['ec'];
  if (params.kind === 'rsa') {
    if (privateKey.asymmetricKeyType !== 'rsa' || details?.modulusLength !== params.bits) return undefined;
  } else {
    const curve = CURVES[params.curve];
    if (privateKey.asymmetricKeyType !== 'ec' || details?.namedCurve !== curve.nodeName) return undefined;
    const jwk = privateKey.export({ format: 'jwk' });
    ec = {
      scalar: fromBase64url(jwk.d, curve.scalarBytes),
      point: Buffer.concat([Buffer.from([4]), fromBase64url(jwk.x, curve.scalarBytes), fromBase64url(jwk.y, curve.scalarBytes)]),
    };
  }
  return fromNode(params, privateKey, ec ? { ec } : {});
}
