import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import { customKeyStoreEntry, findCustomKeyStore } from './custom-key-store-rules';
import { page } from './paging';

/** Stores per page when the request gives no Limit. */
const DEFAULT_LIMIT = 100;

/**
 * Lists the custom key stores of the account and Region in creation order, or the one named by
 * CustomKeyStoreId or CustomKeyStoreName (not both); CustomKeyStoreNotFoundException when none has it.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeCustomKeyStores.html
 */
export function describeCustomKeyStores(context: OperationContext, input: HandlerInput<'DescribeCustomKeyStores'>): HandlerOutput<'DescribeCustomKeyStores'> {
  if (input.CustomKeyStoreId !== undefined && input.CustomKeyStoreName !== undefined) throw kmsError('ValidationException', messages.customKeyStoreIdAndName());
  let stores = context.state.customKeyStores.storesOf(context.caller.accountId, context.region);
  if (input.CustomKeyStoreId !== undefined) stores = [findCustomKeyStore(context, input.CustomKeyStoreId)];
  if (input.CustomKeyStoreName !== undefined) {
    const name = input.CustomKeyStoreName;
    stores = stores.filter((s) => s.name === name);
    if (stores.length === 0) throw kmsError('CustomKeyStoreNotFoundException', messages.customKeyStoreNotFound(name));
  }
  const { items, more } = page('DescribeCustomKeyStores', stores, input.Limit ?? DEFAULT_LIMIT, input.Marker);
  return { CustomKeyStores: items.map(customKeyStoreEntry), ...more };
}
