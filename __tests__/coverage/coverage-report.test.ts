import { KMSServiceException } from '@aws-sdk/client-kms';
import { OPERATION_ERRORS, OPERATION_NAMES, type OperationName } from '../../src/contract/generated';
import { CoverageAccumulator, type CoveredKey } from '../../src/coverage/coverage-accumulator';
import { mergeCoverage, isCoverageReport } from '../../src/coverage/coverage-report';
import { coverageHtml, coverageTable } from '../../src/coverage/render-coverage';
import type { CallEvent } from '../../src/engine/execute';
import { rootCaller } from '../../src/vault/principal';

const caller = rootCaller('111122223333');

function event(operation: OperationName, input: Record<string, unknown>, error?: string): CallEvent {
  const base = { operation, input, region: 'us-east-1', caller, time: new Date(0), requestId: 'r', request: {}, source: {} };
  if (error === undefined) return { ...base, output: { $metadata: { httpStatusCode: 200, requestId: 'r', attempts: 1, totalRetryDelay: 0 } } } as CallEvent;
  return { ...base, error: new KMSServiceException({ name: error, $fault: 'client', $metadata: {}, message: 'm' }) } as CallEvent;
}

const symmetric: CoveredKey = { keySpec: 'SYMMETRIC_DEFAULT', keyUsage: 'ENCRYPT_DECRYPT', state: 'Enabled' };

describe('coverage: a pure accumulator of call events', () => {
  it('counts calls, successes and errors per operation, split into documented exceptions raised, never raised, and others', () => {
    const acc = new CoverageAccumulator();
    acc.observe(event('Encrypt', { KeyId: 'k' }));
    acc.observe(event('Encrypt', { KeyId: 'k' }, 'DisabledException'));
    acc.observe(event('Encrypt', { KeyId: 'k' }, 'DisabledException'));
    acc.observe(event('Encrypt', { KeyId: 'k' }, 'AccessDeniedException'));
    const report = acc.report();
    const encrypt = report.operations.Encrypt;
    expect(encrypt).toMatchObject({ calls: 4, successes: 1, errors: { DisabledException: 2, AccessDeniedException: 1 } });
    expect(encrypt.documentedErrorsRaised).toEqual(['DisabledException']);
    expect(encrypt.documentedErrorsNeverRaised).toEqual(OPERATION_ERRORS.Encrypt.filter((e) => e !== 'DisabledException'));
    expect(encrypt.otherErrorsRaised).toEqual(['AccessDeniedException']);
    expect(report.totals).toMatchObject({ calls: 4, successes: 1, failures: 3, operationsCalled: 1, documentedErrorsRaised: 1 });
    expect(report.neverCalled).toEqual(OPERATION_NAMES.filter((op) => op !== 'Encrypt'));
  });

  it('records the enumerated parameters given against the values the contract accepts; a documented default counts when left out', () => {
    const acc = new CoverageAccumulator();
    acc.observe(event('Encrypt', { KeyId: 'k' }));
    acc.observe(event('Encrypt', { KeyId: 'k', EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }));
    acc.observe(event('Sign', { KeyId: 'k', SigningAlgorithm: 'ECDSA_SHA_256', MessageType: 'DIGEST' }));
    acc.observe(event('CreateGrant', { KeyId: 'k', Operations: ['Decrypt', 'Encrypt'] }));
    const report = acc.report();
    expect(report.operations.Encrypt.parameters.EncryptionAlgorithm?.used).toEqual({ SYMMETRIC_DEFAULT: 1, RSAES_OAEP_SHA_256: 1 });
    expect(report.operations.Encrypt.parameters.EncryptionAlgorithm?.neverUsed).toEqual(['RSAES_OAEP_SHA_1', 'SM2PKE']);
    expect(report.operations.Sign.parameters.MessageType?.used).toEqual({ DIGEST: 1 });
    expect(report.operations.CreateGrant.parameters.Operations?.used).toEqual({ Decrypt: 1, Encrypt: 1 });
    expect(report.encryptionAlgorithms.used).toEqual({ SYMMETRIC_DEFAULT: 1, RSAES_OAEP_SHA_256: 1 });
    expect(report.signingAlgorithms.used).toEqual({ ECDSA_SHA_256: 1 });
    expect(report.signingAlgorithms.neverUsed).toContain('RSASSA_PSS_SHA_256');
    expect(report.macAlgorithms.used).toEqual({});
    expect([...report.macAlgorithms.neverUsed].sort()).toEqual(['HMAC_SHA_224', 'HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_SHA_512']);
  });

  it('records the spec, usage and state of the key a call acted on, as its lookup finds it; key specs never used are listed', () => {
    const acc = new CoverageAccumulator((e) => (e.operation === 'Encrypt' ? symmetric : undefined));
    acc.observe(event('Encrypt', { KeyId: 'k' }));
    acc.observe(event('ListKeys', {}));
    const report = acc.report();
    expect(report.operations.Encrypt).toMatchObject({ keySpecs: { SYMMETRIC_DEFAULT: 1 }, keyUsages: { ENCRYPT_DECRYPT: 1 }, keyStates: { Enabled: 1 } });
    expect(report.operations.ListKeys.keySpecs).toEqual({});
    expect(report.keySpecs.used).toEqual({ SYMMETRIC_DEFAULT: 1 });
    expect(report.keySpecs.neverUsed).toContain('RSA_2048');
    expect(report.keyStates.neverUsed).toEqual(['Disabled', 'PendingDeletion', 'PendingReplicaDeletion', 'PendingImport', 'Unavailable', 'Creating', 'Updating']);
  });

  it('calls in a row on one key count each call, and a change of the key state in between is seen', () => {
    const key = { keySpec: 'SYMMETRIC_DEFAULT', keyUsage: 'ENCRYPT_DECRYPT', state: 'Enabled' };
    const acc = new CoverageAccumulator(() => key);
    for (let i = 0; i < 3; i++) acc.observe(event('Encrypt', { KeyId: 'k' }));
    key.state = 'Disabled';
    acc.observe(event('Encrypt', { KeyId: 'k' }, 'DisabledException'));
    acc.observe(event('Encrypt', { KeyId: 'k' }, 'DisabledException'));
    const other = { keySpec: 'RSA_2048', keyUsage: 'ENCRYPT_DECRYPT', state: 'Disabled' };
    const acc2 = new CoverageAccumulator((e) => ((e.input as { KeyId: string }).KeyId === 'a' ? key : other));
    acc2.observe(event('Encrypt', { KeyId: 'a' }));
    acc2.observe(event('Encrypt', { KeyId: 'b' }));
    acc2.observe(event('Encrypt', { KeyId: 'a' }));
    expect(acc.report().operations.Encrypt).toMatchObject({ keySpecs: { SYMMETRIC_DEFAULT: 5 }, keyStates: { Enabled: 3, Disabled: 2 } });
    expect(acc2.report().operations.Encrypt).toMatchObject({ keySpecs: { SYMMETRIC_DEFAULT: 2, RSA_2048: 1 }, keyStates: { Disabled: 3 } });
  });

  it('merging adds counts and lists as never exercised only what no report exercised; a report survives JSON', () => {
    const a = new CoverageAccumulator(() => symmetric);
    a.observe(event('Encrypt', { KeyId: 'k' }));
    a.observe(event('Decrypt', { CiphertextBlob: 'x' }, 'InvalidCiphertextException'));
    const b = new CoverageAccumulator();
    b.observe(event('Encrypt', { KeyId: 'k', EncryptionAlgorithm: 'SM2PKE' }, 'NotFoundException'));
    b.observe(event('CreateKey', { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }));
    const merged = mergeCoverage(JSON.parse(JSON.stringify(a.report())), b.report());
    expect(isCoverageReport(merged)).toBe(true);
    expect(merged.operations.Encrypt).toMatchObject({ calls: 2, successes: 1, errors: { NotFoundException: 1 } });
    expect(merged.operations.Encrypt.parameters.EncryptionAlgorithm?.used).toEqual({ SYMMETRIC_DEFAULT: 1, SM2PKE: 1 });
    expect(merged.operations.Decrypt.documentedErrorsRaised).toEqual(['InvalidCiphertextException']);
    expect(merged.totals).toMatchObject({ calls: 4, operationsCalled: 3 });
    // Key specs are those of the keys calls acted on (b's lookup finds none); CreateKey's own parameter is per operation.
    expect(merged.keySpecs.used).toEqual({ SYMMETRIC_DEFAULT: 2 });
    expect(merged.operations.CreateKey.parameters.KeySpec?.used).toEqual({ ECC_NIST_P256: 1 });
    expect(merged.neverCalled).not.toContain('CreateKey');
    expect(mergeCoverage(merged)).toEqual(merged);
    expect(mergeCoverage().totals.calls).toBe(0);
    expect(mergeCoverage().neverCalled).toEqual([...OPERATION_NAMES]);
  });

  it('the text table has a row per operation called with its exceptions never raised; the HTML page loads nothing from elsewhere', () => {
    const acc = new CoverageAccumulator();
    acc.observe(event('Encrypt', { KeyId: 'k' }, 'DisabledException'));
    const report = acc.report();
    const table = coverageTable(report);
    expect(table).toMatch(/^KMS coverage: 1 of \d+ operations called; 1 calls \(0 succeeded, 1 failed\)/);
    expect(table).toMatch(/Encrypt\s+1\s+0\s+1\s+1\/9\s+DependencyTimeout, DryRunOperation/);
    expect(table).toMatch(/Never called \(\d+\): CancelKeyDeletion, /);
    const html = coverageHtml(report);
    expect(html).toContain('<td>Encrypt</td>');
    expect(html).not.toMatch(/<script|<link|src=|href=/i);
  });
});
