import type { OperationContext } from '../context/operation-context';
import type { HandlerInput, HandlerOutput } from './handler-types';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import { keyForOperation } from './key-for-operation';

const DAY_MS = 86_400_000;

/**
 * Schedules a key for deletion after a waiting period of 7 to 30 days (default 30).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html
 */
export function scheduleKeyDeletion(context: OperationContext, input: HandlerInput<'ScheduleKeyDeletion'>): HandlerOutput<'ScheduleKeyDeletion'> {
  // The model allows 1..365; KMS itself rejects what is outside 7..30, with its own message.
  const days = input.PendingWindowInDays ?? 30;
  if (days < 7 || days > 30) throw kmsError('ValidationException', messages.pendingWindowInDays());
  const key = keyForOperation(context, input.KeyId, input, { aliases: false });
  key.pendingWindowInDays = days;
  const group = key.multiRegionGroup;
  if (group && group.primaryRegion === key.region && group.members.size > 1) {
    // A primary key with replicas waits for them; its waiting period begins when the last is deleted.
    key.state = 'PendingReplicaDeletion';
    context.state.scheduleDeletion(key);
    return { KeyId: key.arn, KeyState: 'PendingReplicaDeletion', PendingWindowInDays: days };
  }
  const deletionDate = new Date(context.now.getTime() + days * DAY_MS);
  key.state = 'PendingDeletion';
  key.deletionDate = deletionDate;
  context.state.scheduleDeletion(key);
  return { KeyId: key.arn, DeletionDate: new Date(deletionDate.getTime()), KeyState: 'PendingDeletion', PendingWindowInDays: days };
}
