import { constants, createCipheriv, createPublicKey, publicEncrypt, randomBytes } from 'node:crypto';
import {
  CreateKeyCommand,
  GetParametersForImportCommand,
  ImportKeyMaterialCommand,
  type AlgorithmSpec,
  type CreateKeyCommandInput,
  type ImportKeyMaterialCommandInput,
  type KMSClient,
  type WrappingKeySpec,
} from '@aws-sdk/client-kms';

/** The RFC 5649 initial value, as the Developer Guide's openssl commands pass it (`-iv A65959A6`). */
const KWP_IV = Buffer.from('A65959A6', 'hex');

/**
 * Key material wrapped outside the vault with node:crypto, as a user does with openssl (Developer
 * Guide, "Encrypt the key material"): RSAES_OAEP_* encrypts the material with the wrapping public key;
 * RSA_AES_KEY_WRAP_* encrypts a fresh AES-256 key with it and appends the material wrapped under that
 * key with AES Key Wrap with Padding.
 */
export function wrapKeyMaterial(publicKeyDer: Uint8Array, algorithm: AlgorithmSpec, material: Uint8Array): Buffer {
  const publicKey = createPublicKey({ key: Buffer.from(publicKeyDer), format: 'der', type: 'spki' });
  const hash = algorithm.endsWith('SHA_1') ? 'sha1' : 'sha256';
  const oaep = (data: Uint8Array) => publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hash }, data);
  if (algorithm.startsWith('RSAES_OAEP')) return oaep(material);
  const aesKey = randomBytes(32);
  const cipher = createCipheriv('id-aes256-wrap-pad', aesKey, KWP_IV);
  return Buffer.concat([oaep(aesKey), cipher.update(material), cipher.final()]);
}

/** What importing takes: an import token and the material wrapped for its public key. */
export interface WrappedMaterial {
  readonly ImportToken: Uint8Array;
  readonly EncryptedKeyMaterial: Buffer;
}

/** GetParametersForImport for `keyId`, and `material` wrapped with the public key it returns. */
export async function wrapFor(
  kms: KMSClient,
  keyId: string,
  material: Uint8Array,
  wrapping: { algorithm?: AlgorithmSpec; keySpec?: WrappingKeySpec } = {},
): Promise<WrappedMaterial> {
  const algorithm = wrapping.algorithm ?? 'RSAES_OAEP_SHA_256';
  const params = await kms.send(
    new GetParametersForImportCommand({ KeyId: keyId, WrappingAlgorithm: algorithm, WrappingKeySpec: wrapping.keySpec ?? 'RSA_2048' }),
  );
  return { ImportToken: params.ImportToken as Uint8Array, EncryptedKeyMaterial: wrapKeyMaterial(params.PublicKey as Uint8Array, algorithm, material) };
}

/** Imports `material` into `keyId` (by default without expiry). */
export async function importMaterial(kms: KMSClient, keyId: string, material: Uint8Array, extra: Partial<ImportKeyMaterialCommandInput> = {}) {
  const wrapped = await wrapFor(kms, keyId, material);
  const expiration: Partial<ImportKeyMaterialCommandInput> =
    extra.ValidTo === undefined && extra.ExpirationModel === undefined ? { ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' } : {};
  return kms.send(new ImportKeyMaterialCommand({ KeyId: keyId, ...wrapped, ...expiration, ...extra }));
}

/** A key with Origin EXTERNAL (symmetric encryption unless `input` says otherwise), still PendingImport. */
export async function externalKey(kms: KMSClient, input: CreateKeyCommandInput = {}): Promise<{ keyId: string; arn: string }> {
  const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL', ...input }));
  return { keyId: KeyMetadata?.KeyId as string, arn: KeyMetadata?.Arn as string };
}
