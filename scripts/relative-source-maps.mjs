// Runs after tsup (npm run build). tsup's CommonJS pass records the intermediate file it rewrote by
// its absolute path (/home/.../dist/index.js) as the first source of each .js.map; a published map
// must not carry the build machine's paths. Such entries become paths relative to the map. The maps
// embed their sources (sourcesContent), so they work without src/ in the package.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

const dist = resolve(process.argv[2] ?? 'dist');
let fixed = 0;
for (const name of readdirSync(dist, { recursive: true })) {
  if (!String(name).endsWith('.map')) continue;
  const path = join(dist, String(name));
  const map = JSON.parse(readFileSync(path, 'utf8'));
  const sources = map.sources.map((s) => (isAbsolute(s) ? relative(dirname(path), s) || '.' : s));
  if (sources.some((s, i) => s !== map.sources[i])) {
    writeFileSync(path, JSON.stringify({ ...map, sources }));
    fixed++;
  }
}
console.log(`source maps: ${fixed} with absolute paths made relative`);
