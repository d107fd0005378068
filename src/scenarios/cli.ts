#!/usr/bin/env node
/** `npx kms-vault-mock scenarios`: lists the built-in scenario catalogue, one line each. */
import { scenarios } from './catalogue';

function main(argv: readonly string[]): number {
  const [command] = argv;
  if (command === 'scenarios') {
    const width = Math.max(...Object.keys(scenarios).map((n) => n.length));
    for (const [name, s] of Object.entries(scenarios)) console.log(`${name.padEnd(width)}  ${s.description ?? ''}`);
    return 0;
  }
  console.error('usage: kms-vault-mock scenarios    list the built-in scenarios');
  return command === undefined || command === '--help' || command === '-h' ? 0 : 2;
}

process.exitCode = main(process.argv.slice(2));
