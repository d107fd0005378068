#!/usr/bin/env bash
# The peer range, tested at both ends: installs the packed package (from dist/: run `npm run build`
# first) beside the oldest and the newest @aws-sdk/client-kms it supports, each in a fresh project
# with nothing else of ours, then type-checks a consumer file against the declarations (strict, the
# libraries' declarations included) and runs it: vaultPlugin, the request handler, mockClient with a
# vault, and the matchers' entries. Usage: scripts/check-peer-range.sh [VERSION ...]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
# The oldest release the peer range admits (^3.723.0: the first on @smithy/types 4, whose types the
# declarations share), and the SDK this repository develops against.
oldest=3.723.0
newest=$(node -p 'require("@aws-sdk/client-kms/package.json").version')
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=("$oldest" "$newest")
tsc_version=$(node -p 'require("typescript/package.json").version')
node_types=$(node -p 'require("@types/node/package.json").version')

[ -f dist/index.js ] || { echo "dist/ is missing: run npm run build first" >&2; exit 1; }
tmp=$(mktemp -d)
trap '[ -n "${KEEP_TMP:-}" ] || rm -rf "$tmp"' EXIT
tarball=$(npm pack --ignore-scripts --silent --pack-destination "$tmp" | tail -n 1)

cat > "$tmp/consumer.ts" <<'TS'
import { CreateKeyCommand, DecryptCommand, EncryptCommand, KMSClient, ListKeysCommand, type EncryptCommandOutput } from '@aws-sdk/client-kms';
import { KmsVault, mockClient, vaultPlugin, type AwsClientStub } from 'kms-vault-mock';
import { kmsVaultMatchers } from 'kms-vault-mock/jest';
import { ordinalOf } from 'kms-vault-mock/vitest';

async function main(): Promise<void> {
  const vault = new KmsVault({ seed: 'peer-range' });
  const kms = new KMSClient({ region: 'eu-west-1' });
  kms.middlewareStack.use(vaultPlugin(vault));
  const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
  const encrypted: EncryptCommandOutput = await kms.send(new EncryptCommand({ KeyId: KeyMetadata?.KeyId, Plaintext: Buffer.from('peer') }));
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: encrypted.CiphertextBlob }));
  if (Buffer.from(Plaintext ?? []).toString() !== 'peer' || !KeyMetadata?.Arn?.includes(':eu-west-1:')) throw new Error('vaultPlugin round trip failed');

  const kmsMock: AwsClientStub<KMSClient> = mockClient(KMSClient);
  kmsMock.on(ListKeysCommand).resolves({ Keys: [], Truncated: false });
  const listed = await new KMSClient({}).send(new ListKeysCommand({}));
  const call = kmsMock.commandCalls(ListKeysCommand)[0];
  const command: ListKeysCommand | undefined = call?.args[0];
  if (listed.Truncated !== false || command === undefined) throw new Error('mockClient failed');
  const context = { isNot: false, equals: Object.is, utils: { printExpected: String, printReceived: String, printDiffOrStringify: () => '' } };
  if (!kmsVaultMatchers.toHaveReceivedCommandTimes.call(context, kmsMock, ListKeysCommand, 1).pass) throw new Error('matchers do not see the mock');
  kmsMock.restore();

  const backed = mockClient(KMSClient, { vault: new KmsVault() });
  const created = await new KMSClient({ region: 'ap-south-1' }).send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }));
  if (!created.KeyMetadata?.Arn?.includes(':ap-south-1:') || ordinalOf(2) !== '2nd') throw new Error('vault-backed mockClient failed');
  backed.restore();
}

main().then(() => console.log('ok'), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
TS

for version in "${versions[@]}"; do
  echo "--- @aws-sdk/client-kms@$version"
  dir="$tmp/sdk-$version"
  mkdir -p "$dir"
  cp "$tmp/consumer.ts" "$dir/"
  (
    cd "$dir"
    echo '{ "name": "consumer", "private": true }' > package.json
    npm install --no-audit --no-fund --loglevel=error "@aws-sdk/client-kms@$version" "typescript@$tsc_version" "@types/node@$node_types" "$tmp/$tarball" > install.log 2>&1 || { cat install.log; exit 1; }
    echo "installed: $(node -p 'require("@aws-sdk/client-kms/package.json").version') with @smithy/types $(node -p 'require("@smithy/types/package.json").version') ($(find node_modules -path '*/@smithy/types/package.json' | wc -l) copies)"
    # The declarations name the types of every operation of the newest SDK; an older SDK lacks the
    # newest operations (Encapsulate, GetKeyLastUsage, ...), which only a check of the libraries'
    # own declarations sees. skipLibCheck (tsc --init's default) is how projects compile them.
    skip_lib_check=$([ "$version" = "$newest" ] && echo false || echo true)
    cat > tsconfig.json <<JSON
{ "compilerOptions": { "target": "ES2022", "module": "commonjs", "moduleResolution": "node", "strict": true, "esModuleInterop": true, "skipLibCheck": $skip_lib_check, "types": ["node"], "outDir": "out" }, "files": ["consumer.ts"] }
JSON
    npx tsc -p . || { echo "type check failed against @aws-sdk/client-kms@$version" >&2; exit 1; }
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true node out/consumer.js
  )
done
