import { defineScenario } from './define-scenario';
import { didYouMean } from './did-you-mean';
import type { Scenario } from './scenario';

/** The account that shares a key in the `shared-key-from-another-account` scenario. */
export const SHARING_ACCOUNT = '999988887777';

/**
 * Built-in scenarios for the situations people test for. Each is a plain description: load it with
 * `vault.load(scenarios['disabled-key'])`, or list them with `npx kms-vault-mock scenarios`.
 */
export const scenarios = {
  'disabled-key': defineScenario({
    name: 'disabled-key',
    description: 'A symmetric key (alias/disabled) that is disabled: Encrypt and Decrypt fail with DisabledException.',
    keys: [
      {
        ref: 'disabled',
        description: 'disabled key',
        aliases: ['alias/disabled'],
        state: 'Disabled',
        ciphertexts: [{ name: 'disabled-secret', plaintext: 'made before the key was disabled' }],
      },
    ],
  }),
  'key-pending-deletion': defineScenario({
    name: 'key-pending-deletion',
    description: 'A key (alias/doomed) scheduled for deletion in 7 days: KMSInvalidStateException until it is gone.',
    keys: [
      {
        ref: 'doomed',
        description: 'key pending deletion',
        aliases: ['alias/doomed'],
        state: 'PendingDeletion',
        pendingWindowInDays: 7,
        ciphertexts: [{ name: 'doomed-secret', plaintext: 'made before deletion was scheduled' }],
      },
    ],
  }),
  'rotated-key': defineScenario({
    name: 'rotated-key',
    description: 'A key (alias/rotated) rotated twice, with a ciphertext from before the rotations and one after.',
    keys: [
      {
        ref: 'rotated',
        description: 'rotated key',
        aliases: ['alias/rotated'],
        rotations: 2,
        rotationPeriodInDays: 365,
        ciphertexts: [
          { name: 'old', plaintext: 'encrypted under the original key material', material: 'oldest', encryptionContext: { version: 'old' } },
          { name: 'new', plaintext: 'encrypted under the current key material', encryptionContext: { version: 'new' } },
        ],
      },
    ],
  }),
  'multi-region-pair': defineScenario({
    name: 'multi-region-pair',
    description: 'A multi-Region key in us-east-1 with a replica in eu-west-1, and a ciphertext made in us-east-1.',
    keys: [
      {
        ref: 'primary',
        region: 'us-east-1',
        description: 'multi-Region primary',
        multiRegion: { replicaRegions: ['eu-west-1'] },
        ciphertexts: [{ name: 'travelling-secret', plaintext: 'decrypts in either region' }],
      },
    ],
  }),
  'asymmetric-signing-key': defineScenario({
    name: 'asymmetric-signing-key',
    description: 'An ECC_NIST_P256 SIGN_VERIFY key (alias/signing) for Sign, Verify and GetPublicKey.',
    keys: [{ ref: 'signing', description: 'signing key', keySpec: 'ECC_NIST_P256', keyUsage: 'SIGN_VERIFY', aliases: ['alias/signing'] }],
  }),
  'shared-key-from-another-account': defineScenario({
    name: 'shared-key-from-another-account',
    description: `A key of account ${SHARING_ACCOUNT} whose key policy lets the vault's account use it (name it by its ARN).`,
    keys: [
      {
        ref: 'shared',
        account: SHARING_ACCOUNT,
        description: 'key shared with another account',
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Sid: 'Owner', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${SHARING_ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' },
            {
              Sid: 'Everyone else here may use it',
              Effect: 'Allow',
              Principal: { AWS: '*' },
              Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
              Resource: '*',
            },
          ],
        }),
      },
    ],
  }),
  'throttling-under-load': defineScenario({
    name: 'throttling-under-load',
    description: 'A key (alias/busy) whose cryptographic calls are throttled 30% of the time (seeded).',
    keys: [{ ref: 'busy', description: 'busy key', aliases: ['alias/busy'] }],
    faults: [
      { operation: ['Encrypt', 'Decrypt', 'ReEncrypt', 'GenerateDataKey', 'GenerateDataKeyWithoutPlaintext'], error: 'ThrottlingException', probability: 0.3 },
    ],
  }),
} satisfies Record<string, Scenario>;

/** The name of a built-in scenario. */
export type ScenarioName = keyof typeof scenarios;

/** The built-in scenario of that name, or undefined. */
export function builtInScenario(name: string): Scenario | undefined {
  return Object.hasOwn(scenarios, name) ? scenarios[name as ScenarioName] : undefined;
}

/** What to tell someone who named a built-in scenario that does not exist (with the nearest name, if any). */
export function unknownScenarioMessage(name: string): string {
  return `No built-in scenario '${name}'.${didYouMean(name, Object.keys(scenarios))} The catalogue has: ${Object.keys(scenarios).join(', ')}.`;
}
