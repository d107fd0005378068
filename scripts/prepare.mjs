// The `prepare` lifecycle script. npm runs it in two situations:
// - `npm install` / `npm ci` in this repository: nothing to do (`npm run build` builds dist/ when wanted,
//   and a half-edited tree must not make installing fail);
// - installing the package from a git URL (`npm install github:OWNER/kms-vault-mock`), where npm clones
//   the repository into its cache, installs its devDependencies, runs this, and packs the clone.
//   dist/ is not in git, so it is built here. npm sets npm_package_resolved (the clone's directory,
//   which is also the working directory) for exactly this case. npm packs that clone without
//   `prepack`, so the scripts are taken out of its package.json here (scripts/pack-manifest.mjs): the
//   installed package.json then names no file the package does not ship. (npm 11 still lists this
//   `prepare` among the install scripts to approve: it is what builds dist/ from git.)
import { execSync } from 'node:child_process';
import { resolve } from 'node:path';

const resolved = process.env.npm_package_resolved ?? '';
if (resolved) {
  execSync('npm run build', { stdio: 'inherit' });
  if (resolve(resolved) === process.cwd()) execSync('node scripts/pack-manifest.mjs strip', { stdio: 'inherit' });
}
