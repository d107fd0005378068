import fc from 'fast-check';
import * as Sdk from '@aws-sdk/client-kms';
import { KMSClient, KMSServiceException } from '@aws-sdk/client-kms';
import { OPERATION_NAMES, type OperationName } from '../../src/contract/generated';
import { decodeInput } from '../../src/protocol/json-codec';
import { normalizeInput } from '../../src/validation/normalize-input';
import { inputsOf, type Fixtures } from './contract-arbitraries';
import { asWire, wireClient } from '../helpers/wire-body';

/**
 * Property: the vault's input normalization is what @aws-sdk/client-kms puts on the wire. For inputs
 * generated from the contract (nulls, NaN, BigInt, Dates, Maps, Buffers where they do not belong), the
 * normalized input, written as JSON (bytes as base64, Dates as epoch seconds), equals the JSON body
 * the SDK's serializer produces; where the SDK cannot serialize the input, normalization answers
 * SerializationException. KMS_VAULT_MOCK_PROPERTY_RUNS sets the inputs per operation.
 */
const RUNS = Number(process.env.KMS_VAULT_MOCK_PROPERTY_RUNS ?? 30);
const SEED = Number(process.env.KMS_VAULT_MOCK_PROPERTY_SEED ?? 20261129);

const fixtures: Fixtures = {
  keyRefs: ['1234abcd-12ab-34cd-56ef-1234567890ab', 'alias/a', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
  aliasNames: ['alias/a'],
  blobs: [Buffer.from('blob')],
  regions: ['eu-west-1'],
  // Markers are strings on the wire like any other: drawn from the member's type alone here.
  markers: [],
};

const wire = wireClient();
const client = wire.client;

/** The SDK's body as JSON, or 'unserializable' when the SDK threw before sending; 'invalid JSON' when it sent text that is not JSON. */
async function wireBody(operation: OperationName, input: unknown): Promise<unknown> {
  const Command = (Sdk as unknown as Record<string, new (input: unknown) => Parameters<KMSClient['send']>[0]>)[`${operation}Command`];
  if (!Command) throw new Error(`no ${operation}Command`);
  try {
    await client.send(new Command(input));
  } catch (error) {
    if (!(error instanceof Error) || error.message !== 'not sent') return 'unserializable';
  }
  try {
    return JSON.parse(wire.lastBody()) as unknown;
  } catch {
    return 'invalid JSON';
  }
}

function normalized(operation: OperationName, input: unknown): unknown {
  try {
    return asWire(normalizeInput(operation, input));
  } catch (error) {
    if (error instanceof KMSServiceException && error.name === 'SerializationException') return 'unserializable';
    throw error;
  }
}

describe('input normalization equals what @aws-sdk/client-kms sends', () => {
  it.each(OPERATION_NAMES.map((op) => [op]))('%s', async (operation) => {
    await fc.assert(
      fc.asyncProperty(inputsOf(operation, fixtures), async (input) => {
        // Serializing can change the caller's object (the SDK fills in idempotency tokens); each side gets its own copy.
        const wire = await wireBody(operation, structuredCopy(input));
        const ours = normalized(operation, structuredCopy(input));
        // Text that is not JSON (NaN for an invalid Date) is refused by KMS as the vault refuses it.
        if (wire === 'invalid JSON') return ours === 'unserializable';
        if (ours === 'unserializable' && wire !== 'unserializable') {
          // Text that reached a blob member (a Date's ISO form, "NaN") and is not base64: KMS refuses
          // the body, as the vault's own wire decoder does.
          expect(() => decodeInput(operation, wire as Record<string, unknown>)).toThrow(expect.objectContaining({ name: 'SerializationException' }) as Error);
          return true;
        }
        expect(ours).toEqual(wire);
        return true;
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

/** A copy of generated input that keeps Dates, Maps, Buffers and BigInts as they are. */
function structuredCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(structuredCopy);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structuredCopy(v)]));
  }
  return value;
}
