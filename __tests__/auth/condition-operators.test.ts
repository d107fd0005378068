import { conditionHolds, parseOperator } from '../../src/auth/condition-operators';
import { substituteVariables, type ContextValue, type RequestContext } from '../../src/auth/request-context';

function ctx(values: Record<string, ContextValue>): RequestContext {
  const lower = new Map(Object.entries(values).map(([k, v]) => [k.toLowerCase(), v]));
  return { value: (k) => lower.get(k) };
}

/** Whether `{ operator: { key: values } }` holds for a request with `request`. */
function holds(operator: string, key: string, values: string | string[], request: Record<string, ContextValue>): boolean {
  const op = parseOperator(operator);
  if (!op) throw new Error(`unknown operator ${operator}`);
  return conditionHolds(op, key.toLowerCase(), Array.isArray(values) ? values : [values], ctx(request));
}

describe('IAM condition operators (IAM User Guide, "Condition operators")', () => {
  it('String: StringEquals is case-sensitive, ...IgnoreCase is not, StringLike takes * and ?; several values are OR', () => {
    expect(holds('StringEquals', 'k', 'Blue', { k: 'Blue' })).toBe(true);
    expect(holds('StringEquals', 'k', 'blue', { k: 'Blue' })).toBe(false);
    expect(holds('StringEqualsIgnoreCase', 'k', 'blue', { k: 'Blue' })).toBe(true);
    expect(holds('StringNotEqualsIgnoreCase', 'k', 'blue', { k: 'Blue' })).toBe(false);
    expect(holds('StringLike', 'k', 'b?u*', { k: 'blue-team' })).toBe(true);
    expect(holds('StringNotLike', 'k', 'b*', { k: 'blue' })).toBe(false);
    expect(holds('StringEquals', 'k', ['red', 'blue'], { k: 'blue' })).toBe(true);
    expect(holds('StringNotEquals', 'k', ['red', 'blue'], { k: 'blue' })).toBe(false);
  });

  it('a missing key fails a positive operator and satisfies a negated one; ...IfExists holds when it is missing', () => {
    expect(holds('StringEquals', 'k', 'x', {})).toBe(false);
    expect(holds('StringNotEquals', 'k', 'x', {})).toBe(true);
    expect(holds('StringEqualsIfExists', 'k', 'x', {})).toBe(true);
    expect(holds('StringEqualsIfExists', 'k', 'x', { k: 'y' })).toBe(false);
    expect(holds('NumericLessThanIfExists', 'k', '10', { k: '5' })).toBe(true);
  });

  it('Numeric and Date operators compare numbers and ISO 8601 or epoch dates', () => {
    expect(holds('NumericEquals', 'n', '7', { n: '7' })).toBe(true);
    expect(holds('NumericNotEquals', 'n', '7', { n: '8' })).toBe(true);
    expect(holds('NumericLessThan', 'n', '30', { n: '7' })).toBe(true);
    expect(holds('NumericLessThanEquals', 'n', '7', { n: '7' })).toBe(true);
    expect(holds('NumericGreaterThan', 'n', '7', { n: '7' })).toBe(false);
    expect(holds('NumericGreaterThanEquals', 'n', '7', { n: '7' })).toBe(true);
    expect(holds('NumericEquals', 'n', '7', { n: 'seven' })).toBe(false);
    const t = { t: '2026-05-01T12:00:00.000Z' };
    expect(holds('DateLessThan', 't', '2026-06-01T00:00:00Z', t)).toBe(true);
    expect(holds('DateGreaterThan', 't', '2026-06-01T00:00:00Z', t)).toBe(false);
    expect(holds('DateEquals', 't', String(Date.parse(t.t) / 1000), t)).toBe(true);
    expect(holds('DateNotEquals', 't', '2026-05-01T12:00:00Z', t)).toBe(false);
    expect(holds('DateLessThanEquals', 't', '2026-05-01T12:00:00Z', t)).toBe(true);
    expect(holds('DateGreaterThanEquals', 't', '2026-05-01T12:00:00Z', t)).toBe(true);
  });

  it('Bool, BinaryEquals, IpAddress/NotIpAddress (IPv4 and IPv6 CIDR), Arn operators', () => {
    expect(holds('Bool', 'b', 'true', { b: 'true' })).toBe(true);
    expect(holds('Bool', 'b', 'true', { b: 'false' })).toBe(false);
    expect(holds('BinaryEquals', 'x', Buffer.from('hi').toString('base64'), { x: Buffer.from('hi').toString('base64') })).toBe(true);
    expect(holds('IpAddress', 'aws:SourceIp', '203.0.113.0/24', { 'aws:SourceIp': '203.0.113.7' })).toBe(true);
    expect(holds('IpAddress', 'aws:SourceIp', '203.0.113.0/24', { 'aws:SourceIp': '203.0.114.7' })).toBe(false);
    expect(holds('NotIpAddress', 'aws:SourceIp', '203.0.113.0/24', { 'aws:SourceIp': '198.51.100.1' })).toBe(true);
    expect(holds('IpAddress', 'aws:SourceIp', '2001:db8::/32', { 'aws:SourceIp': '2001:db8:1::5' })).toBe(true);
    expect(holds('IpAddress', 'aws:SourceIp', '2001:db8::/32', { 'aws:SourceIp': '2001:db9::5' })).toBe(false);
    const p = { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/app' };
    expect(holds('ArnLike', 'aws:PrincipalArn', 'arn:aws:iam::*:role/app', p)).toBe(true);
    expect(holds('ArnEquals', 'aws:PrincipalArn', 'arn:aws:iam::111122223333:role/app', p)).toBe(true);
    expect(holds('ArnNotLike', 'aws:PrincipalArn', 'arn:aws:iam::111122223333:role/*', p)).toBe(false);
    expect(holds('ArnNotEquals', 'aws:PrincipalArn', 'arn:aws:iam::111122223333:role/other', p)).toBe(true);
  });

  it('Null: "true" holds when the key is absent, "false" when present', () => {
    expect(holds('Null', 'k', 'true', {})).toBe(true);
    expect(holds('Null', 'k', 'true', { k: 'v' })).toBe(false);
    expect(holds('Null', 'k', 'false', { k: 'v' })).toBe(true);
  });

  it('ForAnyValue needs one request value to match (false for none); ForAllValues every value (true for none)', () => {
    const keys = { 'kms:EncryptionContextKeys': ['tenant', 'purpose'] };
    expect(holds('ForAnyValue:StringEquals', 'kms:EncryptionContextKeys', 'tenant', keys)).toBe(true);
    expect(holds('ForAllValues:StringEquals', 'kms:EncryptionContextKeys', 'tenant', keys)).toBe(false);
    expect(holds('ForAllValues:StringEquals', 'kms:EncryptionContextKeys', ['tenant', 'purpose', 'x'], keys)).toBe(true);
    expect(holds('ForAllValues:StringEquals', 'kms:EncryptionContextKeys', 'tenant', {})).toBe(true);
    expect(holds('ForAnyValue:StringEquals', 'kms:EncryptionContextKeys', 'tenant', {})).toBe(false);
    expect(holds('ForAnyValue:StringNotEquals', 'kms:EncryptionContextKeys', 'tenant', keys)).toBe(true);
    expect(holds('ForAllValues:StringNotLike', 'kms:EncryptionContextKeys', 'x*', keys)).toBe(true);
  });

  it('unknown operators and qualifiers are not operators; names are case-insensitive', () => {
    expect(parseOperator('StringFancy')).toBeUndefined();
    expect(parseOperator('ForSome:StringEquals')).toBeUndefined();
    expect(parseOperator('ForAnyValue:Null')).toBeUndefined();
    expect(parseOperator('stringequalsifexists')).toMatchObject({ ifExists: true });
  });

  it('policy variables: ${aws:username}, defaults, the ${*} ${?} ${$} escapes; an unset variable matches nothing', () => {
    const c = ctx({ 'aws:username': 'alice' });
    expect(substituteVariables('home/${aws:username}/*', c)).toBe('home/alice/*');
    expect(substituteVariables("${aws:userid, 'none'}", c)).toBe('none');
    expect(substituteVariables('${*}${?}${$}', c)).toBe('*?$');
    expect(substituteVariables('${aws:userid}', c)).toBeUndefined();
    expect(holds('StringEquals', 'aws:ResourceTag/owner', '${aws:username}', { 'aws:ResourceTag/owner': 'alice', 'aws:username': 'alice' })).toBe(true);
  });
});
