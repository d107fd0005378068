import { KMSServiceException, NotFoundException } from '@aws-sdk/client-kms';
import { INPUT_RULES, OPERATION_NAMES, STRUCTURE_RULES } from '../../src/contract/generated';
import { kmsError } from '../../src/errors/kms-error';
import { normalizeInput } from '../../src/validation/normalize-input';
import { decodeInput, encodeOutput } from '../../src/protocol/json-codec';
import { kmsErrorResponse } from '../../src/protocol/wire-error';

describe('AWS JSON 1.1 codec, driven by the operation shapes', () => {
  it('decodes blob members from base64 into bytes, at the top level and inside structures', () => {
    const input = decodeInput('GenerateRandom', {
      NumberOfBytes: 8,
      Recipient: { KeyEncryptionAlgorithm: 'RSAES_OAEP_SHA_256', AttestationDocument: 'AAECAw==' },
    });
    expect((input['Recipient'] as { AttestationDocument: Uint8Array }).AttestationDocument).toEqual(new Uint8Array([0, 1, 2, 3]));
    expect(decodeInput('Encrypt', { KeyId: 'k', Plaintext: 'aGk=' })['Plaintext']).toEqual(new Uint8Array([0x68, 0x69]));
  });

  it('decodes timestamps from epoch seconds (fractions kept to the millisecond)', () => {
    const input = decodeInput('ImportKeyMaterial', { KeyId: 'k', ImportToken: 'AA==', EncryptedKeyMaterial: 'AA==', ValidTo: 1700000000.5 });
    expect(input['ValidTo']).toEqual(new Date(1700000000500));
  });

  it('treats JSON null as an absent member, and leaves members of the wrong type for validation', () => {
    const input = decodeInput('Encrypt', { KeyId: null, Plaintext: 42, EncryptionContext: { a: 'b' } });
    expect('KeyId' in input).toBe(false);
    expect(input['Plaintext']).toBe(42);
    expect(input['EncryptionContext']).toEqual({ a: 'b' });
  });

  it('a blob that is not base64 is SerializationException: the length is checked before the alphabet', () => {
    expect(() => decodeInput('Decrypt', { CiphertextBlob: 'abcde' })).toThrow('Base64 encoded length is expected a multiple of 4 bytes but found: 5');
    expect(() => decodeInput('Decrypt', { CiphertextBlob: 'ab*=' })).toThrow('Invalid last non-pad Base64 character dectected');
    let thrown: unknown;
    try {
      decodeInput('Decrypt', { CiphertextBlob: 'abc' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(KMSServiceException);
    expect((thrown as KMSServiceException).name).toBe('SerializationException');
    expect((thrown as KMSServiceException).$metadata.httpStatusCode).toBe(400);
  });

  it('encodes bytes (Buffer or Uint8Array) as base64 and dates as epoch seconds, without $metadata or unset members', () => {
    const body = encodeOutput({
      CiphertextBlob: Buffer.from([1, 2, 3]),
      Nested: { Blob: new Uint8Array([255]), When: new Date(1700000000123), Missing: undefined },
      $metadata: { httpStatusCode: 200, requestId: 'x', attempts: 1, totalRetryDelay: 0 },
    });
    expect(JSON.parse(body)).toEqual({ CiphertextBlob: 'AQID', Nested: { Blob: '/w==', When: 1700000000.123 } });
  });

  it('encodes a subarray of a larger buffer as just its bytes', () => {
    const big = Buffer.from([9, 9, 1, 2, 9]);
    expect(JSON.parse(encodeOutput({ B: big.subarray(2, 4) }))).toEqual({ B: 'AQI=' });
  });
});

describe('error responses', () => {
  it('carry the status, x-amzn-ErrorType and {"__type","message"} of the KMS error', () => {
    const res = kmsErrorResponse(new NotFoundException({ message: 'Key is not found', $metadata: { httpStatusCode: 400 } }), 'req-1');
    expect(res.status).toBe(400);
    expect(res.headers['x-amzn-errortype']).toBe('NotFoundException');
    expect(res.headers['x-amzn-requestid']).toBe('req-1');
    expect(JSON.parse(res.body)).toEqual({ __type: 'NotFoundException', message: 'Key is not found' });
  });

  it('send no message for errors KMS sends without one (the SDKs then say UnknownError)', () => {
    expect(JSON.parse(kmsErrorResponse(kmsError('InvalidCiphertextException', ''), 'r').body)).toEqual({ __type: 'InvalidCiphertextException' });
  });

  it("name framework errors with their namespace, as AWS's service framework does", () => {
    expect(JSON.parse(kmsErrorResponse(kmsError('ValidationException', 'm'), 'r').body)).toEqual({
      __type: 'com.amazon.coral.validate#ValidationException',
      message: 'm',
    });
    expect(kmsErrorResponse(kmsError('KMSInternalException', 'boom'), 'r').status).toBe(500);
  });
});

describe('the wire input is walked against the model once', () => {
  type Rule = { readonly type: string; readonly member?: Rule; readonly structure?: string };

  /** A JSON value of every member's type, with what the SDK's serializer drops: nulls, unknown members, a structure given as an array. */
  function wireValue(rule: Rule, depth: number): unknown {
    switch (rule.type) {
      case 'blob':
        return 'AAEC';
      case 'timestamp':
        return 1700000000.5;
      case 'integer':
      case 'long':
        return 7;
      case 'boolean':
        return true;
      case 'list':
        return [null, rule.member ? wireValue(rule.member, depth + 1) : 'a'];
      case 'map':
        return { a: 'b', gone: null };
      case 'structure':
        return depth > 2 ? [] : { ...wireStructure(STRUCTURE_RULES[rule.structure ?? ''] ?? [], depth + 1), Unknown: 1, Nothing: null };
      default:
        return 'x';
    }
  }

  function wireStructure(rules: readonly (Rule & { readonly name: string })[], depth: number): Record<string, unknown> {
    return Object.fromEntries(rules.map((rule) => [rule.name, wireValue(rule, depth)]));
  }

  it.each(OPERATION_NAMES)('%s: normalizing the decoded input changes nothing, so the engine validates it without normalizing it again', (operation) => {
    const json = { ...wireStructure(INPUT_RULES[operation], 0), NotAMember: 'x', AlsoNull: null };
    const decoded = decodeInput(operation, json);
    expect(normalizeInput(operation, decoded)).toEqual(decoded);
    expect('NotAMember' in decoded).toBe(false);
  });
});
