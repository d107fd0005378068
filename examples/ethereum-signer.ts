/**
 * An Ethereum-style signer backed by a KMS key (ECC_SECG_P256K1, SIGN_VERIFY): the address comes from
 * the public key GetPublicKey returns, messages are signed as EIP-191 `personal_sign` digests with
 * Sign (MessageType DIGEST), and the signature's recovery id is found so that anyone can recover the
 * address from (message, signature) alone, as wallets and `ecrecover` do.
 * Run: npx tsx examples/ethereum-signer.ts
 */
import assert from 'node:assert/strict';
import { CreateKeyCommand, GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { KmsVault, vaultPlugin } from 'kms-vault-mock';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** The address of an uncompressed public point (0x04 || X || Y): the last 20 bytes of keccak256(X || Y), EIP-55 cased. */
function addressOf(point: Uint8Array): string {
  const plain = hex(keccak_256(point.subarray(1)).subarray(12));
  const hash = hex(keccak_256(Buffer.from(plain)));
  return `0x${[...plain].map((c, i) => (parseInt(hash[i] ?? '0', 16) >= 8 ? c.toUpperCase() : c)).join('')}`;
}

/** EIP-191 version 0x45: the digest `personal_sign` signs. */
function personalMessageDigest(message: string): Uint8Array {
  const bytes = Buffer.from(message);
  return keccak_256(Buffer.concat([Buffer.from(`\x19Ethereum Signed Message:\n${bytes.length}`), bytes]));
}

class KmsEthereumSigner {
  private constructor(
    private readonly kms: KMSClient,
    private readonly keyId: string,
    private readonly publicPoint: Uint8Array,
  ) {}

  static async create(kms: KMSClient, keyId: string): Promise<KmsEthereumSigner> {
    const { PublicKey } = await kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
    assert.ok(PublicKey);
    // A secp256k1 SubjectPublicKeyInfo ends with the 65-byte uncompressed point.
    return new KmsEthereumSigner(kms, keyId, PublicKey.subarray(PublicKey.length - 65));
  }

  get address(): string {
    return addressOf(this.publicPoint);
  }

  /** A 65-byte `r || s || v` signature (v = 27 or 28), with low s as Ethereum requires (EIP-2). */
  async signMessage(message: string): Promise<string> {
    const digest = personalMessageDigest(message);
    const { Signature } = await this.kms.send(
      new SignCommand({
        KeyId: this.keyId,
        Message: digest,
        MessageType: 'DIGEST',
        SigningAlgorithm: 'ECDSA_SHA_256',
      }),
    );
    assert.ok(Signature);
    let signature = secp256k1.Signature.fromBytes(Signature, 'der');
    if (signature.hasHighS()) signature = new secp256k1.Signature(signature.r, secp256k1.Point.CURVE().n - signature.s);
    // KMS does not say which of the two candidate points signed: try both recovery ids.
    for (const recovery of [0, 1]) {
      const recovered = signature.addRecoveryBit(recovery).recoverPublicKey(digest).toBytes(false);
      if (hex(recovered) === hex(this.publicPoint)) return `0x${hex(signature.toBytes('compact'))}${(27 + recovery).toString(16)}`;
    }
    throw new Error('no recovery id reproduces the KMS public key');
  }
}

/** What a verifier does with only the message and the signature (ecrecover). */
function recoverAddress(message: string, signature: string): string {
  const bytes = Buffer.from(signature.slice(2), 'hex');
  const recovery = (bytes[64] ?? 27) - 27;
  const point = secp256k1.Signature.fromBytes(bytes.subarray(0, 64), 'compact').addRecoveryBit(recovery).recoverPublicKey(personalMessageDigest(message));
  return addressOf(point.toBytes(false));
}

async function main(): Promise<void> {
  const vault = new KmsVault({ seed: 'ethereum' });
  const kms = new KMSClient({ region: 'us-east-1' });
  kms.middlewareStack.use(vaultPlugin(vault));
  const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'ECC_SECG_P256K1', KeyUsage: 'SIGN_VERIFY', Description: 'hot wallet' }));

  // The address derivation itself, on the well-known key 1 (its address is in every Ethereum tool's tests).
  const one = new Uint8Array(32);
  one[31] = 1;
  assert.equal(addressOf(secp256k1.getPublicKey(one, false)), '0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf');

  const signer = await KmsEthereumSigner.create(kms, KeyMetadata?.KeyId ?? '');
  console.log(`address            ${signer.address}`);
  for (const message of ['hello from KMS', 'transfer 1 ETH to 0x000000000000000000000000000000000000dEaD']) {
    const signature = await signer.signMessage(message);
    assert.match(signature, /^0x[0-9a-f]{128}(1b|1c)$/);
    assert.equal(recoverAddress(message, signature), signer.address);
    console.log(`signed, recovered  ${recoverAddress(message, signature)}  "${message}"`);
  }
  assert.notEqual(recoverAddress('another message', await signer.signMessage('hello from KMS')), signer.address);
  console.log('another message    recovers another address');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
