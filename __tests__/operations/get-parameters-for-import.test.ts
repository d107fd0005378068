import { createPublicKey } from 'node:crypto';
import {
  CreateKeyCommand,
  DisableKeyCommand,
  GetParametersForImportCommand,
  KMSInvalidStateException,
  NotFoundException,
  ScheduleKeyDeletionCommand,
  UnsupportedOperationException,
} from '@aws-sdk/client-kms';
import { expectKmsError } from '../helpers/expect-kms-error';
import { externalKey, importMaterial } from '../helpers/import-material';
import { vaultClient } from '../helpers/vault-client';
import { vaultView } from '../helpers/vault-view';

const START = new Date('2026-05-01T12:00:00Z');

describe('GetParametersForImport', () => {
  it('returns the key ARN, an import token and an RSA wrapping public key (DER SubjectPublicKeyInfo), valid for 24 hours (API Reference, GetParametersForImport)', async () => {
    const { kms } = vaultClient({ clock: START });
    const { keyId, arn } = await externalKey(kms);
    const out = await kms.send(new GetParametersForImportCommand({ KeyId: keyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }));
    expect(out.KeyId).toBe(arn);
    expect(out.ParametersValidTo).toEqual(new Date(START.getTime() + 24 * 3_600_000));
    expect(out.ImportToken?.length).toBeGreaterThan(0);
    const publicKey = createPublicKey({ key: Buffer.from(out.PublicKey ?? []), format: 'der', type: 'spki' });
    expect(publicKey.asymmetricKeyType).toBe('rsa');
    expect(publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
  });

  it.each([
    ['RSA_3072', 3072],
    ['RSA_4096', 4096],
  ] as const)('gives a wrapping key of the WrappingKeySpec asked for: %s (API Reference, GetParametersForImport WrappingKeySpec)', async (spec, bits) => {
    const { kms } = vaultClient();
    const { keyId } = await externalKey(kms);
    const out = await kms.send(new GetParametersForImportCommand({ KeyId: keyId, WrappingAlgorithm: 'RSA_AES_KEY_WRAP_SHA_256', WrappingKeySpec: spec }));
    expect(createPublicKey({ key: Buffer.from(out.PublicKey ?? []), format: 'der', type: 'spki' }).asymmetricKeyDetails?.modulusLength).toBe(bits);
  });

  it('gives a new public key and import token at every call, a linked pair (API Reference, GetParametersForImport)', async () => {
    const { kms } = vaultClient();
    const { keyId } = await externalKey(kms);
    const input = { KeyId: keyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_1', WrappingKeySpec: 'RSA_2048' } as const;
    const a = await kms.send(new GetParametersForImportCommand(input));
    const b = await kms.send(new GetParametersForImportCommand(input));
    expect(Buffer.from(a.PublicKey ?? []).equals(Buffer.from(b.PublicKey ?? []))).toBe(false);
    expect(Buffer.from(a.ImportToken ?? []).equals(Buffer.from(b.ImportToken ?? []))).toBe(false);
  });

  it('needs a key with Origin EXTERNAL: UnsupportedOperationException, and the vault is unchanged (API Reference, GetParametersForImport KeyId)', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const before = await vaultView(kms);
    await expectKmsError(
      kms.send(new GetParametersForImportCommand({ KeyId: KeyMetadata?.KeyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' })),
      {
        type: UnsupportedOperationException,
        status: 400,
        message: `${KeyMetadata?.Arn} origin is AWS_KMS which is not valid for this operation.`,
      },
    );
    expect(await vaultView(kms)).toEqual(before);
  });

  it('refuses RSAES_PKCS1_V1_5, no longer supported since October 10, 2023 (API Reference, GetParametersForImport WrappingAlgorithm)', async () => {
    const { kms } = vaultClient();
    const { keyId } = await externalKey(kms);
    await expectKmsError(kms.send(new GetParametersForImportCommand({ KeyId: keyId, WrappingAlgorithm: 'RSAES_PKCS1_V1_5', WrappingKeySpec: 'RSA_2048' })), {
      type: UnsupportedOperationException,
      status: 400,
    });
  });

  it('offers SM2 wrapping in China Regions only, and no RSA_AES_KEY_WRAP there (Developer Guide, "Encrypt the key material")', async () => {
    const { kms } = vaultClient();
    const { keyId } = await externalKey(kms);
    await expectKmsError(kms.send(new GetParametersForImportCommand({ KeyId: keyId, WrappingAlgorithm: 'SM2PKE', WrappingKeySpec: 'SM2' })), {
      type: UnsupportedOperationException,
      status: 400,
    });
    const china = vaultClient({ clientRegion: 'cn-north-1' }).kms;
    const chinaKey = await externalKey(china);
    await expectKmsError(
      china.send(new GetParametersForImportCommand({ KeyId: chinaKey.keyId, WrappingAlgorithm: 'RSA_AES_KEY_WRAP_SHA_256', WrappingKeySpec: 'RSA_2048' })),
      {
        type: UnsupportedOperationException,
        status: 400,
      },
    );
    const ok = await china.send(
      new GetParametersForImportCommand({ KeyId: chinaKey.keyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }),
    );
    expect(ok.KeyId).toBe(chinaKey.arn);
  });

  it('works for enabled and disabled keys, and fails for a key pending deletion with KMSInvalidStateException (Developer Guide, key states)', async () => {
    const { kms } = vaultClient();
    const { keyId, arn } = await externalKey(kms);
    await importMaterial(kms, keyId, Buffer.alloc(32, 1));
    await kms.send(new DisableKeyCommand({ KeyId: keyId }));
    const input = { KeyId: keyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' } as const;
    expect((await kms.send(new GetParametersForImportCommand(input))).KeyId).toBe(arn);
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
    await expectKmsError(kms.send(new GetParametersForImportCommand(input)), {
      type: KMSInvalidStateException,
      status: 400,
      message: `${arn} is pending deletion.`,
    });
  });

  it('takes a key id or key ARN, not an alias (API Reference, GetParametersForImport KeyId)', async () => {
    const { kms } = vaultClient();
    const { arn } = await externalKey(kms);
    const out = await kms.send(new GetParametersForImportCommand({ KeyId: arn, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }));
    expect(out.KeyId).toBe(arn);
    await expectKmsError(
      kms.send(new GetParametersForImportCommand({ KeyId: 'alias/imported', WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' })),
      {
        type: NotFoundException,
        status: 400,
      },
    );
  });
});
