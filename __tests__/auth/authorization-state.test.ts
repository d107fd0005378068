import {
  CreateGrantCommand,
  CreateKeyCommand,
  DecryptCommand,
  EncryptCommand,
  GetKeyPolicyCommand,
  ListGrantsCommand,
  PutKeyPolicyCommand,
} from '@aws-sdk/client-kms';
import { KmsVault } from '../../src';
import { adapterClient } from '../helpers/adapters';
import { expectKmsError } from '../helpers/expect-kms-error';
import { vaultClient } from '../helpers/vault-client';
import { ACCOUNT, allow, clientAs, keyPolicy } from './helpers';

const APP = `arn:aws:iam::${ACCOUNT}:role/app`;

describe('key policies and grants in the state document (snapshot, load, scenarios)', () => {
  it('a snapshot keeps key policies and grants (ids, dates, tokens); the loaded vault authorizes as the original', async () => {
    const { kms, vault } = vaultClient({ clock: new Date('2026-05-01T12:00:00Z'), grantPropagationSeconds: 3600 });
    const arn = (await kms.send(new CreateKeyCommand({}))).KeyMetadata?.Arn as string;
    const policy = keyPolicy([{ Sid: 'App', Effect: 'Allow', Principal: { AWS: APP }, Action: 'kms:DescribeKey', Resource: '*' }]);
    await kms.send(new PutKeyPolicyCommand({ KeyId: arn, Policy: policy }));
    const { GrantToken } = await kms.send(
      new CreateGrantCommand({ KeyId: arn, GranteePrincipal: APP, Operations: ['Encrypt'], Name: 'g', Constraints: { EncryptionContextEquals: { a: 'b' } } }),
    );
    clientAs(vault, APP);
    const snap = vault.snapshot();
    expect(snap.grants).toHaveLength(1);
    const copy = new KmsVault({ clock: new Date('2026-05-01T12:00:00Z'), grantPropagationSeconds: 3600 });
    copy.load(JSON.parse(JSON.stringify(snap)));
    expect(copy.snapshot()).toEqual(snap);
    const copied = adapterClient(copy, { region: 'us-east-1' });
    expect((await copied.send(new GetKeyPolicyCommand({ KeyId: arn }))).Policy).toBe(policy);
    expect((await copied.send(new ListGrantsCommand({ KeyId: arn }))).Grants).toEqual((await kms.send(new ListGrantsCommand({ KeyId: arn }))).Grants);
    // Still within the propagation time: the token saved in the snapshot is what makes the grant usable.
    const app = clientAs(copy, APP);
    await app.send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x'), EncryptionContext: { a: 'b' }, GrantTokens: [GrantToken as string] }));
    await expectKmsError(app.send(new EncryptCommand({ KeyId: arn, Plaintext: Buffer.from('x'), EncryptionContext: { a: 'b' } })), {
      type: 'AccessDeniedException',
      status: 400,
    });
  });

  it('a scenario gives a key a policy, a principal its identity policy and a grant: "this role may only decrypt with this encryption context"', async () => {
    const vault = new KmsVault();
    const loaded = vault.load({
      name: 'tenant-blue',
      principals: [{ arn: APP, policies: [allow('kms:Decrypt', '*', { StringEquals: { 'kms:EncryptionContext:tenant': 'blue' } })] }],
      keys: [
        {
          ref: 'data',
          policy: keyPolicy([{ Sid: 'Deny deletion', Effect: 'Deny', Principal: '*', Action: 'kms:ScheduleKeyDeletion', Resource: '*' }]),
          ciphertexts: [
            { name: 'blue', plaintext: 'b', encryptionContext: { tenant: 'blue' } },
            { name: 'red', plaintext: 'r', encryptionContext: { tenant: 'red' } },
          ],
        },
      ],
      grants: [{ key: 'data', granteePrincipal: `arn:aws:iam::${ACCOUNT}:role/reader`, operations: ['Decrypt'] }],
    });
    const app = adapterClient(vault, {
      region: 'us-east-1',
      credentials: vault.addPrincipal(APP, { policies: [allow('kms:Decrypt', '*', { StringEquals: { 'kms:EncryptionContext:tenant': 'blue' } })] }).credentials,
    });
    await app.send(new DecryptCommand({ CiphertextBlob: loaded.ciphertexts.blue, EncryptionContext: { tenant: 'blue' } }));
    await expectKmsError(app.send(new DecryptCommand({ CiphertextBlob: loaded.ciphertexts.red, EncryptionContext: { tenant: 'red' } })), {
      type: 'AccessDeniedException',
      status: 400,
    });
    await clientAs(vault, `arn:aws:iam::${ACCOUNT}:role/reader`).send(
      new DecryptCommand({ CiphertextBlob: loaded.ciphertexts.red, EncryptionContext: { tenant: 'red' } }),
    );
    expect(() => vault.execute('ScheduleKeyDeletion', { KeyId: loaded.keys.data?.keyId as string })).toThrow(/explicit deny in a resource-based policy/);
  });

  it('a scenario grant for an operation its key does not support is a library error naming the scenario', () => {
    const vault = new KmsVault();
    expect(() => vault.load({ name: 'bad', keys: [{ ref: 'k' }], grants: [{ key: 'k', granteePrincipal: APP, operations: ['Sign'] }] })).toThrow(
      /Scenario 'bad'.*Sign/,
    );
  });
});
