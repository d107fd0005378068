import { KMSClient } from '@aws-sdk/client-kms';
import type { HttpRequest } from '@smithy/types';

/**
 * A client whose request handler keeps the body the SDK would have sent, and sends nothing (its
 * `send` rejects with 'not sent'): what the SDK's serializer makes of an input.
 */
export function wireClient(): { client: KMSClient; lastBody: () => string } {
  let last = '';
  const client = new KMSClient({
    region: 'us-east-1',
    maxAttempts: 1,
    credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' },
    requestHandler: {
      handle: async (request: HttpRequest) => {
        const raw: unknown = request.body;
        last = raw instanceof Uint8Array ? Buffer.from(raw).toString('utf8') : String(raw);
        throw new Error('not sent');
      },
    },
  });
  return { client, lastBody: () => last };
}

/** An input as JSON text puts it on the wire: bytes as base64, Dates as epoch seconds. */
export function asWire(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(asWire);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asWire(v)]));
  return value;
}
