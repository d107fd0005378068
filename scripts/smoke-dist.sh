#!/usr/bin/env bash
# Checks that the built package loads as CommonJS and as ESM through its exports map and answers a call.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/node_modules"
ln -s "$PWD" "$tmp/node_modules/kms-vault-mock"
ln -s "$PWD/node_modules/@aws-sdk" "$tmp/node_modules/@aws-sdk"
ln -s "$PWD/node_modules/@smithy" "$tmp/node_modules/@smithy"
cat > "$tmp/check.cjs" <<'JS'
const { KMSClient, CreateKeyCommand, EncryptCommand, DecryptCommand } = require('@aws-sdk/client-kms');
const { KmsVault, vaultPlugin } = require('kms-vault-mock');
(async () => {
  const kms = new KMSClient({ region: 'eu-west-1' });
  kms.middlewareStack.use(vaultPlugin(new KmsVault()));
  const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
  const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: KeyMetadata.KeyId, Plaintext: Buffer.from('cjs') }));
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob }));
  if (Buffer.from(Plaintext).toString() !== 'cjs' || !KeyMetadata.Arn.includes(':eu-west-1:')) throw new Error('cjs round trip failed');
  console.log('CommonJS build: ok');
})().catch((e) => { console.error(e); process.exit(1); });
JS
cat > "$tmp/check.mjs" <<'JS'
import { KMSClient, CreateKeyCommand, EncryptCommand, DecryptCommand } from '@aws-sdk/client-kms';
import { KmsVault, vaultPlugin } from 'kms-vault-mock';
const kms = new KMSClient({ region: 'eu-west-1' });
kms.middlewareStack.use(vaultPlugin(new KmsVault()));
const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: KeyMetadata.KeyId, Plaintext: Buffer.from('esm') }));
const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob }));
if (Buffer.from(Plaintext).toString() !== 'esm' || !KeyMetadata.Arn.includes(':eu-west-1:')) throw new Error('esm round trip failed');
console.log('ESM build: ok');
JS
(cd "$tmp" && node --no-warnings check.cjs && node --no-warnings check.mjs)
