import type { Caller } from '../engine/context';
import type { KmsAction } from './authorize';

interface Statement {
  readonly Effect?: unknown;
  readonly Principal?: unknown;
  readonly Action?: unknown;
}

function list(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

function principals(value: unknown): string[] {
  if (value === '*') return ['*'];
  if (value !== null && typeof value === 'object' && 'AWS' in value) return list((value as { AWS: unknown }).AWS);
  return [];
}

function matchesAction(pattern: string, action: string): boolean {
  if (pattern === '*') return true;
  const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i');
  return re.test(action);
}

function matchesPrincipal(principal: string, caller: Caller): boolean {
  return principal === '*' || principal === caller.accountId || principal === caller.principalArn || principal === `arn:aws:iam::${caller.accountId}:root`;
}

/**
 * Whether a key policy lets `caller` perform `action`: an explicit Deny wins, then any Allow whose
 * principal names the caller (its account, account root, or `*`) and whose actions match. Conditions
 * are not evaluated. This is the part of policy evaluation a key's cross-account sharing rests on.
 */
export function policyAllows(policy: string, caller: Caller, action: KmsAction): boolean {
  let doc: unknown;
  try {
    doc = JSON.parse(policy);
  } catch {
    return false;
  }
  const raw = (doc as { Statement?: unknown }).Statement;
  const statements = (Array.isArray(raw) ? raw : [raw]) as Statement[];
  let allowed = false;
  for (const s of statements) {
    if (!s || typeof s !== 'object') continue;
    if (!principals(s.Principal).some((p) => matchesPrincipal(p, caller))) continue;
    if (!list(s.Action).some((a) => matchesAction(a, action))) continue;
    if (s.Effect === 'Deny') return false;
    if (s.Effect === 'Allow') allowed = true;
  }
  return allowed;
}
