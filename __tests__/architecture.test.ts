import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

const SRC = join(__dirname, '..', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The part of src/ a file belongs to: its folder, or its own name for top-level files. */
function partOf(path: string): string {
  const [first, second] = relative(SRC, path).split(sep);
  return second === undefined ? (first ?? '').replace(/\.ts$/, '') : (first ?? '');
}

/** Which parts of src/ each part imports (relative imports only; the package entry index.ts left out). */
function importGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sources(SRC)) {
    const from = partOf(file);
    if (from === 'index') continue;
    for (const match of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      const target = normalize(join(dirname(file), match[1] ?? ''));
      if (!target.startsWith(SRC) || target.endsWith('.json')) continue;
      const to = partOf(`${target}.ts`);
      if (to === from) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)?.add(to);
    }
  }
  return graph;
}

/** Issue 9 and docs/architecture.md: vault/ is state only, and there are no cycles between the folders of src/. */
describe('architecture', () => {
  const graph = importGraph();

  it('vault/ imports nothing from the layers above it', () => {
    const above = [
      'engine',
      'operations',
      'scenarios',
      'adapters',
      'faults',
      'compat',
      'matchers',
      'server',
      'store',
      'auth',
      'protocol',
      'nitro',
      'xks',
      'kms-vault',
    ];
    expect([...(graph.get('vault') ?? [])].filter((part) => above.includes(part))).toEqual([]);
  });

  it('the wire lives in protocol/: adapters/ (the SDK side) imports nothing from server/ (the HTTP listener)', () => {
    expect([...(graph.get('adapters') ?? [])]).not.toContain('server');
    expect([...(graph.get('protocol') ?? [])]).not.toContain('server');
  });

  it('faults are decided in the engine alone: no entry point (adapters, protocol, server, compat) imports faults/ (the vault only owns the injector)', () => {
    const entries = ['adapters', 'protocol', 'server', 'compat'].filter((part) => graph.get(part)?.has('faults') === true);
    expect(entries).toEqual([]);
  });

  it('no folder imports, directly or through others, a folder that imports it', () => {
    const cycles: string[] = [];
    const visit = (start: string, node: string, path: string[]): void => {
      for (const next of graph.get(node) ?? []) {
        if (next === start) cycles.push([...path, next].join(' -> '));
        else if (!path.includes(next)) visit(start, next, [...path, next]);
      }
    };
    for (const start of graph.keys()) visit(start, start, [start]);
    expect(cycles).toEqual([]);
  });

  it('operations name the permission they check from the permissions table, never by hand', () => {
    // Any string that starts with an action (quoted, double-quoted or a template) outside comments.
    const byHand = sources(join(SRC, 'operations')).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\*|\/\/)/.test(line))
        .flatMap((line) => [...line.matchAll(/['"`](kms:[A-Za-z$]+)/g)].map((m) => `${relative(SRC, file)}: ${m[1] ?? ''}`)),
    );
    expect(byHand).toEqual([]);
  });
});
