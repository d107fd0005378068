import { CreateGrantCommand, CreateKeyCommand, InvalidGrantIdException, ListGrantsCommand } from '@aws-sdk/client-kms';
import { expectKmsError } from '../helpers/expect-kms-error';
import { vaultClient } from '../helpers/vault-client';

const START = new Date('2026-05-01T12:00:00Z');

describe('ListGrants (API Reference, ListGrants)', () => {
  it('lists the grants of a key with every field, filtered by GrantId or GranteePrincipal, paged by Limit and Marker', async () => {
    const { kms } = vaultClient({ clock: START });
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const arn = KeyMetadata?.Arn as string;
    const a = await kms.send(
      new CreateGrantCommand({
        KeyId: arn,
        GranteePrincipal: 'arn:aws:iam::111122223333:role/a',
        RetiringPrincipal: 'arn:aws:iam::111122223333:role/ops',
        Operations: ['Encrypt', 'Decrypt'],
        Name: 'first',
        Constraints: { EncryptionContextSubset: { app: 'x' } },
      }),
    );
    await kms.send(new CreateGrantCommand({ KeyId: arn, GranteePrincipal: 'arn:aws:iam::111122223333:role/b', Operations: ['DescribeKey'] }));
    const all = await kms.send(new ListGrantsCommand({ KeyId: KeyMetadata?.KeyId }));
    expect(all.Truncated).toBe(false);
    expect(all.Grants).toHaveLength(2);
    expect(all.Grants?.[0]).toEqual({
      KeyId: arn,
      GrantId: a.GrantId,
      Name: 'first',
      CreationDate: START,
      GranteePrincipal: 'arn:aws:iam::111122223333:role/a',
      RetiringPrincipal: 'arn:aws:iam::111122223333:role/ops',
      IssuingAccount: 'arn:aws:iam::111122223333:root',
      Operations: ['Encrypt', 'Decrypt'],
      Constraints: { EncryptionContextSubset: { app: 'x' } },
    });
    expect(all.Grants?.[1]).not.toHaveProperty('Name');
    expect((await kms.send(new ListGrantsCommand({ KeyId: arn, GrantId: a.GrantId }))).Grants?.map((g) => g.GrantId)).toEqual([a.GrantId]);
    expect((await kms.send(new ListGrantsCommand({ KeyId: arn, GranteePrincipal: 'arn:aws:iam::111122223333:role/b' }))).Grants).toHaveLength(1);
    const first = await kms.send(new ListGrantsCommand({ KeyId: arn, Limit: 1 }));
    expect(first).toMatchObject({ Truncated: true });
    const second = await kms.send(new ListGrantsCommand({ KeyId: arn, Limit: 1, Marker: first.NextMarker }));
    expect(second.Grants?.[0]?.GranteePrincipal).toBe('arn:aws:iam::111122223333:role/b');
  });

  it('a GrantId not on the key is InvalidGrantIdException', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    await expectKmsError(kms.send(new ListGrantsCommand({ KeyId: KeyMetadata?.Arn, GrantId: '0'.repeat(64) })), { type: InvalidGrantIdException, status: 400 });
  });
});
