import { randomUUID } from 'node:crypto';
import type { ServiceEvent } from '../vault/background';
import { EVENT_VERSION, type CloudTrailEvent, type JsonValue } from './cloudtrail-event';
import { eventTime } from './to-record';

/**
 * The record of something KMS did on its own (eventType AwsServiceEvent): RotateKey (automatic
 * rotation), DeleteKey (the deletion waiting period ended), DeleteExpiredKeyMaterial (imported material
 * reached its ValidTo). Shapes from the Developer Guide's RotateKey, DeleteKey and
 * DeleteExpiredKeyMaterial examples: no caller but the account, "AWS Internal" as address and agent,
 * null request and response, no requestID, the key in resources and in serviceEventDetails.
 */
export function serviceRecord(event: ServiceEvent, eventID: string = randomUUID()): CloudTrailEvent {
  const { key } = event;
  const additional: Record<string, JsonValue> = {};
  if (event.name === 'DeleteKey' && key.customKeyStoreId !== undefined) {
    additional.customKeyStoreId = key.customKeyStoreId;
    if (key.clusterId !== undefined) additional.clusterId = key.clusterId;
  }
  return {
    eventVersion: EVENT_VERSION,
    userIdentity: { accountId: key.accountId, invokedBy: 'AWS Internal' },
    eventTime: eventTime(event.time),
    eventSource: 'kms.amazonaws.com',
    eventName: event.name,
    awsRegion: key.region,
    sourceIPAddress: 'AWS Internal',
    userAgent: 'AWS Internal',
    requestParameters: null,
    responseElements: null,
    ...(Object.keys(additional).length > 0 ? { additionalEventData: additional } : {}),
    eventID,
    readOnly: false,
    resources: [{ accountId: key.accountId, type: 'AWS::KMS::Key', ARN: key.arn }],
    eventType: 'AwsServiceEvent',
    managementEvent: true,
    recipientAccountId: key.accountId,
    eventCategory: 'Management',
    ...(event.name === 'DeleteKey' ? {} : { serviceEventDetails: { keyId: key.keyId } }),
  };
}
