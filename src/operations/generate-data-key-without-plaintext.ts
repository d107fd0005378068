import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { makeDataKey } from './generate-data-key';

/**
 * Returns a data key encrypted under a symmetric encryption key, and not its plaintext.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKeyWithoutPlaintext.html
 */
export function generateDataKeyWithoutPlaintext(
  context: OperationContext,
  input: HandlerInput<'GenerateDataKeyWithoutPlaintext'>,
): HandlerOutput<'GenerateDataKeyWithoutPlaintext'> {
  const { plaintext, response } = makeDataKey(context, input);
  plaintext.fill(0);
  return response;
}
