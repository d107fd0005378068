import { KmsVault, scenarios, composeScenarios } from '../../src';
import type { OperationName } from '../../src';

/** docs/architecture.md / issue 2: a failed call leaves the vault exactly as it was. */
describe('a failed call leaves the vault unchanged', () => {
  const failing: [OperationName, object][] = [
    [
      'CreateKey',
      {
        Tags: [
          { TagKey: 'ok', TagValue: '1' },
          { TagKey: 'aws:no', TagValue: '2' },
        ],
      },
    ],
    ['CreateKey', { Policy: '{' }],
    ['CreateAlias', { AliasName: 'alias/rotated', TargetKeyId: 'alias/disabled' }],
    ['CreateAlias', { AliasName: 'alias/new', TargetKeyId: '00000000-0000-4000-8000-000000000000' }],
    ['UpdateAlias', { AliasName: 'alias/rotated', TargetKeyId: 'nope' }],
    ['DeleteAlias', { AliasName: 'alias/none' }],
    ['TagResource', { KeyId: 'alias/rotated', Tags: [{ TagKey: 'a', TagValue: 'b' }] }],
    ['ScheduleKeyDeletion', { KeyId: 'x', PendingWindowInDays: 3 }],
    ['EnableKeyRotation', { KeyId: 'y', RotationPeriodInDays: 10 }],
    ['Encrypt', { KeyId: 'alias/disabled', Plaintext: Buffer.from('x') }],
    ['GenerateDataKey', { KeyId: 'alias/rotated' }],
    ['ReEncrypt', { CiphertextBlob: Buffer.from('garbage'), DestinationKeyId: 'alias/rotated' }],
    ['Encrypt', { KeyId: 'alias/rotated', Plaintext: Buffer.from('x'), DryRun: true }],
  ];

  it.each(failing)('%s %j', (operation, input) => {
    const vault = new KmsVault({ seed: 'unchanged', clock: new Date('2026-01-01T00:00:00Z') });
    vault.load(composeScenarios('state', scenarios['disabled-key'], scenarios['rotated-key']));
    const before = vault.snapshot();
    expect(() => vault.execute(operation, input as never)).toThrow();
    expect(vault.snapshot()).toEqual(before);
  });
});
