/**
 * Writes schema/scenario.schema.json, the JSON Schema of scenario files, from the TypeScript type
 * `Scenario` (src/scenarios/scenario.ts) with the TypeScript compiler API. The type is the one
 * description of the format: the schema editors check fixture files with, and the validator that
 * `loadScenarioFile` runs (src/scenarios/validate-scenario.ts), both follow from it. A field added to
 * the type reaches both with `npm run generate`; a test fails while the schema is out of date.
 *
 * The schema uses a small subset of JSON Schema 2020-12 (type, properties, required,
 * additionalProperties, items, enum, anyOf, $ref to $defs, description), the subset the validator reads.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import type { SchemaNode } from '../src/scenarios/validate-scenario';

const ROOT = resolve(__dirname, '..');
/** Where the format is declared, and the type a scenario file holds. */
export const SCENARIO_TYPE_FILE = join(ROOT, 'src', 'scenarios', 'scenario.ts');
const ROOT_TYPE = 'Scenario';
/** The schema's address inside the package (`kms-vault-mock/schema/scenario.schema.json`). */
export const SCHEMA_PATH = join(ROOT, 'schema', 'scenario.schema.json');

/** Builds the schema of scenario files from the `Scenario` type. */
export function scenarioSchema(): SchemaNode {
  const program = ts.createProgram([SCENARIO_TYPE_FILE], {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(SCENARIO_TYPE_FILE);
  if (!file) throw new Error(`cannot read ${SCENARIO_TYPE_FILE}`);
  const moduleSymbol = checker.getSymbolAtLocation(file);
  const rootSymbol = moduleSymbol ? checker.getExportsOfModule(moduleSymbol).find((s) => s.name === ROOT_TYPE) : undefined;
  if (!rootSymbol) throw new Error(`${SCENARIO_TYPE_FILE} does not declare ${ROOT_TYPE}`);
  const defs: Record<string, SchemaNode> = {};

  const describe = (symbol: ts.Symbol): string | undefined => {
    const text = ts
      .displayPartsToString(symbol.getDocumentationComment(checker))
      .replace(/\{@link(?:code|plain)?\s+([^}|\s]+)\s*(?:\|\s*([^}]*?))?\s*\}/g, (_m, target: string, label?: string) => `\`${label ?? target}\``)
      .replace(/\s+/g, ' ')
      .trim();
    return text.length > 0 ? text : undefined;
  };

  const objectSchema = (type: ts.Type): SchemaNode => {
    const properties: Record<string, SchemaNode> = {};
    const required: string[] = [];
    for (const prop of checker.getPropertiesOfType(type)) {
      const declaration = prop.valueDeclaration ?? prop.declarations?.[0];
      const propType = declaration ? checker.getTypeOfSymbolAtLocation(prop, declaration) : checker.getTypeOfSymbol(prop);
      const description = describe(prop);
      properties[prop.name] = { ...(description ? { description } : {}), ...toSchema(propType) };
      if (!(prop.flags & ts.SymbolFlags.Optional)) required.push(prop.name);
    }
    const index = checker.getIndexInfosOfType(type).find((i) => i.keyType.flags & ts.TypeFlags.String);
    return {
      type: 'object',
      ...(Object.keys(properties).length > 0 ? { properties } : {}),
      ...(required.length > 0 ? { required } : {}),
      additionalProperties: index ? toSchema(index.type) : false,
    };
  };

  // Types this project names (not generic helpers such as Readonly<...>, nor the SDK's) go to $defs,
  // so the schema reads like the type.
  const ownName = (type: ts.Type): ts.Symbol | undefined => {
    const symbol =
      type.aliasSymbol && !type.aliasTypeArguments ? type.aliasSymbol : type.symbol && type.symbol.flags & ts.SymbolFlags.Interface ? type.symbol : undefined;
    const own = symbol?.declarations?.some((d) => d.getSourceFile().fileName.startsWith(join(ROOT, 'src')));
    return own ? symbol : undefined;
  };
  const defined = (type: ts.Type, build: () => SchemaNode): SchemaNode => {
    const named = ownName(type);
    if (!named) return build();
    if (!(named.name in defs)) {
      defs[named.name] = {};
      const description = describe(named);
      defs[named.name] = { ...(description ? { description } : {}), ...build() };
    }
    return { $ref: `#/$defs/${named.name}` };
  };

  const toSchema = (type: ts.Type): SchemaNode => defined(type, () => anonymousSchema(type));

  const anonymousSchema = (type: ts.Type): SchemaNode => {
    if (type.isUnion()) {
      const parts = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
      const literals = parts
        .filter((t): t is ts.StringLiteralType => t.isStringLiteral())
        .map((t) => t.value)
        .sort();
      const booleans = parts.filter((t) => t.flags & ts.TypeFlags.BooleanLiteral);
      const others = parts.filter((t) => !t.isStringLiteral() && !(t.flags & ts.TypeFlags.BooleanLiteral));
      const schemas: SchemaNode[] = [
        ...(literals.length > 0 ? [{ type: 'string', enum: literals } as SchemaNode] : []),
        ...(booleans.length > 0 ? [{ type: 'boolean' } as SchemaNode] : []),
        ...others.map(toSchema),
      ];
      if (schemas.length === 1 && schemas[0]) return schemas[0];
      return { anyOf: schemas };
    }
    // Free-form JSON (a policy document given as an object): any value.
    if (type.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) return {};
    if (type.isStringLiteral()) return { type: 'string', enum: [type.value] };
    if (type.flags & ts.TypeFlags.String) return { type: 'string' };
    if (type.flags & ts.TypeFlags.Number) return { type: 'number' };
    if (type.flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return { type: 'boolean' };
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      const [element] = checker.getTypeArguments(type as ts.TypeReference);
      if (!element) throw new Error(`array type without an element type: ${checker.typeToString(type)}`);
      return { type: 'array', items: toSchema(element) };
    }
    if (type.flags & ts.TypeFlags.Object || type.isIntersection()) {
      if (checker.getSignaturesOfType(type, ts.SignatureKind.Call).length > 0 || checker.getSignaturesOfType(type, ts.SignatureKind.Construct).length > 0) {
        throw new Error(`a scenario file cannot hold a function: ${checker.typeToString(type)}`);
      }
      return objectSchema(type);
    }
    throw new Error(`no JSON Schema for the type ${checker.typeToString(type)}`);
  };

  const rootType = checker.getDeclaredTypeOfSymbol(rootSymbol);
  const root = objectSchema(rootType);
  const description = describe(rootSymbol);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/kms-vault-mock/kms-vault-mock/blob/main/schema/scenario.schema.json',
    title: 'kms-vault-mock scenario',
    ...(description ? { description } : {}),
    ...root,
    // A JSON file may name its schema; editors read it, the loader ignores it.
    properties: { $schema: { description: 'The JSON Schema this file follows (for editors).', type: 'string' }, ...root.properties },
    $defs: Object.fromEntries(Object.entries(defs).sort(([a], [b]) => a.localeCompare(b))),
  };
}

/** The schema file's text: what `npm run generate` writes and the test compares. */
export function scenarioSchemaText(): string {
  return `${JSON.stringify(scenarioSchema(), null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(SCHEMA_PATH, scenarioSchemaText());
  console.log(`${SCHEMA_PATH} written`);
}
