// Fast-path checkers: one plain function per resource that answers only "is this valid, and is there drift" — a
// Verdict (packages/runtime/src/fast-path/verdict.ts): Invalid, Valid, ValidWithDrift (an unknown field or enum value
// somewhere), SpelledOtherwise (a proto-named key, an enum name in another case: normalization would fix it) — with
// no error objects. The generated code answers only true or false; the runtime's `verdict` (fast-path/tracking.ts)
// makes the Verdict, so the protocol has one definition.
// They check the lenient schemas, and serve both modes: a value is strict-valid exactly when it is lenient-valid with
// no drift (the lenient schemas are the strict ones recording instead of rejecting), so strict mode takes 1 alone.
// The runtime returns at once on Valid, and on ValidWithDrift in lenient mode (with the drift, recorded as the runtime
// reports it, in the sink the caller passed); anything else goes to normalization and the reference checker, which
// builds the issues. The code is built with the vocabulary's code builder (code.ts), which escapes every name and
// value it interpolates.
//
// Why it is faster than ajv's code for the same schema: an object is read by iterating its own keys once and
// dispatching on each with a switch, instead of looking up every declared property (most absent: Part declares 14);
// nothing is allocated on valid data; nested resources are plain calls with one argument.
//
// Every checker, pattern and enum set is a top-level declaration of its own (values built at load marked pure), so a
// bundler keeps only what the checkers an application uses reach.
//
// The checkers are compiled from the lenient validator schemas (validatorSchemas(), built from the spec IR) as the
// runtime's vocabulary reads them (packages/runtime/src/vocabulary/, through the package's "./vocabulary" export):
// each keyword family's module there holds its compile step beside its reference check and its issues, so the
// semantics (ajv's, with strict: true, as the tests' oracle compiles the same schemas) are written once per family.
// This module dispatches to those steps by node kind, holds what the checkers share at module level (patterns, enum
// sets, imports) and writes the module.
import type { SpecIR } from "../../spec/ir.ts";
import type { EmittedFile, GenerateContext } from "../context.ts";
import {
  FAST_SUPPORT,
  block,
  checkerOf,
  compileAnyType,
  compileAnyTypeChecker,
  compileAnything,
  compileArray,
  compileInteger,
  compileMap,
  compileRef,
  compileResource,
  compileResourceChecker,
  compileScalar,
  compileString,
  foldedValues,
  id,
  joined,
  js,
  lines,
  read,
  support,
  type Code,
  type Compile,
  type FastCompiler,
  type SchemaNode,
  type SchemaNodeKind,
  type Segments,
  type StringSchemaNode,
} from "@gemini-typekit/runtime/vocabulary";
import { validatorSchemas } from "./validator-schemas.ts";

/** The runtime module the checkers import their support from (packages/runtime/src/fast-path/tracking.ts). */
const TRACKING_MODULE = "../../src/fast-path/tracking.ts";
/** The library's base64 check of bytes fields (packages/runtime/src/bytes.ts). */
const BYTES_MODULE = "../../src/bytes.ts";
/** The name the checkers call that check by. */
const BYTES_CHECK = id("$bytes");

/** Each node kind's compile step, from its keyword family. */
const COMPILE: { [K in SchemaNodeKind]: Compile<Extract<SchemaNode, { kind: K }>> } = {
  ref: compileRef,
  anything: compileAnything,
  scalar: compileScalar,
  integer: compileInteger,
  string: compileString,
  array: compileArray,
  map: compileMap,
  resource: compileResource,
  any: compileAnyType,
};

class Compiler implements FastCompiler {
  /** Every named schema read as the reference checker reads it: one reader, one set of keywords both know. */
  private readonly nodes = new Map<string, SchemaNode>();
  private readonly patterns = new Map<string, Code>();
  /** Enum value sets by enum (the named schema a string node is in), with their values. */
  private readonly enumSets = new Map<string, { set: Code; values: readonly string[] }>();
  /** Enums whose folded set ($f_Name: upper-cased values no two values share) lenient drift checks consult. */
  private readonly foldedSets = new Map<string, Code>();
  /** The field being compiled (`Resource.field`): the spec place drift found under it is reported with. */
  field = "";
  private usesBytes = false;
  private vars = 0;
  private readonly body: Code[] = [];

  constructor(
    schemas: Map<string, unknown>,
    /** Per resource, other keys that name its fields (proto names): the checker answers SpelledOtherwise on them. */
    private readonly spellings: ReadonlyMap<string, readonly string[]>,
  ) {
    for (const [name, schema] of schemas) this.nodes.set(name, read(schema, name, `${name}.json`));
  }

  fail(where: string, what: string): never {
    throw new Error(`fast validators: ${where}: ${what}`);
  }

  named(name: string, where: string): SchemaNode {
    return this.nodes.get(name) ?? this.fail(where, `$ref to unknown schema ${name}`);
  }

  pattern(source: string): Code {
    let name = this.patterns.get(source);
    if (name === undefined) this.patterns.set(source, (name = id("$p", String(this.patterns.size))));
    return name;
  }

  /** The value set of the enum a string node holds (the named schema it is in). */
  enumSet(node: StringSchemaNode, values: readonly string[]): Code {
    const known = this.enumSets.get(node.owner);
    if (known === undefined) {
      const set = id("$e_", node.owner);
      this.enumSets.set(node.owner, { set, values });
      return set;
    }
    if (known.values.join("\0") !== values.join("\0")) this.fail(node.at, `two enums of ${node.owner}`);
    return known.set;
  }

  foldedSet(name: string): Code {
    let set = this.foldedSets.get(name);
    if (set === undefined) this.foldedSets.set(name, (set = id("$f_", name)));
    return set;
  }

  fresh(prefix: string): Code {
    return id(prefix, String(this.vars++));
  }

  bytesCheck(): Code {
    this.usesBytes = true;
    return BYTES_CHECK;
  }

  enterField(field: string): void {
    this.vars = 0;
    this.field = field;
  }

  otherSpellings(resource: string): readonly string[] {
    return this.spellings.get(resource) ?? [];
  }

  check(node: SchemaNode, x: Code, where: string, at: Segments): Code[] {
    return (COMPILE[node.kind] as Compile<SchemaNode>)(node, x, where, at, this);
  }

  module(resources: readonly string[]): string {
    for (const [name, node] of this.nodes) {
      if (node.kind === "string") continue; // enums: inlined where they are used
      if (node.kind === "any") this.body.push(compileAnyTypeChecker(name, node, this));
      else if (node.kind === "resource") this.body.push(compileResourceChecker(name, node, this));
      else this.fail(name, "a resource must be an object");
    }
    const imported = Object.entries(FAST_SUPPORT);
    const imports = joined(
      imported.map(([exported]) => id(exported)),
      ", ",
    );
    // Imported bindings are read through the module's live cells; local constants keep the hot path as it was when
    // this support was part of the module.
    const locals = joined(
      imported.map(([exported, local]) => js`${id(local)} = ${id(exported)}`),
      ", ",
    );
    const head: Code[] = [
      js`"use strict";`,
      js`// Fast-path checkers (a Verdict each). See packages/tools/src/generate/validators/fast.ts.`,
      js`import { ${imports} } from ${TRACKING_MODULE};`,
      js`const ${locals};`,
    ];
    // The base64 check of bytes fields is the library's (packages/runtime/src/bytes.ts).
    if (this.usesBytes) head.push(js`import { isBase64Bytes as ${BYTES_CHECK} } from ${BYTES_MODULE};`);
    // Values built at load are marked pure, so that a bundler drops those of checkers the application does not use.
    for (const [source, name] of this.patterns) head.push(js`const ${name} = /* @__PURE__ */ new RegExp(${source});`);
    for (const { set, values } of this.enumSets.values())
      head.push(js`const ${set} = /* @__PURE__ */ new Set(${arrayLiteral(values)});`);
    for (const [enumName, set] of this.foldedSets) {
      const { set: own, values } = this.enumSets.get(enumName)!;
      const folded = foldedValues(values);
      // Most enums are upper case already: their folded set is their own set.
      const same = folded.length === values.length && folded.every((v, i) => v === values[i]);
      head.push(
        same ? js`const ${set} = ${own};` : js`const ${set} = /* @__PURE__ */ new Set(${arrayLiteral(folded)});`,
      );
    }
    const exports = resources.map((r) =>
      block(js`export function ${id(r)}(d, sink)`, [
        js`${support("startCheck")}();`,
        js`return ${support("verdict")}(${checkerOf(r)}(d, 0), sink);`,
      ]),
    );
    return `${lines([...head, ...this.body, ...exports]).text}\n`;
  }
}

/** An array of strings as a literal. */
const arrayLiteral = (values: readonly string[]) =>
  js`[${joined(
    values.map((v) => js`${v}`),
    ",",
  )}]`;

/** The fast-path module, from the lenient schemas the lenient ajv validators are compiled from. */
export function compileFast(ir: SpecIR): string {
  return compileFastSchemas(validatorSchemas(ir, "lenient"), [...ir.resources.keys()], otherSpellings(ir));
}

/** Every key that names a field of a resource: its JSON name and its proto name (the checker skips declared ones). */
function otherSpellings(ir: SpecIR): Map<string, string[]> {
  return new Map(
    [...ir.resources].map(([name, r]) => [
      name,
      [...new Set(r.fields.flatMap((f) => [f.jsonName, f.protoName]))].sort(),
    ]),
  );
}

/** The fast-path module for a set of validator schemas (by name), exporting a checker for each of `exported`. */
export function compileFastSchemas(
  schemas: Map<string, unknown>,
  exported: readonly string[],
  spellings: ReadonlyMap<string, readonly string[]> = new Map(),
): string {
  return new Compiler(schemas, spellings).module(exported);
}

function declarations(ir: SpecIR): string {
  const lines = [
    `import type { FastCheck } from "${TRACKING_MODULE.replace("tracking.ts", "verdict.js")}";`,
    "",
    "/** Each resource's fast-path checker (see FastCheck: a Verdict, and the drift of a valid value in the sink). */",
  ];
  for (const name of ir.resources.keys()) lines.push(`export declare const ${name}: FastCheck;`);
  return `${lines.join("\n")}\n`;
}

export function emitFastValidators(ctx: GenerateContext): Map<string, EmittedFile> {
  return new Map<string, EmittedFile>([
    ["validators/fast.js", { kind: "js", content: compileFast(ctx.ir) }],
    ["validators/fast.d.ts", { kind: "ts", content: declarations(ctx.ir) }],
  ]);
}
