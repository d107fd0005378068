import { randomBytes } from 'node:crypto';
import { KmsVault } from '../../src/kms-vault';
import type { CloudTrailEvent } from '../../src/cloudtrail/cloudtrail-event';
import { wrapKeyMaterial } from '../helpers/import-material';

/**
 * The records the vault writes, checked field by field against the examples of the KMS Developer
 * Guide's CloudTrail chapter (https://docs.aws.amazon.com/kms/latest/developerguide/understanding-kms-entries.html).
 * Each fixture is the example as the page prints it (ids, times and ARNs are the page's). The vault's
 * record must have the same fields, at every level the example shows, with the same constant values
 * (eventSource, eventType, readOnly, the identity's type, request parameters given the same request,
 * null responses); ids, times and ARNs differ by nature and are checked for their form.
 * Evidence: docs/research/cloudtrail.md.
 */

const ALICE = 'arn:aws:iam::111122223333:user/Alice';
const IAM_USER = { type: 'IAMUser', principalId: 'EX_PRINCIPAL_ID', arn: ALICE, accountId: '111122223333', accessKeyId: 'EXAMPLE_KEY_ID', userName: 'Alice' };
const KEY_ARN = 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const RESOURCES = [{ accountId: '111122223333', type: 'AWS::KMS::Key', ARN: KEY_ARN }];

/** Fields CloudTrail added after the older examples were written (eventVersion 1.08+). */
const NEWER_FIELDS = ['managementEvent', 'eventCategory'];

/** ct-decrypt.html, "Decrypt with a standard symmetric encryption key" (eventVersion 1.11 form). */
const DECRYPT = {
  eventVersion: '1.11',
  userIdentity: IAM_USER,
  eventTime: '2025-05-20T20:45:00Z',
  eventSource: 'kms.amazonaws.com',
  eventName: 'Decrypt',
  awsRegion: 'us-west-2',
  sourceIPAddress: '192.0.2.0',
  userAgent: 'AWS Internal',
  requestParameters: { encryptionAlgorithm: 'SYMMETRIC_DEFAULT', keyId: KEY_ARN, encryptionContext: { Department: 'Engineering', Project: 'Alpha' } },
  responseElements: null,
  additionalEventData: { keyMaterialId: '123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0' },
  requestID: '12345126-30d5-4b28-98b9-9153da559963',
  eventID: 'abcde202-ba1a-467c-b4ba-f729d45ae521',
  readOnly: true,
  resources: RESOURCES,
  eventType: 'AwsApiCall',
  managementEvent: true,
  recipientAccountId: '111122223333',
  eventCategory: 'Management',
};

/** ct-decrypt.html, "Decrypt failure with a standard symmetric encryption key". */
const DECRYPT_FAILURE = {
  eventVersion: '1.08',
  userIdentity: IAM_USER,
  eventTime: '2022-11-24T18:57:43Z',
  eventSource: 'kms.amazonaws.com',
  eventName: 'Decrypt',
  awsRegion: 'us-west-2',
  sourceIPAddress: '192.0.2.0',
  userAgent: 'AWS Internal',
  errorCode: 'IncorrectKeyException',
  errorMessage: 'The key ID in the request does not identify a CMK that can perform this operation.',
  requestParameters: { encryptionAlgorithm: 'SYMMETRIC_DEFAULT', keyId: KEY_ARN, encryptionContext: { Department: 'Engineering', Project: 'Alpha' } },
  responseElements: null,
  requestID: '22345126-30d5-4b28-98b9-9153da559963',
  eventID: 'abcde202-ba1a-467c-b4ba-f729d45ae521',
  readOnly: true,
  resources: RESOURCES,
  eventType: 'AwsApiCall',
  recipientAccountId: '111122223333',
};

/** ct-encrypt.html. */
const ENCRYPT = {
  eventVersion: '1.02',
  userIdentity: IAM_USER,
  eventTime: '2022-07-14T20:17:42Z',
  eventSource: 'kms.amazonaws.com',
  eventName: 'Encrypt',
  awsRegion: 'us-east-1',
  sourceIPAddress: '192.0.2.0',
  userAgent: 'AWS Internal',
  requestParameters: { encryptionContext: { Department: 'Engineering' }, keyId: KEY_ARN, encryptionAlgorithm: 'SYMMETRIC_DEFAULT' },
  responseElements: null,
  requestID: 'f3423043-63bc-11e4-bc2b-4198b6150d5c',
  eventID: '91235988-eb87-476a-ac2c-0cdc244e6dca',
  readOnly: true,
  resources: [{ ARN: KEY_ARN, accountId: '111122223333' }],
  eventType: 'AwsApiCall',
  recipientAccountId: '111122223333',
};

/** ct-generatedatakey.html. */
const GENERATE_DATA_KEY = {
  eventVersion: '1.02',
  userIdentity: IAM_USER,
  eventTime: '2014-11-04T00:52:40Z',
  eventSource: 'kms.amazonaws.com',
  eventName: 'GenerateDataKey',
  awsRegion: 'us-east-1',
  sourceIPAddress: '192.0.2.0',
  userAgent: 'AWS Internal',
  requestParameters: { keyId: '1234abcd-12ab-34cd-56ef-1234567890ab', keySpec: 'AES_256', encryptionContext: { Department: 'Engineering', Project: 'Alpha' } },
  responseElements: null,
  requestID: 'e0eb83e3-63bc-11e4-bc2b-4198b6150d5c',
  eventID: 'a9dea4f9-8395-46c0-942c-f509c02c2b71',
  readOnly: true,
  resources: [{ ARN: KEY_ARN, accountId: '111122223333' }],
  eventType: 'AwsApiCall',
  recipientAccountId: '111122223333',
};

/** ct-createkey.html, the first example (a key for imported material). */
const CREATE_KEY = {
  eventVersion: '1.08',
  userIdentity: IAM_USER,
  eventTime: '2022-08-10T22:38:27Z',
  eventSource: 'kms.amazonaws.com',
  eventName: 'CreateKey',
  awsRegion: 'us-west-2',
  sourceIPAddress: '192.0.2.0',
  userAgent: 'AWS Internal',
  requestParameters: {
    description: '',
    origin: 'EXTERNAL',
    bypassPolicyLockoutSafetyCheck: false,
    customerMasterKeySpec: 'SYMMETRIC_DEFAULT',
    keySpec: 'SYMMETRIC_DEFAULT',
    keyUsage: 'ENCRYPT_DECRYPT',
  },
  responseElements: {
    keyMetadata: {
      AWSAccountId: '111122223333',
      keyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
      arn: KEY_ARN,
      creationDate: 'Aug 10, 2022, 10:38:27 PM',
      enabled: false,
      description: '',
      keyUsage: 'ENCRYPT_DECRYPT',
      keyState: 'PendingImport',
      origin: 'EXTERNAL',
      keyManager: 'CUSTOMER',
      customerMasterKeySpec: 'SYMMETRIC_DEFAULT',
      keySpec: 'SYMMETRIC_DEFAULT',
      encryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
      multiRegion: false,
    },
  },
  requestID: '1aef6713-0223-4ff7-9a6d-781360521930',
  eventID: '36327b37-f4f6-40a9-92ab-48064ec905a2',
  readOnly: false,
  resources: RESOURCES,
  eventType: 'AwsApiCall',
  managementEvent: true,
  recipientAccountId: '111122223333',
  eventCategory: 'Management',
};

/** ct-schedule-key-deletion.html, the first example (a single-Region key). */
const SCHEDULE_KEY_DELETION = {
  eventVersion: '1.08',
  userIdentity: IAM_USER,
  eventTime: '2021-03-23T18:58:30Z',
  eventSource: 'kms.amazonaws.com',
  eventName: 'ScheduleKeyDeletion',
  awsRegion: 'us-east-1',
  sourceIPAddress: '192.0.2.0',
  userAgent: 'AWS Internal',
  requestParameters: { pendingWindowInDays: 20, keyId: '1234abcd-12ab-34cd-56ef-1234567890ab' },
  responseElements: { keyId: KEY_ARN, keyState: 'PendingDeletion', deletionDate: 'Apr 12, 2021 18:58:30 PM' },
  requestID: 'ee408f36-ea01-422b-ac14-b0f147c68334',
  eventID: '3c4226b0-1e81-48a8-a333-7fa5f3cbd118',
  readOnly: false,
  resources: RESOURCES,
  eventType: 'AwsApiCall',
  recipientAccountId: '111122223333',
};

/** ct-createalias.html. */
const CREATE_ALIAS = {
  eventVersion: '1.08',
  userIdentity: IAM_USER,
  eventTime: '2022-08-14T23:08:31Z',
  eventSource: 'kms.amazonaws.com',
  eventName: 'CreateAlias',
  awsRegion: 'us-west-2',
  sourceIPAddress: '192.0.2.0',
  userAgent: 'AWS Internal',
  requestParameters: { aliasName: 'alias/ExampleAlias', targetKeyId: '1234abcd-12ab-34cd-56ef-1234567890ab' },
  responseElements: null,
  requestID: 'caec1e0c-ce03-419e-bdab-6ab1f7c57c01',
  eventID: '2dd6e784-8286-46a6-befd-d64e5a02fb28',
  readOnly: false,
  resources: [RESOURCES[0], { accountId: '111122223333', type: 'AWS::KMS::Key', ARN: 'arn:aws:kms:us-west-2:111122223333:alias/ExampleAlias' }],
  eventType: 'AwsApiCall',
  managementEvent: true,
  recipientAccountId: '111122223333',
  eventCategory: 'Management',
};

/** ct-creategrant.html. */
const CREATE_GRANT = {
  eventVersion: '1.02',
  userIdentity: IAM_USER,
  eventTime: '2014-11-04T00:53:12Z',
  eventSource: 'kms.amazonaws.com',
  eventName: 'CreateGrant',
  awsRegion: 'us-east-1',
  sourceIPAddress: '192.0.2.0',
  userAgent: 'AWS Internal',
  requestParameters: {
    keyId: KEY_ARN,
    constraints: { encryptionContextSubset: { ContextKey1: 'Value1' } },
    operations: ['Encrypt', 'RetireGrant'],
    granteePrincipal: 'EX_PRINCIPAL_ID',
  },
  responseElements: { grantId: 'f020fe75197b93991dc8491d6f19dd3cebb24ee62277a05914386724f3d48758' },
  requestID: 'f3c08808-63bc-11e4-bc2b-4198b6150d5c',
  eventID: '5d529779-2d27-42b5-92da-91aaea1fc4b5',
  readOnly: false,
  resources: [{ ARN: KEY_ARN, accountId: '111122223333' }],
  eventType: 'AwsApiCall',
  recipientAccountId: '111122223333',
};

/** ct-enablekeyrotation.html. */
const ENABLE_KEY_ROTATION = {
  eventVersion: '1.05',
  userIdentity: IAM_USER,
  eventTime: '2020-07-25T23:41:56Z',
  eventSource: 'kms.amazonaws.com',
  eventName: 'EnableKeyRotation',
  awsRegion: 'us-west-2',
  sourceIPAddress: '192.0.2.0',
  userAgent: 'AWS Internal',
  requestParameters: { keyId: '1234abcd-12ab-34cd-56ef-1234567890ab' },
  responseElements: null,
  requestID: '81f5b794-452b-4d6a-932b-68c188165273',
  eventID: 'fefc43a7-8e06-419f-bcab-b3bf18d6a401',
  readOnly: false,
  resources: RESOURCES,
  eventType: 'AwsApiCall',
  recipientAccountId: '111122223333',
};

/** ct-rotatekey.html. */
const ROTATE_KEY = {
  eventVersion: '1.05',
  userIdentity: { accountId: '111122223333', invokedBy: 'AWS Internal' },
  eventTime: '2021-01-14T01:41:59Z',
  eventSource: 'kms.amazonaws.com',
  eventName: 'RotateKey',
  awsRegion: 'us-west-2',
  sourceIPAddress: 'AWS Internal',
  userAgent: 'AWS Internal',
  requestParameters: null,
  responseElements: null,
  eventID: 'a24b3967-ddad-417f-9b22-2332b918db06',
  readOnly: false,
  resources: RESOURCES,
  eventType: 'AwsServiceEvent',
  recipientAccountId: '111122223333',
  serviceEventDetails: { keyId: '1234abcd-12ab-34cd-56ef-1234567890ab' },
};

/** ct-delete-key.html, the first example. */
const DELETE_KEY = {
  eventVersion: '1.08',
  userIdentity: { accountId: '111122223333', invokedBy: 'AWS Internal' },
  eventTime: '2020-07-31T00:07:00Z',
  eventSource: 'kms.amazonaws.com',
  eventName: 'DeleteKey',
  awsRegion: 'us-east-1',
  sourceIPAddress: 'AWS Internal',
  userAgent: 'AWS Internal',
  requestParameters: null,
  responseElements: null,
  eventID: 'b25f9cda-74e1-4458-847b-4972a0bf9668',
  readOnly: false,
  resources: RESOURCES,
  eventType: 'AwsServiceEvent',
  recipientAccountId: '111122223333',
  managementEvent: true,
  eventCategory: 'Management',
};

/** ct-deleteexpiredkeymaterial.html. */
const DELETE_EXPIRED_KEY_MATERIAL = {
  eventVersion: '1.05',
  userIdentity: { accountId: '111122223333', invokedBy: 'AWS Internal' },
  eventTime: '2021-01-01T16:00:00Z',
  eventSource: 'kms.amazonaws.com',
  eventName: 'DeleteExpiredKeyMaterial',
  awsRegion: 'us-east-1',
  sourceIPAddress: 'AWS Internal',
  userAgent: 'AWS Internal',
  requestParameters: null,
  responseElements: null,
  eventID: 'cfa932fd-0d3a-4a76-a8b8-616863a2b547',
  readOnly: false,
  resources: RESOURCES,
  eventType: 'AwsServiceEvent',
  recipientAccountId: '111122223333',
  serviceEventDetails: { keyId: '1234abcd-12ab-34cd-56ef-1234567890ab' },
};

/** ct-describekey.html. */
const DESCRIBE_KEY = {
  eventVersion: '1.08',
  userIdentity: IAM_USER,
  eventTime: '2022-09-26T18:01:36Z',
  eventSource: 'kms.amazonaws.com',
  eventName: 'DescribeKey',
  awsRegion: 'us-west-2',
  sourceIPAddress: '192.0.2.0',
  userAgent: 'AWS Internal',
  requestParameters: { keyId: '1234abcd-12ab-34cd-56ef-1234567890ab' },
  responseElements: null,
  requestID: '12345126-30d5-4b28-98b9-9153da559963',
  eventID: 'abcde202-ba1a-467c-b4ba-f729d45ae521',
  readOnly: true,
  resources: RESOURCES,
  eventType: 'AwsApiCall',
  recipientAccountId: '111122223333',
};

/** ct-tagresource.html. */
const TAG_RESOURCE = {
  eventVersion: '1.05',
  userIdentity: IAM_USER,
  eventTime: '2020-07-01T21:19:25Z',
  eventSource: 'kms.amazonaws.com',
  eventName: 'TagResource',
  awsRegion: 'us-west-2',
  sourceIPAddress: '192.0.2.0',
  userAgent: 'AWS Internal',
  requestParameters: { keyId: KEY_ARN, tags: [{ tagKey: 'Department', tagValue: 'IT' }] },
  responseElements: null,
  requestID: 'b942584a-f77d-4787-9feb-b9c5be6e746d',
  eventID: '0a091b9b-0df5-4cf9-b667-6f2879532b8f',
  readOnly: false,
  resources: RESOURCES,
  eventType: 'AwsApiCall',
  recipientAccountId: '111122223333',
};

/** ct-sign.html. */
const SIGN = {
  eventVersion: '1.08',
  userIdentity: IAM_USER,
  eventTime: '2022-03-07T22:36:44Z',
  eventSource: 'kms.amazonaws.com',
  eventName: 'Sign',
  awsRegion: 'us-west-2',
  sourceIPAddress: '192.0.2.0',
  userAgent: 'AWS Internal',
  requestParameters: { messageType: 'RAW', keyId: '0987dcba-09fe-87dc-65ba-ab0987654321', signingAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256' },
  responseElements: null,
  requestID: '8d0b35e0-46cf-48b9-be99-bf2ebc9ab9fb',
  eventID: '107b3cac-b125-4556-9702-12a2b9afcff7',
  readOnly: true,
  resources: [{ accountId: '111122223333', type: 'AWS::KMS::Key', ARN: 'arn:aws:kms:us-west-2:111122223333:key/0987dcba-09fe-87dc-65ba-ab0987654321' }],
  eventType: 'AwsApiCall',
  managementEvent: true,
  recipientAccountId: '111122223333',
  eventCategory: 'Management',
};

/** ct-listaliases.html. */
const LIST_ALIASES = {
  eventVersion: '1.02',
  userIdentity: IAM_USER,
  eventTime: '2014-11-04T00:51:45Z',
  eventSource: 'kms.amazonaws.com',
  eventName: 'ListAliases',
  awsRegion: 'us-east-1',
  sourceIPAddress: '192.0.2.0',
  userAgent: 'AWS Internal',
  requestParameters: {
    limit: 5,
    marker: 'eyJiIjoiYWxpYXMvZTU0Y2MxOTMtYTMwNC00YzEwLTliZWItYTJjZjA3NjA2OTJhIiwiYSI6ImFsaWFzL2U1NGNjMTkzLWEzMDQtNGMxMC05YmViLWEyY2YwNzYwNjkyYSJ9',
  },
  responseElements: null,
  requestID: 'bfe6c190-63bc-11e4-bc2b-4198b6150d5c',
  eventID: 'a27dda7b-76f1-4ac3-8b40-42dfba77bcd6',
  readOnly: true,
  resources: [],
  eventType: 'AwsApiCall',
  recipientAccountId: '111122223333',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
/** Values that differ by nature between the page and the vault: checked for their form only. */
const FORMS: Record<string, RegExp> = {
  eventVersion: /^1\.\d\d$/,
  eventTime: TIME,
  requestID: UUID,
  eventID: UUID,
  principalId: /^(AIDA[A-Z2-7]{17}|EX_PRINCIPAL_ID)$/,
  accessKeyId: /^(AKIA[A-Z2-7]{16}|EXAMPLE_KEY_ID)$/,
  keyId: /^(arn:aws:kms:[a-z0-9-]+:\d{12}:key\/)?[0-9a-f-]{36}$/,
  '.responseElements.keyMetadata.arn': /^arn:aws:kms:[a-z0-9-]+:\d{12}:key\/[0-9a-f-]{36}$/,
  targetKeyId: /^[0-9a-f-]{36}$/,
  ARN: /^arn:aws:kms:[a-z0-9-]+:\d{12}:(key\/[0-9a-f-]{36}|alias\/[\w/-]+)$/,
  creationDate: /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}:\d{2} [AP]M$/,
  deletionDate: /^[A-Z][a-z]{2} \d{1,2}, \d{4},? \d{1,2}:\d{2}:\d{2} [AP]M$/,
  grantId: /^[0-9a-f]{64}$/,
  keyMaterialId: /^[0-9a-f]{64}$/,
  awsRegion: /^[a-z]{2}-[a-z]+-\d$/,
  sourceIPAddress: /.+/,
  userAgent: /.+/,
  granteePrincipal: /.+/,
  marker: /.+/,
  errorMessage: /.+/,
};

/**
 * Compares a record with a page's example: the same fields at every level the example shows (the
 * record may add only the fields CloudTrail added since, and `type` in resources, which older pages
 * omit), equal constants, and the forms of the values that differ by nature. Returns the differences.
 */
function differences(actual: unknown, expected: unknown, path = ''): string[] {
  const name = path.slice(path.lastIndexOf('.') + 1).replace(/\[\d+\]$/, '');
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    const out: string[] = [];
    for (const key of Object.keys(e)) {
      if (!(key in a)) {
        // AWSAccountId: the page's own spelling varies (its other CreateKey examples write aWSAccountId).
        if (key === 'AWSAccountId' && 'aWSAccountId' in a) continue;
        out.push(`${path}.${key}: missing`);
      } else out.push(...differences(a[key], e[key], `${path}.${key}`));
    }
    const allowed =
      path === '' ? [...NEWER_FIELDS, 'additionalEventData'] : /resources\[\d+\]$/.test(path) ? ['type'] : /keyMetadata$/.test(path) ? ['aWSAccountId'] : [];
    for (const key of Object.keys(a)) if (!(key in e) && !allowed.includes(key)) out.push(`${path}.${key}: not in the example`);
    return out;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return [`${path}: expected ${expected.length} entries, got ${JSON.stringify(actual)}`];
    return expected.flatMap((e, i) => differences(actual[i], e, `${path}[${i}]`));
  }
  const form = FORMS[path] ?? FORMS[name];
  if (form) return form.test(String(actual)) ? [] : [`${path}: ${JSON.stringify(actual)} does not look like ${JSON.stringify(expected)}`];
  return actual === expected ? [] : [`${path}: ${JSON.stringify(actual)}, the example has ${JSON.stringify(expected)}`];
}

function setUp(region = 'us-west-2'): { vault: KmsVault; as: { principal: string } } {
  const vault = new KmsVault({ region, seed: 'cloudtrail-examples', clock: new Date('2024-01-01T00:00:00Z') });
  vault.addPrincipal(ALICE, { policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }] }] });
  return { vault, as: { principal: ALICE } };
}

function last(vault: KmsVault, eventName: string): CloudTrailEvent {
  const events = vault.cloudTrail.events({ eventName });
  const event = events[events.length - 1];
  if (!event) throw new Error(`No ${eventName} event in the log`);
  return event;
}

function keyIdOf(arn: string): string {
  return arn.slice(arn.indexOf('/') + 1);
}

describe('CloudTrail records match the KMS Developer Guide examples field by field', () => {
  it('Decrypt (ct-decrypt.html, "Decrypt with a standard symmetric encryption key")', () => {
    const { vault, as } = setUp();
    const { KeyMetadata } = vault.execute('CreateKey', {}, as);
    const context = { Department: 'Engineering', Project: 'Alpha' };
    const { CiphertextBlob } = vault.execute('Encrypt', { KeyId: KeyMetadata!.Arn!, Plaintext: Buffer.from('x'), EncryptionContext: context }, as);
    vault.execute('Decrypt', { CiphertextBlob: CiphertextBlob!, EncryptionContext: context }, as);
    expect(differences(last(vault, 'Decrypt'), DECRYPT)).toEqual([]);
  });

  it('Decrypt failure (ct-decrypt.html, "Decrypt failure with a standard symmetric encryption key")', () => {
    const { vault, as } = setUp();
    const a = vault.execute('CreateKey', {}, as).KeyMetadata!.Arn!;
    const b = vault.execute('CreateKey', {}, as).KeyMetadata!.Arn!;
    const context = { Department: 'Engineering', Project: 'Alpha' };
    const { CiphertextBlob } = vault.execute('Encrypt', { KeyId: a, Plaintext: Buffer.from('x'), EncryptionContext: context }, as);
    expect(() => vault.execute('Decrypt', { CiphertextBlob: CiphertextBlob!, KeyId: b, EncryptionContext: context }, as)).toThrow(
      expect.objectContaining({ name: 'IncorrectKeyException' }),
    );
    expect(differences(last(vault, 'Decrypt'), DECRYPT_FAILURE)).toEqual([]);
  });

  it('Encrypt (ct-encrypt.html)', () => {
    const { vault, as } = setUp();
    const arn = vault.execute('CreateKey', {}, as).KeyMetadata!.Arn!;
    vault.execute('Encrypt', { KeyId: arn, Plaintext: Buffer.from('secret'), EncryptionContext: { Department: 'Engineering' } }, as);
    expect(differences(last(vault, 'Encrypt'), ENCRYPT)).toEqual([]);
  });

  it('GenerateDataKey (ct-generatedatakey.html)', () => {
    const { vault, as } = setUp();
    const arn = vault.execute('CreateKey', {}, as).KeyMetadata!.Arn!;
    vault.execute('GenerateDataKey', { KeyId: keyIdOf(arn), KeySpec: 'AES_256', EncryptionContext: { Department: 'Engineering', Project: 'Alpha' } }, as);
    expect(differences(last(vault, 'GenerateDataKey'), GENERATE_DATA_KEY)).toEqual([]);
  });

  it('CreateKey (ct-createkey.html, a key for imported key material)', () => {
    const { vault, as } = setUp();
    vault.execute('CreateKey', { Origin: 'EXTERNAL' }, as);
    const diffs = differences(last(vault, 'CreateKey'), CREATE_KEY);
    // The vault's KeyMetadata has members the 2022 example predates (KeyMaterialId and the like): only those may differ.
    expect(diffs.filter((d) => !/^\.responseElements\.keyMetadata\.\w+: not in the example$/.test(d))).toEqual([]);
  });

  it('ScheduleKeyDeletion (ct-schedule-key-deletion.html, a single-Region key)', () => {
    const { vault, as } = setUp();
    const arn = vault.execute('CreateKey', {}, as).KeyMetadata!.Arn!;
    vault.execute('ScheduleKeyDeletion', { KeyId: keyIdOf(arn), PendingWindowInDays: 20 }, as);
    const diffs = differences(last(vault, 'ScheduleKeyDeletion'), SCHEDULE_KEY_DELETION);
    // The API's response has PendingWindowInDays too; the page's CloudHSM example logs it.
    expect(diffs).toEqual(['.responseElements.pendingWindowInDays: not in the example']);
  });

  it('CreateAlias (ct-createalias.html)', () => {
    const { vault, as } = setUp();
    const arn = vault.execute('CreateKey', {}, as).KeyMetadata!.Arn!;
    vault.execute('CreateAlias', { AliasName: 'alias/ExampleAlias', TargetKeyId: keyIdOf(arn) }, as);
    expect(differences(last(vault, 'CreateAlias'), CREATE_ALIAS)).toEqual([]);
  });

  it('CreateGrant (ct-creategrant.html)', () => {
    const { vault, as } = setUp();
    const arn = vault.execute('CreateKey', {}, as).KeyMetadata!.Arn!;
    vault.execute(
      'CreateGrant',
      { KeyId: arn, Constraints: { EncryptionContextSubset: { ContextKey1: 'Value1' } }, Operations: ['Encrypt', 'RetireGrant'], GranteePrincipal: ALICE },
      as,
    );
    expect(differences(last(vault, 'CreateGrant'), CREATE_GRANT)).toEqual([]);
  });

  it('EnableKeyRotation (ct-enablekeyrotation.html), then RotateKey a year later as an AwsServiceEvent (ct-rotatekey.html)', () => {
    const { vault, as } = setUp();
    const arn = vault.execute('CreateKey', {}, as).KeyMetadata!.Arn!;
    vault.execute('EnableKeyRotation', { KeyId: keyIdOf(arn) }, as);
    expect(differences(last(vault, 'EnableKeyRotation'), ENABLE_KEY_ROTATION)).toEqual([]);
    vault.clock.advance({ days: 366 });
    vault.execute('DescribeKey', { KeyId: arn }, as);
    const rotate = last(vault, 'RotateKey');
    expect(differences(rotate, ROTATE_KEY).filter((d) => !d.startsWith('.managementEvent') && !d.startsWith('.eventCategory'))).toEqual([]);
    // At the vault time it happened, before the call that caught up with it.
    expect(rotate.eventTime).toBe('2024-12-31T00:00:00Z');
    const names = vault.cloudTrail.events().map((e) => e.eventName);
    expect(names.slice(-2)).toEqual(['RotateKey', 'DescribeKey']);
  });

  it('DeleteKey when the waiting period ends, as an AwsServiceEvent at the deletion date (ct-delete-key.html)', () => {
    const { vault, as } = setUp();
    const arn = vault.execute('CreateKey', {}, as).KeyMetadata!.Arn!;
    vault.execute('ScheduleKeyDeletion', { KeyId: arn, PendingWindowInDays: 7 }, as);
    vault.clock.advance({ days: 8 });
    vault.execute('ListKeys', {}, as);
    const deleted = last(vault, 'DeleteKey');
    expect(differences(deleted, DELETE_KEY)).toEqual([]);
    expect(deleted.eventTime).toBe('2024-01-08T00:00:00Z');
    expect(deleted.resources).toEqual([{ accountId: '111122223333', type: 'AWS::KMS::Key', ARN: arn }]);
  });

  it('DeleteExpiredKeyMaterial when imported material reaches its ValidTo (ct-deleteexpiredkeymaterial.html)', () => {
    const { vault, as } = setUp();
    const arn = vault.execute('CreateKey', { Origin: 'EXTERNAL' }, as).KeyMetadata!.Arn!;
    const params = vault.execute('GetParametersForImport', { KeyId: arn, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }, as);
    const validTo = new Date('2024-01-03T16:00:00Z');
    vault.execute(
      'ImportKeyMaterial',
      {
        KeyId: arn,
        ImportToken: params.ImportToken!,
        EncryptedKeyMaterial: wrapKeyMaterial(params.PublicKey!, 'RSAES_OAEP_SHA_256', randomBytes(32)),
        ExpirationModel: 'KEY_MATERIAL_EXPIRES',
        ValidTo: validTo,
      },
      as,
    );
    expect(last(vault, 'ImportKeyMaterial').requestParameters).toMatchObject({
      keyId: arn,
      validTo: 'Jan 3, 2024, 4:00:00 PM',
      expirationModel: 'KEY_MATERIAL_EXPIRES',
    });
    vault.clock.advance({ days: 5 });
    vault.execute('DescribeKey', { KeyId: arn }, as);
    const expired = last(vault, 'DeleteExpiredKeyMaterial');
    expect(differences(expired, DELETE_EXPIRED_KEY_MATERIAL).filter((d) => !d.startsWith('.managementEvent') && !d.startsWith('.eventCategory'))).toEqual([]);
    expect(expired.eventTime).toBe('2024-01-03T16:00:00Z');
  });

  it('DescribeKey (ct-describekey.html)', () => {
    const { vault, as } = setUp();
    const arn = vault.execute('CreateKey', {}, as).KeyMetadata!.Arn!;
    vault.execute('DescribeKey', { KeyId: keyIdOf(arn) }, as);
    expect(differences(last(vault, 'DescribeKey'), DESCRIBE_KEY)).toEqual([]);
  });

  it('TagResource (ct-tagresource.html): tags as tagKey and tagValue', () => {
    const { vault, as } = setUp();
    const arn = vault.execute('CreateKey', {}, as).KeyMetadata!.Arn!;
    vault.execute('TagResource', { KeyId: arn, Tags: [{ TagKey: 'Department', TagValue: 'IT' }] }, as);
    expect(differences(last(vault, 'TagResource'), TAG_RESOURCE)).toEqual([]);
  });

  it('Sign (ct-sign.html): no message, no signature', () => {
    const { vault, as } = setUp();
    const arn = vault.execute('CreateKey', { KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' }, as).KeyMetadata!.Arn!;
    vault.execute('Sign', { KeyId: keyIdOf(arn), Message: Buffer.from('to be signed'), MessageType: 'RAW', SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256' }, as);
    const record = last(vault, 'Sign');
    expect(differences(record, SIGN)).toEqual([]);
    expect(JSON.stringify(record)).not.toContain(Buffer.from('to be signed').toString('base64'));
  });

  it('ListAliases (ct-listaliases.html): no key, empty resources', () => {
    const { vault, as } = setUp('us-east-1');
    vault.execute('CreateAlias', { AliasName: 'alias/one', TargetKeyId: vault.execute('CreateKey', {}, as).KeyMetadata!.KeyId! }, as);
    vault.execute('CreateAlias', { AliasName: 'alias/two', TargetKeyId: vault.execute('CreateKey', {}, as).KeyMetadata!.KeyId! }, as);
    const { NextMarker } = vault.execute('ListAliases', { Limit: 1 }, as);
    vault.execute('ListAliases', { Limit: 5, Marker: NextMarker! }, as);
    expect(differences(last(vault, 'ListAliases'), LIST_ALIASES)).toEqual([]);
  });

  it('the comparison itself catches a wrong record (a missing field, a changed constant, an extra field)', () => {
    const wrong = { ...ENCRYPT, readOnly: false, extra: 1 } as Record<string, unknown>;
    delete wrong.requestID;
    expect(differences(wrong, ENCRYPT)).toEqual(['.requestID: missing', '.readOnly: false, the example has true', '.extra: not in the example']);
  });
});
