import { CreateKeyCommand, DescribeKeyCommand } from '@aws-sdk/client-kms';
import { KmsVault, VaultClock } from '../../src';
import { vaultClient } from '../helpers/vault-client';

describe('KmsVault options', () => {
  it('seed: the same key ids and key material from run to run', () => {
    const a = new KmsVault({ seed: 'same' });
    const b = new KmsVault({ seed: 'same' });
    const c = new KmsVault({ seed: 'other' });
    const ids = (v: KmsVault) => [0, 1, 2].map(() => v.execute('CreateKey', {}).KeyMetadata?.KeyId);
    const first = ids(a);
    expect(ids(b)).toEqual(first);
    expect(ids(c)).not.toEqual(first);
    expect(a.execute('DescribeKey', { KeyId: first[0] as string }).KeyMetadata?.CurrentKeyMaterialId).toBe(
      b.execute('DescribeKey', { KeyId: first[0] as string }).KeyMetadata?.CurrentKeyMaterialId,
    );
  });

  it('clock: a Date starts a frozen clock that drives CreationDate; advance moves it', async () => {
    const { vault, kms } = vaultClient({ clock: new Date('2030-01-01T00:00:00Z') });
    const first = (await kms.send(new CreateKeyCommand({}))).KeyMetadata;
    vault.clock.advance({ days: 2, hours: 3 });
    const second = (await kms.send(new CreateKeyCommand({}))).KeyMetadata;
    expect(first?.CreationDate).toEqual(new Date('2030-01-01T00:00:00Z'));
    expect(second?.CreationDate).toEqual(new Date('2030-01-03T03:00:00Z'));
    expect(() => vault.clock.advance({ days: -1 })).toThrow(RangeError);
  });

  it('clock: any { now(): Date } can be injected', async () => {
    let t = Date.parse('2031-06-01T00:00:00Z');
    const { kms } = vaultClient({ clock: { now: () => new Date(t) } });
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    t += 1000;
    expect(KeyMetadata?.CreationDate).toEqual(new Date('2031-06-01T00:00:00Z'));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: KeyMetadata?.KeyId }))).KeyMetadata?.CreationDate).toEqual(new Date('2031-06-01T00:00:00Z'));
  });

  it('VaultClock.set moves forward only', () => {
    const clock = new VaultClock(new Date('2030-01-01T00:00:00Z'));
    expect(clock.set(new Date('2030-02-01T00:00:00Z'))).toEqual(new Date('2030-02-01T00:00:00Z'));
    expect(() => clock.set(new Date('2029-01-01T00:00:00Z'))).toThrow(RangeError);
  });
});
