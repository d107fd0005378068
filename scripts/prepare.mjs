// The `prepare` lifecycle script. npm runs it in two situations:
// - `npm install` / `npm ci` in this repository: nothing to do (`npm run build` builds dist/ when wanted,
//   and a half-edited tree must not make installing fail);
// - packing the package from its sources: `npm pack`, and installing it from a git URL
//   (`npm install github:OWNER/kms-vault-mock`), where npm clones the repository, installs its
//   devDependencies and packs it. dist/ is not in git, so it is built here. npm's packer sets
//   npm_package_resolved for exactly this case.
import { execSync } from 'node:child_process';

if (process.env.npm_package_resolved) {
  execSync('npm run build', { stdio: 'inherit' });
}
