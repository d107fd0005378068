/** The `kms-vault-mock` command: help, --version, scenarios, scenarios show NAME (whose YAML is a valid scenario file). */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenarioFile, scenarios } from '../../src';
import { main } from '../../src/scenarios/cli';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('kms-vault-mock command', () => {
  it('--version and -v print the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    expect(await run('--version')).toEqual({ code: 0, out: version, err: '' });
    expect(await run('-v')).toEqual({ code: 0, out: version, err: '' });
  });

  it('help, --help and no arguments list every subcommand', async () => {
    for (const argv of [['help'], ['--help'], ['-h'], []]) {
      const { code, out } = await run(...argv);
      expect(code).toBe(0);
      expect(out).toMatch(/^ {2}scenarios show NAME +print one built-in scenario as YAML/m);
      expect(out).toMatch(/^ {2}--version +print the version/m);
      expect(out).toMatch(/^ {2}scenarios +list the built-in scenarios/m);
    }
  });

  it('an unknown command prints the help on stderr and exits 2', async () => {
    const { code, out, err } = await run('scenaros');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^Unknown command 'scenaros'\. Did you mean 'scenarios'\?\n\nkms-vault-mock /);
  });

  it('scenarios lists the catalogue, one line each', async () => {
    const { code, out } = await run('scenarios');
    expect(code).toBe(0);
    expect(out.split('\n').map((l) => l.split(' ')[0])).toEqual(Object.keys(scenarios));
  });

  it('scenarios show NAME prints YAML that loads back as the same scenario', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kvm-cli-'));
    for (const name of Object.keys(scenarios) as (keyof typeof scenarios)[]) {
      const { code, out } = await run('scenarios', 'show', name);
      expect(code).toBe(0);
      const path = join(dir, `${name}.yaml`);
      writeFileSync(path, out);
      expect(loadScenarioFile(path)).toEqual(JSON.parse(JSON.stringify(scenarios[name])));
    }
  });

  it('scenarios show with an unknown or missing name names the catalogue (and the nearest name) and exits 2', async () => {
    const unknown = await run('scenarios', 'show', 'disabled');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toBe(`No built-in scenario 'disabled'. Did you mean 'disabled-key'? The catalogue has: ${Object.keys(scenarios).join(', ')}.`);
    expect((await run('scenarios', 'show')).err).toMatch(/^Name a scenario; the catalogue has: disabled-key,/);
    expect((await run('scenarios', 'list')).code).toBe(2);
  });
});
