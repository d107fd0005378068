import {
  CreateGrantCommand,
  CreateKeyCommand,
  DryRunOperationException,
  EncryptCommand,
  InvalidGrantIdException,
  ListGrantsCommand,
  NotFoundException,
  RevokeGrantCommand,
} from '@aws-sdk/client-kms';
import { clientAs } from '../auth/helpers';
import { expectKmsError } from '../helpers/expect-kms-error';
import { vaultClient } from '../helpers/vault-client';

const APP = 'arn:aws:iam::111122223333:role/app';

describe('RevokeGrant (API Reference, RevokeGrant)', () => {
  it('deletes the grant at once; its grantee and its token no longer allow anything', async () => {
    const { kms, vault } = vaultClient();
    const arn = (await kms.send(new CreateKeyCommand({}))).KeyMetadata?.Arn as string;
    const { GrantId, GrantToken } = await kms.send(new CreateGrantCommand({ KeyId: arn, GranteePrincipal: APP, Operations: ['Encrypt'] }));
    await expectKmsError(kms.send(new RevokeGrantCommand({ KeyId: arn, GrantId, DryRun: true })), { type: DryRunOperationException, status: 400 });
    await kms.send(new RevokeGrantCommand({ KeyId: arn, GrantId }));
    expect((await kms.send(new ListGrantsCommand({ KeyId: arn }))).Grants).toEqual([]);
    await expectKmsError(clientAs(vault, APP).send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x'), GrantTokens: [GrantToken as string] })), {
      type: 'AccessDeniedException',
      status: 400,
    });
  });

  it('needs kms:RevokeGrant on the key; a grant id that is not on the key is NotFoundException, one that cannot be a grant id InvalidGrantIdException', async () => {
    const { kms, vault } = vaultClient();
    const arn = (await kms.send(new CreateKeyCommand({}))).KeyMetadata?.Arn as string;
    const { GrantId } = await kms.send(new CreateGrantCommand({ KeyId: arn, GranteePrincipal: APP, Operations: ['Encrypt'] }));
    await expectKmsError(clientAs(vault, APP).send(new RevokeGrantCommand({ KeyId: arn, GrantId })), { type: 'AccessDeniedException', status: 400 });
    await expectKmsError(kms.send(new RevokeGrantCommand({ KeyId: arn, GrantId: 'f'.repeat(64) })), { type: NotFoundException, status: 400 });
    await expectKmsError(kms.send(new RevokeGrantCommand({ KeyId: arn, GrantId: 'bogus' })), { type: InvalidGrantIdException, status: 400 });
  });
});
