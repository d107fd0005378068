import { createCipheriv, createDecipheriv } from 'node:crypto';

/** What an import token binds together: the key, the wrapping parameters and when they expire. */
export interface ImportTokenContents {
  /** The ARN of the key the material is for. */
  readonly keyArn: string;
  readonly wrappingAlgorithm: string;
  readonly wrappingKeySpec: string;
  /** The seed the wrapping key pair is made from. */
  readonly wrappingSeed: Buffer;
  /** ParametersValidTo, epoch milliseconds. */
  readonly validTo: number;
}

const VERSION = 1;
const AAD = Buffer.from('kms-vault-mock import token v1');

/**
 * An opaque import token: the contents sealed with AES-256-GCM under `secret` (the vault's own), so
 * only the vault that issued it can read it and any change to it is detected. Layout: a version byte,
 * the 12-byte IV, the 16-byte tag, the ciphertext.
 */
export function sealImportToken(secret: Buffer, iv: Buffer, contents: ImportTokenContents): Buffer {
  const body = Buffer.from(
    JSON.stringify({
      k: contents.keyArn,
      a: contents.wrappingAlgorithm,
      s: contents.wrappingKeySpec,
      w: contents.wrappingSeed.toString('base64'),
      v: contents.validTo,
    }),
    'utf8',
  );
  const cipher = createCipheriv('aes-256-gcm', secret, iv).setAAD(AAD);
  const ciphertext = Buffer.concat([cipher.update(body), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ciphertext]);
}

/** The contents of a token sealed under `secret`, or undefined when it is not such a token or was changed. */
export function openImportToken(secret: Buffer, token: Uint8Array): ImportTokenContents | undefined {
  if (token.length < 1 + 12 + 16 + 1 || token[0] !== VERSION) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', secret, token.subarray(1, 13)).setAAD(AAD);
    decipher.setAuthTag(token.subarray(13, 29));
    const body = Buffer.concat([decipher.update(token.subarray(29)), decipher.final()]);
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (!isTokenBody(parsed)) return undefined;
    return { keyArn: parsed.k, wrappingAlgorithm: parsed.a, wrappingKeySpec: parsed.s, wrappingSeed: Buffer.from(parsed.w, 'base64'), validTo: parsed.v };
  } catch {
    return undefined;
  }
}

function isTokenBody(value: unknown): value is { k: string; a: string; s: string; w: string; v: number } {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.k === 'string' && typeof v.a === 'string' && typeof v.s === 'string' && typeof v.w === 'string' && typeof v.v === 'number';
}
