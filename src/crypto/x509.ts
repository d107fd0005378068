import { sign, type KeyObject } from 'node:crypto';
import { bigintOf } from './bigint';
import { derBitString, derElement, derInteger, derOctetString, derOid, derSequence } from './der-writer';

/** The attribute types a certificate name may use here (RFC 5280, X.520). */
const NAME_OIDS = { C: '2.5.4.6', O: '2.5.4.10', OU: '2.5.4.11', CN: '2.5.4.3', L: '2.5.4.7', ST: '2.5.4.8' } as const;

/** A distinguished name as ordered attribute pairs: `[['C', 'US'], ['O', 'Amazon'], ['CN', 'example']]`. */
export type DistinguishedName = readonly (readonly [keyof typeof NAME_OIDS, string])[];

/** What a certificate says and who signs it. */
export interface CertificateFields {
  readonly serial: Uint8Array;
  readonly subject: DistinguishedName;
  readonly issuer: DistinguishedName;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** The subject's public key, DER SubjectPublicKeyInfo. */
  readonly subjectPublicKey: Uint8Array;
  /** A certificate authority (basicConstraints cA, keyCertSign) or an end entity (digitalSignature). */
  readonly ca: boolean;
  /** The issuer's private key: Ed25519 (deterministic signatures), or P-256 / P-384 (signed ECDSA-SHA256 / -SHA384). */
  readonly issuerKey: KeyObject;
}

const ECDSA_WITH = { sha256: '1.2.840.10045.4.3.2', sha384: '1.2.840.10045.4.3.3' } as const;
const ED25519 = '1.3.101.112';

/**
 * A DER X.509 v3 certificate (RFC 5280). node:crypto parses certificates (X509Certificate) but cannot
 * make them; simulated CloudHSM trust anchors and Nitro attestation chains need real ones that
 * OpenSSL and X509Certificate accept.
 */
export function buildCertificate(fields: CertificateFields): Buffer {
  const ed25519 = fields.issuerKey.asymmetricKeyType === 'ed25519';
  const hash = fields.issuerKey.asymmetricKeyDetails?.namedCurve === 'secp384r1' ? 'sha384' : 'sha256';
  const algorithm = derSequence(derOid(ed25519 ? ED25519 : ECDSA_WITH[hash]));
  const tbs = derSequence(
    derElement(0xa0, derInteger(2n)),
    derInteger(bigintOf(fields.serial)),
    algorithm,
    derName(fields.issuer),
    derSequence(derTime(fields.notBefore), derTime(fields.notAfter)),
    derName(fields.subject),
    Buffer.from(fields.subjectPublicKey),
    derElement(0xa3, derSequence(...extensions(fields.ca))),
  );
  const signature = sign(ed25519 ? null : hash, tbs, fields.issuerKey);
  return derSequence(tbs, algorithm, derBitString(signature));
}

/** A DER certificate as PEM text. */
export function certificatePem(der: Uint8Array): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

function extensions(ca: boolean): Buffer[] {
  const critical = Buffer.from([0x01, 0x01, 0xff]);
  // basicConstraints { cA TRUE } for authorities, an empty SEQUENCE for end entities.
  const basic = derSequence(derOid('2.5.29.19'), critical, derOctetString(ca ? derSequence(Buffer.from([0x01, 0x01, 0xff])) : derSequence()));
  // keyUsage: keyCertSign and cRLSign (bits 5, 6) for authorities, digitalSignature (bit 0) otherwise.
  const usage = derSequence(derOid('2.5.29.15'), critical, derOctetString(ca ? Buffer.from([0x03, 0x02, 0x01, 0x06]) : Buffer.from([0x03, 0x02, 0x07, 0x80])));
  return [basic, usage];
}

function derName(name: DistinguishedName): Buffer {
  return derSequence(
    ...name.map(([type, value]) =>
      derElement(
        0x31,
        derSequence(derOid(NAME_OIDS[type]), type === 'C' ? derElement(0x13, Buffer.from(value, 'ascii')) : derElement(0x0c, Buffer.from(value, 'utf8'))),
      ),
    ),
  );
}

/** UTCTime through 2049, GeneralizedTime from 2050 (RFC 5280, 4.1.2.5). */
function derTime(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return date.getUTCFullYear() < 2050 ? derElement(0x17, Buffer.from(`${iso.slice(2)}Z`, 'ascii')) : derElement(0x18, Buffer.from(`${iso}Z`, 'ascii'));
}
