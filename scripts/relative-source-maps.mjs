// Runs after tsup (npm run build). tsup's CommonJS pass records the intermediate file it rewrote by
// its absolute path (/home/.../dist/index.js) as the first source and as the `file` of each .js.map;
// a published map must not carry the build machine's paths. They become paths relative to the map. The maps
// embed their sources (sourcesContent), so they work without src/ in the package.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

const dist = resolve(process.argv[2] ?? 'dist');
let fixed = 0;
for (const name of readdirSync(dist, { recursive: true })) {
  if (!String(name).endsWith('.map')) continue;
  const path = join(dist, String(name));
  const map = JSON.parse(readFileSync(path, 'utf8'));
  const local = (p) => (typeof p === 'string' && isAbsolute(p) ? relative(dirname(path), p) || '.' : p);
  const sources = map.sources.map(local);
  if (local(map.file) !== map.file || sources.some((s, i) => s !== map.sources[i])) {
    writeFileSync(path, JSON.stringify({ ...map, file: local(map.file), sources }));
    fixed++;
  }
}
console.log(`source maps: ${fixed} with absolute paths made relative`);
