import { sign, verify, type KeyObject } from 'node:crypto';
import { CborError, decodeCbor, encodeCbor, type CborValue } from './cbor';

/** COSE algorithm ES384: ECDSA with SHA-384 on P-384 (RFC 9053), the one Nitro attestation documents use. */
const ES384 = -35;
/** The CBOR tag of a tagged COSE_Sign1 (RFC 9052). */
const COSE_SIGN1_TAG = 18;

/** A COSE_Sign1 message, read but not yet verified. */
export interface CoseSign1 {
  readonly protectedHeader: Uint8Array;
  readonly payload: Uint8Array;
  readonly signature: Uint8Array;
}

/**
 * A COSE_Sign1 message (RFC 9052, section 4.2) over `payload`, signed ES384 by `key`, untagged as the
 * Nitro Secure Module emits it: [protected header {1: -35}, unprotected header {}, payload, signature].
 */
export function signCoseSign1(payload: Uint8Array, key: KeyObject): Buffer {
  const protectedHeader = encodeCbor(new Map([[1, ES384]]));
  const signature = sign('sha384', toBeSigned(protectedHeader, payload), { key, dsaEncoding: 'ieee-p1363' });
  return encodeCbor([protectedHeader, new Map(), new Uint8Array(payload), new Uint8Array(signature)]);
}

/** Reads a COSE_Sign1 message (tagged or not) whose protected header names ES384; CborError otherwise. */
export function readCoseSign1(bytes: Uint8Array): CoseSign1 {
  let value: CborValue = decodeCbor(bytes);
  if (isTagged(value) && value.tag === COSE_SIGN1_TAG) value = value.value;
  if (!Array.isArray(value) || value.length !== 4) throw new CborError('A COSE_Sign1 message is an array of four items.');
  const [protectedHeader, unprotected, payload, signature] = value as CborValue[];
  if (!(protectedHeader instanceof Uint8Array) || !(unprotected instanceof Map) || !(payload instanceof Uint8Array) || !(signature instanceof Uint8Array)) {
    throw new CborError('A COSE_Sign1 message holds a protected header, an unprotected header, a payload and a signature.');
  }
  const header = decodeCbor(protectedHeader);
  if (!(header instanceof Map) || header.get(1) !== ES384) throw new CborError('The COSE_Sign1 algorithm is not ES384.');
  return { protectedHeader, payload, signature };
}

/** Whether `key` made the message's signature. */
export function verifyCoseSign1(message: CoseSign1, key: KeyObject): boolean {
  if (message.signature.length !== 96) return false;
  return verify('sha384', toBeSigned(message.protectedHeader, message.payload), { key, dsaEncoding: 'ieee-p1363' }, message.signature);
}

/** Sig_structure for a COSE_Sign1 with no external data. */
function toBeSigned(protectedHeader: Uint8Array, payload: Uint8Array): Buffer {
  return encodeCbor(['Signature1', new Uint8Array(protectedHeader), new Uint8Array(0), new Uint8Array(payload)]);
}

function isTagged(value: CborValue): value is { tag: number; value: CborValue } {
  return typeof value === 'object' && value !== null && !(value instanceof Uint8Array) && !Array.isArray(value) && !(value instanceof Map) && 'tag' in value;
}
