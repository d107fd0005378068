import { existsSync } from 'node:fs';
import { KmsVaultMockError } from '../errors/library-error';
import { KmsVault } from '../kms-vault';
import { scenarios } from '../scenarios/catalogue';
import { loadScenarioFile } from '../scenarios/scenario-file';
import { startServer, type KmsServer } from './start-server';
import type { AuthMode } from './wire-pipeline';

export const SERVE_USAGE = `usage: kms-vault-mock serve [--port 4599] [--host 127.0.0.1] [--data-dir DIR] [--seed S] [--region R]
                           [--account-id ID] [--scenario FILE]... [--auth lenient|strict] [--via-service S]

  Starts a KMS endpoint (AWS JSON 1.1 over HTTP) for the AWS CLI, boto3, any SDK and raw HTTP.
  --port        port to listen on; 0 picks a free one (default 4599)
  --host        address to bind (default 127.0.0.1, loopback only)
  --data-dir    keep the vault in DIR across restarts (default: in memory)
  --seed        make key ids, key material and ciphertexts repeat from run to run
  --region      region of unsigned requests (default us-east-1)
  --account-id  the vault's account (default 111122223333)
  --scenario    load a scenario file (.json, .yaml) or a built-in scenario by name; repeatable.
                Ignored when --data-dir already holds a vault.
  --auth        lenient (default): unknown access keys act as the account root;
                strict: only principals the vault knows, with valid signatures
  --via-service the kms:ViaService of every request, e.g. secretsmanager.us-east-1.amazonaws.com`;

/** The options `kms-vault-mock serve` takes. */
export interface ServeOptions {
  port: number;
  host: string;
  dataDir?: string;
  seed?: string;
  region?: string;
  accountId?: string;
  scenarios: string[];
  auth: AuthMode;
  viaService?: string;
}

const VALUED = new Set(['--port', '--host', '--data-dir', '--seed', '--region', '--account-id', '--scenario', '--auth', '--via-service']);

/** Reads the command line of `serve`; a library error with the reason for a bad option. */
export function parseServeArgs(argv: readonly string[]): ServeOptions | 'help' {
  const options: ServeOptions = { port: 4599, host: '127.0.0.1', scenarios: [], auth: 'lenient' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') return 'help';
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!VALUED.has(name)) throw new KmsVaultMockError(`Unknown option '${arg}'.`);
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      i++;
    }
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) throw new KmsVaultMockError(`Option ${name} needs a value.`);
    switch (name) {
      case '--port': {
        const port = Number(value);
        if (!/^\d+$/.test(value) || port > 65535) throw new KmsVaultMockError(`--port must be a port number from 0 to 65535; got '${value}'.`);
        options.port = port;
        break;
      }
      case '--host':
        options.host = value;
        break;
      case '--data-dir':
        options.dataDir = value;
        break;
      case '--seed':
        options.seed = value;
        break;
      case '--region':
        options.region = value;
        break;
      case '--account-id':
        options.accountId = value;
        break;
      case '--scenario':
        options.scenarios.push(value);
        break;
      case '--via-service':
        options.viaService = value;
        break;
      case '--auth':
        if (value !== 'lenient' && value !== 'strict') throw new KmsVaultMockError(`--auth must be 'lenient' or 'strict'; got '${value}'.`);
        options.auth = value;
        break;
    }
  }
  return options;
}

/** Builds the vault and starts the server the options describe. */
export async function serve(options: ServeOptions): Promise<KmsServer> {
  const vault = new KmsVault({
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.region !== undefined ? { region: options.region } : {}),
    ...(options.accountId !== undefined ? { accountId: options.accountId } : {}),
  });
  for (const name of options.scenarios) {
    const builtIn = (scenarios as Record<string, (typeof scenarios)[keyof typeof scenarios] | undefined>)[name];
    if (!existsSync(name) && builtIn) vault.load(builtIn);
    else if (!existsSync(name)) throw new KmsVaultMockError(`Scenario file ${name} does not exist (nor is it a built-in scenario; 'kms-vault-mock scenarios' lists them).`);
    else vault.load(loadScenarioFile(name));
  }
  return startServer({
    vault,
    port: options.port,
    host: options.host,
    auth: options.auth,
    ...(options.dataDir !== undefined ? { dataDir: options.dataDir } : {}),
    ...(options.viaService !== undefined ? { viaService: options.viaService } : {}),
  });
}

/** Where the command writes (the CLI's standard output and error). */
export interface CommandOutput {
  out(text: string): void;
  err(text: string): void;
}

/**
 * `kms-vault-mock serve ...`: prints one line with the URL once the server accepts connections, and
 * resolves with exit code 0 once SIGINT or SIGTERM has stopped it cleanly; 2 for a bad option, 1 when
 * it cannot start (port in use, data directory held by another server).
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
  let server: KmsServer;
  try {
    server = await serve(parsed);
  } catch (error) {
    io.err(`kms-vault-mock serve: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  io.out(`kms-vault-mock listening on ${server.url}`);
  return new Promise<number>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(() => resolve(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
