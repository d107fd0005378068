import { randomUUID } from 'node:crypto';
import type { KMSServiceException } from '@aws-sdk/client-kms';
import { OPERATION_NAMES, type OperationName } from '../contract/generated';
import { answer } from '../engine/answer';
import type { RequestOrigin } from '../engine/execute';
import { internalError, isKmsError, kmsError } from '../errors/kms-error';
import { KmsVaultMockError } from '../errors/library-error';
import { messages } from '../errors/messages';
import type { Caller } from '../context/operation-context';
import type { AnsweringVault } from '../engine/answer';
import { decodeInput, encodeOutput } from './json-codec';
import { kmsErrorResponse, libraryErrorResponse, notJsonProtocolResponse, responseHeaders } from './wire-error';
import type { WireRequest, WireResponse } from './wire-message';
import { readSignature, signatureMatches } from './sigv4';

/**
 * How requests prove who they are. `lenient` (the default): a request signed with the credentials of
 * a principal the vault knows must carry a valid signature and acts as that principal; any other
 * request (unknown access key, or unsigned) acts as the vault account's root, as with other emulators.
 * `strict`: only known principals' valid signatures are accepted.
 */
export type AuthMode = 'lenient' | 'strict';

/** Options of the wire pipeline. */
export interface WireOptions {
  readonly auth?: AuthMode;
  /** `kms:ViaService` for every request: the AWS service they are made through, e.g. `secretsmanager.us-east-1.amazonaws.com`. */
  readonly viaService?: string;
  /** Deepest JSON nesting accepted (KMS inputs nest three levels at most). Default 64. */
  readonly maxDepth?: number;
  /**
   * Throw library errors (misuse, NotImplementedError) instead of answering them: in-process there is
   * no wire to lose their class on.
   */
  readonly throwLibraryErrors?: boolean;
}

/**
 * What the wire needs of a vault (a `KmsVault`): the engine's view, its default region and caller, and
 * its principals by access key. Named here so that protocol/ does not depend on the facade.
 */
export interface WireVault extends AnsweringVault {
  readonly region: string;
  readonly caller: Caller;
  principalByAccessKey(accessKeyId: string): { readonly caller: Caller; readonly credentials: { readonly secretAccessKey: string } } | undefined;
}

const TARGET_PREFIX = 'TrentService.';
const OPERATIONS = new Set<string>(OPERATION_NAMES);
const JSON_TYPES = new Set(['application/x-amz-json-1.1', 'application/x-amz-json-1.0', 'application/json']);
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Answers one AWS JSON 1.1 request to the KMS endpoint, whatever carried it: the steps AWS's front end
 * takes (protocol, JSON, operation, signature), then the engine (faults and latency, validation, the
 * operation), then the response. Every failure is an HTTP response (library errors too, unless
 * `throwLibraryErrors`).
 */
export async function answerWireRequest(vault: WireVault, request: WireRequest, options: WireOptions = {}): Promise<WireResponse> {
  const requestId = randomUUID();
  try {
    const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (request.method !== 'POST' || (request.body.length > 0 && !JSON_TYPES.has(contentType))) return notJsonProtocolResponse(requestId);

    let json: unknown;
    if (request.body.length > 0) {
      const parsed = parseJson(request.body, options.maxDepth ?? 64);
      if (parsed === INVALID) return kmsErrorResponse(kmsError('SerializationException', messages.noMessage()), requestId);
      json = parsed;
    }

    const target = request.headers['x-amz-target'] ?? '';
    const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
    if (!OPERATIONS.has(operation)) return kmsErrorResponse(kmsError('UnknownOperationException', messages.noMessage()), requestId);

    const origin = await identify(vault, request, options.auth ?? 'lenient', options.viaService);
    if (isKmsError(origin)) return kmsErrorResponse(origin, requestId);

    if (json === undefined) return kmsErrorResponse(kmsError('SerializationException', messages.noMessage()), requestId);
    return await run(vault, operation as OperationName, json, origin);
  } catch (error) {
    if (isKmsError(error)) return kmsErrorResponse(error, error.$metadata.requestId || requestId);
    if (error instanceof KmsVaultMockError) {
      if (options.throwLibraryErrors === true) throw error;
      return libraryErrorResponse(error, requestId);
    }
    return kmsErrorResponse(internalError(error, requestId), requestId);
  }
}

/** The caller and region a request acts as, or the error AWS answers. */
async function identify(vault: WireVault, request: WireRequest, auth: AuthMode, viaService: string | undefined): Promise<RequestOrigin | KMSServiceException> {
  const facts = {
    secureTransport: false,
    ...(request.remoteAddress !== undefined ? { sourceIp: request.remoteAddress } : {}),
    ...(viaService !== undefined ? { viaService } : {}),
  };
  const signed = readSignature(request, new Date());
  if (isKmsError(signed)) return signed;
  const userAgent = request.headers['user-agent'];
  const source = {
    ...(request.remoteAddress !== undefined ? { sourceIp: request.remoteAddress } : {}),
    ...(userAgent !== undefined ? { userAgent } : {}),
    ...(signed !== undefined ? { accessKeyId: signed.accessKeyId } : {}),
  };
  if (signed === undefined) {
    if (auth === 'strict') return kmsError('MissingAuthenticationTokenException', messages.missingAuthenticationToken());
    return { region: vault.region, caller: vault.caller, request: facts, source };
  }
  const principal = vault.principalByAccessKey(signed.accessKeyId);
  if (!principal) {
    if (auth === 'strict') return kmsError('UnrecognizedClientException', messages.unrecognizedClient());
    return { region: signed.region, caller: vault.caller, request: facts, source };
  }
  if (!(await signatureMatches(request, signed, principal.credentials.secretAccessKey)))
    return kmsError('InvalidSignatureException', messages.signatureMismatch());
  return { region: signed.region, caller: principal.caller, request: facts, source };
}

/** The engine's answer (injected faults and latency included; the client over the wire does its own retries), encoded. */
async function run(vault: WireVault, operation: OperationName, json: unknown, origin: RequestOrigin): Promise<WireResponse> {
  const input = decodeInput(operation, json);
  const output = await answer(vault, operation, input, origin, DECODED);
  const body = encodeOutput(output);
  return { status: 200, headers: responseHeaders(output.$metadata.requestId, body), body };
}

const INVALID = Symbol('invalid JSON');
/**
 * The wire's input is decoded against the model once (json-codec), not normalized again by the engine;
 * an injected latency does not keep a closing server's process alive.
 */
const DECODED = { decoded: true, keepAlive: false } as const;

/** The body as JSON: INVALID for bytes that are not UTF-8, text that is not JSON, or nesting too deep. */
function parseJson(body: Uint8Array, maxDepth: number): unknown {
  let text: string;
  try {
    text = UTF8.decode(body);
  } catch {
    return INVALID;
  }
  if (nestingDepth(text) > maxDepth) return INVALID;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID;
  }
}

/** The deepest nesting of arrays and objects in JSON text, counted outside strings. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > deepest) deepest = depth;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return deepest;
}
