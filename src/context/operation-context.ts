import type { OperationName } from '../contract/generated';
import type { Clock } from '../vault/clock';
import type { Caller } from '../vault/principal';
import type { RandomSource } from '../vault/random';
import type { VaultState } from '../vault/vault-state';

export type { Caller } from '../vault/principal';

/** Everything an operation handler may use: state, time, randomness, the caller and the operation. */
export interface OperationContext {
  readonly state: VaultState;
  readonly clock: Clock;
  readonly random: RandomSource;
  /** The region the request was sent to. */
  readonly region: string;
  readonly caller: Caller;
  /** The request time: one instant for the whole request. */
  readonly now: Date;
  /** The operation being run (the key-state table and the permission table are read by it). */
  readonly operation: OperationName;
  /** Where the request came through, for condition keys such as `kms:ViaService` and `aws:SourceIp`. */
  readonly request: RequestFacts;
}

/** Facts about a request that policies can test, beyond the caller. */
export interface RequestFacts {
  /** `kms:ViaService`: the AWS service the request was made through (`secretsmanager.us-east-1.amazonaws.com`). */
  readonly viaService?: string;
  /** `aws:SourceIp`: the caller's address, for requests that came over the wire. */
  readonly sourceIp?: string;
  /** `aws:SecureTransport`. */
  readonly secureTransport?: boolean;
  /**
   * `kms:RecipientAttestation:ImageSha384` and `kms:RecipientAttestation:PCR<n>`: from the verified
   * attestation document of a request with a Recipient (Nitro Enclaves), lowercase hex.
   */
  readonly recipientAttestation?: RecipientAttestationFacts;
}

/** What a request's Nitro Enclaves attestation document says, for the `kms:RecipientAttestation:*` condition keys. */
export interface RecipientAttestationFacts {
  /** PCR0, the enclave image's SHA-384 measurement. */
  readonly imageSha384: string;
  /** Every PCR in the document, by index. */
  readonly pcrs: Readonly<Record<number, string>>;
}

/** An operation handler: validated input in, output without `$metadata` out, KMS errors thrown. */
export type OperationHandler<I = never, O = unknown> = (context: OperationContext, input: I) => O;
