import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateKeyCommand, DecryptCommand, EncryptCommand, KMSClient, ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';
import { KmsVault, KmsVaultMockError, loadScenarioFile, scenarioToYaml, scenarios, vaultPlugin } from '../../src';
import { scenarioProblems } from '../../src/scenarios/validate-scenario';
import { SCHEMA_PATH, scenarioSchemaText } from '../../scripts/generate-scenario-schema';
import { externalKey, importMaterial } from '../helpers/import-material';

const dir = mkdtempSync(join(tmpdir(), 'kvm-scenario-file-'));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function failure(path: string): string {
  try {
    loadScenarioFile(path);
  } catch (error) {
    expect(error).toBeInstanceOf(KmsVaultMockError);
    return (error as Error).message;
  }
  throw new Error(`${path} loaded without an error`);
}

describe('scenario files are checked against the scenario format', () => {
  it('schema/scenario.schema.json is generated from the Scenario type (npm run generate)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(scenarioSchemaText());
  }, 30_000);

  it('the schema uses only the JSON Schema keywords the validator reads, and every $ref resolves', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
    const keywords = new Set([
      '$schema',
      '$id',
      'title',
      'description',
      'type',
      'properties',
      'required',
      'additionalProperties',
      'items',
      'enum',
      'anyOf',
      '$ref',
      '$defs',
    ]);
    const defs = Object.keys(schema.$defs as object);
    const walk = (node: unknown, at: string): void => {
      if (node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        expect([at, key, keywords.has(key)]).toEqual([at, key, true]);
        if (key === '$ref') expect(defs).toContain(String(value).replace('#/$defs/', ''));
        if (key === 'properties' || key === '$defs') for (const [name, child] of Object.entries(value as object)) walk(child, `${at}.${name}`);
        else if (key === 'anyOf') (value as unknown[]).forEach((child, i) => walk(child, `${at}[${i}]`));
        else if (key === 'items' || key === 'additionalProperties') walk(value, `${at}.${key}`);
      }
    };
    walk(schema, '#');
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('the example fixture follows the format', () => {
    const scenario = loadScenarioFile(join(__dirname, '..', '..', 'examples', 'fixtures', 'orders.yaml'));
    expect(scenario.name).toBe('orders');
    expect(scenario.keys?.map((k) => k.ref)).toEqual(['orders', 'legacy', 'signing']);
    expect(scenario.keys?.[0]?.ciphertexts?.[0]).toMatchObject({ name: 'last-year', material: 'oldest', encryptionContext: { tenant: 'acme' } });
    expect(scenario.faults).toEqual([{ operation: 'Decrypt', error: 'ThrottlingException', times: 1 }]);
  });

  it('an unknown field is an error naming the file, the path and the allowed fields, with the likely one', () => {
    const path = file('typo.yaml', 'name: typo\nkeys:\n  - ref: signing\n    keyspec: RSA_2048\n');
    const message = failure(path);
    expect(message).toContain(path);
    const line = message.split('\n').find((l) => l.startsWith('  keys[0].keyspec: ')) ?? '';
    expect(line).toMatch(/^ {2}keys\[0\]\.keyspec: is not a field here; allowed fields: [\w, ]+ \(did you mean keySpec\?\)$/);
    const allowed = line
      .replace(/.*allowed fields: /, '')
      .replace(/ \(did you mean.*/, '')
      .split(', ');
    expect(allowed).toEqual(expect.arrayContaining(['ref', 'keyId', 'keySpec', 'keyUsage', 'state', 'aliases', 'ciphertexts']));
  });

  it('a value outside its set is an error naming the path, the allowed values and the likely one', () => {
    const message = failure(file('state.yaml', 'name: state\nkeys:\n  - ref: a\n  - ref: b\n    state: Disabld\n'));
    expect(message).toMatch(
      /\n {2}keys\[1\]\.state: "Disabld" is not an allowed value; allowed: ([A-Za-z]+, )*Disabled, Enabled, ([A-Za-z]+, )*PendingDeletion(, [A-Za-z]+)* \(did you mean Disabled\?\)$/,
    );
  });

  it('reports every problem of the file at once, in document order', () => {
    const message = failure(
      file(
        'many.yaml',
        [
          'name: many',
          'colour: blue',
          'keys:',
          '  - ref: a',
          '    keySpec: RSA_1024',
          '    rotations: two',
          '    tags: { team: 7 }',
          '    ciphertexts: [{ name: c }]',
          'faults:',
          '  - operation: Decrpyt',
          '    error: ThrottlingException',
          '  - operation: [Encrypt, Sing]',
          '    latencyMs: 5',
        ].join('\n'),
      ),
    );
    const lines = message
      .split('\n')
      .slice(1)
      .map((l) => l.trim().replace(/:.*/, ''));
    expect(lines).toEqual([
      'colour',
      'keys[0].keySpec',
      'keys[0].rotations',
      'keys[0].tags.team',
      'keys[0].ciphertexts[0].plaintext',
      'faults[0].operation',
      'faults[1].operation[1]',
    ]);
    expect(message).toContain('keys[0].rotations: expected a number, found string "two"');
    expect(message).toContain('keys[0].tags.team: expected a string, found integer 7');
    expect(message).toContain('keys[0].ciphertexts[0].plaintext: is required but missing');
    expect(message).toContain('faults[0].operation: "Decrpyt" is not an allowed value; allowed: CancelKeyDeletion,');
    expect(message).toContain('(did you mean Decrypt?)');
    expect(message).toContain('faults[1].operation[1]: "Sing" is not an allowed value');
  });

  it('an empty YAML value is not taken as absent', () => {
    expect(failure(file('empty.yaml', 'name: empty\ndescription:\n'))).toContain('description: expected a string, found null');
  });

  it('a file without a name, or that is not an object, is refused', () => {
    expect(failure(file('nameless.json', '{"keys": []}'))).toContain('name: is required but missing');
    expect(failure(file('list.yaml', '- name: a\n'))).toMatch(/must hold an object with a name/);
    expect(failure(file('faulty.yaml', 'name: f\nfaults: { operation: Decrypt }\n'))).toContain('faults: expected a list, found object');
  });

  it('a JSON file may name the schema for editors; it loads', async () => {
    const path = file(
      'with-schema.json',
      JSON.stringify({
        $schema: '../node_modules/kms-vault-mock/schema/scenario.schema.json',
        name: 'orders',
        keys: [{ ref: 'orders', aliases: ['alias/orders'], ciphertexts: [{ name: 'order', plaintext: '{"id":1}', encryptionContext: { tenant: 'a' } }] }],
        faults: [{ operation: ['Encrypt'], error: 'ThrottlingException', times: 1 }],
      }),
    );
    const scenario = loadScenarioFile(path);
    expect(scenario).not.toHaveProperty('$schema');
    const vault = new KmsVault();
    const { ciphertexts } = vault.load(scenario);
    const kms = new KMSClient({ region: 'us-east-1', maxAttempts: 1 });
    kms.middlewareStack.use(vaultPlugin(vault));
    const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: ciphertexts.order, EncryptionContext: { tenant: 'a' } }));
    expect(Buffer.from(Plaintext ?? []).toString()).toBe('{"id":1}');
    await expect(kms.send(new EncryptCommand({ KeyId: 'alias/orders', Plaintext: Buffer.from('x') }))).rejects.toMatchObject({ name: 'ThrottlingException' });
  });

  it('every built-in scenario follows the format', () => {
    for (const [name, scenario] of Object.entries(scenarios)) {
      expect([name, scenarioProblems(JSON.parse(JSON.stringify(scenario)))]).toEqual([name, []]);
    }
  });

  it('a snapshot saved as YAML or JSON follows the format and loads back (rotation, replicas, deletion, imported material)', async () => {
    const start = new Date('2026-05-01T12:00:00Z');
    const vault = new KmsVault({ seed: 'snapshot-file', clock: start });
    vault.load(scenarios['rotated-key']);
    vault.load(scenarios['multi-region-pair']);
    const kms = new KMSClient({ region: 'us-east-1' });
    kms.middlewareStack.use(vaultPlugin(vault));
    const doomed = await kms.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY', Tags: [{ TagKey: 'team', TagValue: 'a' }] }));
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: doomed.KeyMetadata?.KeyId, PendingWindowInDays: 7 }));
    const imported = await externalKey(kms);
    await importMaterial(kms, imported.keyId, Buffer.alloc(32, 3), { ValidTo: new Date(start.getTime() + 86_400_000) });
    const snap = vault.snapshot('saved');
    expect(scenarioProblems(JSON.parse(JSON.stringify(snap)))).toEqual([]);
    for (const path of [file('saved.yaml', scenarioToYaml(snap)), file('saved.json', JSON.stringify(snap, null, 2))]) {
      const copy = new KmsVault({ clock: start });
      copy.load(loadScenarioFile(path));
      expect(copy.snapshot('saved')).toEqual(snap);
    }
  });

  it('a file that fails the check leaves the vault unchanged', () => {
    const vault = new KmsVault();
    const before = vault.snapshot('before');
    expect(() => vault.load(loadScenarioFile(file('bad-state.yaml', 'name: x\nkeys: [{ ref: a, state: Disabld }]\n')))).toThrow(KmsVaultMockError);
    expect(vault.snapshot('before')).toEqual(before);
  });
});
