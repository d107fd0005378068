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
cat > "$tmp/compat.cjs" <<'JS'
const { KMSClient, CreateKeyCommand, EncryptCommand } = require('@aws-sdk/client-kms');
const { mockClient } = require('kms-vault-mock');
const { kmsVaultMatchers } = require('kms-vault-mock/jest');
require('kms-vault-mock/vitest');
(async () => {
  const kmsMock = mockClient(KMSClient, { vault: true });
  const kms = new KMSClient({});
  const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
  await kms.send(new EncryptCommand({ KeyId: KeyMetadata.KeyId, Plaintext: Buffer.from('x') }));
  const ctx = { isNot: false, equals: Object.is, utils: { printExpected: String, printReceived: String } };
  if (!kmsVaultMatchers.toHaveReceivedCommandTimes.call(ctx, kmsMock, EncryptCommand, 1).pass) throw new Error('cjs matchers do not see the mock');
  if (!require('kms-vault-mock/sinon').isSinonStub(kms.send)) throw new Error('cjs kms-vault-mock/sinon does not see the mock');
  kmsMock.restore();
  console.log('CommonJS mockClient and kms-vault-mock/jest, /vitest, /sinon: ok');
})().catch((e) => { console.error(e); process.exit(1); });
JS
cat > "$tmp/compat.mjs" <<'JS'
import { KMSClient, CreateKeyCommand } from '@aws-sdk/client-kms';
import { mockClient } from 'kms-vault-mock';
import { kmsVaultMatchers, installMatchers } from 'kms-vault-mock/vitest';
const kmsMock = mockClient(KMSClient, { vault: true });
await new KMSClient({}).send(new CreateKeyCommand({}));
const ctx = { isNot: false, equals: Object.is, utils: { printExpected: String, printReceived: String } };
if (!kmsVaultMatchers.toHaveReceivedCommand.call(ctx, kmsMock, CreateKeyCommand).pass || typeof installMatchers !== 'function') throw new Error('esm matchers do not see the mock');
const { isSinonStub } = await import('kms-vault-mock/sinon');
if (!isSinonStub(KMSClient.prototype.send)) throw new Error('esm kms-vault-mock/sinon does not see the mock');
kmsMock.restore();
await import('kms-vault-mock/jest');
console.log('ESM mockClient and kms-vault-mock/vitest, /jest, /sinon: ok');
JS
# The worker programs (dist/xks-*-worker.js): a test XKS proxy on its worker, and a vault calling it
# synchronously through the synchronous-HTTP worker, from both builds.
xks_check() {
  cat <<JS
const { KmsVault, startXksProxy } = $1;
const credential = { accessKeyId: 'ABCDE234567EXAMPLEAB', rawSecretAccessKey: 'DXjSUawnel2fr6SKC7G25CNxTyWKE5PF9XX6H/u9pSo=' };
const proxy = await startXksProxy({ credential, keys: ['key-1'] });
try {
  const vault = new KmsVault();
  vault.addXksProxy('https://xks.example.com', { url: proxy.url, timeoutMs: 10000 });
  const { CustomKeyStoreId } = vault.execute('CreateCustomKeyStore', { CustomKeyStoreName: 'xks', CustomKeyStoreType: 'EXTERNAL_KEY_STORE', XksProxyConnectivity: 'PUBLIC_ENDPOINT', XksProxyUriEndpoint: 'https://xks.example.com', XksProxyUriPath: '/kms/xks/v1', XksProxyAuthenticationCredential: { AccessKeyId: credential.accessKeyId, RawSecretAccessKey: credential.rawSecretAccessKey } });
  vault.execute('ConnectCustomKeyStore', { CustomKeyStoreId });
  vault.clock.advance({ minutes: 1 });
  const { KeyMetadata } = vault.execute('CreateKey', { Origin: 'EXTERNAL_KEY_STORE', CustomKeyStoreId, XksKeyId: 'key-1' });
  const { CiphertextBlob } = vault.execute('Encrypt', { KeyId: KeyMetadata.KeyId, Plaintext: Buffer.from('xks') });
  const { Plaintext } = vault.execute('Decrypt', { CiphertextBlob });
  const operations = (await proxy.requests()).map((r) => r.operation);
  if (Buffer.from(Plaintext).toString() !== 'xks' || !operations.includes('Encrypt') || !operations.includes('Decrypt')) throw new Error('xks round trip failed');
} finally {
  await proxy.close();
}
JS
}
{ echo "(async () => {"; xks_check "require('kms-vault-mock')"; echo "console.log('CommonJS worker files: ok'); })().catch((e) => { console.error(e); process.exit(1); });"; } > "$tmp/xks.cjs"
{ echo "const lib = await import('kms-vault-mock');"; xks_check "lib"; echo "console.log('ESM worker files: ok');"; } > "$tmp/xks.mjs"
(cd "$tmp" && node --no-warnings check.cjs && node --no-warnings check.mjs && node --no-warnings compat.cjs && node --no-warnings compat.mjs && node --no-warnings xks.cjs && node --no-warnings xks.mjs)

# The packed package as a user installs it: its package.json carries none of this repository's
# scripts (they name files it does not ship; npm warns about a dependency's `prepare`), packing leaves
# this package.json as it was, and the tarball installs into a fresh project without a word about
# install scripts, then answers a call.
pack="$tmp/pack"
mkdir -p "$pack/project"
before=$(cat package.json)
tarball=$(npm pack --silent --pack-destination "$pack" | tail -n 1)
[ "$(cat package.json)" = "$before" ] || { echo "npm pack left package.json changed"; exit 1; }
[ ! -e .pack-scripts.json ] || { echo "npm pack left .pack-scripts.json behind"; exit 1; }
tar -xzf "$pack/$tarball" -C "$pack" package/package.json
node -e 'const p = require(process.argv[1]); if (p.scripts) { console.error(`the packed package.json keeps scripts: ${Object.keys(p.scripts).join(", ")}`); process.exit(1); }' "$pack/package/package.json"
sdk=$(node -p 'require("@aws-sdk/client-kms/package.json").version')
(
  cd "$pack/project"
  echo '{ "name": "consumer", "private": true }' > package.json
  npm install --prefer-offline --no-audit --no-fund "$pack/$tarball" "@aws-sdk/client-kms@$sdk" > install.log 2>&1 || { cat install.log; exit 1; }
  if grep -iE 'prepare|install-scripts.*kms-vault-mock' install.log; then echo "installing the tarball warns about its scripts (above)"; exit 1; fi
  cp "$tmp/check.cjs" .
  node --no-warnings check.cjs
  [ -x node_modules/.bin/kms-vault-mock ] && node node_modules/.bin/kms-vault-mock --version > /dev/null
  echo "packed package: no scripts in its package.json, installs without warnings, answers a call: ok"
)
