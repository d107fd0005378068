import { createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync } from 'node:crypto';
import {
  CreateKeyCommand,
  DecryptCommand,
  DeriveSharedSecretCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GenerateDataKeyPairCommand,
  GenerateRandomCommand,
  GetPublicKeyCommand,
  type RecipientInfo,
} from '@aws-sdk/client-kms';
import { decodeCbor } from '../../src/nitro/cbor';
import { readCoseSign1 } from '../../src/nitro/cose-sign1';
import { expectKmsError } from '../helpers/expect-kms-error';
import { vaultClient } from '../helpers/vault-client';
import { opensslWorkspace } from '../interop/openssl';

/**
 * Developer Guide, "How AWS Nitro Enclaves uses AWS KMS": with a Recipient holding a valid attestation
 * document, Decrypt, GenerateDataKey, GenerateDataKeyPair, GenerateRandom and DeriveSharedSecret return
 * the secret only as CiphertextForRecipient (a CMS EnvelopedData to the enclave's public key, RSAES-OAEP
 * SHA-256 and AES-256-CBC) and no plaintext; an invalid document is a ValidationException.
 */

const enclave = generateKeyPairSync('rsa', { modulusLength: 2048 });
const IMAGE = 'ab'.repeat(48);

function setup() {
  const { vault, kms } = vaultClient({ seed: 'nitro', clock: new Date('2026-03-01T12:00:00Z') });
  const AttestationDocument = vault.nitro.attestationDocument({ publicKey: enclave.publicKey, pcrs: { 0: IMAGE, 8: 'cd'.repeat(48) } });
  const recipient: RecipientInfo = { KeyEncryptionAlgorithm: 'RSAES_OAEP_SHA_256', AttestationDocument };
  const open = (ciphertext: Uint8Array | undefined) => vault.nitro.openCiphertextForRecipient(ciphertext as Uint8Array, enclave.privateKey);
  return { vault, kms, recipient, open };
}

describe('Recipient (Nitro Enclaves)', () => {
  it('Decrypt returns the plaintext only in CiphertextForRecipient, which openssl cms -decrypt opens with the enclave key', async () => {
    const { kms, recipient, open } = setup();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: KeyMetadata?.KeyId, Plaintext: Buffer.from('enclave secret') }));
    const answer = await kms.send(new DecryptCommand({ CiphertextBlob, Recipient: recipient }));
    expect(answer.Plaintext).toBeUndefined();
    expect(answer.KeyId).toBe(KeyMetadata?.Arn);
    expect(answer.EncryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
    expect(open(answer.CiphertextForRecipient).toString()).toBe('enclave secret');

    const ws = opensslWorkspace();
    try {
      const ct = ws.file('ct.der', answer.CiphertextForRecipient as Uint8Array);
      const key = ws.file('enclave.pem', enclave.privateKey.export({ type: 'pkcs8', format: 'pem' }));
      expect(ws.run(['cms', '-decrypt', '-inform', 'DER', '-in', ct, '-inkey', key, '-binary'])).toBe('enclave secret');
      const parsed = ws.run(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', ct]);
      expect(parsed).toContain('rsaesOaep');
      expect(parsed).toContain('aes-256-cbc');
      expect(parsed).toContain('sha256');
    } finally {
      ws.cleanup();
    }
  });

  it('GenerateDataKey: the enclave gets the data key that CiphertextBlob holds', async () => {
    const { kms, recipient, open } = setup();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const answer = await kms.send(new GenerateDataKeyCommand({ KeyId: KeyMetadata?.KeyId, KeySpec: 'AES_256', Recipient: recipient }));
    expect(answer.Plaintext).toBeUndefined();
    const dataKey = open(answer.CiphertextForRecipient);
    expect(dataKey).toHaveLength(32);
    const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: answer.CiphertextBlob }));
    expect(Buffer.from(Plaintext as Uint8Array)).toEqual(dataKey);
  });

  it('GenerateDataKeyPair: the enclave gets the private key of PublicKey; PrivateKeyPlaintext is absent', async () => {
    const { kms, recipient, open } = setup();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const answer = await kms.send(new GenerateDataKeyPairCommand({ KeyId: KeyMetadata?.KeyId, KeyPairSpec: 'ECC_NIST_P256', Recipient: recipient }));
    expect(answer.PrivateKeyPlaintext).toBeUndefined();
    const privateKey = createPrivateKey({ key: open(answer.CiphertextForRecipient), format: 'der', type: 'pkcs8' });
    expect(createPublicKey(privateKey).export({ type: 'spki', format: 'der' })).toEqual(Buffer.from(answer.PublicKey as Uint8Array));
  });

  it('GenerateRandom: the enclave gets NumberOfBytes random bytes', async () => {
    const { kms, recipient, open } = setup();
    const answer = await kms.send(new GenerateRandomCommand({ NumberOfBytes: 48, Recipient: recipient }));
    expect(answer.Plaintext).toBeUndefined();
    expect(open(answer.CiphertextForRecipient)).toHaveLength(48);
  });

  it('DeriveSharedSecret: the enclave gets the ECDH shared secret the peer computes too', async () => {
    const { kms, recipient, open } = setup();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'KEY_AGREEMENT' }));
    const peer = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const answer = await kms.send(
      new DeriveSharedSecretCommand({
        KeyId: KeyMetadata?.KeyId,
        KeyAgreementAlgorithm: 'ECDH',
        PublicKey: peer.publicKey.export({ type: 'spki', format: 'der' }),
        Recipient: recipient,
      }),
    );
    expect(answer.SharedSecret).toBeUndefined();
    const { PublicKey } = await kms.send(new GetPublicKeyCommand({ KeyId: KeyMetadata?.KeyId }));
    const expected = diffieHellman({
      privateKey: peer.privateKey,
      publicKey: createPublicKey({ key: Buffer.from(PublicKey as Uint8Array), format: 'der', type: 'spki' }),
    });
    expect(open(answer.CiphertextForRecipient)).toEqual(expected);
  });

  it('an attestation document that is not one, is altered, or whose certificate has expired is a ValidationException', async () => {
    const { vault, kms, recipient } = setup();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const request = (AttestationDocument: Uint8Array) =>
      kms.send(new GenerateDataKeyCommand({ KeyId: KeyMetadata?.KeyId, NumberOfBytes: 16, Recipient: { ...recipient, AttestationDocument } }));
    await expectKmsError(request(Buffer.from('not an attestation document')), { type: 'ValidationException', status: 400 });
    const altered = Buffer.from(recipient.AttestationDocument as Uint8Array);
    const at = altered.indexOf(Buffer.from('module_id'));
    altered[at + 12] = (altered[at + 12] ?? 0) ^ 1;
    await expectKmsError(request(altered), {
      type: 'ValidationException',
      status: 400,
      message: 'The attestation document in Recipient is not valid: the signature does not verify.',
    });
    vault.clock.advance({ hours: 4 });
    await expectKmsError(request(recipient.AttestationDocument as Uint8Array), {
      type: 'ValidationException',
      status: 400,
      message: 'The attestation document in Recipient is not valid: a certificate in the chain is not valid now.',
    });
  });

  it('a document for a non-RSA key is refused (RSAES_OAEP_SHA_256 is the only key encryption algorithm)', async () => {
    const { vault, kms } = setup();
    const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const AttestationDocument = vault.nitro.attestationDocument({ publicKey: ec.publicKey });
    await expectKmsError(kms.send(new GenerateRandomCommand({ NumberOfBytes: 8, Recipient: { AttestationDocument } })), {
      type: 'ValidationException',
      status: 400,
      message: 'The attestation document in Recipient is not valid: public_key is not an RSA key.',
    });
  });
});

describe('attestation documents (vault.nitro.attestationDocument)', () => {
  it('are an untagged COSE_Sign1 (ES384) over the CBOR fields Nitro documents carry', () => {
    const { recipient } = setup();
    const message = readCoseSign1(recipient.AttestationDocument as Uint8Array);
    expect(message.signature).toHaveLength(96);
    const payload = decodeCbor(message.payload) as Map<string, unknown>;
    expect([...payload.keys()]).toEqual(['module_id', 'digest', 'timestamp', 'pcrs', 'certificate', 'cabundle', 'public_key', 'user_data', 'nonce']);
    expect(payload.get('digest')).toBe('SHA384');
    expect(payload.get('timestamp')).toBe(Date.parse('2026-03-01T12:00:00Z'));
    const pcrs = payload.get('pcrs') as Map<number, Uint8Array>;
    expect(pcrs.size).toBe(16);
    expect(Buffer.from(pcrs.get(0) as Uint8Array).toString('hex')).toBe(IMAGE);
    expect(Buffer.from(payload.get('public_key') as Uint8Array)).toEqual(enclave.publicKey.export({ type: 'spki', format: 'der' }));
  });

  it('chain to the test root: openssl verifies the document certificate through cabundle', () => {
    const { vault, recipient } = setup();
    const payload = decodeCbor(readCoseSign1(recipient.AttestationDocument as Uint8Array).payload) as Map<string, unknown>;
    const [root, intermediate] = payload.get('cabundle') as Uint8Array[];
    expect(Buffer.from(root as Uint8Array).toString('base64')).toBe(vault.nitro.rootCertificate.replace(/-----[A-Z ]+-----|\n/g, ''));
    const ws = opensslWorkspace();
    try {
      const rootPem = ws.file('root.pem', vault.nitro.rootCertificate);
      const intermediateFile = ws.file('intermediate.der', intermediate as Uint8Array);
      const intermediatePem = ws.file('intermediate.pem', ws.run(['x509', '-inform', 'DER', '-in', intermediateFile]));
      const leafFile = ws.file('leaf.der', payload.get('certificate') as Uint8Array);
      const leafPem = ws.file('leaf.pem', ws.run(['x509', '-inform', 'DER', '-in', leafFile]));
      expect(
        ws.run(['verify', '-attime', String(Date.parse('2026-03-01T12:00:00Z') / 1000), '-CAfile', rootPem, '-untrusted', intermediatePem, leafPem]),
      ).toContain('OK');
    } finally {
      ws.cleanup();
    }
  });
});

describe('kms:RecipientAttestation condition keys (Developer Guide, "kms:RecipientAttestation:ImageSha384", "kms:RecipientAttestation:PCR")', () => {
  it('take their values from the verified attestation document: a role may decrypt only inside the enclave image it names', () => {
    const { vault, recipient } = setup();
    const keyId = vault.execute('CreateKey', {}).KeyMetadata?.KeyId as string;
    const { CiphertextBlob } = vault.execute('Encrypt', { KeyId: keyId, Plaintext: Buffer.from('for the enclave') });
    const role = vault.addPrincipal('arn:aws:iam::111122223333:role/enclave', {
      policies: [
        {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'kms:Decrypt',
              Resource: '*',
              Condition: {
                StringEqualsIgnoreCase: { 'kms:RecipientAttestation:ImageSha384': IMAGE.toUpperCase(), 'kms:RecipientAttestation:PCR8': 'cd'.repeat(48) },
              },
            },
          ],
        },
      ],
    });
    const decrypt = (extra: object) => () => vault.execute('Decrypt', { CiphertextBlob, ...extra }, { principal: role.arn });
    expect(decrypt({ Recipient: recipient })().CiphertextForRecipient).toBeInstanceOf(Uint8Array);
    expect(decrypt({})).toThrow(expect.objectContaining({ name: 'AccessDeniedException' }) as Error);
    const otherImage = vault.nitro.attestationDocument({ publicKey: enclave.publicKey, pcrs: { 0: 'ef'.repeat(48), 8: 'cd'.repeat(48) } });
    expect(decrypt({ Recipient: { KeyEncryptionAlgorithm: 'RSAES_OAEP_SHA_256', AttestationDocument: otherImage } })).toThrow(
      /not authorized to perform: kms:Decrypt/,
    );
  });
});
