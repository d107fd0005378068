import { CreateKeyCommand, ListKeyPoliciesCommand, NotFoundException } from '@aws-sdk/client-kms';
import { expectKmsError } from '../helpers/expect-kms-error';
import { vaultClient } from '../helpers/vault-client';

describe('ListKeyPolicies (API Reference, ListKeyPolicies)', () => {
  it('lists the one policy name, default, untruncated', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const out = await kms.send(new ListKeyPoliciesCommand({ KeyId: KeyMetadata?.KeyId }));
    expect(out.PolicyNames).toEqual(['default']);
    expect(out.Truncated).toBe(false);
  });

  it('a Marker changes nothing: the one policy always fits one page, and the contract lists no InvalidMarkerException', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    for (const Marker of ['x', 'a-marker-the-vault-never-issued', 'a2Z0MTpMaXN0S2V5czox']) {
      const out = await kms.send(new ListKeyPoliciesCommand({ KeyId: KeyMetadata?.KeyId, Marker, Limit: 1 }));
      expect(out).toMatchObject({ PolicyNames: ['default'], Truncated: false });
      expect(out.NextMarker).toBeUndefined();
    }
  });

  it('a key that does not exist is NotFoundException', async () => {
    const { kms } = vaultClient();
    const arn = 'arn:aws:kms:us-east-1:111122223333:key/11111111-2222-3333-4444-555555555555';
    await expectKmsError(kms.send(new ListKeyPoliciesCommand({ KeyId: arn })), {
      type: NotFoundException,
      status: 400,
      message: `Key '${arn}' does not exist`,
    });
  });
});
