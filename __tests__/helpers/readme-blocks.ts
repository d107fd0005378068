/** A fenced TypeScript block of the README, with the heading it stands under. */
export interface ReadmeBlock {
  readonly heading: string;
  /** 1-based: the n-th TypeScript block under that heading. */
  readonly indexInSection: number;
  /** 1-based line of the README where the code starts. */
  readonly line: number;
  readonly code: string;
}

/** The ```ts blocks of a markdown text, in order. */
export function typescriptBlocks(markdown: string): ReadmeBlock[] {
  const lines = markdown.split('\n');
  const blocks: ReadmeBlock[] = [];
  let heading = '(top)';
  let inSection = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const fence = /^(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
    if (!fence) {
      if (/^#{1,6} /.test(line)) {
        heading = line.trim();
        inSection = 0;
      }
      continue;
    }
    const close = fence[1] ?? '```';
    const start = i + 1;
    do i++;
    while (i < lines.length && !(lines[i] ?? '').startsWith(close));
    if (['ts', 'typescript', 'tsx', 'mts', 'cts'].includes((fence[2] ?? '').toLowerCase())) {
      blocks.push({ heading, indexInSection: ++inSection, line: start + 1, code: lines.slice(start, i).join('\n') });
    }
  }
  return blocks;
}
