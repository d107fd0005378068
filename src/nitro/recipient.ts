import type { KeyObject } from 'node:crypto';
import type { RecipientInfo } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import { envelopeForRecipient } from '../crypto/cms-enveloped-data';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import { AttestationError, verifyAttestationDocument } from './attestation-document';

/** The enclave a response goes to: its public key, and the facts its attestation document gives policies. */
export interface Recipient {
  readonly publicKey: KeyObject;
  readonly imageSha384: string;
  readonly pcrs: Readonly<Record<number, string>>;
}

/**
 * The Recipient of a request (Nitro Enclaves), verified: undefined without one; ValidationException
 * when the attestation document is missing or invalid (API Reference, RecipientInfo: the only key
 * encryption algorithm is RSAES_OAEP_SHA_256, the model checks the value).
 */
export function recipientOf(context: OperationContext, recipient: RecipientInfo | undefined): Recipient | undefined {
  if (recipient === undefined) return undefined;
  if (recipient.AttestationDocument === undefined)
    throw kmsError('ValidationException', messages.invalidAttestationDocument('AttestationDocument is missing.'));
  try {
    const verified = verifyAttestationDocument(recipient.AttestationDocument, context.now);
    return { publicKey: verified.publicKey, imageSha384: verified.imageSha384, pcrs: verified.pcrs };
  } catch (error) {
    if (error instanceof AttestationError) throw kmsError('ValidationException', messages.invalidAttestationDocument(error.message));
    throw error;
  }
}

/** The context with the `kms:RecipientAttestation:*` facts of the request's attestation document, for authorization. */
export function withRecipientFacts(context: OperationContext, recipient: Recipient): OperationContext {
  return { ...context, request: { ...context.request, recipientAttestation: { imageSha384: recipient.imageSha384, pcrs: recipient.pcrs } } };
}

/**
 * An operation's response as KMS sends it to an enclave: the secret member (`Plaintext`,
 * `PrivateKeyPlaintext`, `SharedSecret`) left out and replaced by `CiphertextForRecipient`, that
 * secret in a CMS EnvelopedData to the enclave's public key (Developer Guide, "How AWS Nitro Enclaves
 * uses AWS KMS").
 */
export function answerRecipient<T extends object, K extends keyof T & string>(
  context: OperationContext,
  recipient: Recipient,
  response: T,
  secretMember: K,
): Omit<T, K> & { CiphertextForRecipient: Uint8Array } {
  const { [secretMember]: secret, ...rest } = response;
  const bytes = secret instanceof Uint8Array ? secret : new Uint8Array(0);
  const envelope = envelopeForRecipient(recipient.publicKey, bytes, (n) => context.random.bytes(n));
  return { ...(rest as Omit<T, K>), CiphertextForRecipient: new Uint8Array(envelope.buffer, envelope.byteOffset, envelope.byteLength) };
}
