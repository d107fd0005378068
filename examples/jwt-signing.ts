/**
 * JSON Web Tokens signed with KMS keys (ES256 with an ECC_NIST_P256 key, RS256 with an RSA_2048 key)
 * and verified with `jose`, from the public key GetPublicKey returns. The private key never leaves the
 * vault, as with real KMS. Run: npx tsx examples/jwt-signing.ts
 */
import assert from 'node:assert/strict';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { CreateKeyCommand, GetPublicKeyCommand, KMSClient, SignCommand, type KeySpec, type SigningAlgorithmSpec } from '@aws-sdk/client-kms';
import { exportJWK, jwtVerify } from 'jose';
import { KmsVault, vaultPlugin } from 'kms-vault-mock';

const base64url = (bytes: Uint8Array | string): string => Buffer.from(bytes).toString('base64url');

/**
 * KMS returns ECDSA signatures DER-encoded (SEQUENCE of two INTEGERs); JWS wants r and s as two
 * fixed-size big-endian numbers (RFC 7518, section 3.4).
 */
function derToJose(der: Uint8Array, size: number): Buffer {
  const bytes = Buffer.from(der);
  let offset = 2 + (bytes[1] === 0x81 ? 1 : 0); // SEQUENCE header (long form above 127 bytes)
  const parts: Buffer[] = [];
  for (let i = 0; i < 2; i++) {
    const length = bytes[offset + 1] ?? 0;
    const integer = bytes.subarray(offset + 2, offset + 2 + length);
    offset += 2 + length;
    const trimmed = integer.subarray(Math.max(0, integer.length - size)); // drop a sign byte
    parts.push(Buffer.concat([Buffer.alloc(size - trimmed.length), trimmed]));
  }
  return Buffer.concat(parts);
}

interface JwtKey {
  readonly alg: 'ES256' | 'RS256';
  readonly keySpec: KeySpec;
  readonly signingAlgorithm: SigningAlgorithmSpec;
}

async function signJwt(kms: KMSClient, keyId: string, key: JwtKey, claims: Record<string, unknown>): Promise<string> {
  const header = { alg: key.alg, typ: 'JWT', kid: keyId };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const { Signature } = await kms.send(
    new SignCommand({
      KeyId: keyId,
      Message: Buffer.from(signingInput),
      MessageType: 'RAW',
      SigningAlgorithm: key.signingAlgorithm,
    }),
  );
  assert.ok(Signature);
  const signature = key.alg === 'ES256' ? derToJose(Signature, 32) : Buffer.from(Signature);
  return `${signingInput}.${base64url(signature)}`;
}

async function publicKeyOf(kms: KMSClient, keyId: string): Promise<KeyObject> {
  const { PublicKey } = await kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
  assert.ok(PublicKey);
  return createPublicKey({ key: Buffer.from(PublicKey), format: 'der', type: 'spki' });
}

async function main(): Promise<void> {
  const vault = new KmsVault({ seed: 'jwt' });
  const kms = new KMSClient({ region: 'eu-central-1' });
  kms.middlewareStack.use(vaultPlugin(vault));

  const keys: readonly JwtKey[] = [
    { alg: 'ES256', keySpec: 'ECC_NIST_P256', signingAlgorithm: 'ECDSA_SHA_256' },
    { alg: 'RS256', keySpec: 'RSA_2048', signingAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256' },
  ];
  for (const key of keys) {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: key.keySpec, KeyUsage: 'SIGN_VERIFY' }));
    const keyId = KeyMetadata?.KeyId ?? '';
    const now = Math.floor(vault.clock.now().getTime() / 1000);
    const token = await signJwt(kms, keyId, key, { sub: 'user-42', iss: 'https://issuer.example', iat: now, exp: now + 300 });

    const publicKey = await publicKeyOf(kms, keyId);
    const { payload, protectedHeader } = await jwtVerify(token, publicKey, { issuer: 'https://issuer.example', algorithms: [key.alg] });
    assert.equal(payload.sub, 'user-42');
    assert.equal(protectedHeader.kid, keyId);
    console.log(`${key.alg} (${key.keySpec})`.padEnd(24), `verified by jose: sub=${payload.sub}, ${token.length} characters`);

    // The JWKS entry a relying party would fetch.
    const jwk = await exportJWK(publicKey);
    assert.equal(jwk.kty, key.alg === 'ES256' ? 'EC' : 'RSA');

    // A token whose payload was changed does not verify.
    const [h, , s] = token.split('.');
    const forged = `${h}.${base64url(JSON.stringify({ sub: 'admin', iss: 'https://issuer.example', exp: now + 300 }))}.${s}`;
    await assert.rejects(jwtVerify(forged, publicKey), { code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });
  }
  console.log('forged tokens'.padEnd(24), 'rejected');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
