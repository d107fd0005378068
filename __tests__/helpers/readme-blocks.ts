/** A fenced code block of a markdown document, with the heading it stands under. */
export interface CodeBlock {
  /** The info string's first word, lower case (`ts`, `sh`, `python`, ... or `` for none). */
  readonly lang: string;
  /** The info string's second word (`jest`, `vitest`, `server`, `install`, or a file name), or ``. */
  readonly tag: string;
  readonly heading: string;
  /** 1-based: the n-th block of this language under that heading. */
  readonly indexInSection: number;
  /** 1-based line of the document where the code starts. */
  readonly line: number;
  readonly code: string;
}

/** A fenced TypeScript block of the README, with the heading it stands under. */
export type ReadmeBlock = CodeBlock;

const TYPESCRIPT = ['ts', 'typescript', 'tsx', 'mts', 'cts'];

/** Every fenced block of a markdown text, in order. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  let heading = '(top)';
  const counts = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const fence = /^(`{3,}|~{3,})\s*([\w-]*)\s*(\S*)/.exec(line);
    if (!fence) {
      if (/^#{1,6} /.test(line)) {
        heading = line.trim();
        counts.clear();
      }
      continue;
    }
    const close = fence[1] ?? '```';
    const start = i + 1;
    do i++;
    while (i < lines.length && !(lines[i] ?? '').startsWith(close));
    const lang = (fence[2] ?? '').toLowerCase();
    const family = TYPESCRIPT.includes(lang) ? 'ts' : lang;
    const n = (counts.get(family) ?? 0) + 1;
    counts.set(family, n);
    blocks.push({ lang: family, tag: fence[3] ?? '', heading, indexInSection: n, line: start + 1, code: lines.slice(start, i).join('\n') });
  }
  return blocks;
}

/** The TypeScript blocks of a markdown text, in order. */
export function typescriptBlocks(markdown: string): CodeBlock[] {
  return codeBlocks(markdown).filter((b) => b.lang === 'ts');
}
