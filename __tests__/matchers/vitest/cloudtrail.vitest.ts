/** The CloudTrail matchers of kms-vault-mock/vitest in a real vitest run (registered on import). */
import { describe, expect, it } from 'vitest';
import { KmsVault } from 'kms-vault-mock';
import 'kms-vault-mock/vitest';

describe('CloudTrail matchers under vitest', () => {
  it('toHaveCloudTrailEvent and toHaveCloudTrailEventTimes assert on vault.cloudTrail', () => {
    const vault = new KmsVault();
    const bob = 'arn:aws:iam::111122223333:user/bob';
    vault.addPrincipal(bob);
    const keyId = vault.execute('CreateKey', {}).KeyMetadata!.KeyId!;
    expect(() => vault.execute('DisableKey', { KeyId: keyId }, { principal: bob })).toThrow();
    expect(vault).toHaveCloudTrailEvent({ eventName: 'DisableKey', errorCode: 'AccessDenied', userIdentity: { userName: 'bob' } });
    expect(vault).toHaveCloudTrailEventTimes({ eventName: 'CreateKey', readOnly: false }, 1);
    expect(vault).not.toHaveCloudTrailEvent({ eventName: 'DisableKey', errorCode: expect.any(String), userIdentity: { type: 'Root' } });
    expect(() => expect(vault).toHaveCloudTrailEvent({ eventName: 'EnableKey' })).toThrow(/to have an event matching/);
  });
});
