import {
  CreateGrantCommand,
  CreateKeyCommand,
  EncryptCommand,
  InvalidGrantTokenException,
  ListGrantsCommand,
  NotFoundException,
  RetireGrantCommand,
} from '@aws-sdk/client-kms';
import { clientAs } from '../auth/helpers';
import { expectKmsError } from '../helpers/expect-kms-error';
import { vaultClient } from '../helpers/vault-client';

const APP = 'arn:aws:iam::111122223333:role/app';
const OPS = 'arn:aws:iam::111122223333:role/ops';

async function withGrant(operations: ('Encrypt' | 'RetireGrant')[] = ['Encrypt']) {
  const { kms, vault } = vaultClient();
  const arn = (await kms.send(new CreateKeyCommand({}))).KeyMetadata?.Arn as string;
  const grant = await kms.send(new CreateGrantCommand({ KeyId: arn, GranteePrincipal: APP, RetiringPrincipal: OPS, Operations: operations }));
  return { kms, vault, arn, grantId: grant.GrantId as string, token: grant.GrantToken as string };
}

describe('RetireGrant (API Reference, RetireGrant)', () => {
  it('the retiring principal retires a grant by its token; the grantee loses its permission', async () => {
    const { kms, vault, arn, token } = await withGrant();
    const app = clientAs(vault, APP);
    await app.send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x') }));
    await clientAs(vault, OPS).send(new RetireGrantCommand({ GrantToken: token }));
    expect((await kms.send(new ListGrantsCommand({ KeyId: arn }))).Grants).toEqual([]);
    await expectKmsError(app.send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x') })), { type: 'AccessDeniedException', status: 400 });
  });

  it('by key ARN and grant id; the account that created the grant may retire it', async () => {
    const { kms, arn, grantId } = await withGrant();
    await kms.send(new RetireGrantCommand({ KeyId: arn, GrantId: grantId }));
    expect((await kms.send(new ListGrantsCommand({ KeyId: arn }))).Grants).toEqual([]);
    await expectKmsError(kms.send(new RetireGrantCommand({ KeyId: arn, GrantId: grantId })), { type: NotFoundException, status: 400 });
  });

  it('the grantee may retire only a grant that allows RetireGrant; anyone else is AccessDeniedException', async () => {
    const plain = await withGrant();
    await expectKmsError(clientAs(plain.vault, APP).send(new RetireGrantCommand({ GrantToken: plain.token })), { type: 'AccessDeniedException', status: 400 });
    await expectKmsError(clientAs(plain.vault, 'arn:aws:iam::111122223333:user/eve').send(new RetireGrantCommand({ GrantToken: plain.token })), {
      type: 'AccessDeniedException',
      status: 400,
    });
    await expectKmsError(
      clientAs(plain.vault, 'arn:aws:iam::444455556666:user/mallory', [{ Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }] }]).send(
        new RetireGrantCommand({ GrantToken: plain.token }),
      ),
      { type: 'AccessDeniedException', status: 400 },
    );
    // A principal of the account that created the grant, with kms:RetireGrant in its identity policy.
    await clientAs(plain.vault, 'arn:aws:iam::111122223333:user/admin', [{ Statement: [{ Effect: 'Allow', Action: 'kms:RetireGrant', Resource: '*' }] }]).send(
      new RetireGrantCommand({ GrantToken: plain.token }),
    );
    const retirable = await withGrant(['Encrypt', 'RetireGrant']);
    await clientAs(retirable.vault, APP).send(new RetireGrantCommand({ GrantToken: retirable.token }));
  });

  it('needs a grant token, or a key and a grant id (ValidationException); an unknown token is InvalidGrantTokenException', async () => {
    const { kms, grantId } = await withGrant();
    await expectKmsError(kms.send(new RetireGrantCommand({ GrantId: grantId })), {
      type: 'ValidationException',
      status: 400,
      message: 'Grant token OR (grant ID, key ID) must be specified',
    });
    await expectKmsError(kms.send(new RetireGrantCommand({ GrantToken: 'nope' })), { type: InvalidGrantTokenException, status: 400 });
  });
});
