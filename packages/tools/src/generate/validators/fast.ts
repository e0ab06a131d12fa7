// Fast-path checkers: one plain function per resource that answers only "is this valid, and is there drift" — a
// Verdict (packages/runtime/src/fast-path/verdict.ts): Invalid, Valid, ValidWithDrift (an unknown field or enum value
// somewhere), SpelledOtherwise (a proto-named key, an enum name in another case: normalization would fix it) — with
// no error objects. The generated code answers only true or false; the runtime's `verdict` (fast-path/tracking.ts)
// makes the Verdict, so the protocol has one definition.
// They check the lenient schemas, and serve both modes: a value is strict-valid exactly when it is lenient-valid with
// no drift (the lenient schemas are the strict ones recording instead of rejecting), so strict mode takes 1 alone.
// The runtime returns at once on Valid, and on ValidWithDrift in lenient mode (with the drift, recorded as the runtime
// reports it, in the sink the caller passed); anything else goes to normalization and the reference checker, which
// builds the issues. The code is built with ../code.ts, which escapes every name and value it interpolates.
//
// Why it is faster than ajv's code for the same schema: an object is read by iterating its own keys once and
// dispatching on each with a switch, instead of looking up every declared property (most absent: Part declares 14);
// nothing is allocated on valid data; nested resources are plain calls with one argument.
//
// Every checker, pattern and enum set is a top-level declaration of its own (values built at load marked pure), so a
// bundler keeps only what the checkers an application uses reach.
//
// The checkers are compiled from the lenient validator schemas (validatorSchemas(), built from the spec IR) as the
// runtime's reader reads them (packages/runtime/src/reference/schema-nodes.ts, which the reference checker reads them
// with too): one reading and one list of known keywords for both, so a schema change that needs a new keyword fails
// generation until both handle it. The semantics reproduced, node kind by node kind, as ajv (strict: true, so
// strictNumbers) compiles the same schemas (the tests' oracle):
//   type          object: non-null, not an array; integer: Number.isInteger; number: finite; string; boolean; array
//   properties    a property whose value is undefined counts as absent (ajv tests `data.p !== undefined`)
//   required      counted while iterating (present = not undefined)
//   additionalProperties  the lenient drift keyword → drift; on a map, a schema → every value checked
//   dependentSchemas  only the oneof form: each member forbids exactly the other members → at most one present
//   items, minimum, maximum, pattern (no u flag, as ajv's unicodeRegExp: false), const, x-gemini-bytes (the library's
//   base64 check), x-gemini-drift on strings (an unknown string → drift; not a string → invalid)
//   any types     "@type" must be a string; when it is a URL a member lists, that resource's checker applies.
// Declared property names must not be properties of Object.prototype: ajv looks them up through the prototype chain
// and a for…in loop does not see non-enumerable inherited properties (no field of the spec is such a name).
import type { SpecIR } from "../../spec/ir.ts";
import { block, id, indented, joined, js, lines, type Code } from "../code.ts";
import type { EmittedFile, GenerateContext } from "../context.ts";
import {
  read,
  type AnySchemaNode,
  type ResourceSchemaNode,
  type SchemaNode,
  type StringSchemaNode,
} from "@gemini-typekit/runtime/schema-nodes";
import { validatorSchemas } from "./validator-schemas.ts";

/** Path segments as expressions: the key (property name, index or map key) and its order among its siblings. */
interface Segments {
  keys: Code[];
  ords: Code[];
}

/** The runtime module the checkers import their support from (packages/runtime/src/fast-path/tracking.ts). */
const TRACKING_MODULE = "../../src/fast-path/tracking.ts";
/** The library's base64 check of bytes fields (packages/runtime/src/bytes.ts). */
const BYTES_MODULE = "../../src/bytes.ts";
/** What they import from it, under the short names the generated code uses. */
const TRACKING_IMPORTS: [exported: string, local: string][] = [
  ["pathKeys", "$k"],
  ["pathOrder", "$o"],
  ["escapeKey", "$escape"],
  ["recordDrift", "$record"],
  ["spelledOtherwiseFound", "$otherSpelling"],
  ["startCheck", "$start"],
  ["verdict", "$verdict"],
];

/** A key as a JSON Pointer segment. */
const escapeSegment = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");
/** The path-stack slot `i` entries below the current object (whose own depth is the parameter `n`). */
const depth = (i: number) => (i === 0 ? js`n` : js`n + ${i}`);
const OBJECT_PROTO_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

class Compiler {
  /** Every named schema read as the reference checker reads it: one reader, one set of keywords both know. */
  private readonly nodes = new Map<string, SchemaNode>();
  private readonly patterns = new Map<string, Code>();
  /** Enum value sets by enum (the named schema a string node is in), with their values. */
  private readonly enumSets = new Map<string, { set: Code; values: readonly string[] }>();
  /** Enums whose folded set ($f_Name: upper-cased values no two values share) lenient drift checks consult. */
  private readonly foldedSets = new Map<string, Code>();
  /** The field being compiled (`Resource.field`): the spec place drift found under it is reported with. */
  private field = "";
  private usesBytes = false;
  private vars = 0;
  private readonly body: Code[] = [];

  constructor(
    schemas: Map<string, unknown>,
    /** Per resource, other keys that name its fields (proto names): the checker answers SpelledOtherwise on them. */
    private readonly otherSpellings: ReadonlyMap<string, readonly string[]>,
  ) {
    for (const [name, schema] of schemas) this.nodes.set(name, read(schema, name, `${name}.json`));
  }

  private fail(where: string, what: string): never {
    throw new Error(`fast validators: ${where}: ${what}`);
  }

  private named(name: string, where: string): SchemaNode {
    return this.nodes.get(name) ?? this.fail(where, `$ref to unknown schema ${name}`);
  }

  private pattern(source: string): Code {
    let name = this.patterns.get(source);
    if (name === undefined) this.patterns.set(source, (name = id("$p", String(this.patterns.size))));
    return name;
  }

  /** The value set of the enum a string node holds (the named schema it is in). */
  private enumSet(node: StringSchemaNode, values: readonly string[]): Code {
    const known = this.enumSets.get(node.owner);
    if (known === undefined) {
      const set = id("$e_", node.owner);
      this.enumSets.set(node.owner, { set, values });
      return set;
    }
    if (known.values.join("\0") !== values.join("\0")) this.fail(node.at, `two enums of ${node.owner}`);
    return known.set;
  }

  private foldedSet(name: string): Code {
    let set = this.foldedSets.get(name);
    if (set === undefined) this.foldedSets.set(name, (set = id("$f_", name)));
    return set;
  }

  private fresh(prefix: string): Code {
    return id(prefix, String(this.vars++));
  }

  /**
   * Statements that `return false` unless `x` (an identifier) is valid against `node`. `at` holds the path segments
   * from the current object to `x` (key and order expressions) not yet on the path stack; they are pushed around
   * calls into nested resources and appended to drift records.
   */
  check(node: SchemaNode, x: Code, where: string, at: Segments): Code[] {
    switch (node.kind) {
      case "ref": {
        const target = this.named(node.name, where);
        if (target.kind === "string") return this.check(target, x, `${where} → ${node.name}`, at);
        // The callee's depth is a parameter: the path stack is written, never popped (a plain argument, where a
        // shared counter would be read and written around every call).
        const push = at.keys.map((k, i) => js`$k[${depth(i)}] = ${k}; $o[${depth(i)}] = ${at.ords[i]!};`);
        return [
          ...(push.length > 0 ? [joined(push, " ")] : []),
          js`if (!${id("$r_", node.name)}(${x}, ${depth(at.keys.length)})) return false;`,
        ];
      }
      case "anything":
        return [];
      case "scalar":
        return node.type === "boolean"
          ? [js`if (typeof ${x} !== "boolean") return false;`]
          : [js`if (typeof ${x} !== "number" || !isFinite(${x})) return false;`];
      case "integer": {
        const conds = [js`!Number.isInteger(${x})`];
        if (node.minimum !== undefined) conds.push(js`${x} < ${node.minimum}`);
        if (node.maximum !== undefined) conds.push(js`${x} > ${node.maximum}`);
        return [js`if (${joined(conds, " || ")}) return false;`];
      }
      case "string":
        return this.checkString(node, x, at);
      case "array": {
        const out = [js`if (!Array.isArray(${x})) return false;`];
        if (node.items === undefined) return out;
        const inner = this.fresh("i");
        const item = this.fresh("e");
        const body = this.check(node.items, item, `${where}[]`, {
          keys: [...at.keys, inner],
          ords: [...at.ords, inner],
        });
        if (body.length > 0)
          out.push(
            block(js`for (let ${inner} = 0; ${inner} < ${x}.length; ${inner}++)`, [
              js`const ${item} = ${x}[${inner}];`,
              ...body,
            ]),
          );
        return out;
      }
      case "map": {
        const out = [js`if (typeof ${x} !== "object" || ${x} === null || Array.isArray(${x})) return false;`];
        if (node.values === undefined) return out;
        const key = this.fresh("k");
        const value = this.fresh("m");
        const body = this.check(node.values, value, `${where}{}`, {
          keys: [...at.keys, js`$escape(${key})`],
          ords: [...at.ords, js`0`],
        });
        if (body.length > 0)
          out.push(block(js`for (const ${key} in ${x})`, [js`const ${value} = ${x}[${key}];`, ...body]));
        return out;
      }
      case "resource":
      case "any":
        return this.fail(where, "nested object schemas with properties are not supported");
    }
  }

  private checkString(node: StringSchemaNode, x: Code, at: Segments): Code[] {
    const conds = [js`typeof ${x} !== "string"`];
    if (node.pattern !== undefined) conds.push(js`!${this.pattern(node.pattern)}.test(${x})`);
    if (node.bytes) {
      this.usesBytes = true;
      conds.push(js`!$bytes(${x})`);
    }
    if (node.const !== undefined) conds.push(js`${x} !== ${node.const}`);
    const out = [js`if (${joined(conds, " || ")}) return false;`];
    if (node.values !== undefined) {
      const folded = this.foldedSet(node.owner);
      out.push(
        block(js`if (!${this.enumSet(node, node.values)}.has(${x}))`, [
          js`if (${folded}.has(${x}.toUpperCase())) return $otherSpelling();`,
          js`$record(n, [${joined(at.keys, ", ")}], [${joined(at.ords, ", ")}], false, ${x}, ${this.field});`,
        ]),
      );
    }
    return out;
  }

  /** The checker of a resource: its object's own keys iterated once, each dispatched by a switch. */
  resource(name: string, node: ResourceSchemaNode): void {
    for (const { name: p } of node.properties)
      if (OBJECT_PROTO_NAMES.has(p)) this.fail(name, `property ${p} is a name of Object.prototype`);
    const required = new Set(node.required);
    for (const r of required) if (!node.declared.has(r)) this.fail(name, `required ${r} is not a declared property`);
    const groups = this.oneofGroups(name, node);
    const groupOf = new Map(groups.flatMap((g, i) => g.map((p) => [p, i] as const)));
    const unknown = node.closed ? js`$record(n, [$escape(k)], [-1], true, v, ${name});` : js`break;`;

    const cases: Code[] = [];
    for (const [index, { name: p, node: property }] of node.properties.entries()) {
      this.vars = 0;
      this.field = `${name}.${p}`;
      const body = this.check(property, js`v`, `${name}.${p}`, {
        keys: [js`${escapeSegment(p)}`],
        ords: [js`${index}`],
      });
      const counts = [
        ...(required.has(p) ? [js`q++;`] : []),
        ...(groupOf.has(p) ? [js`${id("u", String(groupOf.get(p)!))}++;`] : []),
      ];
      const guarded = body.length > 0 || counts.length > 0 ? [js`if (v === undefined) break;`, ...body, ...counts] : [];
      cases.push(js`case ${p}:`, indented([...guarded, js`break;`]));
    }
    // A key that names a field otherwise (its proto name) is not drift but another spelling.
    const others = (this.otherSpellings.get(name) ?? []).filter((key) => !node.declared.has(key));
    for (const key of others) cases.push(js`case ${key}:`);
    if (others.length > 0) cases.push(indented([js`return $otherSpelling();`]));
    cases.push(js`default:`, indented([unknown]));

    const counters = [
      ...(required.size > 0 ? [js`q = 0`] : []),
      ...groups.map((_, i) => js`${id("u", String(i))} = 0`),
    ];
    const checks = [
      ...groups.map((_, i) => js`if (${id("u", String(i))} > 1) return false;`),
      ...(required.size > 0 ? [js`if (q !== ${required.size}) return false;`] : []),
    ];
    this.body.push(
      block(js`function ${id("$r_", name)}(d, n)`, [
        js`if (typeof d !== "object" || d === null || Array.isArray(d)) return false;`,
        ...(counters.length > 0 ? [js`let ${joined(counters, ", ")};`] : []),
        block(js`for (const k in d)`, [js`const v = d[k];`, block(js`switch (k)`, cases)]),
        ...checks,
        js`return true;`,
      ]),
    );
  }

  /** Oneofs: each member forbids exactly the other members of its group. */
  private oneofGroups(name: string, node: ResourceSchemaNode): string[][] {
    const groupOf = new Map<string, number>();
    const groups: string[][] = [];
    for (const { member, others } of node.oneofs) {
      const group = [member, ...others].sort();
      if (!group.every((p) => node.declared.has(p)))
        this.fail(name, `oneof member of ${member} is not a declared property`);
      const known = groupOf.get(member);
      if (known === undefined) {
        if (group.some((p) => groupOf.has(p))) this.fail(name, "overlapping oneofs");
        group.forEach((p) => groupOf.set(p, groups.length));
        groups.push(group);
      } else if (groups[known]!.join() !== group.join()) this.fail(name, `oneof of ${member} is not symmetric`);
    }
    const members = new Set(node.oneofs.map((o) => o.member));
    for (const [i, g] of groups.entries())
      if (!g.every((p) => members.has(p))) this.fail(name, `oneof ${i} is not symmetric`);
    return groups;
  }

  /** The checker of an any type: a string "@type", and the resource a known URL names. */
  anyType(name: string, node: AnySchemaNode): void {
    const { object } = node;
    const typeField = object.properties[0];
    if (
      object.properties.length !== 1 ||
      typeField?.name !== "@type" ||
      typeField.node.kind !== "string" ||
      typeField.node.pattern !== undefined ||
      typeField.node.bytes ||
      typeField.node.const !== undefined ||
      typeField.node.values !== undefined ||
      object.required.join() !== "@type" ||
      object.closed ||
      object.oneofs.length > 0
    )
      this.fail(name, "unsupported any type schema");
    const cases: Code[] = [];
    const urls = new Set<string>();
    for (const { url, then } of node.branches) {
      if (urls.has(url)) this.fail(name, `type URL ${url} twice`);
      urls.add(url);
      if (then.kind !== "ref") this.fail(name, "an any type's branch must name a resource");
      this.named(then.name, name);
      cases.push(js`case ${url}:`, indented([js`return ${id("$r_", then.name)}(d, n);`]));
    }
    this.body.push(
      block(js`function ${id("$r_", name)}(d, n)`, [
        js`if (typeof d !== "object" || d === null || Array.isArray(d)) return false;`,
        js`const t = d["@type"];`,
        js`if (typeof t !== "string") return false;`,
        ...(cases.length > 0 ? [block(js`switch (t)`, cases)] : []),
        js`return true;`,
      ]),
    );
  }

  module(resources: readonly string[]): string {
    for (const [name, node] of this.nodes) {
      if (node.kind === "string") continue; // enums: inlined where they are used
      if (node.kind === "any") this.anyType(name, node);
      else if (node.kind === "resource") this.resource(name, node);
      else this.fail(name, "a resource must be an object");
    }
    const imports = joined(
      TRACKING_IMPORTS.map(([exported]) => id(exported)),
      ", ",
    );
    // Imported bindings are read through the module's live cells; local constants keep the hot path as it was when
    // this support was part of the module.
    const locals = joined(
      TRACKING_IMPORTS.map(([exported, local]) => js`${id(local)} = ${id(exported)}`),
      ", ",
    );
    const head: Code[] = [
      js`"use strict";`,
      js`// Fast-path checkers (a Verdict each). See packages/tools/src/generate/validators/fast.ts.`,
      js`import { ${imports} } from ${TRACKING_MODULE};`,
      js`const ${locals};`,
    ];
    // The base64 check of bytes fields is the library's (packages/runtime/src/bytes.ts).
    if (this.usesBytes) head.push(js`import { isBase64Bytes as $bytes } from ${BYTES_MODULE};`);
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
      block(js`export function ${id(r)}(d, sink)`, [js`$start();`, js`return $verdict(${id("$r_", r)}(d, 0), sink);`]),
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

/**
 * Upper-cased enum values that no other value of the enum shares: a string outside the enum whose upper case is one of
 * them is that value in another case (normalize.ts's enumSpelling reads it the same way).
 */
function foldedValues(values: readonly string[]): string[] {
  const count = new Map<string, number>();
  for (const v of values) count.set(v.toUpperCase(), (count.get(v.toUpperCase()) ?? 0) + 1);
  return [...count].filter(([, n]) => n === 1).map(([folded]) => folded);
}

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
