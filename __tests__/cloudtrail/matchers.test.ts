import { stripVTControlCharacters } from 'node:util';
import 'kms-vault-mock/jest';
import { KmsVault } from 'kms-vault-mock';

/** The message a failing assertion throws, without colours. */
function failure(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return stripVTControlCharacters((error as Error).message);
  }
  throw new Error('the assertion passed');
}

describe('CloudTrail matchers (kms-vault-mock/jest)', () => {
  const vault = new KmsVault({ clock: new Date('2024-01-01T00:00:00Z') });
  const bob = 'arn:aws:iam::111122223333:user/bob';
  vault.addPrincipal(bob);
  const keyId = vault.execute('CreateKey', {}).KeyMetadata!.KeyId!;
  const { CiphertextBlob } = vault.execute('Encrypt', { KeyId: keyId, Plaintext: Buffer.from('x') });
  // bob has no identity policy, and the default key policy defers to IAM: denied.
  expect(() => vault.execute('Decrypt', { CiphertextBlob: CiphertextBlob! }, { principal: bob })).toThrow(
    expect.objectContaining({ name: 'AccessDeniedException' }),
  );

  it('toHaveCloudTrailEvent passes on an event with the fields given, nested objects partially, asymmetric matchers allowed', () => {
    expect(vault).toHaveCloudTrailEvent({ eventName: 'Decrypt', errorCode: 'AccessDenied' });
    expect(vault).toHaveCloudTrailEvent({
      eventName: 'Decrypt',
      userIdentity: { type: 'IAMUser', userName: 'bob' },
      errorMessage: expect.stringContaining('is not authorized to perform: kms:Decrypt'),
    });
    expect(vault.cloudTrail).toHaveCloudTrailEvent({ eventName: 'Encrypt', resources: [{ ARN: expect.stringContaining(keyId) }] });
    expect(vault).not.toHaveCloudTrailEvent({ eventName: 'ScheduleKeyDeletion' });
  });

  it('toHaveCloudTrailEventTimes counts the matching events', () => {
    expect(vault).toHaveCloudTrailEventTimes({ eventName: 'CreateKey' }, 1);
    expect(vault).toHaveCloudTrailEventTimes({ readOnly: true }, 2);
    expect(vault).toHaveCloudTrailEventTimes({ errorCode: 'AccessDenied' }, 1);
  });

  it('a failure lists the events the log has', () => {
    const message = failure(() => expect(vault).toHaveCloudTrailEvent({ eventName: 'DisableKey' }));
    expect(message).toContain('Expected the CloudTrail log to have an event matching {"eventName": "DisableKey"}');
    expect(message).toContain('The log has 3 events:');
    expect(message).toContain('3. 2024-01-01T00:00:00Z Decrypt AccessDenied by arn:aws:iam::111122223333:user/bob');
    expect(failure(() => expect(vault).toHaveCloudTrailEventTimes({ eventName: 'CreateKey' }, 2))).toContain('It has 1');
  });

  it('rejects what is not a vault, and an expected value that is not an object', () => {
    expect(failure(() => expect({}).toHaveCloudTrailEvent({ eventName: 'Decrypt' }))).toContain('The actual must be a KmsVault');
    expect(failure(() => expect(vault).toHaveCloudTrailEvent('Decrypt' as never))).toContain('The argument must be the fields of a CloudTrail event');
  });
});
