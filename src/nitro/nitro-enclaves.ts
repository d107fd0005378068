import { createPrivateKey, type KeyObject } from 'node:crypto';
import { openEnvelope } from '../crypto/cms-enveloped-data';
import { KmsVaultMockError } from '../errors/library-error';
import type { Clock } from '../vault/clock';
import type { RandomSource } from '../vault/random';
import { makeAttestationDocument, nitroTestRootCertificate, type AttestationDocumentOptions } from './attestation-document';

/** What the Nitro Enclaves helpers need of a vault: its clock and its randomness. */
interface NitroHost {
  readonly clock: Clock;
  readonly random: RandomSource;
}

/**
 * Test helpers for code that runs in an AWS Nitro enclave (`vault.nitro`): attestation documents the
 * vault accepts in a request's Recipient, and the enclave side of CiphertextForRecipient.
 */
export class NitroEnclaves {
  constructor(private readonly host: NitroHost) {}

  /**
   * An attestation document for an enclave with this public key (RSA) and these PCRs, made now by the
   * vault clock and signed through the vault's test root of trust, as the Nitro Secure Module's
   * GetAttestationDocument gives one. Pass it as `Recipient: { KeyEncryptionAlgorithm: 'RSAES_OAEP_SHA_256', AttestationDocument }`.
   * Its certificate is valid for three hours of vault time.
   */
  attestationDocument(options: AttestationDocumentOptions): Uint8Array {
    let document: Buffer;
    try {
      document = makeAttestationDocument(options, this.host.clock.now(), (n) => this.host.random.bytes(n));
    } catch (error) {
      throw new KmsVaultMockError(
        `vault.nitro.attestationDocument needs an RSA public key (KeyObject, PEM or DER SubjectPublicKeyInfo) and PCRs of 48 bytes: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return new Uint8Array(document.buffer, document.byteOffset, document.byteLength);
  }

  /** The test root certificate (PEM) attestation documents must chain to: it stands in for the AWS Nitro Enclaves root. */
  get rootCertificate(): string {
    return nitroTestRootCertificate();
  }

  /**
   * Opens a CiphertextForRecipient with the enclave's private key (KeyObject or PEM), as code in the
   * enclave does (`openssl cms -decrypt` does the same). A library error when it is not for this key.
   */
  openCiphertextForRecipient(ciphertext: Uint8Array, privateKey: KeyObject | string): Buffer {
    const key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey;
    const plaintext = openEnvelope(ciphertext, key);
    if (!plaintext) throw new KmsVaultMockError('This CiphertextForRecipient is not a CMS EnvelopedData for this private key.');
    return plaintext;
  }
}
