import {
  CreateGrantCommand,
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  DryRunOperationException,
  EncryptCommand,
  GenerateDataKeyCommand,
  InvalidGrantTokenException,
  LimitExceededException,
  ListGrantsCommand,
  SignCommand,
} from '@aws-sdk/client-kms';
import { KmsVault, explanationOf } from '../../src';
import { clientAs } from '../auth/helpers';
import { adapterClient } from '../helpers/adapters';
import { expectKmsError } from '../helpers/expect-kms-error';
import { vaultClient } from '../helpers/vault-client';

const APP = 'arn:aws:iam::111122223333:role/app';

async function setup(options: { grantPropagationSeconds?: number } = {}) {
  const { kms, vault } = vaultClient({ clock: new Date('2026-05-01T12:00:00Z'), ...options });
  const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
  const arn = KeyMetadata?.Arn as string;
  const app = clientAs(vault, APP);
  return { kms, vault, arn, app };
}

describe('CreateGrant (API Reference, CreateGrant; Developer Guide, "Grants in AWS KMS")', () => {
  it('a grant allows its grantee its operations on the key, without any policy naming it', async () => {
    const { kms, arn, app } = await setup();
    await expectKmsError(app.send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x') })), { type: 'AccessDeniedException', status: 400 });
    const { GrantId, GrantToken } = await kms.send(new CreateGrantCommand({ KeyId: arn, GranteePrincipal: APP, Operations: ['Encrypt', 'Decrypt'] }));
    expect(GrantId).toMatch(/^[0-9a-f]{64}$/);
    expect(GrantToken?.length).toBeGreaterThan(0);
    const { CiphertextBlob } = await app.send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x') }));
    await app.send(new DecryptCommand({ CiphertextBlob }));
    await expectKmsError(app.send(new GenerateDataKeyCommand({ KeyId: arn, KeySpec: 'AES_256' })), { type: 'AccessDeniedException', status: 400 });
  });

  it('eventual consistency: with grantPropagationSeconds a new grant works at once only with its grant token (Developer Guide, "Eventual consistency"; "Using a grant token")', async () => {
    const { kms, vault, arn, app } = await setup({ grantPropagationSeconds: 60 });
    const { GrantToken } = await kms.send(new CreateGrantCommand({ KeyId: arn, GranteePrincipal: APP, Operations: ['Encrypt'] }));
    await expectKmsError(app.send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x') })), { type: 'AccessDeniedException', status: 400 });
    // The call history keeps the error the vault threw, with its explanation (also over the wire).
    expect(explanationOf(vault.history.at(-1)?.error)?.reason).toBe('no-identity-allow');
    await app.send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x'), GrantTokens: [GrantToken as string] }));
    vault.clock.advance({ seconds: 60 });
    await app.send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x') }));
  });

  it('a token the vault never issued is InvalidGrantTokenException', async () => {
    const { arn, app } = await setup();
    await expectKmsError(app.send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x'), GrantTokens: ['not-a-token'] })), {
      type: InvalidGrantTokenException,
      status: 400,
      message: 'Invalid grant token.',
    });
  });

  it('encryption context constraints: EncryptionContextEquals needs exactly that context, EncryptionContextSubset at least it; not applied to DescribeKey', async () => {
    const { kms, arn, app } = await setup();
    await kms.send(
      new CreateGrantCommand({
        KeyId: arn,
        GranteePrincipal: APP,
        Operations: ['Encrypt', 'DescribeKey'],
        Constraints: { EncryptionContextSubset: { tenant: 'blue' } },
      }),
    );
    await app.send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x'), EncryptionContext: { tenant: 'blue', extra: '1' } }));
    await expectKmsError(app.send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x'), EncryptionContext: { tenant: 'red' } })), {
      type: 'AccessDeniedException',
      status: 400,
    });
    await expectKmsError(app.send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x') })), { type: 'AccessDeniedException', status: 400 });
    await app.send(new DescribeKeyCommand({ KeyId: arn }));
    const { kms: kms2, arn: arn2, app: app2 } = await setup();
    await kms2.send(
      new CreateGrantCommand({ KeyId: arn2, GranteePrincipal: APP, Operations: ['Encrypt'], Constraints: { EncryptionContextEquals: { tenant: 'blue' } } }),
    );
    await app2.send(new EncryptCommand({ KeyId: arn2, Plaintext: Buffer.from('x'), EncryptionContext: { tenant: 'blue' } }));
    await expectKmsError(app2.send(new EncryptCommand({ KeyId: arn2, Plaintext: Buffer.from('x'), EncryptionContext: { tenant: 'blue', extra: '1' } })), {
      type: 'AccessDeniedException',
      status: 400,
    });
  });

  it('only operations the key type supports (ValidationException); constraints only on symmetric encryption keys', async () => {
    const { kms, arn } = await setup();
    const error = await expectKmsError(kms.send(new CreateGrantCommand({ KeyId: arn, GranteePrincipal: APP, Operations: ['Sign'] })), {
      type: 'ValidationException',
      status: 400,
    });
    expect(error.message).toContain('Sign');
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }));
    await kms.send(new CreateGrantCommand({ KeyId: KeyMetadata?.Arn, GranteePrincipal: APP, Operations: ['Sign', 'Verify', 'GetPublicKey', 'DescribeKey'] }));
    await expectKmsError(kms.send(new CreateGrantCommand({ KeyId: KeyMetadata?.Arn, GranteePrincipal: APP, Operations: ['Encrypt'] })), {
      type: 'ValidationException',
      status: 400,
    });
    await expectKmsError(
      kms.send(
        new CreateGrantCommand({ KeyId: KeyMetadata?.Arn, GranteePrincipal: APP, Operations: ['Sign'], Constraints: { EncryptionContextEquals: { a: 'b' } } }),
      ),
      { type: 'ValidationException', status: 400 },
    );
  });

  it('a grant for Sign lets the grantee sign', async () => {
    const { kms, vault } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }));
    await kms.send(new CreateGrantCommand({ KeyId: KeyMetadata?.Arn, GranteePrincipal: APP, Operations: ['Sign'] }));
    const out = await clientAs(vault, APP).send(new SignCommand({ KeyId: KeyMetadata?.Arn, Message: Buffer.from('m'), SigningAlgorithm: 'ECDSA_SHA_256' }));
    expect(out.Signature?.length).toBeGreaterThan(0);
  });

  it('is idempotent by Name: the same name and parameters return the same GrantId with a new token; tokens work interchangeably', async () => {
    const { kms, arn } = await setup();
    const input = { KeyId: arn, GranteePrincipal: APP, Operations: ['Encrypt' as const], Name: 'app-encrypt' };
    const first = await kms.send(new CreateGrantCommand(input));
    const again = await kms.send(new CreateGrantCommand(input));
    expect(again.GrantId).toBe(first.GrantId);
    expect(again.GrantToken).not.toBe(first.GrantToken);
    expect((await kms.send(new ListGrantsCommand({ KeyId: arn }))).Grants).toHaveLength(1);
    const other = await kms.send(new CreateGrantCommand({ ...input, Operations: ['Encrypt', 'Decrypt'] }));
    expect(other.GrantId).not.toBe(first.GrantId);
  });

  it('a grant that allows CreateGrant lets its grantee create grants with the same or fewer operations (Developer Guide, "Grant constraints")', async () => {
    const { kms, vault, arn, app } = await setup();
    await kms.send(new CreateGrantCommand({ KeyId: arn, GranteePrincipal: APP, Operations: ['Encrypt', 'CreateGrant'] }));
    const helper = 'arn:aws:iam::111122223333:role/helper';
    await app.send(new CreateGrantCommand({ KeyId: arn, GranteePrincipal: helper, Operations: ['Encrypt'] }));
    await expectKmsError(app.send(new CreateGrantCommand({ KeyId: arn, GranteePrincipal: helper, Operations: ['Decrypt'] })), {
      type: 'AccessDeniedException',
      status: 400,
    });
    await clientAs(vault, helper).send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x') }));
  });

  it('needs kms:CreateGrant (AccessDeniedException before DryRunOperationException); DryRun creates nothing', async () => {
    const { kms, arn, app } = await setup();
    await expectKmsError(app.send(new CreateGrantCommand({ KeyId: arn, GranteePrincipal: APP, Operations: ['Encrypt'], DryRun: true })), {
      type: 'AccessDeniedException',
      status: 400,
    });
    await expectKmsError(kms.send(new CreateGrantCommand({ KeyId: arn, GranteePrincipal: APP, Operations: ['Encrypt'], DryRun: true })), {
      type: DryRunOperationException,
      status: 400,
    });
    expect((await kms.send(new ListGrantsCommand({ KeyId: arn }))).Grants).toEqual([]);
  });

  it('at most 500 grants for one grantee principal on one key: LimitExceededException (Developer Guide, "Quotas")', async () => {
    const { kms, vault, arn } = await setup();
    for (let i = 0; i < 500; i++) vault.execute('CreateGrant', { KeyId: arn, GranteePrincipal: APP, Operations: ['Encrypt'] });
    await expectKmsError(kms.send(new CreateGrantCommand({ KeyId: arn, GranteePrincipal: APP, Operations: ['Encrypt'] })), {
      type: LimitExceededException,
      status: 400,
    });
    await kms.send(new CreateGrantCommand({ KeyId: arn, GranteePrincipal: 'arn:aws:iam::111122223333:role/other', Operations: ['Encrypt'] }));
  });

  it('grants to a principal of another account work on the key ARN without an identity policy there', async () => {
    const vault = new KmsVault({ accountId: '111122223333' });
    const kms = adapterClient(vault, { region: 'us-east-1' });
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const outsider = 'arn:aws:iam::444455556666:role/partner';
    await kms.send(new CreateGrantCommand({ KeyId: KeyMetadata?.Arn, GranteePrincipal: outsider, Operations: ['Encrypt'] }));
    await clientAs(vault, outsider).send(new EncryptCommand({ KeyId: KeyMetadata?.Arn, Plaintext: Buffer.from('x') }));
  });
});
