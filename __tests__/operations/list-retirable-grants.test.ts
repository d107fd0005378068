import { CreateGrantCommand, CreateKeyCommand, ListRetirableGrantsCommand } from '@aws-sdk/client-kms';
import { vaultClient } from '../helpers/vault-client';

describe('ListRetirableGrants (API Reference, ListRetirableGrants)', () => {
  it('lists the grants of the account and Region whose retiring principal is the one named, on every key', async () => {
    const { kms } = vaultClient();
    const ops = 'arn:aws:iam::111122223333:role/ops';
    const one = (await kms.send(new CreateKeyCommand({}))).KeyMetadata?.Arn as string;
    const two = (await kms.send(new CreateKeyCommand({}))).KeyMetadata?.Arn as string;
    const a = await kms.send(
      new CreateGrantCommand({ KeyId: one, GranteePrincipal: 'arn:aws:iam::111122223333:role/a', RetiringPrincipal: ops, Operations: ['Encrypt'] }),
    );
    await kms.send(new CreateGrantCommand({ KeyId: one, GranteePrincipal: 'arn:aws:iam::111122223333:role/b', Operations: ['Encrypt'] }));
    const c = await kms.send(
      new CreateGrantCommand({ KeyId: two, GranteePrincipal: 'arn:aws:iam::111122223333:role/c', RetiringPrincipal: ops, Operations: ['Decrypt'] }),
    );
    const out = await kms.send(new ListRetirableGrantsCommand({ RetiringPrincipal: ops }));
    expect(out.Grants?.map((g) => [g.KeyId, g.GrantId])).toEqual([
      [one, a.GrantId],
      [two, c.GrantId],
    ]);
    expect(out.Truncated).toBe(false);
    expect((await kms.send(new ListRetirableGrantsCommand({ RetiringPrincipal: ops, Limit: 1 }))).Truncated).toBe(true);
  });
});
