import { createHash, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { keyPairFromSeed, type NodeKeyPair } from '../crypto/key-pair';
import { buildCertificate, certificatePem, type DistinguishedName } from '../crypto/x509';
import { decodeCbor, encodeCbor, type CborValue } from './cbor';
import { readCoseSign1, signCoseSign1, verifyCoseSign1 } from './cose-sign1';

/** What a test enclave's attestation document says (`vault.nitro.attestationDocument`). */
export interface AttestationDocumentOptions {
  /** The enclave's public key that KMS encrypts responses to: RSA, as a KeyObject, PEM text or DER SubjectPublicKeyInfo. */
  readonly publicKey: KeyObject | string | Uint8Array;
  /** Platform configuration registers by index (0-31): 48 bytes each, as bytes or hex. Unset PCRs 0-15 are zeros, as in debug mode. */
  readonly pcrs?: Readonly<Record<number, Uint8Array | string>>;
  readonly userData?: Uint8Array;
  readonly nonce?: Uint8Array;
  /** Default `i-0123456789abcdef0-enc0123456789abcdef`. */
  readonly moduleId?: string;
}

/** The facts KMS takes from a valid attestation document. */
export interface VerifiedAttestation {
  readonly moduleId: string;
  /** The enclave's public key. */
  readonly publicKey: KeyObject;
  /** PCR values by index, lowercase hex (the `kms:RecipientAttestation:PCR<n>` condition keys). */
  readonly pcrs: Readonly<Record<number, string>>;
  /** PCR0, lowercase hex (`kms:RecipientAttestation:ImageSha384`). */
  readonly imageSha384: string;
  readonly timestamp: Date;
}

/** Why an attestation document was refused. */
export class AttestationError extends Error {
  override readonly name = 'AttestationError';
}

/**
 * The test root of trust: a fixed P-384 certificate authority (the same in every vault and run, so
 * documents made by one vault verify in another) standing in for the AWS Nitro Enclaves root, and
 * the intermediate that signs each document's certificate. Made on first use.
 */
interface TestRoot {
  readonly root: X509Certificate;
  readonly rootDer: Buffer;
  readonly intermediateDer: Buffer;
  readonly intermediate: NodeKeyPair;
}

const ROOT_VALIDITY = { notBefore: new Date('2019-10-28T13:28:05Z'), notAfter: new Date('2049-10-28T14:28:05Z') };
/** How long the certificate of one attestation document is valid, as Nitro's are: three hours. */
const DOCUMENT_CERTIFICATE_MS = 3 * 3_600_000;
const SHA384_BYTES = 48;

let testRoot: TestRoot | undefined;

function fixedPair(label: string): NodeKeyPair {
  const pair = keyPairFromSeed({ kind: 'ec', curve: 'P-384' }, createHash('sha256').update(`kms-vault-mock nitro ${label}`).digest());
  if (pair.kind !== 'node') throw new Error('unreachable: P-384 key pairs are node key pairs');
  return pair;
}

function root(): TestRoot {
  if (testRoot) return testRoot;
  const rootPair = fixedPair('root');
  const rootName: DistinguishedName = [
    ['C', 'US'],
    ['O', 'kms-vault-mock'],
    ['OU', 'test'],
    ['CN', 'kms-vault-mock.nitro-enclaves.test-root'],
  ];
  const rootDer = buildCertificate({
    serial: Buffer.from([1]),
    subject: rootName,
    issuer: rootName,
    ...ROOT_VALIDITY,
    subjectPublicKey: rootPair.spki,
    ca: true,
    issuerKey: rootPair.privateKey,
  });
  const intermediate = fixedPair('intermediate');
  const intermediateName: DistinguishedName = [
    ['C', 'US'],
    ['O', 'kms-vault-mock'],
    ['OU', 'test'],
    ['CN', 'kms-vault-mock.nitro-enclaves.test-intermediate'],
  ];
  const intermediateDer = buildCertificate({
    serial: Buffer.from([2]),
    subject: intermediateName,
    issuer: rootName,
    ...ROOT_VALIDITY,
    subjectPublicKey: intermediate.spki,
    ca: true,
    issuerKey: rootPair.privateKey,
  });
  testRoot = { root: new X509Certificate(rootDer), rootDer, intermediateDer, intermediate };
  return testRoot;
}

/** The test root certificate (PEM) that the vault verifies attestation documents against. */
export function nitroTestRootCertificate(): string {
  return certificatePem(root().rootDer);
}

/**
 * An attestation document as the Nitro Secure Module makes one: a COSE_Sign1 (ES384) over a CBOR map
 * of module_id, digest, timestamp, pcrs, certificate, cabundle, public_key, user_data and nonce, its
 * certificate chaining to the vault's test root through `cabundle` (AWS Nitro Enclaves User Guide,
 * "Attestation document specification").
 */
export function makeAttestationDocument(options: AttestationDocumentOptions, now: Date, randomBytes: (length: number) => Uint8Array): Buffer {
  const trust = root();
  const publicKey = toPublicKey(options.publicKey);
  const moduleId = options.moduleId ?? 'i-0123456789abcdef0-enc0123456789abcdef';
  const pcrs = new Map<CborValue, CborValue>();
  for (let i = 0; i < 16; i++) pcrs.set(i, new Uint8Array(SHA384_BYTES));
  for (const [index, value] of Object.entries(options.pcrs ?? {}))
    pcrs.set(Number(index), typeof value === 'string' ? new Uint8Array(Buffer.from(value, 'hex')) : new Uint8Array(value));
  const leaf = keyPairFromSeed({ kind: 'ec', curve: 'P-384' }, randomBytes(32));
  if (leaf.kind !== 'node') throw new Error('unreachable: P-384 key pairs are node key pairs');
  const leafName: DistinguishedName = [
    ['C', 'US'],
    ['O', 'kms-vault-mock'],
    ['OU', 'test'],
    ['CN', moduleId],
  ];
  const issuer: DistinguishedName = [
    ['C', 'US'],
    ['O', 'kms-vault-mock'],
    ['OU', 'test'],
    ['CN', 'kms-vault-mock.nitro-enclaves.test-intermediate'],
  ];
  const certificate = buildCertificate({
    serial: randomBytes(8),
    subject: leafName,
    issuer,
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: new Date(now.getTime() + DOCUMENT_CERTIFICATE_MS),
    subjectPublicKey: leaf.spki,
    ca: false,
    issuerKey: trust.intermediate.privateKey,
  });
  const payload = encodeCbor(
    new Map<CborValue, CborValue>([
      ['module_id', moduleId],
      ['digest', 'SHA384'],
      ['timestamp', now.getTime()],
      ['pcrs', pcrs],
      ['certificate', new Uint8Array(certificate)],
      ['cabundle', [new Uint8Array(trust.rootDer), new Uint8Array(trust.intermediateDer)]],
      ['public_key', new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }))],
      ['user_data', options.userData ? new Uint8Array(options.userData) : null],
      ['nonce', options.nonce ? new Uint8Array(options.nonce) : null],
    ]),
  );
  return signCoseSign1(payload, leaf.privateKey);
}

/**
 * Verifies an attestation document as KMS does before it answers a request with a Recipient: the
 * COSE_Sign1 signature by the document's certificate, the chain from the vault's test root through
 * `cabundle` to that certificate, each valid at `now`, the mandatory fields, and an RSA public key.
 * AttestationError says what is wrong.
 */
export function verifyAttestationDocument(document: Uint8Array, now: Date): VerifiedAttestation {
  try {
    return verifyOrThrow(document, now);
  } catch (error) {
    if (error instanceof AttestationError) throw error;
    throw new AttestationError(error instanceof Error ? error.message : String(error));
  }
}

function verifyOrThrow(document: Uint8Array, now: Date): VerifiedAttestation {
  const message = readCoseSign1(document);
  const payload = decodeCbor(message.payload);
  if (!(payload instanceof Map)) throw new AttestationError('the payload is not a map.');
  const moduleId = payload.get('module_id');
  if (typeof moduleId !== 'string' || moduleId.length === 0) throw new AttestationError('module_id is missing.');
  if (payload.get('digest') !== 'SHA384') throw new AttestationError('digest is not SHA384.');
  const timestamp = payload.get('timestamp');
  if (typeof timestamp !== 'number' || timestamp <= 0) throw new AttestationError('timestamp is missing.');
  const pcrMap = payload.get('pcrs');
  if (!(pcrMap instanceof Map) || pcrMap.size === 0 || pcrMap.size > 32) throw new AttestationError('pcrs must hold 1 to 32 registers.');
  const pcrs: Record<number, string> = {};
  for (const [index, value] of pcrMap) {
    if (typeof index !== 'number' || index < 0 || index > 31 || !(value instanceof Uint8Array) || ![32, 48, 64].includes(value.length))
      throw new AttestationError('a PCR is malformed.');
    pcrs[index] = Buffer.from(value).toString('hex');
  }
  const certificate = payload.get('certificate');
  const cabundle = payload.get('cabundle');
  if (!(certificate instanceof Uint8Array)) throw new AttestationError('certificate is missing.');
  if (!Array.isArray(cabundle) || cabundle.length === 0 || !cabundle.every((c): c is Uint8Array => c instanceof Uint8Array))
    throw new AttestationError('cabundle is missing.');
  const trust = root();
  if (!Buffer.from(cabundle[0] as Uint8Array).equals(trust.rootDer)) throw new AttestationError('the certificate chain does not start at the trusted root.');
  const chain = [...(cabundle as Uint8Array[]), certificate].map((der) => new X509Certificate(Buffer.from(der)));
  for (let i = 0; i < chain.length; i++) {
    const cert = chain[i] as X509Certificate;
    const issuer = chain[Math.max(0, i - 1)] as X509Certificate;
    if (!cert.verify(issuer.publicKey)) throw new AttestationError('a certificate in the chain is not signed by its issuer.');
    if (now < new Date(cert.validFrom) || now > new Date(cert.validTo)) throw new AttestationError('a certificate in the chain is not valid now.');
  }
  if (!verifyCoseSign1(message, (chain[chain.length - 1] as X509Certificate).publicKey)) throw new AttestationError('the signature does not verify.');
  const rawKey = payload.get('public_key');
  if (!(rawKey instanceof Uint8Array)) throw new AttestationError('public_key is missing.');
  const publicKey = createPublicKey({ key: Buffer.from(rawKey), format: 'der', type: 'spki' });
  if (publicKey.asymmetricKeyType !== 'rsa') throw new AttestationError('public_key is not an RSA key.');
  return { moduleId, publicKey, pcrs, imageSha384: pcrs[0] ?? '', timestamp: new Date(timestamp) };
}

function toPublicKey(key: KeyObject | string | Uint8Array): KeyObject {
  if (typeof key === 'string') return createPublicKey(key);
  if (key instanceof Uint8Array) return createPublicKey({ key: Buffer.from(key), format: 'der', type: 'spki' });
  return key.type === 'private' ? createPublicKey(key) : key;
}
