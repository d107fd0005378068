import type { HttpHandlerOptions, HttpRequest, HttpResponse, RequestHandler, RequestHandlerOutput } from '@smithy/types';
import type { KmsVault } from '../kms-vault';
import type { WireRequest } from '../protocol/wire-message';
import { answerWireRequest, type WireOptions } from '../protocol/wire-pipeline';
import { abortError, unlessAborted } from './abort-signal';

/** Options of {@link vaultRequestHandler}. */
export type VaultRequestHandlerOptions = Pick<WireOptions, 'auth' | 'viaService'>;

/** The HTTP handler {@link vaultRequestHandler} returns: what `new KMSClient({ requestHandler })` takes. */
export interface VaultRequestHandler extends RequestHandler<HttpRequest, HttpResponse> {
  updateHttpClientConfig(key: never, value: never): void;
  httpHandlerConfigs(): Record<string, never>;
}

/**
 * An HTTP handler for `new KMSClient({ requestHandler: vaultRequestHandler(vault) })`: the SDK's whole
 * stack runs (serialization, signing, retries, deserialization) and the vault answers the HTTP request
 * in-process, without a socket, exactly as the server answers it over one. The client still needs a
 * region and credentials, as any KMSClient does: dummy ones act as the vault account's root, a
 * principal's (`vault.addPrincipal(...).credentials`) act as that principal. Misuse of the library and
 * features not implemented yet reject with the library's own errors, as through the middleware.
 */
export function vaultRequestHandler(vault: KmsVault, options: VaultRequestHandlerOptions = {}): VaultRequestHandler {
  return {
    metadata: { handlerProtocol: 'http/1.1' },
    async handle(request: HttpRequest, { abortSignal }: HttpHandlerOptions = {}): Promise<RequestHandlerOutput<HttpResponse>> {
      // As the SDK's HTTP handlers do: an aborted signal rejects with AbortError before anything is sent.
      if (abortSignal?.aborted) throw abortError();
      const answer = await unlessAborted(answerWireRequest(vault, toWireRequest(request), { ...options, throwLibraryErrors: true }), abortSignal);
      return { response: { statusCode: answer.status, headers: answer.headers, body: new Uint8Array(Buffer.from(answer.body, 'utf8')) } };
    },
    updateHttpClientConfig(): void {},
    httpHandlerConfigs(): Record<string, never> {
      return {};
    },
    destroy(): void {},
  };
}

function toWireRequest(request: HttpRequest): WireRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(request.query ?? {})) if (value !== null) query[name] = value;
  return { method: request.method, path: request.path, query, headers, body: bodyBytes(request.body) };
}

function bodyBytes(body: unknown): Uint8Array {
  if (body === undefined || body === null) return new Uint8Array(0);
  if (typeof body === 'string') return new Uint8Array(Buffer.from(body, 'utf8'));
  if (body instanceof Uint8Array) return body;
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  // KMS has no streaming operations; anything else is not a body the SDK sends it.
  return new Uint8Array(Buffer.from(String(body), 'utf8'));
}
