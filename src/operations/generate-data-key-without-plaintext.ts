import type { GenerateDataKeyWithoutPlaintextRequest, GenerateDataKeyWithoutPlaintextResponse } from '@aws-sdk/client-kms';
import type { OperationContext } from '../context/operation-context';
import { makeDataKey } from './generate-data-key';

/**
 * Returns a data key encrypted under a symmetric encryption key, and not its plaintext.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKeyWithoutPlaintext.html
 */
export function generateDataKeyWithoutPlaintext(context: OperationContext, input: GenerateDataKeyWithoutPlaintextRequest): GenerateDataKeyWithoutPlaintextResponse {
  const { plaintext, response } = makeDataKey(context, input, 'GenerateDataKeyWithoutPlaintext');
  plaintext.fill(0);
  return response;
}
