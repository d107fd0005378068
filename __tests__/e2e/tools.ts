import { spawnSync } from 'node:child_process';

/**
 * Whether an external client the end-to-end tests drive is installed. Absent tools skip their tests
 * with a message on a developer's machine; in CI (`CI` set) they must be there, so the tests run and fail.
 */
export function toolAvailable(command: string, args: readonly string[], what: string): boolean {
  const ok = spawnSync(command, args, { stdio: 'ignore' }).status === 0;
  if (!ok && process.env['CI'] === undefined) {
    console.warn(
      `Skipping the ${what} end-to-end tests: '${command} ${args.join(' ')}' failed (not installed). Install it, or set CI=1 to make its absence fail.`,
    );
    return false;
  }
  return true;
}

/**
 * The first of `candidates` that runs `args` successfully, else the first candidate. A machine can have
 * a second Python or AWS CLI ahead of the system one on PATH (pyenv, pip --user), while CI installs
 * boto3 and the CLI from Debian's packages into /usr/bin.
 */
export function firstWorking(candidates: readonly string[], args: readonly string[]): string {
  return candidates.find((command) => spawnSync(command, args, { stdio: 'ignore' }).status === 0) ?? (candidates[0] as string);
}
