import type { EncryptRequest } from '@aws-sdk/client-kms';
import { OPERATION_NAMES } from '../../src';
import type { OperationContext } from '../../src/context/operation-context';
import { OPERATIONS, wired } from '../../src/operations/registry';
import { decrypt } from '../../src/operations/decrypt';

/** Issue 9: the registry is typed per operation; a wrong or missing handler is a compile error. */
describe('the operation registry', () => {
  it('has a handler for every operation of the KMS API', () => {
    for (const name of OPERATION_NAMES) expect(typeof OPERATIONS[name]).toBe('function');
  });

  it('refuses, at compile time, a handler wired to the wrong operation (checked by npm run typecheck)', () => {
    const wrong = () =>
      // @ts-expect-error Decrypt's handler under Encrypt: its input is not EncryptRequest.
      wired({ ...OPERATIONS, Encrypt: decrypt });
    expect(typeof wrong).toBe('function');
  });

  it('refuses, at compile time, a handler typed with the SDK request instead of HandlerInput (checked by npm run typecheck)', () => {
    const sdkTyped = (_context: OperationContext, input: EncryptRequest) => ({ KeyId: input.KeyId });
    const loose = () =>
      // @ts-expect-error EncryptRequest reads KeyId and Plaintext as possibly undefined: not HandlerInput<'Encrypt'>.
      wired({ ...OPERATIONS, Encrypt: sdkTyped });
    expect(typeof loose).toBe('function');
  });
});
