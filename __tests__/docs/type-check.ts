import { join } from 'node:path';
import ts from 'typescript';
import { ROOT } from './consumer-project';

/** A TypeScript block to check, with the label its problems are reported under. */
export interface LabelledBlock {
  readonly label: string;
  readonly line: number;
  readonly code: string;
}

/**
 * Type-checks every block as its own ES module file in the repository, with the project's compiler
 * options, where `kms-vault-mock` and its subpaths resolve to their sources (tsconfig paths) and
 * everything else to node_modules, as in a project that installed the package. ES module, because
 * the examples may use top-level await. Problems read `<label>: TS<code> <message>` with the
 * document's line.
 */
export function typeCheck(blocks: readonly LabelledBlock[]): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error('cannot read tsconfig.json');
  const options: ts.CompilerOptions = {
    ...config.options,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    moduleDetection: ts.ModuleDetectionKind.Force,
    noEmit: true,
  };
  const files = new Map(blocks.map((b, i) => [join(ROOT, '__docs__', `block-${i + 1}.ts`), b]));
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => files.has(f) || fileExists.call(host, f);
  host.readFile = (f) => files.get(f)?.code ?? readFile.call(host, f);
  host.getSourceFile = (f, language, ...rest) => {
    const block = files.get(f);
    return block ? ts.createSourceFile(f, block.code, language, true) : getSourceFile.call(host, f, language, ...rest);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  const problems: string[] = [];
  for (const [file, block] of files) {
    const source = program.getSourceFile(file);
    for (const d of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
      const at = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : 0;
      problems.push(`${block.label.replace(/line \d+\)$/, `line ${block.line + at})`)}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    }
  }
  return problems;
}
