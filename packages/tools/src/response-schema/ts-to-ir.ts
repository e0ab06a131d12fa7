// TypeScript type → schema IR. Each ts.Type is classified into a TypeKind and handled by the entry of a typed table,
// so adding a kind without a handler does not compile. Named user types (interfaces, classes, enums, aliases)
// become definitions; finalize.ts later inlines those used only once.
import { Node as TsNode, SyntaxKind, ts, type Type } from "ts-morph";
import { error, warning, type Diagnostic } from "../diagnostics.ts";
import { BRAND_PROPERTY } from "./brands.ts";
import { applyDoc, originOf, readDoc } from "./jsdoc.ts";
import type { Definition, EnumNode, Node, ObjectNode, Origin, Property, SchemaDocument } from "./ir.ts";
import { inlineSingleUse, requiredCycleDiagnostics } from "./finalize.ts";
import type { TypeDeclaration } from "./ts-source.ts";

type TypeKind =
  | "string"
  | "number"
  | "boolean"
  | "null"
  | "undefined"
  | "literal"
  | "booleanLiteral"
  | "union"
  | "intersection"
  | "array"
  | "tuple"
  | "date"
  | "object"
  | "function"
  | "typeParameter"
  | "any"
  | "unknown"
  | "never"
  | "bigint"
  | "symbol"
  | "templateLiteral"
  | "nonPrimitive"
  | "unsupported";

/** Where the walk is: the type path for messages, the source position, and a node to resolve property types at. */
interface Here {
  path: string;
  origin: Origin;
  at: TsNode;
}

interface Ctx {
  diagnostics: Diagnostic[];
  defs: Map<string, Definition>;
  names: Map<ts.Type, string>;
}

const F = ts.TypeFlags;

const isLibFile = (path: string) => /(^|\/)lib\.[^/]*\.d\.ts$/.test(path);

function isDate(t: Type): boolean {
  const sym = t.getSymbol();
  return sym?.getName() === "Date" && sym.getDeclarations().some((d) => isLibFile(d.getSourceFile().getFilePath()));
}

function classify(t: Type): TypeKind {
  const f = t.getFlags();
  if (f & F.Any) return "any";
  if (f & F.Unknown) return "unknown";
  if (f & F.Never) return "never";
  if (f & (F.Undefined | F.Void)) return "undefined";
  if (f & F.Null) return "null";
  if (f & F.Boolean) return "boolean";
  if (f & F.BooleanLiteral) return "booleanLiteral";
  if (f & (F.StringLiteral | F.NumberLiteral)) return "literal";
  if (f & F.String) return "string";
  if (f & F.Number) return "number";
  if (f & (F.BigInt | F.BigIntLiteral)) return "bigint";
  if (f & (F.ESSymbol | F.UniqueESSymbol)) return "symbol";
  if (f & (F.TemplateLiteral | F.StringMapping)) return "templateLiteral";
  if (f & (F.TypeParameter | F.Index | F.IndexedAccess | F.Conditional | F.Substitution)) return "typeParameter";
  if (f & F.Union) return "union";
  if (f & F.Intersection) return "intersection";
  if (f & F.NonPrimitive) return "nonPrimitive";
  if (f & F.Object) {
    if (t.isTuple()) return "tuple";
    if (t.isArray() || t.isReadonlyArray()) return "array";
    if (isDate(t)) return "date";
    if (t.getCallSignatures().length > 0 || t.getConstructSignatures().length > 0) return "function";
    return "object";
  }
  return "unsupported";
}

const sanitize = (s: string) => s.replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");

/** Name for a definition, when `t` is a user-declared named type (not a library one, not anonymous). */
function definitionName(t: Type): string | undefined {
  const alias = t.getAliasSymbol();
  const userDecl = (decls: TsNode[]) =>
    decls.length > 0 && decls.every((d) => !isLibFile(d.getSourceFile().getFilePath()));
  const withArgs = (name: string, args: Type[]) =>
    args.length
      ? `${name}_${args.map((a) => sanitize(a.getText(undefined, ts.TypeFormatFlags.None))).join("_")}`
      : name;
  if (alias && userDecl(alias.getDeclarations()))
    return withArgs(
      alias.getName(),
      t.getAliasTypeArguments().filter((a) => !(a.getFlags() & F.TypeParameter)),
    );
  const sym = t.getSymbol();
  if (!sym || !userDecl(sym.getDeclarations())) return undefined;
  const named = sym
    .getDeclarations()
    .some((d) => TsNode.isInterfaceDeclaration(d) || TsNode.isClassDeclaration(d) || TsNode.isEnumDeclaration(d));
  if (!named) return undefined;
  // A generic declaration's own parameters (Box<T> itself) are not part of its name; only instantiations are.
  const args = t.getFlags() & F.Object ? t.getTypeArguments().filter((a) => !(a.getFlags() & F.TypeParameter)) : [];
  return withArgs(sym.getName(), args);
}

const NAMEABLE = new Set<TypeKind>(["object", "union", "intersection"]);

const node = <N extends Node>(n: N, here: Here): N => ({ ...n, origin: here.origin });
const placeholder = (here: Here): Node => node({ kind: "null", meta: {} }, here);
const loc = (o: Origin) => {
  const { path: _p, ...rest } = o;
  return rest;
};

function fail(ctx: Ctx, code: string, what: string, here: Here, hint?: string): Node {
  ctx.diagnostics.push(
    error(code, `${what} at ${here.path} cannot be expressed in a Gemini response schema`, loc(here.origin), hint),
  );
  return placeholder(here);
}

function convert(t: Type, here: Here, ctx: Ctx): Node {
  const kind = classify(t);
  if (NAMEABLE.has(kind)) {
    const name = definitionName(t);
    if (name !== undefined) return refTo(t, kind, name, here, ctx);
  }
  return HANDLERS[kind](t, here, ctx);
}

function declarationOf(t: Type): TsNode | undefined {
  return (t.getAliasSymbol() ?? t.getSymbol())?.getDeclarations()[0];
}

function refTo(t: Type, kind: TypeKind, baseName: string, here: Here, ctx: Ctx): Node {
  let name = ctx.names.get(t.compilerType);
  if (name === undefined) {
    name = baseName;
    for (let i = 2; ctx.defs.has(name); i++) name = `${baseName}_${i}`;
    ctx.names.set(t.compilerType, name);
    const decl = declarationOf(t);
    const origin = decl ? originOf(decl, name) : { ...here.origin, path: name };
    ctx.defs.set(name, { node: placeholder(here), origin });
    const body = HANDLERS[kind](t, { path: name, origin, at: here.at }, ctx);
    ctx.defs.set(name, { node: applyDoc(body, readDoc(decl, name), ctx.diagnostics), origin });
  }
  return node({ kind: "ref", name, meta: {} }, here);
}

const isNonPublic = (d: TsNode) =>
  TsNode.isModifierable(d) && (d.hasModifier(SyntaxKind.PrivateKeyword) || d.hasModifier(SyntaxKind.ProtectedKeyword));

const isClassOnlyMember = (d: TsNode) =>
  TsNode.isMethodDeclaration(d) || TsNode.isGetAccessorDeclaration(d) || TsNode.isSetAccessorDeclaration(d);

function objectNode(t: Type, here: Here, ctx: Ctx): ObjectNode {
  const properties: Property[] = [];
  for (const sym of t.getProperties()) {
    const name = sym.getName();
    const decl = sym.getValueDeclaration() ?? sym.getDeclarations()[0];
    if (name.startsWith("#")) continue;
    if (decl && (isNonPublic(decl) || isClassOnlyMember(decl))) continue;
    const path = `${here.path}.${name}`;
    const origin = decl ? originOf(decl, path) : { ...here.origin, path };
    if (name.startsWith("__@")) {
      ctx.diagnostics.push(
        warning(
          "ts.symbol-key",
          `symbol-keyed property at ${path} is left out: JSON has only string keys`,
          loc(origin),
        ),
      );
      continue;
    }
    const type = sym.getTypeAtLocation(here.at);
    const optional =
      sym.isOptional() || (type.isUnion() && type.getUnionTypes().some((u) => u.getFlags() & (F.Undefined | F.Void)));
    const converted = convert(type, { path, origin, at: here.at }, ctx);
    properties.push({ name, node: applyDoc(converted, readDoc(decl, path), ctx.diagnostics), required: !optional });
  }
  const index = t.getStringIndexType() ?? t.getNumberIndexType();
  const additional = index ? convert(index, { ...here, path: `${here.path}[string]` }, ctx) : undefined;
  return node({ kind: "object", properties, meta: {}, ...(additional ? { additional } : {}) }, here);
}

function enumOf(values: (string | number)[], here: Here): EnumNode {
  const strings = values.every((v) => typeof v === "string");
  const type = strings ? "string" : values.every((v) => Number.isInteger(v)) ? "integer" : "number";
  return node({ kind: "enum", type, values, meta: {} }, here);
}

function unionNode(t: Type, here: Here, ctx: Ctx): Node {
  const members = t.getUnionTypes().filter((m) => !(m.getFlags() & (F.Undefined | F.Void)));
  const strings: string[] = [];
  const numbers: number[] = [];
  const booleans = new Set<boolean>();
  let hasNull = false;
  const others: Node[] = [];
  for (const m of members) {
    const k = classify(m);
    if (k === "literal") {
      const v = m.getLiteralValue();
      if (typeof v === "string") strings.push(v);
      else if (typeof v === "number") numbers.push(v);
    } else if (k === "booleanLiteral") booleans.add(m.getText() === "true");
    else if (k === "null") hasNull = true;
    else others.push(convert(m, here, ctx));
  }
  const options: Node[] = [];
  if (strings.length) options.push(enumOf(strings, here));
  if (numbers.length) options.push(enumOf(numbers, here));
  if (booleans.size === 2) options.push(node({ kind: "boolean", meta: {} }, here));
  else if (booleans.size === 1) options.push(booleanLiteral([...booleans][0]!, here, ctx));
  options.push(...others);
  if (hasNull) options.push(node({ kind: "null", meta: {} }, here));
  if (options.length === 0) return fail(ctx, "ts.undefined", "a type that is only `undefined`", here);
  return options.length === 1 ? options[0]! : node({ kind: "union", options, meta: {} }, here);
}

function booleanLiteral(value: boolean, here: Here, ctx: Ctx): Node {
  ctx.diagnostics.push(
    warning(
      "ts.boolean-literal",
      `the literal type \`${value}\` at ${here.path} is widened to boolean: Gemini enums hold only strings and numbers`,
      loc(here.origin),
    ),
  );
  return node({ kind: "boolean", meta: {} }, here);
}

function brandOf(t: Type): string | undefined {
  const props = t.getProperties();
  if (props.length !== 1 || props[0]!.getName() !== BRAND_PROPERTY) return undefined;
  const decl = props[0]!.getDeclarations()[0];
  const v = decl ? props[0]!.getTypeAtLocation(decl).getLiteralValue() : undefined;
  return typeof v === "string" ? v : "";
}

function intersectionNode(t: Type, here: Here, ctx: Ctx): Node {
  const parts = t.getIntersectionTypes();
  const kinds = parts.map(classify);
  const primitive = parts.filter((_, i) => ["string", "number", "boolean", "literal"].includes(kinds[i]!));
  const brands = parts.map(brandOf);
  if (
    primitive.length === 1 &&
    parts.every((p, i) => p === primitive[0] || (kinds[i] === "object" && brands[i] !== undefined))
  ) {
    const base = convert(primitive[0]!, here, ctx);
    return base.kind === "number" && brands.includes("integer") ? { ...base, kind: "integer" } : base;
  }
  if (kinds.every((k) => k === "object")) return objectNode(t, here, ctx);
  return fail(
    ctx,
    "ts.intersection",
    `the intersection \`${t.getText()}\``,
    here,
    "intersect only object types (they are merged), or a primitive with a `{ __brand: … }` object",
  );
}

function tupleNode(t: Type, here: Here, ctx: Ctx): Node {
  const flags = (t.compilerType as ts.TupleTypeReference).target.elementFlags;
  const elements = t.getTupleElements();
  const prefix: Node[] = [];
  let rest: Node | undefined;
  let minItems = 0;
  for (const [i, el] of elements.entries()) {
    const f = flags[i]!;
    const h = { ...here, path: `${here.path}[${i}]` };
    if (f & ts.ElementFlags.Variadic) return fail(ctx, "ts.tuple", "a variadic tuple element", h);
    if (f & ts.ElementFlags.Rest) {
      if (i !== elements.length - 1)
        return fail(ctx, "ts.tuple", "a rest element before the end of a tuple", h, "put the rest element last");
      rest = convert(el, h, ctx);
    } else {
      if (f & ts.ElementFlags.Required) minItems = i + 1;
      prefix.push(convert(el, h, ctx));
    }
  }
  const meta = { minItems, ...(rest ? {} : { maxItems: prefix.length }) };
  return node({ kind: "tuple", prefix, meta, ...(rest ? { rest } : {}) }, here);
}

type Handler = (t: Type, here: Here, ctx: Ctx) => Node;
const unsupported =
  (code: string, what: string, hint?: string): Handler =>
  (t, here, ctx) =>
    fail(ctx, code, what.replace("%t", t.getText()), here, hint);

const HANDLERS: Record<TypeKind, Handler> = {
  string: (_t, here) => node({ kind: "string", meta: {} }, here),
  number: (_t, here) => node({ kind: "number", meta: {} }, here),
  boolean: (_t, here) => node({ kind: "boolean", meta: {} }, here),
  null: (_t, here) => node({ kind: "null", meta: {} }, here),
  literal: (t, here) => {
    const v = t.getLiteralValue();
    return enumOf([typeof v === "number" ? v : String(v)], here);
  },
  booleanLiteral: (t, here, ctx) => booleanLiteral(t.getText() === "true", here, ctx),
  union: unionNode,
  intersection: intersectionNode,
  array: (t, here, ctx) =>
    node(
      { kind: "array", items: convert(t.getTypeArguments()[0]!, { ...here, path: `${here.path}[]` }, ctx), meta: {} },
      here,
    ),
  tuple: tupleNode,
  date: (_t, here) => node({ kind: "string", meta: { format: "date-time" } }, here),
  object: objectNode,
  templateLiteral: (t, here, ctx) => {
    ctx.diagnostics.push(
      warning(
        "ts.template-literal",
        `the template literal type \`${t.getText()}\` at ${here.path} is widened to string`,
        loc(here.origin),
      ),
    );
    return node({ kind: "string", meta: {} }, here);
  },
  undefined: unsupported("ts.undefined", "`undefined`", "make the property optional instead"),
  function: unsupported(
    "ts.function",
    "a function type",
    "functions are not JSON data; remove the member or make it a method of a class",
  ),
  typeParameter: unsupported(
    "ts.type-parameter",
    "the unresolved type parameter `%t`",
    "convert an instantiation, e.g. `type Boxed = Box<string>`",
  ),
  any: unsupported("ts.any", "`any`", "give a concrete type"),
  unknown: unsupported("ts.unknown", "`unknown`", "give a concrete type"),
  never: unsupported("ts.never", "`never`"),
  bigint: unsupported("ts.bigint", "a bigint", "use number, or string for values beyond 2^53"),
  symbol: unsupported("ts.symbol", "a symbol"),
  nonPrimitive: unsupported(
    "ts.object-keyword",
    "the unconstrained `object` type",
    "describe the properties, or use Record<string, T>",
  ),
  unsupported: unsupported("ts.unsupported", "the type `%t`"),
};

export interface IrResult {
  doc?: SchemaDocument;
  diagnostics: Diagnostic[];
}

/** Convert the declared type of `decl` into a schema document. `doc` is absent when there are errors. */
export function declarationToIr(decl: TypeDeclaration): IrResult {
  const ctx: Ctx = { diagnostics: [], defs: new Map(), names: new Map() };
  const name = decl.getName() ?? "Root";
  const here: Here = { path: name, origin: originOf(decl, name), at: decl };
  let root = convert(decl.getType(), here, ctx);
  if (root.kind !== "ref") root = applyDoc(root, readDoc(decl, name), ctx.diagnostics);
  const doc: SchemaDocument = { root, defs: ctx.defs };
  const diagnostics = [...ctx.diagnostics, ...requiredCycleDiagnostics(doc, "ts.required-cycle")];
  if (diagnostics.some((d) => d.severity === "error")) return { diagnostics };
  return { doc: inlineSingleUse(doc), diagnostics };
}
