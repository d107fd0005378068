import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { KmsVaultMockError } from '../errors/library-error';
import { KmsVault } from '../kms-vault';
import { builtInScenario, unknownScenarioMessage } from '../scenarios/catalogue';
import { didYouMean } from '../scenarios/did-you-mean';
import { loadScenarioFile } from '../scenarios/scenario-file';
import { startServer, type KmsServer } from './start-server';
import type { AuthMode } from '../protocol/wire-pipeline';

export const SERVE_USAGE = `usage: kms-vault-mock serve [--port 4599] [--host 127.0.0.1] [--like localstack|moto] [--data-dir DIR] [--seed S]
                           [--region R] [--account-id ID] [--scenario FILE]... [--auth lenient|strict]
                           [--via-service S] [--pid-file FILE] [--log-requests] [--cloudtrail-dir DIR]

  Starts a KMS endpoint (AWS JSON 1.1 over HTTP) for the AWS CLI, boto3, any SDK and raw HTTP.
  --port          port to listen on; 0 picks a free one (default 4599)
  --host          address to bind (default 127.0.0.1, loopback only; 0.0.0.0 in a container)
  --like          take another emulator's place: localstack (port 4566, account 000000000000) or
                  moto (port 5000, account 123456789012); explicit options win over the preset
  --data-dir      keep the vault in DIR across restarts (default: in memory)
  --seed          make key ids, key material and ciphertexts repeat from run to run
  --region        region of unsigned requests (default us-east-1)
  --account-id    the vault's account, 12 digits (default 111122223333)
  --scenario      load a scenario file (.json, .yaml) or a built-in scenario by name; repeatable.
                  Not loaded when --data-dir already holds a vault (serve says so)
  --auth          lenient (default): any credentials; unknown access keys act as the account root;
                  strict: only principals the vault knows, with valid signatures
  --via-service   the kms:ViaService of every request, e.g. secretsmanager.us-east-1.amazonaws.com
  --pid-file      write the server's process id to FILE once it listens (removed when it stops)
  --log-requests  print one line per request: time, operation, caller, status, error code, ms
  --cloudtrail-dir write CloudTrail log files to DIR as CloudTrail delivers them
                  (AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/*.json.gz), within a second`;

/** The emulators `serve --like` can stand in for, and what they default to. */
export const PRESETS = {
  localstack: { port: 4566, accountId: '000000000000', region: 'us-east-1' },
  moto: { port: 5000, accountId: '123456789012', region: 'us-east-1' },
} as const;

/** A name `serve --like` takes. */
export type Preset = keyof typeof PRESETS;

/** The options `kms-vault-mock serve` takes. */
export interface ServeOptions {
  port: number;
  host: string;
  like?: Preset;
  dataDir?: string;
  seed?: string;
  region?: string;
  accountId?: string;
  scenarios: string[];
  auth: AuthMode;
  viaService?: string;
  pidFile?: string;
  logRequests?: true;
  cloudTrailDir?: string;
}

const VALUED = [
  '--port',
  '--host',
  '--like',
  '--data-dir',
  '--seed',
  '--region',
  '--account-id',
  '--scenario',
  '--auth',
  '--via-service',
  '--pid-file',
  '--cloudtrail-dir',
];
const FLAGS = ['--log-requests'];
const ACCOUNT = /^\d{12}$/;
const REGION = /^([a-z]+-){2,3}\d+$/;

/** Reads the command line of `serve`; a library error with the reason for a bad option. */
export function parseServeArgs(argv: readonly string[]): ServeOptions | 'help' {
  const options: ServeOptions = { port: 4599, host: '127.0.0.1', scenarios: [], auth: 'lenient' };
  let port: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') return 'help';
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (FLAGS.includes(name)) {
      if (eq > 0) throw new KmsVaultMockError(`Option ${name} takes no value.`);
      options.logRequests = true;
      continue;
    }
    if (!VALUED.includes(name)) {
      const hint = name.startsWith('-')
        ? didYouMean(name.replace(/^-+/, '--'), [...VALUED, ...FLAGS, '--help'])
        : ' Options start with --; serve takes no other arguments.';
      throw new KmsVaultMockError(`Unknown option '${arg}'.${hint}`);
    }
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      i++;
    }
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) throw new KmsVaultMockError(`Option ${name} needs a value.`);
    switch (name) {
      case '--port': {
        const n = Number(value);
        if (!/^\d+$/.test(value) || n > 65535) throw new KmsVaultMockError(`--port must be a port number from 0 to 65535; got '${value}'.`);
        port = n;
        break;
      }
      case '--host':
        options.host = value;
        break;
      case '--like':
        if (!Object.hasOwn(PRESETS, value))
          throw new KmsVaultMockError(`--like must be 'localstack' or 'moto'; got '${value}'.${didYouMean(value, Object.keys(PRESETS))}`);
        options.like = value as Preset;
        break;
      case '--data-dir':
        options.dataDir = value;
        break;
      case '--cloudtrail-dir':
        options.cloudTrailDir = value;
        break;
      case '--seed':
        options.seed = value;
        break;
      case '--region':
        if (!REGION.test(value)) throw new KmsVaultMockError(`--region must be an AWS Region name such as 'us-east-1'; got '${value}'.`);
        options.region = value;
        break;
      case '--account-id':
        if (!ACCOUNT.test(value)) throw new KmsVaultMockError(`--account-id must be 12 digits, like '111122223333'; got '${value}'.`);
        options.accountId = value;
        break;
      case '--scenario':
        options.scenarios.push(value);
        break;
      case '--via-service':
        options.viaService = value;
        break;
      case '--pid-file':
        options.pidFile = value;
        break;
      case '--auth':
        if (value !== 'lenient' && value !== 'strict')
          throw new KmsVaultMockError(`--auth must be 'lenient' or 'strict'; got '${value}'.${didYouMean(value, ['lenient', 'strict'])}`);
        options.auth = value;
        break;
    }
  }
  // Explicit options win over the preset, the preset over the defaults.
  const preset = options.like === undefined ? undefined : PRESETS[options.like];
  options.port = port ?? preset?.port ?? 4599;
  if (preset) {
    options.accountId ??= preset.accountId;
    options.region ??= preset.region;
  }
  return options;
}

/** Scenario names that are neither a file nor a built-in scenario: the message to refuse them with. */
export function missingScenario(names: readonly string[]): string | undefined {
  for (const name of names) {
    if (existsSync(name) || builtInScenario(name)) continue;
    // A name with no path or extension was meant as a built-in scenario.
    if (!/[./\\]/.test(name)) return `--scenario ${name}: no such file. ${unknownScenarioMessage(name)}`;
    return `--scenario ${name}: the file does not exist (nor is it a built-in scenario; 'kms-vault-mock scenarios' lists them).`;
  }
  return undefined;
}

/** Where the command writes (the CLI's standard output and error). */
export interface CommandOutput {
  out(text: string): void;
  err(text: string): void;
}

/** How many keys, aliases and principals a vault holds, for the start-up lines. */
function contents(vault: KmsVault): { keys: number; aliases: number; principals: number; ids: string } {
  let keys = 0;
  let aliases = 0;
  const ids: string[] = [];
  for (const store of vault.state.allStores()) {
    keys += store.keys.size;
    aliases += store.aliases.size;
    for (const id of store.keys.keys()) ids.push(id);
  }
  return { keys, aliases, principals: vault.state.principals.size, ids: ids.sort().join(',') };
}

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * Builds the vault and starts the server the options describe. `io` (optional) hears what was
 * loaded from where, and the scenarios a data directory's vault took the place of.
 */
export async function serve(options: ServeOptions, io?: CommandOutput): Promise<KmsServer> {
  const vault = new KmsVault({
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.region !== undefined ? { region: options.region } : {}),
    ...(options.accountId !== undefined ? { accountId: options.accountId } : {}),
  });
  const missing = missingScenario(options.scenarios);
  if (missing !== undefined) throw new KmsVaultMockError(missing);
  for (const name of options.scenarios) {
    const builtIn = existsSync(name) ? undefined : builtInScenario(name);
    vault.load(builtIn ?? loadScenarioFile(name));
  }
  const loaded = contents(vault);
  const server = await startServer({
    vault,
    port: options.port,
    host: options.host,
    auth: options.auth,
    ...(options.dataDir !== undefined ? { dataDir: options.dataDir } : {}),
    ...(options.cloudTrailDir !== undefined ? { cloudTrailDir: options.cloudTrailDir } : {}),
    ...(options.viaService !== undefined ? { viaService: options.viaService } : {}),
    ...(options.logRequests && io ? { requestLog: (line: string) => io.out(line) } : {}),
  });
  if (io) {
    const now = contents(vault);
    // A data directory that already held a vault replaces what the scenarios loaded.
    const restored =
      options.dataDir !== undefined && (now.ids !== loaded.ids || (options.scenarios.length === 0 && now.keys + now.aliases + now.principals > 0));
    const from = restored
      ? `restored from ${options.dataDir as string}`
      : [
          ...(options.scenarios.length > 0 ? [`scenario ${options.scenarios.join(', ')}`] : []),
          ...(options.dataDir !== undefined ? [`kept in ${options.dataDir}`] : []),
        ].join('; ') || 'empty, in memory';
    io.out(
      `vault: account ${vault.accountId}, region ${vault.region}; ${count(now.keys, 'key', 'keys')}, ${count(now.aliases, 'alias', 'aliases')}, ${count(now.principals, 'principal', 'principals')} (${from})`,
    );
    if (restored && options.scenarios.length > 0 && now.ids !== loaded.ids) {
      io.err(
        `kms-vault-mock serve: --scenario ${options.scenarios.join(', ')} not loaded: ${options.dataDir as string} already holds a vault, which was restored instead. Remove the directory (or drop --data-dir) to start from the scenarios.`,
      );
    }
  }
  return server;
}

/**
 * `kms-vault-mock serve ...`: prints one line with the URL once the server accepts connections and
 * one with what the vault holds, and resolves with exit code 0 once SIGINT or SIGTERM has stopped it
 * cleanly; 2 for a bad option (or a scenario that does not exist), 1 when it cannot start (port in
 * use, data directory held by another server, a scenario file that does not load).
 */
export async function serveCommand(argv: readonly string[], io: CommandOutput): Promise<number> {
  let parsed: ServeOptions | 'help';
  try {
    parsed = parseServeArgs(argv);
  } catch (error) {
    io.err(`kms-vault-mock serve: ${(error as Error).message}\n${SERVE_USAGE}`);
    return 2;
  }
  if (parsed === 'help') {
    io.out(SERVE_USAGE);
    return 0;
  }
  const missing = missingScenario(parsed.scenarios);
  if (missing !== undefined) {
    io.err(`kms-vault-mock serve: ${missing}`);
    return 2;
  }
  let server: KmsServer;
  try {
    server = await serve(parsed, io);
  } catch (error) {
    io.err(`kms-vault-mock serve: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const pidFile = parsed.pidFile;
  // The signals are taken before the URL and the pid file tell anyone the server is there.
  let stop = (): void => undefined;
  const stopped = new Promise<number>((resolve) => {
    stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(() => {
        if (pidFile !== undefined) rmSync(pidFile, { force: true });
        resolve(0);
      });
    };
  });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (pidFile !== undefined) {
    try {
      writeFileSync(pidFile, `${process.pid}\n`);
    } catch (error) {
      stop();
      await stopped;
      io.err(`kms-vault-mock serve: cannot write --pid-file ${pidFile}: ${(error as Error).message}`);
      return 1;
    }
  }
  io.out(`kms-vault-mock listening on ${server.url}`);
  // What LocalStack prints when it is ready: some CI set-ups wait for this line in the log.
  if (parsed.like === 'localstack') io.out('Ready.');
  return stopped;
}
