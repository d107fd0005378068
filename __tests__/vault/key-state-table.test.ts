import { constants, createPublicKey, generateKeyPairSync, publicEncrypt } from 'node:crypto';
import { KMSServiceException } from '@aws-sdk/client-kms';
import type { OperationName } from '../../src';
import { KmsVault } from '../../src';
import { isImplemented } from '../../src/operations/registry';
import { KEY_STATE_TABLE, NO_KEY, type TableKeyState } from '../../src/vault/key-state-table';
import type { KeyRecord } from '../../src/vault/key-record';
import { OPERATION_NAMES } from '../../src/contract/generated';

/**
 * Walks every cell of the KMS Developer Guide's key-state table ("Key states of AWS KMS keys"): each
 * operation on a key in each key state gives the documented success or exception.
 */

const STATES: TableKeyState[] = ['Enabled', 'Disabled', 'PendingDeletion', 'PendingReplicaDeletion', 'PendingImport', 'Unavailable', 'Creating', 'Updating'];

interface Fixture {
  readonly vault: KmsVault;
  /** The key under test: a multi-Region primary with a replica in eu-west-1. */
  readonly key: KeyRecord;
  readonly other: KeyRecord;
  readonly ciphertext: Uint8Array;
  readonly otherCiphertext: Uint8Array;
  /** Keys of other kinds, in the same state as `key`, for the operations symmetric keys cannot do. */
  readonly pairs: {
    readonly signing: KeyRecord;
    readonly mac: KeyRecord;
    readonly agreement: KeyRecord;
    readonly kem: KeyRecord;
    readonly imported: KeyRecord;
  };
  /** An import token for `pairs.imported` and its key material wrapped for it, to import again. */
  readonly reimport: { readonly ImportToken: Uint8Array; readonly EncryptedKeyMaterial: Buffer };
  /** A signature of 'x' by `pairs.signing` and a MAC of 'x' by `pairs.mac`, made while they were Enabled. */
  readonly signature: Uint8Array;
  readonly mac: Uint8Array;
  /** A grant on `key`, made while it was Enabled, for RevokeGrant and RetireGrant. */
  readonly grantId: string;
}

const PEER_PUBLIC_KEY = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ type: 'spki', format: 'der' });

/** A minimal valid request naming the key under test, per operation. */
const REQUESTS: Partial<Record<string, (f: Fixture) => [OperationName, object]>> = {
  Encrypt: (f) => ['Encrypt', { KeyId: f.key.keyId, Plaintext: Buffer.from('x') }],
  Decrypt: (f) => ['Decrypt', { CiphertextBlob: f.ciphertext }],
  ReEncrypt: (f) => ['ReEncrypt', { CiphertextBlob: f.ciphertext, DestinationKeyId: f.key.keyId }],
  ReEncryptFrom: (f) => ['ReEncrypt', { CiphertextBlob: f.ciphertext, DestinationKeyId: f.other.keyId }],
  ReEncryptTo: (f) => ['ReEncrypt', { CiphertextBlob: f.otherCiphertext, DestinationKeyId: f.key.keyId }],
  GenerateDataKey: (f) => ['GenerateDataKey', { KeyId: f.key.keyId, KeySpec: 'AES_256' }],
  GenerateDataKeyWithoutPlaintext: (f) => ['GenerateDataKeyWithoutPlaintext', { KeyId: f.key.keyId, NumberOfBytes: 16 }],
  DescribeKey: (f) => ['DescribeKey', { KeyId: f.key.keyId }],
  EnableKey: (f) => ['EnableKey', { KeyId: f.key.keyId }],
  DisableKey: (f) => ['DisableKey', { KeyId: f.key.keyId }],
  ScheduleKeyDeletion: (f) => ['ScheduleKeyDeletion', { KeyId: f.key.keyId, PendingWindowInDays: 7 }],
  CancelKeyDeletion: (f) => ['CancelKeyDeletion', { KeyId: f.key.keyId }],
  CreateAlias: (f) => ['CreateAlias', { AliasName: 'alias/walk', TargetKeyId: f.key.keyId }],
  UpdateAlias: (f) => ['UpdateAlias', { AliasName: 'alias/other', TargetKeyId: f.key.keyId }],
  DeleteAlias: () => ['DeleteAlias', { AliasName: 'alias/other' }],
  ListAliases: (f) => ['ListAliases', { KeyId: f.key.keyId }],
  EnableKeyRotation: (f) => ['EnableKeyRotation', { KeyId: f.key.keyId }],
  DisableKeyRotation: (f) => ['DisableKeyRotation', { KeyId: f.key.keyId }],
  GetKeyRotationStatus: (f) => ['GetKeyRotationStatus', { KeyId: f.key.keyId }],
  RotateKeyOnDemand: (f) => ['RotateKeyOnDemand', { KeyId: f.key.keyId }],
  ListKeyRotations: (f) => ['ListKeyRotations', { KeyId: f.key.keyId }],
  TagResource: (f) => ['TagResource', { KeyId: f.key.keyId, Tags: [{ TagKey: 'k', TagValue: 'v' }] }],
  UntagResource: (f) => ['UntagResource', { KeyId: f.key.keyId, TagKeys: ['k'] }],
  ListResourceTags: (f) => ['ListResourceTags', { KeyId: f.key.keyId }],
  UpdateKeyDescription: (f) => ['UpdateKeyDescription', { KeyId: f.key.keyId, Description: 'd' }],
  GetKeyLastUsage: (f) => ['GetKeyLastUsage', { KeyId: f.key.keyId }],
  ReplicateKey: (f) => ['ReplicateKey', { KeyId: f.key.keyId, ReplicaRegion: 'ap-south-1' }],
  UpdatePrimaryRegion: (f) => ['UpdatePrimaryRegion', { KeyId: f.key.keyId, PrimaryRegion: 'eu-west-1' }],
  GenerateDataKeyPair: (f) => ['GenerateDataKeyPair', { KeyId: f.key.keyId, KeyPairSpec: 'ECC_NIST_P256' }],
  GenerateDataKeyPairWithoutPlaintext: (f) => ['GenerateDataKeyPairWithoutPlaintext', { KeyId: f.key.keyId, KeyPairSpec: 'ECC_NIST_P256' }],
  Sign: (f) => ['Sign', { KeyId: f.pairs.signing.keyId, Message: Buffer.from('x'), SigningAlgorithm: 'ECDSA_SHA_256' }],
  Verify: (f) => ['Verify', { KeyId: f.pairs.signing.keyId, Message: Buffer.from('x'), SigningAlgorithm: 'ECDSA_SHA_256', Signature: f.signature }],
  GetPublicKey: (f) => ['GetPublicKey', { KeyId: f.pairs.signing.keyId }],
  GenerateMac: (f) => ['GenerateMac', { KeyId: f.pairs.mac.keyId, Message: Buffer.from('x'), MacAlgorithm: 'HMAC_SHA_224' }],
  VerifyMac: (f) => ['VerifyMac', { KeyId: f.pairs.mac.keyId, Message: Buffer.from('x'), MacAlgorithm: 'HMAC_SHA_224', Mac: f.mac }],
  DeriveSharedSecret: (f) => ['DeriveSharedSecret', { KeyId: f.pairs.agreement.keyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: PEER_PUBLIC_KEY }],
  Encapsulate: (f) => ['Encapsulate', { KeyId: f.pairs.kem.keyId, EncapsulationAlgorithm: 'ML_KEM' }],
  Decapsulate: (f) => ['Decapsulate', { KeyId: f.pairs.kem.keyId, EncapsulationAlgorithm: 'ML_KEM', SharedSecretCiphertextBlob: Buffer.alloc(768) }],
  GetParametersForImport: (f) => [
    'GetParametersForImport',
    { KeyId: f.pairs.imported.keyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' },
  ],
  ImportKeyMaterial: (f) => ['ImportKeyMaterial', { KeyId: f.pairs.imported.keyId, ...f.reimport, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }],
  DeleteImportedKeyMaterial: (f) => ['DeleteImportedKeyMaterial', { KeyId: f.pairs.imported.keyId }],
  CreateGrant: (f) => ['CreateGrant', { KeyId: f.key.keyId, GranteePrincipal: 'arn:aws:iam::111122223333:role/walk', Operations: ['Encrypt'] }],
  GetKeyPolicy: (f) => ['GetKeyPolicy', { KeyId: f.key.keyId }],
  PutKeyPolicy: (f) => ['PutKeyPolicy', { KeyId: f.key.keyId, Policy: ROOT_POLICY(f) }],
  ListKeyPolicies: (f) => ['ListKeyPolicies', { KeyId: f.key.keyId }],
  ListGrants: (f) => ['ListGrants', { KeyId: f.key.keyId }],
  RevokeGrant: (f) => ['RevokeGrant', { KeyId: f.key.keyId, GrantId: f.grantId }],
  RetireGrant: (f) => ['RetireGrant', { KeyId: f.key.keyId, GrantId: f.grantId }],
};

/** A key policy that lets the account use the key: PutKeyPolicy's lockout check passes. */
function ROOT_POLICY(f: Fixture): string {
  const account = f.key.arn.split(':')[4];
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'kms:*', Resource: '*' }],
  });
}

const IMPORTED_MATERIAL = Buffer.alloc(32, 7);

/** A symmetric key with imported key material, and what importing that material again takes. */
function importedKey(vault: KmsVault): { key: KeyRecord; reimport: Fixture['reimport'] } {
  const out = vault.execute('CreateKey', { Origin: 'EXTERNAL' }) as { KeyMetadata: { KeyId: string } };
  const key = vault.state.peek(vault.accountId, vault.region)?.keys.get(out.KeyMetadata.KeyId) as KeyRecord;
  const wrap = () => {
    const params = vault.execute('GetParametersForImport', { KeyId: key.keyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' });
    const publicKey = createPublicKey({ key: Buffer.from(params.PublicKey as Uint8Array), format: 'der', type: 'spki' });
    return {
      ImportToken: params.ImportToken as Uint8Array,
      EncryptedKeyMaterial: publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, IMPORTED_MATERIAL),
    };
  };
  vault.execute('ImportKeyMaterial', { KeyId: key.keyId, ...wrap(), ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' });
  return { key, reimport: wrap() };
}

function fixture(state: TableKeyState): Fixture {
  const vault = new KmsVault({ seed: 'walk' });
  const create = () => {
    const out = vault.execute('CreateKey', { MultiRegion: true }) as { KeyMetadata: { KeyId: string } };
    return vault.state.peek(vault.accountId, vault.region)?.keys.get(out.KeyMetadata.KeyId) as KeyRecord;
  };
  const key = create();
  const other = create();
  const ciphertext = (vault.execute('Encrypt', { KeyId: key.keyId, Plaintext: Buffer.from('x') }) as { CiphertextBlob: Uint8Array }).CiphertextBlob;
  const otherCiphertext = (vault.execute('Encrypt', { KeyId: other.keyId, Plaintext: Buffer.from('x') }) as { CiphertextBlob: Uint8Array }).CiphertextBlob;
  vault.execute('CreateAlias', { AliasName: 'alias/other', TargetKeyId: other.keyId });
  vault.execute('ReplicateKey', { KeyId: key.keyId, ReplicaRegion: 'eu-west-1' });
  vault.execute('DescribeKey', { KeyId: key.keyId });
  const pairOf = (KeySpec: string, KeyUsage: string) => {
    const out = vault.execute('CreateKey', { KeySpec: KeySpec as never, KeyUsage: KeyUsage as never }) as { KeyMetadata: { KeyId: string } };
    return vault.state.peek(vault.accountId, vault.region)?.keys.get(out.KeyMetadata.KeyId) as KeyRecord;
  };
  const imported = importedKey(vault);
  const pairs = {
    signing: pairOf('ECC_NIST_P256', 'SIGN_VERIFY'),
    mac: pairOf('HMAC_224', 'GENERATE_VERIFY_MAC'),
    agreement: pairOf('ECC_NIST_P256', 'KEY_AGREEMENT'),
    kem: pairOf('ML_KEM_512', 'ENCAPSULATE_DECAPSULATE'),
    imported: imported.key,
  };
  const signature = vault.execute('Sign', { KeyId: pairs.signing.keyId, Message: Buffer.from('x'), SigningAlgorithm: 'ECDSA_SHA_256' }).Signature as Uint8Array;
  const mac = vault.execute('GenerateMac', { KeyId: pairs.mac.keyId, Message: Buffer.from('x'), MacAlgorithm: 'HMAC_SHA_224' }).Mac as Uint8Array;
  const { GrantId: grantId } = vault.execute('CreateGrant', {
    KeyId: key.keyId,
    GranteePrincipal: 'arn:aws:iam::111122223333:role/grantee',
    Operations: ['Decrypt'],
  }) as { GrantId: string };
  for (const pair of Object.values(pairs)) {
    pair.state = state;
    if (state === 'PendingDeletion') pair.deletionDate = new Date(Date.now() + 30 * 86_400_000);
  }
  // Put the key straight into the state under test: no operation reaches every state of a
  // symmetric AWS_KMS key, and the table is about the state, not the way there.
  key.state = state;
  if (state === 'PendingDeletion') key.deletionDate = new Date(Date.now() + 30 * 86_400_000);
  return { vault, key, other, ciphertext, otherCiphertext, pairs, signature, mac, grantId, reimport: imported.reimport };
}

const cells: [string, TableKeyState, string][] = [];
for (const [operation, row] of Object.entries(KEY_STATE_TABLE)) {
  if (row === NO_KEY) continue;
  for (const state of STATES) cells.push([operation, state, row[state]]);
}
const walked = cells.filter(([op]) => {
  const request = REQUESTS[op];
  return request !== undefined && isImplemented(request(fixture('Enabled'))[0]);
});

describe('key-state table (Developer Guide: key states of AWS KMS keys)', () => {
  it('has a request for every implemented operation the table lists', () => {
    const missing = Object.entries(KEY_STATE_TABLE).filter(([op, row]) => row !== NO_KEY && REQUESTS[op] === undefined && isImplemented(op as OperationName));
    expect(missing).toEqual([]);
  });

  it('every operation has a row, and the operations that name no key are marked "no key"', () => {
    const noKey = Object.entries(KEY_STATE_TABLE)
      .filter(([, row]) => row === NO_KEY)
      .map(([op]) => op)
      .sort();
    expect(noKey).toEqual([
      'ConnectCustomKeyStore',
      'CreateCustomKeyStore',
      'CreateKey',
      'DeleteCustomKeyStore',
      'DescribeCustomKeyStores',
      'DisconnectCustomKeyStore',
      'GenerateRandom',
      'ListKeys',
      'ListRetirableGrants',
      'UpdateCustomKeyStore',
    ]);
    expect(Object.keys(KEY_STATE_TABLE).sort()).toEqual([...OPERATION_NAMES].sort());
  });

  it.each(walked)('%s on a key in state %s: %s', (operation, state, expected) => {
    const f = fixture(state);
    const [op, input] = (REQUESTS[operation] as (f: Fixture) => [OperationName, object])(f);
    let outcome = 'ok';
    try {
      f.vault.execute(op, input);
    } catch (error) {
      if (!(error instanceof KMSServiceException)) throw error;
      outcome = error.name;
    }
    expect(outcome).toBe(expected);
  });
});
