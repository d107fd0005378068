import { createHmac } from 'node:crypto';
import type { RandomSource } from './random';

/**
 * The kinds of caller `aws:PrincipalType` distinguishes (IAM User Guide, "AWS global condition context
 * keys"): an account's root user, an IAM user, an assumed-role session. An IAM role itself never calls;
 * a role added as a principal acts as a session of that role.
 */
export type PrincipalType = 'Account' | 'User' | 'AssumedRole';

/** Who is calling: the identity a request is made as, with what IAM knows of it. */
export interface Caller {
  readonly accountId: string;
  /** The identity as KMS names it in messages (`User: <arn> is not authorized ...`). */
  readonly arn: string;
  /**
   * `aws:PrincipalArn`: the ARN policies match against. For a role session this is the role's ARN
   * (`arn:aws:iam::ACCOUNT:role/NAME`), for users and roots the same as `arn`.
   */
  readonly principalArn: string;
  readonly type: PrincipalType;
  /** `aws:userid`: the account id for a root, an AIDA… id for a user, `AROA…:session` for a role session. */
  readonly userId: string;
  /** `aws:username`, for IAM users only. */
  readonly username?: string;
}

/** Access keys that sign requests as a principal. */
export interface PrincipalCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** A principal the vault knows: its identity, its credentials and its IAM identity policies. */
export interface PrincipalRecord {
  readonly caller: Caller;
  readonly credentials: PrincipalCredentials;
  /** IAM identity policies, as JSON text, in the order they were given. */
  readonly policies: readonly string[];
}

const ROOT = /^arn:aws:iam::(\d{12}):root$/;
const USER = /^arn:aws:iam::(\d{12}):user\/((?:[\w+=,.@-]+\/)*)([\w+=,.@-]{1,64})$/;
const ROLE = /^arn:aws:iam::(\d{12}):role\/((?:[\w+=,.@-]+\/)*)([\w+=,.@-]{1,64})$/;
const SESSION = /^arn:aws:sts::(\d{12}):assumed-role\/([\w+=,.@-]{1,64})\/([\w+=,.@-]{2,64})$/;

/** The root principal of an account: what a caller is when nothing else is said. */
export function rootCaller(accountId: string): Caller {
  return { accountId, arn: `arn:aws:iam::${accountId}:root`, principalArn: `arn:aws:iam::${accountId}:root`, type: 'Account', userId: accountId };
}

/** An IAM-style unique id (`AIDA…`, `AROA…`) derived from the ARN, so it is the same in every run. */
function uniqueId(prefix: string, arn: string): string {
  return prefix + base32(createHmac('sha256', 'kms-vault-mock principal id').update(arn).digest()).slice(0, 17);
}

function base32(bytes: Buffer): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let out = '';
  for (const b of bytes) out += alphabet[b % 32];
  return out;
}

/**
 * The caller an ARN names: an account root, an IAM user, a role (acting as a session of it) or an
 * assumed-role session. Undefined when the ARN is none of these.
 */
export function callerOf(arn: string): Caller | undefined {
  let m = ROOT.exec(arn);
  if (m) return rootCaller(m[1] ?? '');
  m = USER.exec(arn);
  if (m) {
    const accountId = m[1] ?? '';
    return { accountId, arn, principalArn: arn, type: 'User', userId: uniqueId('AIDA', arn), username: m[3] ?? '' };
  }
  m = ROLE.exec(arn);
  if (m) {
    const accountId = m[1] ?? '';
    return { accountId, arn, principalArn: arn, type: 'AssumedRole', userId: `${uniqueId('AROA', arn)}:kms-vault-mock` };
  }
  m = SESSION.exec(arn);
  if (m) {
    const accountId = m[1] ?? '';
    const roleArn = `arn:aws:iam::${accountId}:role/${m[2] ?? ''}`;
    return { accountId, arn, principalArn: roleArn, type: 'AssumedRole', userId: `${uniqueId('AROA', roleArn)}:${m[3] ?? ''}` };
  }
  return undefined;
}

/**
 * Access keys for a principal. Under a seed they are derived from the seed and the ARN, so they are the
 * same in every run and do not shift the vault's other random choices; otherwise they are fresh.
 * Users get long-term keys (`AKIA…`), role sessions temporary ones (`ASIA…`).
 */
export function credentialsFor(caller: Caller, seed: string | number | undefined, random: RandomSource): PrincipalCredentials {
  const material =
    seed === undefined
      ? random.bytes(48)
      : createHmac('sha256', `kms-vault-mock credentials:${String(seed)}`)
          .update(caller.arn)
          .digest();
  const more = seed === undefined ? material.subarray(16) : createHmac('sha256', material).update('secret').digest();
  const prefix = caller.type === 'AssumedRole' ? 'ASIA' : 'AKIA';
  return {
    accessKeyId: prefix + base32(material.subarray(0, 16)),
    secretAccessKey: Buffer.concat([more, material])
      .toString('base64')
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, 40),
  };
}
