/**
 * Writes docs/api.md, the API reference: every export of the package's entry points
 * (`kms-vault-mock`, `kms-vault-mock/jest`, `kms-vault-mock/vitest`) with its signature and its TSDoc
 * comment, read with the TypeScript compiler API. Members marked `@internal` are left out.
 * `npm run generate` writes it; CI fails while it is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '..');
/** Where the reference is written. */
export const API_REFERENCE_PATH = join(ROOT, 'docs', 'api.md');

/** The package's entry points, as package.json `exports` names them, and their sources. */
const ENTRIES: readonly (readonly [specifier: string, source: string])[] = [
  ['kms-vault-mock', 'src/index.ts'],
  ['kms-vault-mock/jest', 'src/matchers/jest.ts'],
  ['kms-vault-mock/vitest', 'src/matchers/vitest.ts'],
  ['kms-vault-mock/sinon', 'src/sinon.ts'],
];

const KIND_ORDER = ['class', 'function', 'constant', 'interface', 'type'] as const;
type Kind = (typeof KIND_ORDER)[number];
const KIND_TITLE: Record<Kind, string> = { class: 'Classes', function: 'Functions', constant: 'Constants', interface: 'Interfaces', type: 'Types' };

const FORMAT = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType;

/** Builds the reference's markdown. */
export function apiReference(): string {
  const files = ENTRIES.map(([, source]) => join(ROOT, source));
  const program = ts.createProgram(files, {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    resolveJsonModule: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node', 'jest'],
  });
  const checker = program.getTypeChecker();

  const isInternal = (symbol: ts.Symbol): boolean => symbol.getJsDocTags(checker).some((t) => t.name === 'internal');
  const docOf = (symbol: ts.Symbol): string => {
    const text = links(ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim());
    const tags = symbol
      .getJsDocTags(checker)
      .filter((t) => ['example', 'deprecated', 'see', 'throws'].includes(t.name))
      .map((t) => {
        const body = ts.displayPartsToString(t.text).trim();
        return t.name === 'example' ? `Example:\n\n${body.includes('```') ? body : `\`\`\`ts\n${body}\n\`\`\``}` : `**@${t.name}** ${body}`;
      });
    return [text, ...tags].filter((p) => p.length > 0).join('\n\n');
  };
  const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();
  // `{@link X}` reads as code in markdown.
  const links = (text: string): string =>
    text.replace(/\{@link(?:code|plain)?\s+([^}|\s]+)\s*(?:\|\s*([^}]*?))?\s*\}/g, (_m, target: string, label?: string) => `\`${label ?? target}\``);
  const declarationText = (node: ts.Node): string => oneLine(node.getText());

  const kindOf = (symbol: ts.Symbol): Kind | undefined => {
    if (symbol.flags & ts.SymbolFlags.Class) return 'class';
    if (symbol.flags & ts.SymbolFlags.Function) return 'function';
    if (symbol.flags & ts.SymbolFlags.Variable) return 'constant';
    if (symbol.flags & ts.SymbolFlags.Interface) return 'interface';
    if (symbol.flags & ts.SymbolFlags.TypeAlias) return 'type';
    return undefined;
  };

  const memberLines = (symbol: ts.Symbol, type: ts.Type): string[] => {
    const lines: string[] = [];
    for (const member of checker.getPropertiesOfType(type)) {
      const declaration = member.valueDeclaration ?? member.declarations?.[0];
      if (!declaration || isInternal(member) || member.name.startsWith('#') || member.name.startsWith('__')) continue;
      const modifiers = ts.getCombinedModifierFlags(declaration as ts.Declaration);
      if (modifiers & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
      // Only members declared on this type itself, not those inherited from Object or Function.
      if (!member.declarations?.some((d) => symbol.declarations?.some((own) => own.getSourceFile() === d.getSourceFile()))) continue;
      const memberType = checker.getTypeOfSymbolAtLocation(member, declaration);
      const doc = links(oneLine(ts.displayPartsToString(member.getDocumentationComment(checker))));
      const signatures = memberType.getCallSignatures();
      const readonly = modifiers & ts.ModifierFlags.Readonly ? 'readonly ' : '';
      const optional = member.flags & ts.SymbolFlags.Optional ? '?' : '';
      const rendered =
        ts.isMethodDeclaration(declaration) || ts.isMethodSignature(declaration)
          ? signatures.map((s) => `${member.name}${checker.signatureToString(s, undefined, FORMAT)}`)
          : [`${readonly}${member.name}${optional}: ${checker.typeToString(memberType, declaration, FORMAT)}`];
      for (const r of rendered) lines.push(`- \`${r}\`${doc ? `: ${doc}` : ''}`);
    }
    return lines;
  };

  const render = (name: string, exported: ts.Symbol): { kind: Kind; text: string } | undefined => {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const kind = kindOf(symbol);
    const declaration = symbol.declarations?.[0];
    if (!kind || !declaration || isInternal(symbol)) return undefined;
    const parts: string[] = [`### \`${name}\``, ''];
    let signature: string;
    if (kind === 'function') {
      const type = checker.getTypeOfSymbolAtLocation(symbol, declaration);
      signature = type
        .getCallSignatures()
        .map((s) => `function ${name}${checker.signatureToString(s, undefined, FORMAT)};`)
        .join('\n');
    } else if (kind === 'constant') {
      const type = checker.getTypeOfSymbolAtLocation(symbol, declaration);
      signature = `const ${name}: ${checker.typeToString(type, declaration, FORMAT)};`;
    } else if (kind === 'type' && ts.isTypeAliasDeclaration(declaration)) {
      signature = `type ${name}${declaration.typeParameters ? `<${declaration.typeParameters.map(declarationText).join(', ')}>` : ''} = ${declarationText(declaration.type)};`;
    } else {
      const node = declaration as ts.ClassDeclaration | ts.InterfaceDeclaration;
      const heritage = node.heritageClauses?.map(declarationText).join(' ') ?? '';
      const params = node.typeParameters ? `<${node.typeParameters.map(declarationText).join(', ')}>` : '';
      signature = `${kind === 'class' ? 'class' : 'interface'} ${name}${params}${heritage ? ` ${heritage}` : ''}`;
      if (kind === 'class') {
        const constructors = checker.getTypeOfSymbolAtLocation(symbol, declaration).getConstructSignatures();
        signature += `\n${constructors.map((c) => `  constructor${checker.signatureToString(c, undefined, FORMAT).replace(/: [^:]*$/, '')}`).join('\n')}`;
      }
    }
    if (signature.length > 2000) signature = `${signature.slice(0, 2000)} ...`;
    parts.push('```ts', signature, '```', '');
    const doc = docOf(symbol);
    if (doc) parts.push(doc, '');
    if (kind === 'class' || kind === 'interface') {
      const type = kind === 'class' ? checker.getDeclaredTypeOfSymbol(symbol) : checker.getDeclaredTypeOfSymbol(symbol);
      const members = memberLines(symbol, type);
      if (members.length > 0) parts.push('Members:', '', ...members, '');
    }
    return { kind, text: parts.join('\n') };
  };

  const out: string[] = [
    '# API reference',
    '',
    'Generated from the TSDoc comments of the sources by `scripts/generate-api-reference.ts`',
    '(`npm run generate`); do not edit by hand. The README explains how the pieces fit together.',
    '',
  ];
  for (const [specifier, source] of ENTRIES) {
    const file = program.getSourceFile(join(ROOT, source));
    const moduleSymbol = file && checker.getSymbolAtLocation(file);
    if (!moduleSymbol) throw new Error(`cannot read ${source}`);
    const rendered = checker
      .getExportsOfModule(moduleSymbol)
      .map((s) => ({ name: s.name, r: render(s.name, s) }))
      .filter((e): e is { name: string; r: { kind: Kind; text: string } } => e.r !== undefined)
      .sort((a, b) => KIND_ORDER.indexOf(a.r.kind) - KIND_ORDER.indexOf(b.r.kind) || a.name.localeCompare(b.name));
    out.push(`## \`${specifier}\``, '', `Source: [\`${source}\`](../${source})`, '');
    for (const kind of KIND_ORDER) {
      const ofKind = rendered.filter((e) => e.r.kind === kind);
      if (ofKind.length === 0) continue;
      out.push(`**${KIND_TITLE[kind]}:** ${ofKind.map((e) => `\`${e.name}\``).join(', ')}`, '');
    }
    for (const e of rendered) out.push(e.r.text);
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

if (require.main === module) {
  writeFileSync(API_REFERENCE_PATH, apiReference());
  console.log(`${API_REFERENCE_PATH} written`);
}
