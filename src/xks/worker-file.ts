import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** The worker programs of the package: checked TypeScript files in src/xks/workers/, built to dist/ by tsup. */
export type WorkerProgram = 'sync-http-worker' | 'xks-proxy-worker';

/** The built file's name in dist/ (tsup.config.ts names the entries so). */
const BUILT_NAME: Record<WorkerProgram, string> = { 'sync-http-worker': 'xks-sync-http-worker.js', 'xks-proxy-worker': 'xks-proxy-worker.js' };

const compiled = new Map<WorkerProgram, string>();

/**
 * Starts a worker thread running one of the package's worker programs. From the built package the
 * program is the file tsup built beside the calling chunk (`dist/xks-*-worker.js`, CommonJS, started
 * from the CommonJS and the ESM build alike; tsup's shims give the ESM build its `__dirname`). From the
 * TypeScript sources (jest, tsx) it is the source file in `workers/`, bundled on first use with
 * esbuild (a development dependency, present wherever the sources run) and run as code whose
 * `require` resolves from the source file.
 */
export function startWorker(program: WorkerProgram, options: WorkerOptions): Worker {
  const built = join(__dirname, BUILT_NAME[program]);
  if (existsSync(built)) return new Worker(built, options);
  return new Worker(sourceProgram(program), { ...options, eval: true });
}

function sourceProgram(program: WorkerProgram): string {
  let code = compiled.get(program);
  if (code !== undefined) return code;
  const file = join(__dirname, 'workers', `${program}.ts`);
  // The ESM build has no `require`, but it never gets here: its worker files exist.
  const esbuild = createRequire(file)('esbuild') as {
    buildSync(options: Record<string, unknown>): { outputFiles: readonly { readonly text: string }[] };
  };
  const { outputFiles } = esbuild.buildSync({
    entryPoints: [file],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  const bundled = outputFiles[0]?.text ?? '';
  code = `(function (require) {\n${bundled}\n})(require('node:module').createRequire(${JSON.stringify(file)}));\n`;
  compiled.set(program, code);
  return code;
}
