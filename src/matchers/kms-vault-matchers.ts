import type { MetadataBearer } from '@smithy/types';
import type { AwsCommand } from '../compat/aws-command';
import type { KmsVault } from '../kms-vault';
import type { CiphertextMatchOptions } from './decrypt-check';
import type { CloudTrailEvent } from '../cloudtrail/cloudtrail-event';

/** The fields of a CloudTrail event a matcher looks for; values may be asymmetric matchers, objects match partially. */
export type CloudTrailEventSample = { readonly [K in keyof CloudTrailEvent]?: unknown };

/** A command class, as the matchers take it: `EncryptCommand`. */
type CommandType<TCmdInput extends object, TCmdOutput extends MetadataBearer> = new (input: TCmdInput) => AwsCommand<TCmdInput, TCmdOutput>;

/** A partial command input, whose values may be asymmetric matchers (`expect.any(String)`). */
type InputSample<TCmdInput> = Partial<{ [Property in keyof TCmdInput]: unknown }>;

/**
 * The matchers of `kms-vault-mock/jest` and `kms-vault-mock/vitest`: those of aws-sdk-client-mock-jest
 * (same names, same arguments, same messages), `toHaveReceivedCommandOnce` and
 * `toHaveReceivedCommandExactlyOnceWith`, and KMS assertions on ciphertexts.
 */
export interface KmsVaultMatchers<R = unknown> {
  /**
   * The mock received this command exactly `times` times.
   * @example expect(kmsMock).toHaveReceivedCommandTimes(EncryptCommand, 2);
   */
  toHaveReceivedCommandTimes<TCmdInput extends object, TCmdOutput extends MetadataBearer>(command: CommandType<TCmdInput, TCmdOutput>, times: number): R;
  /**
   * The mock received this command at least once.
   * @example expect(kmsMock).toHaveReceivedCommand(EncryptCommand);
   */
  toHaveReceivedCommand<TCmdInput extends object, TCmdOutput extends MetadataBearer>(command: CommandType<TCmdInput, TCmdOutput>): R;
  /**
   * The mock received this command exactly once.
   * @example expect(kmsMock).toHaveReceivedCommandOnce(DecryptCommand);
   */
  toHaveReceivedCommandOnce<TCmdInput extends object, TCmdOutput extends MetadataBearer>(command: CommandType<TCmdInput, TCmdOutput>): R;
  /**
   * The mock received this command at least once with an input containing `input`
   * (`expect.objectContaining`, so asymmetric matchers work).
   * @example expect(kmsMock).toHaveReceivedCommandWith(EncryptCommand, { KeyId: 'alias/orders' });
   */
  toHaveReceivedCommandWith<TCmdInput extends object, TCmdOutput extends MetadataBearer>(
    command: CommandType<TCmdInput, TCmdOutput>,
    input: InputSample<TCmdInput>,
  ): R;
  /**
   * The mock received this command exactly once, and with an input containing `input`.
   * @example expect(kmsMock).toHaveReceivedCommandExactlyOnceWith(DecryptCommand, { EncryptionContext: { tenant: 'a' } });
   */
  toHaveReceivedCommandExactlyOnceWith<TCmdInput extends object, TCmdOutput extends MetadataBearer>(
    command: CommandType<TCmdInput, TCmdOutput>,
    input: InputSample<TCmdInput>,
  ): R;
  /**
   * The `call`-th command the mock received (1 is the first) was this command with an input containing `input`.
   * @example expect(kmsMock).toHaveReceivedNthCommandWith(2, DecryptCommand, { KeyId: keyArn });
   */
  toHaveReceivedNthCommandWith<TCmdInput extends object, TCmdOutput extends MetadataBearer>(
    call: number,
    command: CommandType<TCmdInput, TCmdOutput>,
    input: InputSample<TCmdInput>,
  ): R;
  /**
   * The `call`-th of the commands of this class the mock received had an input containing `input`.
   * @example expect(kmsMock).toHaveReceivedNthSpecificCommandWith(1, DecryptCommand, { KeyId: keyArn });
   */
  toHaveReceivedNthSpecificCommandWith<TCmdInput extends object, TCmdOutput extends MetadataBearer>(
    call: number,
    command: CommandType<TCmdInput, TCmdOutput>,
    input: InputSample<TCmdInput>,
  ): R;
  /** The mock received at least one command, of any kind. */
  toHaveReceivedAnyCommand(): R;

  /** Alias of {@link KmsVaultMatchers.toHaveReceivedCommandTimes}. */
  toReceiveCommandTimes<TCmdInput extends object, TCmdOutput extends MetadataBearer>(command: CommandType<TCmdInput, TCmdOutput>, times: number): R;
  /** Alias of {@link KmsVaultMatchers.toHaveReceivedCommand}. */
  toReceiveCommand<TCmdInput extends object, TCmdOutput extends MetadataBearer>(command: CommandType<TCmdInput, TCmdOutput>): R;
  /** Alias of {@link KmsVaultMatchers.toHaveReceivedCommandOnce}. */
  toReceiveCommandOnce<TCmdInput extends object, TCmdOutput extends MetadataBearer>(command: CommandType<TCmdInput, TCmdOutput>): R;
  /** Alias of {@link KmsVaultMatchers.toHaveReceivedCommandWith}. */
  toReceiveCommandWith<TCmdInput extends object, TCmdOutput extends MetadataBearer>(
    command: CommandType<TCmdInput, TCmdOutput>,
    input: InputSample<TCmdInput>,
  ): R;
  /** Alias of {@link KmsVaultMatchers.toHaveReceivedCommandExactlyOnceWith}. */
  toReceiveCommandExactlyOnceWith<TCmdInput extends object, TCmdOutput extends MetadataBearer>(
    command: CommandType<TCmdInput, TCmdOutput>,
    input: InputSample<TCmdInput>,
  ): R;
  /** Alias of {@link KmsVaultMatchers.toHaveReceivedNthCommandWith}. */
  toReceiveNthCommandWith<TCmdInput extends object, TCmdOutput extends MetadataBearer>(
    call: number,
    command: CommandType<TCmdInput, TCmdOutput>,
    input: InputSample<TCmdInput>,
  ): R;
  /** Alias of {@link KmsVaultMatchers.toHaveReceivedNthSpecificCommandWith}. */
  toReceiveNthSpecificCommandWith<TCmdInput extends object, TCmdOutput extends MetadataBearer>(
    call: number,
    command: CommandType<TCmdInput, TCmdOutput>,
    input: InputSample<TCmdInput>,
  ): R;
  /** Alias of {@link KmsVaultMatchers.toHaveReceivedAnyCommand}. */
  toReceiveAnyCommand(): R;

  /**
   * The ciphertext blob (bytes, or base64) was made under this KMS key: it decrypts through `vault`
   * with `KeyId` set to `keyId` (key id, key ARN, alias name or alias ARN). Pass the encryption
   * context it was made with, if any, in `options`.
   * @example expect(CiphertextBlob).toBeCiphertextUnder(vault, 'alias/orders', { encryptionContext: { tenant: 'a' } });
   */
  toBeCiphertextUnder(vault: KmsVault, keyId: string, options?: CiphertextMatchOptions): R;
  /**
   * The ciphertext blob was made with exactly this encryption context: it decrypts through `vault`
   * with it (and with no other, as KMS binds the context to the ciphertext).
   * @example expect(CiphertextBlob).toBeCiphertextWithContext(vault, { tenant: 'a' });
   */
  toBeCiphertextWithContext(
    vault: KmsVault,
    encryptionContext: Record<string, string>,
    options?: Omit<CiphertextMatchOptions, 'encryptionContext'> & { readonly keyId?: string },
  ): R;

  /**
   * The vault's CloudTrail log (`vault.cloudTrail`) holds an event with these fields; nested objects
   * match on the fields given, values may be asymmetric matchers.
   * @example expect(vault).toHaveCloudTrailEvent({ eventName: 'Decrypt', errorCode: 'AccessDenied' });
   */
  toHaveCloudTrailEvent(expected: CloudTrailEventSample): R;
  /**
   * The vault's CloudTrail log holds exactly `times` events with these fields.
   * @example expect(vault).toHaveCloudTrailEventTimes({ eventName: 'ScheduleKeyDeletion' }, 1);
   */
  toHaveCloudTrailEventTimes(expected: CloudTrailEventSample, times: number): R;
}
