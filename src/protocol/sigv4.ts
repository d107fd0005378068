import { timingSafeEqual } from 'node:crypto';
import type { KMSServiceException } from '@aws-sdk/client-kms';
import type { HttpRequest } from '@smithy/types';
import { kmsError } from '../errors/kms-error';
import { messages } from '../errors/messages';
import type { WireRequest } from './wire-message';
import { NodeSha256 } from '../crypto/sha256';

/** What a request's `Authorization` header says, once its form has been checked. */
export interface SignedRequest {
  readonly accessKeyId: string;
  /** The region of the credential scope: the region the request was signed for. */
  readonly region: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
  readonly date: Date;
}

/**
 * How far a request's signing time may be from the server's clock (real time, not the vault's
 * clock, which tests move). AWS's service framework allows 15 minutes (docs/research/wire-protocol.md).
 */
export const MAX_SKEW_MINUTES = 15;

const ALGORITHM = 'AWS4-HMAC-SHA256';
const BASIC_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/**
 * Reads and checks the SigV4 `Authorization` header, in the order AWS's service framework checks it:
 * its parameters, the date and its skew, `Host` being signed, the algorithm, the credential scope.
 * Returns undefined for an unsigned request, the signed facts, or the error AWS answers.
 */
export function readSignature(request: WireRequest, now: Date): SignedRequest | undefined | KMSServiceException {
  const authorization = request.headers['authorization'];
  if (authorization === undefined) return undefined;
  if (!authorization.trim().startsWith('AWS4-')) return kmsError('MissingAuthenticationTokenException', messages.missingAuthenticationToken());
  const [algorithm = '', ...rest] = authorization.trim().split(/\s+/);
  const params = new Map<string, string>();
  for (const part of rest.join('').split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const dateText = request.headers['x-amz-date'] ?? request.headers['date'];
  let missing = '';
  for (const name of ['Credential', 'Signature', 'SignedHeaders']) {
    if (!params.get(name)) missing += `Authorization header requires '${name}' parameter. `;
  }
  if (dateText === undefined) missing += "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ";
  if (missing) return kmsError('IncompleteSignatureException', messages.incompleteSignature(missing, authorization));
  const credential = params.get('Credential') as string;
  const signature = params.get('Signature') as string;
  const signedHeaders = (params.get('SignedHeaders') as string).split(';').map((h) => h.trim().toLowerCase());

  const date = parseBasicDate(dateText as string);
  if (!date) return kmsError('IncompleteSignatureException', messages.signingDateFormat(dateText as string));
  const skew = date.getTime() - now.getTime();
  const limit = MAX_SKEW_MINUTES * 60_000;
  if (skew < -limit)
    return kmsError(
      'InvalidSignatureException',
      messages.signatureExpired(dateText as string, basic(new Date(now.getTime() - limit)), basic(now), MAX_SKEW_MINUTES),
    );
  if (skew > limit)
    return kmsError(
      'InvalidSignatureException',
      messages.signatureNotYetCurrent(dateText as string, basic(new Date(now.getTime() + limit)), basic(now), MAX_SKEW_MINUTES),
    );
  if (!signedHeaders.includes('host')) return kmsError('InvalidSignatureException', messages.hostNotSigned());
  if (algorithm !== ALGORITHM) return kmsError('IncompleteSignatureException', messages.unsupportedAlgorithm(algorithm));

  const scope = credential.replace(/\/+$/, '').split('/');
  if (scope.length !== 5) return kmsError('IncompleteSignatureException', messages.credentialParts(credential));
  const [accessKeyId = '', scopeDate = '', region = '', service = '', terminator = ''] = scope;
  let problems = '';
  if (!/^[a-z]+(-[a-z]+)+-\d+$/.test(region)) problems += `Credential should be scoped to a valid region, not '${region}'. `;
  if (service !== 'kms') problems += "Credential should be scoped to correct service: 'kms'. ";
  if (terminator !== 'aws4_request') problems += `Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'. `;
  const longDate = dateText as string;
  if (scopeDate !== longDate.slice(0, 8))
    problems += `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${longDate.slice(0, 8)}', from '${longDate}'.`;
  if (problems) return kmsError('InvalidSignatureException', messages.credentialScope(problems.trim()));
  return { accessKeyId, region, signedHeaders, signature, date };
}

type SignerClass = typeof import('@smithy/signature-v4').SignatureV4;
let signerClass: Promise<SignerClass> | undefined;

/** The SDK's own SigV4 signer, loaded on the first signed request. */
function loadSigner(): Promise<SignerClass> {
  signerClass ??= import('@smithy/signature-v4').then((m) => m.SignatureV4);
  return signerClass;
}

/**
 * True when the request's signature is the one the secret makes: the request is re-signed with the
 * SDK's own signer over exactly the headers the client signed, and the two signatures compared.
 */
export async function signatureMatches(request: WireRequest, signed: SignedRequest, secretAccessKey: string): Promise<boolean> {
  const SignatureV4 = await loadSigner();
  const headers: Record<string, string> = {};
  for (const name of signed.signedHeaders) {
    const value = request.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  const sessionToken = signed.signedHeaders.includes('x-amz-security-token') ? request.headers['x-amz-security-token'] : undefined;
  const signer = new SignatureV4({
    credentials: { accessKeyId: signed.accessKeyId, secretAccessKey, ...(sessionToken !== undefined ? { sessionToken } : {}) },
    region: signed.region,
    service: 'kms',
    sha256: NodeSha256,
    // Sign exactly what the client signed: no x-amz-content-sha256 of our own.
    applyChecksum: false,
  });
  const toSign: HttpRequest = {
    method: request.method,
    protocol: 'http:',
    hostname: (headers['host'] ?? 'localhost').replace(/:\d+$/, ''),
    path: request.path,
    query: request.query as HttpRequest['query'],
    headers,
    body: request.body,
  };
  const resigned = await signer.sign(toSign, { signingDate: signed.date, signableHeaders: new Set(signed.signedHeaders) });
  const expected = /Signature=([0-9a-f]+)/.exec(String(resigned.headers['authorization']))?.[1] ?? '';
  const a = Buffer.from(expected);
  const b = Buffer.from(signed.signature);
  return a.length === b.length && timingSafeEqual(a, b);
}

function parseBasicDate(text: string): Date | undefined {
  const m = BASIC_DATE.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function basic(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}
