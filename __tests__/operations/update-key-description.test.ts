import { CreateKeyCommand, DescribeKeyCommand, NotFoundException, UpdateKeyDescriptionCommand } from '@aws-sdk/client-kms';
import { kmsErrorOf, vaultClient } from '../helpers/vault-client';

describe('UpdateKeyDescription', () => {
  it('replaces the description DescribeKey reports (API Reference, UpdateKeyDescription)', async () => {
    const { kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Description: 'before' }));
    await kms.send(new UpdateKeyDescriptionCommand({ KeyId: KeyMetadata?.Arn, Description: 'after' }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: KeyMetadata?.KeyId }))).KeyMetadata?.Description).toBe('after');
    await kms.send(new UpdateKeyDescriptionCommand({ KeyId: KeyMetadata?.KeyId, Description: '' }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: KeyMetadata?.KeyId }))).KeyMetadata?.Description).toBe('');
  });

  it('takes a key id or key ARN, not an alias: NotFoundException (API Reference, UpdateKeyDescription KeyId)', async () => {
    const { kms } = vaultClient();
    const error = await kmsErrorOf(kms.send(new UpdateKeyDescriptionCommand({ KeyId: 'alias/some', Description: 'x' })));
    expect(error).toBeInstanceOf(NotFoundException);
  });
});
