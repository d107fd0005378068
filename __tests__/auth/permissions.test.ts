import { OPERATION_NAMES } from '../../src/contract/generated';
import { PERMISSIONS } from '../../src/auth/permissions';

describe('the permissions table (Developer Guide, "AWS KMS permissions")', () => {
  it('has a row for every KMS operation, with a kms: action', () => {
    for (const op of OPERATION_NAMES) {
      const row = PERMISSIONS[op];
      expect(row).toBeDefined();
      expect(row.actions.length).toBeGreaterThan(0);
      for (const a of row.actions) expect(a).toMatch(/^kms:[A-Z][A-Za-z]+$/);
    }
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...OPERATION_NAMES].sort());
  });

  it('ReEncrypt needs kms:ReEncryptFrom and kms:ReEncryptTo; every other operation its own name', () => {
    expect(PERMISSIONS.ReEncrypt.actions).toEqual(['kms:ReEncryptFrom', 'kms:ReEncryptTo']);
    for (const op of OPERATION_NAMES) if (op !== 'ReEncrypt') expect(PERMISSIONS[op].actions).toEqual([`kms:${op}`]);
  });

  it('operations on no key are for identity policies alone; alias operations also cover the alias; RetireGrant is decided by the grant', () => {
    const byResource = (r: string) => OPERATION_NAMES.filter((op) => PERMISSIONS[op].resource === r).sort();
    expect(byResource('account')).toEqual(
      [
        'ConnectCustomKeyStore',
        'CreateCustomKeyStore',
        'CreateKey',
        'DeleteCustomKeyStore',
        'DescribeCustomKeyStores',
        'DisconnectCustomKeyStore',
        'GenerateRandom',
        'ListAliases',
        'ListKeys',
        'ListRetirableGrants',
        'UpdateCustomKeyStore',
      ].sort(),
    );
    expect(byResource('key+alias')).toEqual(['CreateAlias', 'DeleteAlias', 'UpdateAlias']);
    expect(byResource('grant')).toEqual(['RetireGrant']);
  });

  it('lists the KMS condition keys of the Developer Guide for the operations they apply to', () => {
    expect(PERMISSIONS.Decrypt.conditionKeys).toEqual(
      expect.arrayContaining([
        'kms:EncryptionContext:${context-key}',
        'kms:EncryptionContextKeys',
        'kms:EncryptionAlgorithm',
        'kms:ViaService',
        'kms:CallerAccount',
      ]),
    );
    expect(PERMISSIONS.CreateGrant.conditionKeys).toEqual(
      expect.arrayContaining(['kms:GrantOperations', 'kms:GranteePrincipal', 'kms:RetiringPrincipal', 'kms:GrantConstraintType', 'kms:GrantIsForAWSResource']),
    );
    expect(PERMISSIONS.CreateKey.conditionKeys).toEqual(
      expect.arrayContaining([
        'kms:BypassPolicyLockoutSafetyCheck',
        'kms:KeySpec',
        'kms:KeyUsage',
        'kms:KeyOrigin',
        'kms:MultiRegion',
        'aws:RequestTag/${TagKey}',
        'aws:TagKeys',
      ]),
    );
    expect(PERMISSIONS.Sign.conditionKeys).toEqual(expect.arrayContaining(['kms:SigningAlgorithm', 'kms:MessageType']));
    expect(PERMISSIONS.ScheduleKeyDeletion.conditionKeys).toContain('kms:ScheduleKeyDeletionPendingWindowInDays');
  });
});
