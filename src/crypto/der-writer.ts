import { derLengthBytes } from './der';

/** One DER element: tag, definite length, content. */
export function derElement(tag: number, content: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([tag, ...derLengthBytes(content.length)]), content]);
}

/** A SEQUENCE of already encoded elements. */
export function derSequence(...elements: Uint8Array[]): Buffer {
  return derElement(0x30, Buffer.concat(elements));
}

/** An OCTET STRING. */
export function derOctetString(content: Uint8Array): Buffer {
  return derElement(0x04, content);
}

/** A BIT STRING with no unused bits. */
export function derBitString(content: Uint8Array): Buffer {
  return derElement(0x03, Buffer.concat([Buffer.from([0]), content]));
}

/** A non-negative INTEGER in its minimal form (a leading 00 only when the high bit is set). */
export function derInteger(value: bigint): Buffer {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  if (/^[89a-f]/.test(hex)) hex = `00${hex}`;
  return derElement(0x02, Buffer.from(hex, 'hex'));
}

/** A small non-negative INTEGER. */
export function derSmallInteger(value: number): Buffer {
  return derElement(0x02, Buffer.from([value]));
}

/** An OBJECT IDENTIFIER from its dotted form. */
export function derOid(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number);
  const [first = 0, second = 0, ...rest] = arcs;
  const bytes = [40 * first + second];
  for (const arc of rest) {
    const chunk = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return derElement(0x06, Buffer.from(bytes));
}

/** SubjectPublicKeyInfo (RFC 5280) for an algorithm with absent parameters, or with `parameters`. */
export function subjectPublicKeyInfo(algorithmOid: string, publicKey: Uint8Array, parameters?: Buffer): Buffer {
  const algorithm = parameters ? derSequence(derOid(algorithmOid), parameters) : derSequence(derOid(algorithmOid));
  return derSequence(algorithm, derBitString(publicKey));
}

/** OneAsymmetricKey / PKCS #8 PrivateKeyInfo (RFC 5958), version 0. */
export function privateKeyInfo(algorithmOid: string, privateKey: Uint8Array, parameters?: Buffer): Buffer {
  const algorithm = parameters ? derSequence(derOid(algorithmOid), parameters) : derSequence(derOid(algorithmOid));
  return derSequence(derSmallInteger(0), algorithm, derOctetString(privateKey));
}
