// Fast-path checkers: one plain function per resource that answers only "is this valid, and is there drift" — 0
// invalid, 1 valid, 2 valid with drift (an unknown field or enum value somewhere), 3 spelled otherwise than the spec
// spells it (a proto-named key, an enum name in another case: normalization would fix it) — with no error objects.
// They check the lenient schemas, and serve both modes: a value is strict-valid exactly when it is lenient-valid with
// no drift (the lenient schemas are the strict ones recording instead of rejecting), so strict mode takes 1 alone.
// The runtime returns at once on 1, and on 2 in lenient mode (with the drift recorded as the runtime reports it);
// anything else goes to normalization and the reference validators, which build the issues.
//
// Why it is faster than ajv's code for the same schema: an object is read by iterating its own keys once and
// dispatching on each with a switch, instead of looking up every declared property (most absent: Part declares 14);
// nothing is allocated on valid data; nested resources are plain calls with one argument.
//
// Every checker, pattern and enum set is a top-level declaration of its own (values built at load marked pure), so a
// bundler keeps only what the checkers an application uses reach.
//
// The checkers are compiled from the very schemas the ajv validators are compiled from (validatorSchemas(), built from
// the spec IR), by a compiler that knows exactly the keywords those schemas use and refuses anything else, so the
// verdict cannot silently differ: a schema change that needs a new keyword fails generation until it is handled here.
// The semantics reproduced, keyword by keyword, as ajv (strict: true, so strictNumbers) compiles them:
//   type          object: non-null, not an array; integer: Number.isInteger; number: finite; string; boolean; array
//   properties    a property whose value is undefined counts as absent (ajv tests `data.p !== undefined`)
//   required      counted while iterating (present = not undefined)
//   additionalProperties false → invalid (strict); the lenient drift keyword → drift; a schema → every value checked
//   dependentSchemas  only the oneof form: each member forbids exactly the other members → at most one present
//   items, minimum, maximum, pattern (no u flag, as ajv's unicodeRegExp: false), const, enum (strict), x-gemini-bytes
//   (the same base64 check source), x-gemini-drift on strings (an unknown string → drift; not a string → invalid)
//   any types     "@type" must be a string; when it is a URL a member lists, that resource's checker applies.
// Declared property names must not be properties of Object.prototype: ajv looks them up through the prototype chain
// and a for…in loop does not see non-enumerable inherited properties (no field of the spec is such a name).
import type { SpecIR } from "../../spec/model.ts";
import type { EmittedFile, GenerateContext } from "../context.ts";
import { BYTES_CHECK_SOURCE, BYTES_KEYWORD, DRIFT_KEYWORD } from "./keywords.ts";
import { validatorSchemas } from "./schema.ts";

type Schema = Record<string, unknown> | boolean;
type Obj = Record<string, unknown>;
/** Path segments as expressions: the key (property name, index or map key) and its order among its siblings. */
interface Segments {
  keys: string[];
  ords: string[];
}

/** A key as a JSON Pointer segment. */
const escapeSegment = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");
/** The path-stack slot `i` entries below the current object (whose own depth is the parameter `n`). */
const depth = (i: number) => (i === 0 ? "n" : `n + ${i}`);
const OBJECT_PROTO_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));
const js = (value: unknown) => JSON.stringify(value);

class Compiler {
  private readonly patterns = new Map<string, string>();
  private readonly enumSets = new Map<string, string>();
  /** Enums whose folded set ($f_Name: upper-cased values no two values share) lenient drift checks consult. */
  private readonly foldedSets = new Map<string, string>();
  /** The field being compiled (`Resource.field`): the spec place drift found under it is reported with. */
  private field = "";
  private usesBytes = false;
  private vars = 0;
  private readonly body: string[] = [];

  constructor(
    private readonly schemas: Map<string, Schema>,
    /** Per resource, other keys that name its fields (proto names): the checker answers 3 on them. */
    private readonly otherSpellings: ReadonlyMap<string, readonly string[]>,
  ) {}

  private fail(where: string, what: string): never {
    throw new Error(`fast validators: ${where}: ${what}`);
  }

  private named(ref: unknown, where: string): [string, Obj] {
    if (typeof ref !== "string" || !ref.endsWith(".json")) this.fail(where, `unsupported $ref ${js(ref)}`);
    const name = ref.slice(0, -".json".length);
    const schema = this.schemas.get(name);
    if (schema === undefined || typeof schema !== "object") this.fail(where, `$ref to unknown schema ${name}`);
    return [name, schema];
  }

  private pattern(source: string): string {
    let id = this.patterns.get(source);
    if (id === undefined) this.patterns.set(source, (id = `$p${this.patterns.size}`));
    return id;
  }

  private enumSet(name: string, values: unknown): string {
    if (!Array.isArray(values) || !values.every((v) => typeof v === "string"))
      this.fail(name, "enum values must be strings");
    let id = this.enumSets.get(name);
    if (id === undefined) this.enumSets.set(name, (id = `$e_${name}`));
    return id;
  }

  private enumValues(name: string): string[] {
    const schema = this.schemas.get(name) as Obj;
    return (schema["enum"] ?? schema[DRIFT_KEYWORD]) as string[];
  }

  private foldedSet(name: string): string {
    let id = this.foldedSets.get(name);
    if (id === undefined) this.foldedSets.set(name, (id = `$f_${name}`));
    return id;
  }

  private fresh(prefix: string): string {
    return `${prefix}${this.vars++}`;
  }

  private static only(schema: Obj, allowed: string[], where: string, self: Compiler): void {
    for (const key of Object.keys(schema)) if (!allowed.includes(key)) self.fail(where, `unsupported keyword ${key}`);
  }

  /**
   * Statements that `return false` unless `x` (an identifier) is valid against `schema`; indentation `ind`. `at`
   * holds the path segments from the current object to `x` (key and order expressions) not yet on the path stack;
   * they are pushed around calls into nested resources and appended to drift records.
   */
  check(schema: Schema, x: string, ind: string, where: string, at: Segments): string[] {
    if (schema === true) return [];
    if (schema === false) return [`${ind}return false;`];
    if (schema["$ref"] !== undefined) {
      Compiler.only(schema, ["$ref"], where, this);
      const [name, target] = this.named(schema["$ref"], where);
      if (target["type"] === "string") return this.check(target, x, ind, `${where} → ${name}`, at);
      // The callee's depth is a parameter: the path stack is written, never popped (a plain argument, where a shared
      // counter would be read and written around every call).
      const push = at.keys.map((k, i) => `$k[${depth(i)}] = ${k}; $o[${depth(i)}] = ${at.ords[i]!};`).join(" ");
      return [`${ind}${push}`, `${ind}if (!$r_${name}(${x}, ${depth(at.keys.length)})) return false;`];
    }
    const type = schema["type"];
    switch (type) {
      case undefined:
        Compiler.only(schema, ["$id"], where, this);
        return [];
      case "boolean":
        Compiler.only(schema, ["type"], where, this);
        return [`${ind}if (typeof ${x} !== "boolean") return false;`];
      case "number":
        Compiler.only(schema, ["type"], where, this);
        return [`${ind}if (typeof ${x} !== "number" || !isFinite(${x})) return false;`];
      case "integer": {
        Compiler.only(schema, ["type", "minimum", "maximum"], where, this);
        const conds = [`!Number.isInteger(${x})`];
        if (schema["minimum"] !== undefined) conds.push(`${x} < ${Number(schema["minimum"])}`);
        if (schema["maximum"] !== undefined) conds.push(`${x} > ${Number(schema["maximum"])}`);
        return [`${ind}if (${conds.join(" || ")}) return false;`];
      }
      case "string":
        return this.checkString(schema, x, ind, where, at);
      case "array": {
        Compiler.only(schema, ["type", "items"], where, this);
        const out = [`${ind}if (!Array.isArray(${x})) return false;`];
        const items = (schema["items"] ?? true) as Schema;
        const inner = this.fresh("i");
        const item = this.fresh("e");
        const body = this.check(items, item, `${ind}  `, `${where}[]`, {
          keys: [...at.keys, inner],
          ords: [...at.ords, inner],
        });
        if (body.length > 0) {
          out.push(
            `${ind}for (let ${inner} = 0; ${inner} < ${x}.length; ${inner}++) {`,
            `${ind}  const ${item} = ${x}[${inner}];`,
            ...body,
            `${ind}}`,
          );
        }
        return out;
      }
      case "object": {
        if (schema["properties"] !== undefined)
          this.fail(where, "nested object schemas with properties are not supported");
        Compiler.only(schema, ["type", "additionalProperties", "$id"], where, this);
        const out = [`${ind}if (typeof ${x} !== "object" || ${x} === null || Array.isArray(${x})) return false;`];
        const values = schema["additionalProperties"];
        if (values === undefined || values === true) return out;
        if (typeof values !== "object" || values === null || (values as Obj)[DRIFT_KEYWORD] !== undefined)
          this.fail(where, "unsupported additionalProperties");
        const key = this.fresh("k");
        const value = this.fresh("m");
        const body = this.check(values as Schema, value, `${ind}  `, `${where}{}`, {
          keys: [...at.keys, `$escape(${key})`],
          ords: [...at.ords, "0"],
        });
        if (body.length > 0)
          out.push(`${ind}for (const ${key} in ${x}) {`, `${ind}  const ${value} = ${x}[${key}];`, ...body, `${ind}}`);
        return out;
      }
      default:
        this.fail(where, `unsupported type ${js(type)}`);
    }
  }

  private checkString(schema: Obj, x: string, ind: string, where: string, at: Segments): string[] {
    Compiler.only(schema, ["$id", "type", "pattern", BYTES_KEYWORD, "const", "enum", DRIFT_KEYWORD], where, this);
    const conds = [`typeof ${x} !== "string"`];
    if (schema["pattern"] !== undefined) conds.push(`!${this.pattern(String(schema["pattern"]))}.test(${x})`);
    if (schema[BYTES_KEYWORD] === true) {
      this.usesBytes = true;
      conds.push(`!$bytes(${x})`);
    }
    if (schema["const"] !== undefined) {
      if (typeof schema["const"] !== "string") this.fail(where, "const must be a string");
      conds.push(`${x} !== ${js(schema["const"])}`);
    }
    const enumName = /([^/]+)\.json$/.exec(String(schema["$id"] ?? ""))?.[1] ?? where;
    if (schema["enum"] !== undefined) conds.push(`!${this.enumSet(enumName, schema["enum"])}.has(${x})`);
    const out = [`${ind}if (${conds.join(" || ")}) return false;`];
    const drift = schema[DRIFT_KEYWORD];
    if (drift !== undefined) {
      const folded = this.foldedSet(enumName);
      out.push(
        `${ind}if (!${this.enumSet(enumName, drift)}.has(${x})) {`,
        `${ind}  if (${folded}.has(${x}.toUpperCase())) return $otherSpelling();`,
        `${ind}  $record(n, [${at.keys.join(", ")}], [${at.ords.join(", ")}], "unknown-enum-value", ${x}, ${js(this.field)});`,
        `${ind}}`,
      );
    }
    return out;
  }

  /** The checker of a resource: its object's own keys iterated once, each dispatched by a switch. */
  resource(name: string, schema: Obj): void {
    Compiler.only(
      schema,
      ["$id", "type", "properties", "required", "additionalProperties", "dependentSchemas"],
      name,
      this,
    );
    if (schema["type"] !== "object") this.fail(name, "a resource must be an object");
    const properties = (schema["properties"] ?? {}) as Record<string, Schema>;
    const names = Object.keys(properties);
    for (const p of names)
      if (OBJECT_PROTO_NAMES.has(p)) this.fail(name, `property ${p} is a name of Object.prototype`);
    const required = new Set((schema["required"] ?? []) as string[]);
    for (const r of required) if (!(r in properties)) this.fail(name, `required ${r} is not a declared property`);

    // Oneofs: dependentSchemas where each member forbids exactly the other members of its group.
    const groupOf = new Map<string, number>();
    const groups: string[][] = [];
    const dependent = (schema["dependentSchemas"] ?? {}) as Record<string, Obj>;
    for (const [member, dep] of Object.entries(dependent)) {
      Compiler.only(dep, ["properties"], `${name}.dependentSchemas.${member}`, this);
      const forbidden = Object.entries((dep["properties"] ?? {}) as Record<string, Schema>);
      if (!forbidden.every(([, s]) => s === false)) this.fail(name, "dependentSchemas other than oneofs");
      const group = [member, ...forbidden.map(([p]) => p)].sort();
      if (!group.every((p) => p in properties)) this.fail(name, `oneof member of ${member} is not a declared property`);
      const known = groupOf.get(member);
      if (known === undefined) {
        if (group.some((p) => groupOf.has(p))) this.fail(name, "overlapping oneofs");
        group.forEach((p) => groupOf.set(p, groups.length));
        groups.push(group);
      } else if (groups[known]!.join() !== group.join()) this.fail(name, `oneof of ${member} is not symmetric`);
    }
    for (const [i, g] of groups.entries())
      if (!g.every((p) => p in dependent)) this.fail(name, `oneof ${i} is not symmetric`);

    const additional = schema["additionalProperties"];
    let unknown: string;
    if (additional === false) unknown = "return false;";
    else if (
      typeof additional === "object" &&
      additional !== null &&
      Object.keys(additional).join() === DRIFT_KEYWORD &&
      (additional as Obj)[DRIFT_KEYWORD] === "unknown-field"
    )
      unknown = `$record(n, [$escape(k)], [-1], "unknown-field", v, ${js(name)});`;
    else if (additional === undefined || additional === true) unknown = "break;";
    else this.fail(name, "unsupported additionalProperties");

    const lines = [
      `function $r_${name}(d, n) {`,
      `  if (typeof d !== "object" || d === null || Array.isArray(d)) return false;`,
    ];
    const counters = [...(required.size > 0 ? ["q = 0"] : []), ...groups.map((_, i) => `u${i} = 0`)];
    if (counters.length > 0) lines.push(`  let ${counters.join(", ")};`);
    lines.push("  for (const k in d) {", "    const v = d[k];", "    switch (k) {");
    for (const [index, p] of names.entries()) {
      this.vars = 0;
      this.field = `${name}.${p}`;
      const body = this.check(properties[p]!, "v", "        ", `${name}.${p}`, {
        keys: [js(escapeSegment(p))],
        ords: [String(index)],
      });
      const counts = [...(required.has(p) ? ["q++;"] : []), ...(groupOf.has(p) ? [`u${groupOf.get(p)!}++;`] : [])];
      lines.push(`      case ${js(p)}:`);
      if (body.length > 0 || counts.length > 0)
        lines.push("        if (v === undefined) break;", ...body, ...counts.map((c) => `        ${c}`));
      lines.push("        break;");
    }
    // A key that names a field otherwise (its proto name) is not drift but another spelling.
    const others = (this.otherSpellings.get(name) ?? []).filter((key) => !(key in properties));
    for (const key of others) lines.push(`      case ${js(key)}:`);
    if (others.length > 0) lines.push("        return $otherSpelling();");
    lines.push("      default:", `        ${unknown}`, "    }", "  }");
    for (const i of groups.keys()) lines.push(`  if (u${i} > 1) return false;`);
    if (required.size > 0) lines.push(`  if (q !== ${required.size}) return false;`);
    lines.push("  return true;", "}");
    this.body.push(lines.join("\n"));
  }

  /** The checker of an any type: a string "@type", and the resource a known URL names. */
  anyType(name: string, schema: Obj): void {
    Compiler.only(schema, ["$id", "type", "properties", "required", "allOf"], name, this);
    const props = schema["properties"] as Obj;
    if (
      schema["type"] !== "object" ||
      js(props) !== js({ "@type": { type: "string" } }) ||
      js(schema["required"]) !== js(["@type"])
    )
      this.fail(name, "unsupported any type schema");
    const cases: string[] = [];
    const urls = new Set<string>();
    for (const branch of (schema["allOf"] ?? []) as Obj[]) {
      Compiler.only(branch, ["if", "then"], name, this);
      const cond = branch["if"] as Obj;
      const url = ((cond["properties"] as Obj | undefined)?.["@type"] as Obj | undefined)?.["const"];
      if (typeof url !== "string" || js(cond) !== js({ properties: { "@type": { const: url } }, required: ["@type"] }))
        this.fail(name, "unsupported if");
      if (urls.has(url)) this.fail(name, `type URL ${url} twice`);
      urls.add(url);
      const then = branch["then"] as Obj;
      Compiler.only(then, ["$ref"], name, this);
      const [target] = this.named(then["$ref"], name);
      cases.push(`    case ${js(url)}:`, `      return $r_${target}(d, n);`);
    }
    const lines = [
      `function $r_${name}(d, n) {`,
      `  if (typeof d !== "object" || d === null || Array.isArray(d)) return false;`,
      `  const t = d["@type"];`,
      `  if (typeof t !== "string") return false;`,
    ];
    if (cases.length > 0) lines.push("  switch (t) {", ...cases, "  }");
    lines.push("  return true;", "}");
    this.body.push(lines.join("\n"));
  }

  module(resources: readonly string[]): string {
    for (const [name, schema] of this.schemas) {
      if (typeof schema !== "object") this.fail(name, "boolean schema");
      if (schema["type"] === "string") continue; // enums: inlined where they are used
      if (schema["allOf"] !== undefined) this.anyType(name, schema);
      else this.resource(name, schema);
    }
    const head = [
      `"use strict";`,
      "// Fast-path checkers: 0 invalid, 1 valid, 2 valid with drift, 3 spelled otherwise. See packages/tools/src/generate/validators/fast.ts.",
    ];
    head.push(TRACKING_SOURCE);
    // Values built at load are marked pure, so that a bundler drops those of checkers the application does not use.
    if (this.usesBytes) head.push(`const $bytes = /* @__PURE__ */ ${BYTES_CHECK_SOURCE};`);
    for (const [source, id] of this.patterns) head.push(`const ${id} = /* @__PURE__ */ new RegExp(${js(source)});`);
    for (const [name, id] of this.enumSets)
      head.push(`const ${id} = /* @__PURE__ */ new Set(${js(this.enumValues(name))});`);
    for (const [name, id] of this.foldedSets) {
      const values = this.enumValues(name);
      const folded = foldedValues(values);
      // Most enums are upper case already: their folded set is their own set.
      const same =
        folded.length === values.length && folded.every((v, i) => v === values[i]) && this.enumSets.has(name);
      head.push(`const ${id} = ${same ? this.enumSets.get(name)! : `/* @__PURE__ */ new Set(${js(folded)})`};`);
    }
    const exports = resources.map(
      (r) =>
        `export function ${r}(d) {\n  $start();\n  if (!$r_${r}(d, 0)) return $spelledOtherwise ? 3 : 0;\n  return $finish();\n}`,
    );
    return `${[...head, ...this.body, ...exports].join("\n")}\n`;
  }
}

/**
 * Upper-cased enum values that no other value of the enum shares: a string outside the enum whose upper case is one of
 * them is that value in another case (normalize.ts's enumSpelling reads it the same way).
 */
function foldedValues(values: readonly string[]): string[] {
  const count = new Map<string, number>();
  for (const v of values) count.set(v.toUpperCase(), (count.get(v.toUpperCase()) ?? 0) + 1);
  return [...count].filter(([, n]) => n === 1).map(([folded]) => folded);
}

/**
 * Path tracking and drift records. The path to the object being checked is a stack of keys ($k, already escaped as
 * JSON Pointer segments: declared names at generation, unknown and map keys by $escape) and of
 * their order among their siblings ($o: a declared property's index in the schema, an array index, 0 for a map
 * entry); an unknown field gets -1, since the ajv validators record an object's unknown fields before they check its
 * properties. Drift is recorded as the runtime reports it (path, kind, value, spec place) with its order, then sorted
 * by order (stably) into the order the ajv validators find it, so both paths report the same drift the same way.
 * `drift` is a new array after every call that answers 2; $otherSpelling() stops the check with the answer 3.
 */
const TRACKING_SOURCE = `const $k = [];
const $o = [];
let $records = null;
let $spelledOtherwise = false;
export let drift = [];
const $escape = (s) => (s.indexOf("~") < 0 && s.indexOf("/") < 0 ? s : s.replace(/~/g, "~0").replace(/\\//g, "~1"));
function $record(n, keys, ords, kind, value, spec) {
  let path = "";
  for (let i = 0; i < n; i++) path += "/" + $k[i];
  for (let i = 0; i < keys.length; i++) path += "/" + keys[i];
  const order = $o.slice(0, n);
  for (let i = 0; i < ords.length; i++) order.push(ords[i]);
  const record = { order, drift: { path, kind, value, spec } };
  if ($records === null) $records = [record];
  else $records.push(record);
}
function $otherSpelling() {
  $spelledOtherwise = true;
  return false;
}
function $before(a, b) {
  const n = Math.min(a.order.length, b.order.length);
  for (let i = 0; i < n; i++) if (a.order[i] !== b.order[i]) return a.order[i] - b.order[i];
  return a.order.length - b.order.length;
}
function $start() {
  $records = null;
  $spelledOtherwise = false;
}
function $finish() {
  if ($records === null) return 1;
  if ($records.length > 1) $records.sort($before);
  drift = $records.map((r) => r.drift);
  $records = null;
  return 2;
}`;

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
  return new Compiler(schemas as Map<string, Schema>, spellings).module(exported);
}

function declarations(ir: SpecIR): string {
  const lines = [
    "/**",
    " * 0: invalid; 1: valid; 2: valid, with drift (an unknown field or enum value); 3: spelled otherwise (a proto-named",
    " * key, an enum name in another case). Strict mode: valid exactly when the answer is 1.",
    " */",
    "export type FastVerdict = 0 | 1 | 2 | 3;",
    "",
  ];
  for (const name of ir.resources.keys()) lines.push(`export declare function ${name}(value: unknown): FastVerdict;`);
  lines.push(
    "",
    "/** The drift found by the last call that answered 2 (a new array each time), in the order the ajv validators find it. */",
  );
  lines.push(
    `export declare const drift: { path: string; kind: "unknown-field" | "unknown-enum-value"; value: unknown; spec: string }[];`,
  );
  return `${lines.join("\n")}\n`;
}

export function emitFastValidators(ctx: GenerateContext): Map<string, EmittedFile> {
  return new Map<string, EmittedFile>([
    ["validators/fast.js", { kind: "js", content: compileFast(ctx.ir) }],
    ["validators/fast.d.ts", { kind: "ts", content: declarations(ctx.ir) }],
  ]);
}
