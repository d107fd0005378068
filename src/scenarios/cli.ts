#!/usr/bin/env node
/**
 * The `kms-vault-mock` command. Each subcommand is an entry of `SUBCOMMANDS`: adding one is adding an
 * entry (its usage lines appear in `help` by themselves).
 */
import { version } from '../../package.json';
import { builtInScenario, scenarios, unknownScenarioMessage } from './catalogue';
import { didYouMean } from './did-you-mean';
import { scenarioToYaml } from './scenario-file';

/** Where a subcommand writes: standard output and standard error, replaceable in tests. */
interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** One subcommand: its usage lines for `help`, and what it does with the arguments after its name. */
interface Subcommand {
  readonly usage: readonly (readonly [synopsis: string, summary: string])[];
  run(args: readonly string[], io: Output): number | Promise<number>;
}

const EXIT_USAGE = 2;

function listScenarios(io: Output): number {
  const width = Math.max(...Object.keys(scenarios).map((n) => n.length));
  for (const [name, s] of Object.entries(scenarios)) io.out(`${name.padEnd(width)}  ${s.description ?? ''}`);
  return 0;
}

function showScenario(name: string | undefined, io: Output): number {
  const scenario = name === undefined ? undefined : builtInScenario(name);
  if (!scenario) {
    io.err(name === undefined ? `Name a scenario; the catalogue has: ${Object.keys(scenarios).join(', ')}.` : unknownScenarioMessage(name));
    return EXIT_USAGE;
  }
  io.out(scenarioToYaml(scenario).trimEnd());
  return 0;
}

const SUBCOMMANDS: Record<string, Subcommand> = {
  scenarios: {
    usage: [
      ['scenarios', 'list the built-in scenarios'],
      ['scenarios show NAME', 'print one built-in scenario as YAML (a starting point for a fixture file)'],
    ],
    run: ([action, name, ...rest], io) => {
      if (action === undefined) return listScenarios(io);
      if (action === 'show' && rest.length === 0) return showScenario(name, io);
      io.err(`Unknown arguments: scenarios ${[action, name, ...rest].filter((a) => a !== undefined).join(' ')}`);
      return EXIT_USAGE;
    },
  },
  serve: {
    usage: [['serve [--port 4599] [--host H] [--data-dir DIR] ...', 'start a KMS endpoint for the AWS CLI, boto3 and any SDK (serve --help)']],
    // Loaded on use: the server is no part of the other commands.
    run: async (args, io) => (await import('../server/serve-command')).serveCommand(args, io),
  },
  version: {
    usage: [['--version', 'print the version of kms-vault-mock']],
    run: (_args, io) => {
      io.out(version);
      return 0;
    },
  },
  help: {
    usage: [['help', 'print this help']],
    run: (_args, io) => {
      io.out(helpText());
      return 0;
    },
  },
};

/** Flags that name a subcommand. */
const ALIASES: Record<string, string> = { '--version': 'version', '-v': 'version', '--help': 'help', '-h': 'help' };

function helpText(): string {
  const rows = Object.values(SUBCOMMANDS).flatMap((s) => s.usage);
  const width = Math.max(...rows.map(([synopsis]) => synopsis.length));
  return [
    `kms-vault-mock ${version}: an in-memory AWS KMS for tests`,
    '',
    'usage: kms-vault-mock <command>',
    '',
    ...rows.map(([synopsis, summary]) => `  ${synopsis.padEnd(width)}  ${summary}`),
  ].join('\n');
}

/** Runs the command line `argv` (without `node` and the script); resolves to the exit code. */
export async function main(argv: readonly string[], io: Output = { out: (t) => console.log(t), err: (t) => console.error(t) }): Promise<number> {
  const [first, ...rest] = argv;
  const name = first === undefined ? 'help' : (ALIASES[first] ?? first);
  const subcommand = Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
  if (!subcommand) {
    io.err(`Unknown command '${first}'.${didYouMean(first ?? '', [...Object.keys(SUBCOMMANDS), ...Object.keys(ALIASES)])}\n\n${helpText()}`);
    return EXIT_USAGE;
  }
  return subcommand.run(rest, io);
}

// Run when executed as the `kms-vault-mock` bin, not when a test imports `main`.
if (typeof require !== 'undefined' && require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
