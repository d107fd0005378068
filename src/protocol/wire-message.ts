/**
 * An HTTP request as the wire layer sees it, whichever transport carried it (a socket of the
 * server, or the SDK's request handed to {@link vaultRequestHandler} in-process).
 */
export interface WireRequest {
  readonly method: string;
  /** The path without the query string. */
  readonly path: string;
  readonly query: Readonly<Record<string, string | readonly string[]>>;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
  /** The client's address, for `aws:SourceIp`; absent in-process. */
  readonly remoteAddress?: string;
}

/** An HTTP response of the wire layer. */
export interface WireResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** The media type of AWS JSON 1.1, which KMS speaks. */
export const JSON_11 = 'application/x-amz-json-1.1';
