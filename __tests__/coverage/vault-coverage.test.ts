import { CreateKeyCommand, DecryptCommand, DisableKeyCommand, EncryptCommand, GenerateMacCommand, SignCommand } from '@aws-sdk/client-kms';
import { KmsVault, mergeCoverage } from '../../src';
import { vaultClient } from '../helpers/vault-client';

describe('vault.coverage(): what the calls a vault answered exercised', () => {
  it('counts SDK calls per operation with the keys they acted on: spec, usage, and state when answered (a disabled key by alias)', async () => {
    const { vault, kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }));
    await kms.send(new GenerateMacCommand({ KeyId: KeyMetadata!.KeyId!, Message: Buffer.from('m'), MacAlgorithm: 'HMAC_SHA_256' }));
    const symmetric = vault.execute('CreateKey', {}).KeyMetadata!.KeyId!;
    vault.execute('CreateAlias', { AliasName: 'alias/coverage', TargetKeyId: symmetric });
    await kms.send(new DisableKeyCommand({ KeyId: symmetric }));
    await expect(kms.send(new EncryptCommand({ KeyId: 'alias/coverage', Plaintext: Buffer.from('x') }))).rejects.toMatchObject({ name: 'DisabledException' });
    await expect(kms.send(new SignCommand({ KeyId: symmetric, Message: Buffer.from('m'), SigningAlgorithm: 'RSASSA_PSS_SHA_256' }))).rejects.toMatchObject({ name: 'DisabledException' });
    const report = vault.coverage();
    expect(report.operations.GenerateMac).toMatchObject({ calls: 1, successes: 1, keySpecs: { HMAC_256: 1 }, keyUsages: { GENERATE_VERIFY_MAC: 1 }, keyStates: { Enabled: 1 } });
    expect(report.operations.GenerateMac.parameters.MacAlgorithm?.used).toEqual({ HMAC_SHA_256: 1 });
    expect(report.operations.Encrypt).toMatchObject({ calls: 1, successes: 0, errors: { DisabledException: 1 }, keyStates: { Disabled: 1 }, keySpecs: { SYMMETRIC_DEFAULT: 1 } });
    expect(report.operations.DisableKey.keyStates).toEqual({ Disabled: 1 });
    expect(report.operations.Sign.documentedErrorsRaised).toEqual(['DisabledException']);
    expect(report.signingAlgorithms.used).toEqual({ RSASSA_PSS_SHA_256: 1 });
    expect(report.keyStates.neverUsed).not.toContain('Disabled');
    expect(report.keySpecs.used).toMatchObject({ HMAC_256: expect.any(Number), SYMMETRIC_DEFAULT: expect.any(Number) });
    expect(report.totals).toMatchObject({ calls: 7, successes: 5, failures: 2 });
  });

  it('survives vault.reset() and clearHistory() (a suite resets between tests); internal uses (loading, matchers) are not calls', async () => {
    const { vault, kms } = vaultClient();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: KeyMetadata!.KeyId!, Plaintext: Buffer.from('p') }));
    vault.reset();
    vault.clearHistory();
    await expect(kms.send(new DecryptCommand({ CiphertextBlob: CiphertextBlob! }))).rejects.toMatchObject({ name: 'InvalidCiphertextException' });
    vault.load({ name: 'one key', keys: [{ ref: 'k', aliases: ['alias/loaded'] }] });
    const report = vault.coverage();
    expect(report.operations.CreateKey.calls).toBe(1);
    expect(report.operations.Encrypt.calls).toBe(1);
    expect(report.operations.Decrypt).toMatchObject({ calls: 1, errors: { InvalidCiphertextException: 1 } });
    expect(report.operations.CreateAlias.calls).toBe(0);
    expect(report.totals.calls).toBe(3);
  });

  it('each vault has its own coverage; mergeCoverage combines them; the report is plain JSON', () => {
    const a = new KmsVault();
    const b = new KmsVault();
    a.execute('CreateKey', {});
    b.execute('GenerateRandom', { NumberOfBytes: 8 });
    expect(a.coverage().operations.GenerateRandom.calls).toBe(0);
    const merged = mergeCoverage(a.coverage(), b.coverage());
    expect(merged.totals).toMatchObject({ calls: 2, operationsCalled: 2 });
    expect(JSON.parse(JSON.stringify(merged))).toEqual(merged);
  });
});
