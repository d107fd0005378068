/**
 * Start-up (docs/decisions/016): requiring the package loads none of sinon, yaml and the @noble
 * libraries; each is loaded by the first use that needs it. Checked in a fresh process (jest's own
 * module registry is shared by the test file), running the sources with tsx.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

const script = `
require('@aws-sdk/client-kms');
const before = new Set(Object.keys(require.cache));
const loaded = () => [...new Set(Object.keys(require.cache).filter((k) => !before.has(k))
  .map((k) => /node_modules[\\\\/]((?:@noble[\\\\/])?[^\\\\/]+)/.exec(k)?.[1]?.replace('\\\\', '/'))
  .filter((name) => name === 'sinon' || name === 'yaml' || name?.startsWith('@noble/')))].sort();
const steps = {};
const lib = require('./src/index.ts');
steps.require = loaded();
const { KMSClient } = require('@aws-sdk/client-kms');
lib.mockClient(KMSClient).restore();
steps.mockClient = loaded();
lib.scenarioToYaml({ name: 'lazy' });
steps.scenarioToYaml = loaded();
const vault = new lib.KmsVault();
const keyId = vault.execute('CreateKey', { KeySpec: 'ML_DSA_44', KeyUsage: 'SIGN_VERIFY' }).KeyMetadata.KeyId;
vault.execute('Sign', { KeyId: keyId, Message: Buffer.from('m'), SigningAlgorithm: 'ML_DSA_SHAKE_256' });
steps.mlDsa = loaded();
process.stdout.write(JSON.stringify(steps));
`;

describe('dependencies load on first use, not with the package', () => {
  it('require: none of sinon, yaml, @noble; then mockClient loads sinon, a scenario yaml, an ML-DSA key @noble/post-quantum', () => {
    const out = execFileSync(join(root, 'node_modules', '.bin', 'tsx'), ['-e', script], {
      cwd: root,
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    }).toString();
    const steps = JSON.parse(out) as Record<string, string[]>;
    expect(steps.require).toEqual([]);
    expect(steps.mockClient).toEqual(['sinon']);
    expect(steps.scenarioToYaml).toEqual(['sinon', 'yaml']);
    expect(steps.mlDsa).toEqual(expect.arrayContaining(['@noble/post-quantum']));
  });
});
