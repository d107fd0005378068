import { generateKeyPairSync } from 'node:crypto';
import { sep } from 'node:path';
import { NotFoundException } from '@aws-sdk/client-kms';
import { kmsError } from '../../src/errors/kms-error';
import { OPERATION_NAMES } from '../../src/contract/generated';
import { TRAIL_ROWS } from '../../src/cloudtrail/operation-table';
import { callRecord, captureCall, elementDate, eventTime, type TrailCall } from '../../src/cloudtrail/to-record';
import { KmsVault } from '../../src/kms-vault';
import { lookupEvents } from '../../src/cloudtrail/lookup-events';
import { logFilePath } from '../../src/cloudtrail/log-files';
import { serviceRecord } from '../../src/cloudtrail/service-events';
import { callerOf, rootCaller } from '../../src/vault/principal';

const KEY = 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const ALICE = callerOf('arn:aws:iam::111122223333:user/Alice')!;
const TIME = new Date('2024-01-02T03:04:05.678Z');

function call(operation: TrailCall['operation'], input: object, more: Partial<TrailCall> = {}): TrailCall {
  return { operation, input, region: 'us-west-2', caller: ALICE, time: TIME, requestId: 'req-1', ...more };
}

/** Every value of a record, deep, as text: to check that no secret reached it. */
function allText(value: unknown): string {
  return JSON.stringify(value);
}

describe('CloudTrail records of calls', () => {
  it('has a row for every one of the 56 operations of the contract, each mapping to a record named after it', () => {
    expect(OPERATION_NAMES).toHaveLength(56);
    for (const operation of OPERATION_NAMES) {
      const row = TRAIL_ROWS[operation];
      expect(row).toBeDefined();
      const record = callRecord(call(operation, {}, { output: {} }));
      expect(record.eventName).toBe(operation);
      expect(record.readOnly).toBe(row.readOnly);
      expect(record.eventType).toBe('AwsApiCall');
      expect(record.eventSource).toBe('kms.amazonaws.com');
      expect(record.managementEvent).toBe(true);
      expect(record.eventCategory).toBe('Management');
    }
  });

  it('eventTime is UTC to the second, without milliseconds, as CloudTrail writes it', () => {
    expect(eventTime(TIME)).toBe('2024-01-02T03:04:05Z');
    expect(callRecord(call('DescribeKey', { KeyId: KEY })).eventTime).toBe('2024-01-02T03:04:05Z');
  });

  it('dates inside request and response elements are written as KMS writes them (CreateKey example: "Aug 10, 2022, 10:38:27 PM")', () => {
    expect(elementDate(new Date('2022-08-10T22:38:27Z'))).toBe('Aug 10, 2022, 10:38:27 PM');
    expect(elementDate(new Date('2021-10-14T00:05:09Z'))).toBe('Oct 14, 2021, 12:05:09 AM');
  });

  it('requestParameters: camelCase member names, encryption context keys as given, no plaintext (Encrypt example)', () => {
    const plaintext = Buffer.from('top secret plaintext');
    const record = callRecord(
      call(
        'Encrypt',
        { KeyId: KEY, Plaintext: plaintext, EncryptionContext: { Department: 'Engineering' } },
        { output: { KeyId: KEY, CiphertextBlob: new Uint8Array(8) } },
      ),
    );
    expect(record.requestParameters).toEqual({ keyId: KEY, encryptionContext: { Department: 'Engineering' }, encryptionAlgorithm: 'SYMMETRIC_DEFAULT' });
    expect(record.responseElements).toBeNull();
    expect(allText(record)).not.toContain(plaintext.toString('base64'));
  });

  it('Decrypt logs the key it used and the encryption algorithm even when the request named neither (Decrypt example)', () => {
    const record = callRecord(
      call(
        'Decrypt',
        { CiphertextBlob: new Uint8Array(40) },
        { output: { KeyId: KEY, Plaintext: new Uint8Array(4), EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' } },
      ),
    );
    expect(record.requestParameters).toEqual({ keyId: KEY, encryptionAlgorithm: 'SYMMETRIC_DEFAULT' });
    expect(record.resources).toEqual([{ accountId: '111122223333', type: 'AWS::KMS::Key', ARN: KEY }]);
    expect(record.readOnly).toBe(true);
  });

  it('AccessDeniedException is logged with errorCode AccessDenied and KMS message; responseElements null', () => {
    const error = kmsError(
      'AccessDeniedException',
      `User: ${ALICE.arn} is not authorized to perform: kms:Decrypt on resource: ${KEY} because no resource-based policy allows the kms:Decrypt action`,
    );
    expect(error.name).toBe('AccessDeniedException');
    const record = callRecord(call('Decrypt', { KeyId: KEY, CiphertextBlob: new Uint8Array(4) }, { error }));
    expect(record.errorCode).toBe('AccessDenied');
    expect(record.errorMessage).toBe(error.message);
    expect(record.responseElements).toBeNull();
  });

  it('other failures keep the exception name as errorCode (Decrypt failure example: IncorrectKeyException)', () => {
    const error = new NotFoundException({ message: `Key '${KEY}' does not exist`, $metadata: {} });
    const record = callRecord(call('DescribeKey', { KeyId: KEY }, { error }));
    expect(record.errorCode).toBe('NotFoundException');
    expect(record.resources).toEqual([{ accountId: '111122223333', type: 'AWS::KMS::Key', ARN: KEY }]);
  });

  it('responseElements of calls that change state are the response in camelCase (ScheduleKeyDeletion example)', () => {
    const output = {
      KeyId: KEY,
      DeletionDate: new Date('2021-04-12T18:58:30Z'),
      KeyState: 'PendingDeletion',
      PendingWindowInDays: 20,
      $metadata: { requestId: 'x' },
    };
    const record = callRecord(call('ScheduleKeyDeletion', { KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab', PendingWindowInDays: 20 }, { output }));
    expect(record.requestParameters).toEqual({ keyId: '1234abcd-12ab-34cd-56ef-1234567890ab', pendingWindowInDays: 20 });
    expect(record.responseElements).toEqual({ keyId: KEY, deletionDate: 'Apr 12, 2021, 6:58:30 PM', keyState: 'PendingDeletion', pendingWindowInDays: 20 });
  });

  it('CreateGrant logs the grant id but never the grant token, a bearer credential (CreateGrant example)', () => {
    const record = callRecord(
      call('CreateGrant', { KeyId: KEY, GranteePrincipal: ALICE.arn, Operations: ['Encrypt'] }, { output: { GrantId: 'g-1', GrantToken: 'TOKEN-SECRET' } }),
    );
    expect(record.responseElements).toEqual({ grantId: 'g-1' });
    expect(allText(record)).not.toContain('TOKEN-SECRET');
  });

  it('RetireGrant logs null requestParameters and the grant id in additionalEventData (RetireGrant example)', () => {
    const record = callRecord(call('RetireGrant', { KeyId: KEY, GrantId: 'abc' }, { output: {} }));
    expect(record.requestParameters).toBeNull();
    expect(record.additionalEventData).toEqual({ grantId: 'abc' });
  });

  it('no private key, shared secret, key store password or proxy credential reaches a record', () => {
    const secrets = ['PRIVATE-KEY-BYTES', 'SHARED-SECRET', 'kmsuser-password', 'RAW-SECRET-ACCESS-KEY-0123456789012345678901234567'];
    const records = [
      callRecord(
        call(
          'GenerateDataKeyPair',
          { KeyId: KEY, KeyPairSpec: 'RSA_2048' },
          { output: { PrivateKeyPlaintext: Buffer.from(secrets[0]!), PrivateKeyCiphertextBlob: new Uint8Array(2), PublicKey: new Uint8Array(2), KeyId: KEY } },
        ),
      ),
      callRecord(
        call(
          'DeriveSharedSecret',
          { KeyId: KEY, KeyAgreementAlgorithm: 'ECDH', PublicKey: new Uint8Array(3) },
          { output: { SharedSecret: Buffer.from(secrets[1]!), KeyId: KEY } },
        ),
      ),
      callRecord(
        call(
          'UpdateCustomKeyStore',
          {
            CustomKeyStoreId: 'cks-1',
            KeyStorePassword: secrets[2],
            XksProxyAuthenticationCredential: { AccessKeyId: 'A'.repeat(20), RawSecretAccessKey: secrets[3] },
          },
          { output: {} },
        ),
      ),
    ];
    for (const record of records) for (const secret of secrets) expect(allText(record)).not.toContain(secret);
    expect(allText(records)).not.toContain(Buffer.from(secrets[0]!).toString('base64'));
  });

  it('CreateKey logs the settings the key was made with, defaults included, and its keyMetadata (CreateKey example)', () => {
    const metadata = {
      AWSAccountId: '111122223333',
      KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
      Arn: KEY,
      CreationDate: new Date('2022-08-10T22:38:27Z'),
      Enabled: true,
      KeyUsage: 'ENCRYPT_DECRYPT',
      KeySpec: 'SYMMETRIC_DEFAULT',
    };
    const record = callRecord(call('CreateKey', {}, { output: { KeyMetadata: metadata } }));
    expect(record.requestParameters).toEqual({
      description: '',
      origin: 'AWS_KMS',
      bypassPolicyLockoutSafetyCheck: false,
      customerMasterKeySpec: 'SYMMETRIC_DEFAULT',
      keySpec: 'SYMMETRIC_DEFAULT',
      keyUsage: 'ENCRYPT_DECRYPT',
    });
    expect(record.responseElements).toEqual({
      keyMetadata: {
        aWSAccountId: '111122223333',
        keyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
        arn: KEY,
        creationDate: 'Aug 10, 2022, 10:38:27 PM',
        enabled: true,
        keyUsage: 'ENCRYPT_DECRYPT',
        keySpec: 'SYMMETRIC_DEFAULT',
      },
    });
    expect(record.resources).toEqual([{ accountId: '111122223333', type: 'AWS::KMS::Key', ARN: KEY }]);
  });

  it('custom key store operations have no resources field (ConnectCustomKeyStore example)', () => {
    const record = callRecord(call('ConnectCustomKeyStore', { CustomKeyStoreId: 'cks-1234567890abcdef0' }, { output: {} }));
    expect(record).not.toHaveProperty('resources');
    expect(record.requestParameters).toEqual({ customKeyStoreId: 'cks-1234567890abcdef0' });
  });

  it('GenerateRandom and ListKeys act on no key: resources is empty (GenerateRandom example)', () => {
    expect(callRecord(call('GenerateRandom', { NumberOfBytes: 32 }, { output: { Plaintext: new Uint8Array(32) } })).resources).toEqual([]);
    expect(callRecord(call('ListKeys', {}, { output: { Keys: [] } })).resources).toEqual([]);
  });

  it('userIdentity: an IAM user (IAMUser, AIDA principal id, userName), the root (Root), a role session (AssumedRole with its session issuer)', () => {
    const user = callRecord(call('DescribeKey', { KeyId: KEY }, { source: { accessKeyId: 'AKIAEXAMPLE' } })).userIdentity;
    expect(user).toEqual({
      type: 'IAMUser',
      principalId: ALICE.userId,
      arn: ALICE.arn,
      accountId: '111122223333',
      accessKeyId: 'AKIAEXAMPLE',
      userName: 'Alice',
    });
    const root = callRecord(call('DescribeKey', { KeyId: KEY }, { caller: rootCaller('111122223333') })).userIdentity;
    expect(root).toEqual({ type: 'Root', principalId: '111122223333', arn: 'arn:aws:iam::111122223333:root', accountId: '111122223333' });
    const session = callerOf('arn:aws:sts::111122223333:assumed-role/Deployer/build-42')!;
    const role = callRecord(call('DescribeKey', { KeyId: KEY }, { caller: session })).userIdentity;
    expect(role).toMatchObject({
      type: 'AssumedRole',
      principalId: session.userId,
      arn: 'arn:aws:sts::111122223333:assumed-role/Deployer/build-42',
      sessionContext: { sessionIssuer: { type: 'Role', arn: 'arn:aws:iam::111122223333:role/Deployer', userName: 'Deployer', accountId: '111122223333' } },
    });
    expect(session.userId.endsWith(':build-42')).toBe(true);
  });

  it('a role added as a principal acts as a session of it: CloudTrail names the session, its issuer the role', () => {
    const role = callerOf('arn:aws:iam::111122223333:role/Deployer')!;
    const identity = callRecord(call('DescribeKey', { KeyId: KEY }, { caller: role })).userIdentity;
    expect(identity).toMatchObject({
      type: 'AssumedRole',
      arn: 'arn:aws:sts::111122223333:assumed-role/Deployer/kms-vault-mock',
      principalId: role.userId,
      sessionContext: { sessionIssuer: { arn: 'arn:aws:iam::111122223333:role/Deployer', principalId: role.userId.split(':')[0] } },
    });
  });

  it('source address and user agent come from the wire request; a call through a service is invoked by that service', () => {
    const wire = callRecord(call('DescribeKey', { KeyId: KEY }, { source: { sourceIp: '192.0.2.7', userAgent: 'aws-cli/2.15.0' } }));
    expect([wire.sourceIPAddress, wire.userAgent]).toEqual(['192.0.2.7', 'aws-cli/2.15.0']);
    const via = callRecord(call('Decrypt', { KeyId: KEY }, { request: { viaService: 'secretsmanager.us-west-2.amazonaws.com' } }));
    expect([via.sourceIPAddress, via.userAgent]).toEqual(['secretsmanager.amazonaws.com', 'secretsmanager.amazonaws.com']);
    expect(via.userIdentity).toMatchObject({ invokedBy: 'secretsmanager.amazonaws.com' });
  });

  it('alias operations list the alias ARN among the resources (CreateAlias example)', () => {
    const record = callRecord(call('CreateAlias', { AliasName: 'alias/ExampleAlias', TargetKeyId: '1234abcd-12ab-34cd-56ef-1234567890ab' }, { output: {} }));
    expect(record.resources).toEqual([
      { accountId: '111122223333', type: 'AWS::KMS::Key', ARN: KEY },
      { accountId: '111122223333', type: 'AWS::KMS::Key', ARN: 'arn:aws:kms:us-west-2:111122223333:alias/ExampleAlias' },
    ]);
  });
});

describe('KMS service events', () => {
  it('RotateKey: AwsServiceEvent with the account only as identity, AWS Internal, null request and response, serviceEventDetails (RotateKey example)', () => {
    const record = serviceRecord({
      name: 'RotateKey',
      time: TIME,
      key: { arn: KEY, keyId: '1234abcd-12ab-34cd-56ef-1234567890ab', accountId: '111122223333', region: 'us-west-2' },
    });
    expect(record).toMatchObject({
      userIdentity: { accountId: '111122223333', invokedBy: 'AWS Internal' },
      eventTime: '2024-01-02T03:04:05Z',
      eventName: 'RotateKey',
      sourceIPAddress: 'AWS Internal',
      userAgent: 'AWS Internal',
      requestParameters: null,
      responseElements: null,
      readOnly: false,
      eventType: 'AwsServiceEvent',
      serviceEventDetails: { keyId: '1234abcd-12ab-34cd-56ef-1234567890ab' },
    });
    expect(record).not.toHaveProperty('requestID');
  });
});

describe('LookupEvents', () => {
  const records = [1, 2, 3].map((i) =>
    callRecord(call(i === 2 ? 'Decrypt' : 'Encrypt', { KeyId: KEY }, { time: new Date(TIME.getTime() + i * 1000) }), undefined, `event-${i}`),
  );

  it('returns events newest first, with ReadOnly as text and the record as JSON text', () => {
    const answer = lookupEvents(records, {}, new Date(TIME.getTime() + 10_000));
    if (!answer.ok) throw new Error(answer.message);
    expect(answer.body.Events.map((e) => e.EventId)).toEqual(['event-3', 'event-2', 'event-1']);
    expect(answer.body.Events[0]).toMatchObject({
      EventName: 'Encrypt',
      ReadOnly: 'true',
      EventSource: 'kms.amazonaws.com',
      Username: 'Alice',
      Resources: [{ ResourceType: 'AWS::KMS::Key', ResourceName: KEY }],
    });
    expect(JSON.parse(answer.body.Events[0]!.CloudTrailEvent)).toEqual(records[2]);
  });

  it('filters by one lookup attribute and pages with NextToken', () => {
    const byName = lookupEvents(
      records,
      { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'Encrypt' }], MaxResults: 1 },
      new Date(TIME.getTime() + 10_000),
    );
    if (!byName.ok) throw new Error(byName.message);
    expect(byName.body.Events.map((e) => e.EventId)).toEqual(['event-3']);
    const next = lookupEvents(
      records,
      { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'Encrypt' }], MaxResults: 1, NextToken: byName.body.NextToken },
      new Date(TIME.getTime() + 10_000),
    );
    if (!next.ok) throw new Error(next.message);
    expect(next.body.Events.map((e) => e.EventId)).toEqual(['event-1']);
    expect(next.body.NextToken).toBeUndefined();
  });

  it('rejects two lookup attributes, MaxResults over 50, a start after the end, and a made-up NextToken with CloudTrail exceptions', () => {
    const now = new Date(TIME.getTime() + 10_000);
    const two = [
      { AttributeKey: 'EventName', AttributeValue: 'Encrypt' },
      { AttributeKey: 'ReadOnly', AttributeValue: 'true' },
    ];
    expect(lookupEvents(records, { LookupAttributes: two }, now)).toMatchObject({ ok: false, type: 'InvalidLookupAttributesException' });
    expect(lookupEvents(records, { MaxResults: 51 }, now)).toMatchObject({ ok: false, type: 'InvalidMaxResultsException' });
    expect(lookupEvents(records, { StartTime: 200, EndTime: 100 }, now)).toMatchObject({ ok: false, type: 'InvalidTimeRangeException' });
    expect(lookupEvents(records, { NextToken: 'nope' }, now)).toMatchObject({ ok: false, type: 'InvalidNextTokenException' });
  });
});

describe('log file names', () => {
  it('are laid out as CloudTrail delivers them: AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_YYYYMMDDTHHmmZ_<unique>.json.gz', () => {
    expect(logFilePath('111122223333', 'us-east-1', new Date('2024-03-05T07:09:59Z'), 'AbCdEfGhIjKlMnOp')).toBe(
      [
        'AWSLogs',
        '111122223333',
        'CloudTrail',
        'us-east-1',
        '2024',
        '03',
        '05',
        '111122223333_CloudTrail_us-east-1_20240305T0709Z_AbCdEfGhIjKlMnOp.json.gz',
      ].join(sep),
    );
  });
});

describe('the log in memory', () => {
  it('what a call leaves until its record is read holds no secret (plaintext, grant token) of the request or response', () => {
    const plaintext = Buffer.from('kept nowhere');
    const captured = captureCall(
      call(
        'Encrypt',
        { KeyId: KEY, Plaintext: plaintext },
        { output: { KeyId: KEY, CiphertextBlob: new Uint8Array(9), EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' } },
      ),
    );
    expect(captured.call.input).toEqual({ KeyId: KEY });
    expect(captured.call.output).toEqual({ KeyId: KEY });
    const grant = captureCall(
      call('CreateGrant', { KeyId: KEY, GranteePrincipal: ALICE.arn, Operations: ['Decrypt'] }, { output: { GrantId: 'g', GrantToken: 'SECRET-TOKEN' } }),
    );
    expect(JSON.stringify(grant)).not.toContain('SECRET-TOKEN');
  });

  it('keeps the latest historyLimit events, oldest first; clearHistory empties it; a listener sees every event', () => {
    const vault = new KmsVault({ historyLimit: 2 });
    const seen: string[] = [];
    vault.cloudTrail.subscribe((e) => seen.push(e.eventName));
    vault.execute('CreateKey', {});
    vault.execute('ListKeys', {});
    vault.execute('ListAliases', {});
    expect(vault.cloudTrail.events().map((e) => e.eventName)).toEqual(['ListKeys', 'ListAliases']);
    expect(seen).toEqual(['CreateKey', 'ListKeys', 'ListAliases']);
    vault.clearHistory();
    expect(vault.cloudTrail.events()).toEqual([]);
  });

  it('a record read twice is the same record (ids are made once)', () => {
    const vault = new KmsVault();
    vault.execute('ListKeys', {});
    expect(vault.cloudTrail.events()[0]!.eventID).toBe(vault.cloudTrail.events()[0]!.eventID);
  });

  it('filters by key, principal, failure and time', () => {
    const vault = new KmsVault({ clock: new Date('2024-01-01T00:00:00Z') });
    const carol = 'arn:aws:iam::111122223333:user/carol';
    vault.addPrincipal(carol);
    const a = vault.execute('CreateKey', {}).KeyMetadata!;
    vault.clock.advance({ hours: 1 });
    vault.execute('CreateKey', {});
    expect(() => vault.execute('DisableKey', { KeyId: a.KeyId! }, { principal: carol })).toThrow();
    expect(vault.cloudTrail.events({ keyId: a.KeyId! }).map((e) => e.eventName)).toEqual(['CreateKey', 'DisableKey']);
    expect(vault.cloudTrail.events({ keyId: a.Arn! }).length).toBe(2);
    expect(vault.cloudTrail.events({ principal: carol }).map((e) => e.errorCode)).toEqual(['AccessDenied']);
    expect(vault.cloudTrail.events({ principal: '111122223333' }).map((e) => e.eventName)).toEqual(['CreateKey', 'CreateKey']);
    expect(vault.cloudTrail.events({ errorCode: false }).length).toBe(2);
    expect(vault.cloudTrail.events({ startTime: new Date('2024-01-01T00:30:00Z') }).length).toBe(2);
    expect(vault.cloudTrail.events({ endTime: new Date('2024-01-01T00:30:00Z') }).length).toBe(1);
    expect(vault.cloudTrail.events({ eventName: ['DisableKey', 'EnableKey'] }).length).toBe(1);
  });
});

describe("cross-account calls (logged in both accounts, denials only in the caller's)", () => {
  const OTHER = '444455556666';
  function sharedKey(): { vault: KmsVault; arn: string } {
    const vault = new KmsVault();
    const arn = vault.execute('CreateKey', {}).KeyMetadata!.Arn!;
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' },
        { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: 'kms:Encrypt', Resource: '*' },
      ],
    };
    vault.execute('PutKeyPolicy', { KeyId: arn, Policy: JSON.stringify(policy) });
    return { vault, arn };
  }

  it("a call that succeeds has a copy in the caller's account and one in the key owner's (AWSAccount identity), sharing sharedEventID", () => {
    const { vault, arn } = sharedKey();
    vault.execute('Encrypt', { KeyId: arn, Plaintext: Buffer.from('x') }, { accountId: OTHER });
    const [mine, owners] = vault.cloudTrail.events({ eventName: 'Encrypt' });
    expect(mine).toMatchObject({ recipientAccountId: OTHER, userIdentity: { type: 'Root', accountId: OTHER } });
    expect(owners).toMatchObject({ recipientAccountId: '111122223333', userIdentity: { type: 'AWSAccount', principalId: OTHER, accountId: OTHER } });
    expect(mine!.sharedEventID).toMatch(/^[0-9a-f-]{36}$/);
    expect(owners!.sharedEventID).toBe(mine!.sharedEventID);
    expect(owners!.eventID).not.toBe(mine!.eventID);
  });

  it("a denied cross-account call is logged only in the caller's account", () => {
    const { vault, arn } = sharedKey();
    expect(() => vault.execute('DisableKey', { KeyId: arn }, { accountId: OTHER })).toThrow();
    const records = vault.cloudTrail.events({ eventName: 'DisableKey' });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ recipientAccountId: OTHER, errorCode: expect.any(String) });
    expect(records[0]).not.toHaveProperty('sharedEventID');
  });
});

describe('Nitro Enclaves requests', () => {
  it('a Decrypt with a Recipient logs the enclave in additionalEventData.recipient (ct-decrypt-enclave.html), never the attestation document', () => {
    const enclave = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const vault = new KmsVault();
    const image = 'ab'.repeat(48);
    const AttestationDocument = vault.nitro.attestationDocument({
      publicKey: enclave.publicKey,
      pcrs: { 0: image },
      moduleId: 'i-123456789abcde123-enc123456789abcde12',
    });
    const keyId = vault.execute('CreateKey', {}).KeyMetadata!.KeyId!;
    const { CiphertextBlob } = vault.execute('Encrypt', { KeyId: keyId, Plaintext: Buffer.from('x') });
    vault.execute('Decrypt', { CiphertextBlob: CiphertextBlob!, Recipient: { KeyEncryptionAlgorithm: 'RSAES_OAEP_SHA_256', AttestationDocument } });
    const [record] = vault.cloudTrail.events({ eventName: 'Decrypt' });
    expect(record!.additionalEventData).toMatchObject({
      recipient: { attestationDocumentModuleId: 'i-123456789abcde123-enc123456789abcde12', attestationDocumentEnclaveImageDigest: image },
    });
    expect(record!.requestParameters).not.toHaveProperty('recipient');
  });
});

describe('custom key store requests', () => {
  it('CreateCustomKeyStore logs the name and cluster (as clusterId) only: no password, no trust anchor certificate (ct-create-keystore.html)', () => {
    const record = callRecord(
      call(
        'CreateCustomKeyStore',
        {
          CustomKeyStoreName: 'ExampleKeyStore',
          CloudHsmClusterId: 'cluster-1a23b4cdefg',
          KeyStorePassword: 'kmsPswd',
          TrustAnchorCertificate: '-----BEGIN CERTIFICATE-----',
        },
        { output: { CustomKeyStoreId: 'cks-1234567890abcdef0' } },
      ),
    );
    expect(record.requestParameters).toEqual({ customKeyStoreName: 'ExampleKeyStore', clusterId: 'cluster-1a23b4cdefg' });
    expect(record.responseElements).toEqual({ customKeyStoreId: 'cks-1234567890abcdef0' });
    expect(record).not.toHaveProperty('resources');
  });
});
