// Convert and lint agree (issue 12, item 6):
//   (a) whatever to-schema emits lints with no error for its target, and every lint warning on it is one the
//       converter reported itself (converter cases, and a property over generated TypeScript types);
//   (b) every refusal the converter makes has an input whose emitted-or-refused form the linter calls an error: the
//       schema a naive tool would send for it (or, for the dialect converters, the refused input itself). A refusal
//       the linter cannot back says why (`why`), and the test checks the linter indeed finds no error there, so a rule
//       that lands later shows up here;
//   (c) the tables cover every diagnostic code the converter source can produce.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../packages/tools/src/diagnostics.ts";
import {
  createProject,
  jsonSchemaToResponseSchema,
  lintSchema,
  responseSchemaToJsonSchema,
  toResponseJsonSchema,
  toResponseSchema,
} from "../../packages/tools/src/response-schema/index.ts";
import type { Target } from "../../packages/tools/src/response-schema/rules/rule.ts";
import { cases, FIXTURES } from "../converter/harness.ts";

const SCHEMA_SOURCES = join(import.meta.dirname, "../../packages/tools/src/response-schema");

type Via = "ts" | "json→legacy" | "legacy→json";
interface Refusal {
  /** TypeScript code declaring `Root`, or the schema handed to a dialect converter. */
  input: string | object;
  via: Via;
  /** What the linter is given: the schema a naive tool would emit for the input (for `ts`), else the input. */
  lint: { schema: object; target: Target };
  /** The lint rule that calls it an error, or null with `why` when the linter has none. */
  rule: string | null;
  why?: string;
}

const obj = (x: object) => ({ type: "OBJECT", properties: { x }, required: ["x"] });
const jobj = (x: object) => ({ type: "object", properties: { x }, required: ["x"] });
const NO_JSON_RULE =
  "the JSON dialect has no rule on an untyped node ({}): no quoted 400 or recorded 200 says whether responseJsonSchema takes one";

/** Converter refusal code → inputs it refuses, and the lint rule that agrees. */
const REFUSALS: [string, Refusal][] = [
  [
    "ts.any",
    {
      via: "ts",
      input: "export interface Root { x: any }",
      lint: { schema: obj({}), target: "responseSchema" },
      rule: "legacy.type-missing",
    },
  ],
  [
    "ts.any",
    {
      via: "ts",
      input: "export interface Root { x: any }",
      lint: { schema: jobj({}), target: "responseJsonSchema" },
      rule: null,
      why: NO_JSON_RULE,
    },
  ],
  [
    "ts.unknown",
    {
      via: "ts",
      input: "export interface Root { x: unknown }",
      lint: { schema: obj({}), target: "responseSchema" },
      rule: "legacy.type-missing",
    },
  ],
  [
    "ts.never",
    {
      via: "ts",
      input: "export interface Root { x: never }",
      lint: { schema: obj({ not: {} }), target: "responseSchema" },
      rule: "legacy.unknown-field",
    },
  ],
  [
    "ts.undefined",
    {
      via: "ts",
      input: "export interface Root { x: undefined }",
      lint: { schema: obj({}), target: "responseSchema" },
      rule: "legacy.type-missing",
    },
  ],
  [
    "ts.function",
    {
      via: "ts",
      input: "export interface Root { x: () => void }",
      lint: { schema: obj({}), target: "parameters" },
      rule: "legacy.type-missing",
    },
  ],
  [
    "ts.type-parameter",
    {
      via: "ts",
      input: "export interface Root<T> { x: T }",
      lint: { schema: obj({}), target: "responseSchema" },
      rule: "legacy.type-missing",
    },
  ],
  [
    "ts.bigint",
    {
      via: "ts",
      input: "export interface Root { x: bigint }",
      lint: { schema: obj({ type: "INTEGER" }), target: "responseSchema" },
      rule: null,
      why: "not a Gemini rule: a bigint has no JSON form (JSON.stringify throws on it) and a JSON number loses digits past 2^53, so the converter asks for number or string",
    },
  ],
  [
    "ts.symbol",
    {
      via: "ts",
      input: "export interface Root { x: symbol }",
      lint: { schema: obj({ type: "STRING" }), target: "responseSchema" },
      rule: null,
      why: "not a Gemini rule: a symbol has no JSON form",
    },
  ],
  [
    "ts.object-keyword",
    {
      via: "ts",
      input: "export interface Root { x: object }",
      lint: { schema: obj({ type: "OBJECT" }), target: "responseSchema" },
      rule: null,
      why: "an OBJECT with no properties has been answered 400 'should be non-empty for OBJECT type' (browser-use/browser-use#3786) yet {properties: {}, type: OBJECT} was answered 200 as function parameters (pydantic-ai recordings); with no lint rule, the converter asks for the properties",
    },
  ],
  [
    "ts.intersection",
    {
      via: "ts",
      input: "export interface Root { x: string & { tag: 1 } }",
      lint: { schema: obj({ allOf: [{ type: "STRING" }, { type: "OBJECT" }] }), target: "responseSchema" },
      rule: "legacy.unknown-field",
    },
  ],
  [
    "ts.tuple",
    {
      via: "ts",
      input: "export interface Root { x: [...string[], number] }",
      lint: { schema: obj({ type: "ARRAY" }), target: "responseSchema" },
      rule: "legacy.array-items-missing",
    },
  ],
  [
    "ts.required-cycle",
    {
      via: "ts",
      input: "export interface Root { next: Root }",
      lint: {
        schema: {
          $ref: "#/$defs/Root",
          $defs: { Root: { type: "object", properties: { next: { $ref: "#/$defs/Root" } }, required: ["next"] } },
        },
        target: "responseJsonSchema",
      },
      rule: "schema.required-cycle",
    },
  ],
  [
    "jsdoc.bad-value",
    {
      via: "ts",
      input: "export interface Root {\n  /** @minItems lots */\n  x: string[];\n}",
      lint: {
        schema: jobj({ type: "array", items: { type: "string" }, minItems: "lots" }),
        target: "responseJsonSchema",
      },
      rule: null,
      why: "the linter does not check the values of minItems/maxItems/minimum/maximum; the tag text is no number, so the converter cannot write one",
    },
  ],
  [
    "jsdoc.misplaced-tag",
    {
      via: "ts",
      input: "export interface Root {\n  /** @minimum 1 */\n  x: string;\n}",
      lint: { schema: jobj({ type: "string", minimum: 1 }), target: "responseJsonSchema" },
      rule: null,
      why: "no evidence says Gemini rejects a numeric bound on a string; the converter refuses a tag that cannot mean anything where it stands",
    },
  ],
  [
    "legacy.numeric-enum",
    {
      via: "ts",
      input: "export interface Root { x: 1 | 2 }",
      lint: { schema: obj({ type: "INTEGER", enum: [1, 2] }), target: "responseSchema" },
      rule: "legacy.enum-not-string",
    },
  ],
  [
    "legacy.empty-enum-value",
    {
      via: "ts",
      input: 'export interface Root { x: "" | "a" }',
      lint: { schema: obj({ type: "STRING", format: "enum", enum: ["", "a"] }), target: "responseSchema" },
      rule: "legacy.enum-empty-value",
    },
  ],
  [
    "legacy.additional-properties",
    {
      via: "ts",
      input: "export interface Root { x: Record<string, number> }",
      lint: { schema: obj({ type: "OBJECT", additionalProperties: { type: "NUMBER" } }), target: "responseSchema" },
      rule: "legacy.unknown-field",
    },
  ],
  [
    "legacy.tuple",
    {
      via: "ts",
      input: "export interface Root { x: [string, number] }",
      lint: {
        schema: obj({ type: "ARRAY", prefixItems: [{ type: "STRING" }, { type: "NUMBER" }] }),
        target: "responseSchema",
      },
      rule: "legacy.unknown-field",
    },
  ],
  [
    "legacy.recursive-ref",
    {
      via: "ts",
      input: "export interface Root { next?: Root }",
      lint: {
        schema: {
          $ref: "#/$defs/Root",
          $defs: { Root: { type: "OBJECT", properties: { next: { $ref: "#/$defs/Root" } } } },
        },
        target: "responseSchema",
      },
      rule: "legacy.unknown-field",
    },
  ],
  [
    "legacy.unresolved-ref",
    {
      via: "json→legacy",
      input: jobj({ $ref: "#/$defs/Nope" }),
      lint: { schema: jobj({ $ref: "#/$defs/Nope" }), target: "responseJsonSchema" },
      rule: "schema.unresolved-ref",
    },
  ],
  [
    "convert.untyped",
    {
      via: "json→legacy",
      input: jobj({}),
      lint: { schema: obj({}), target: "responseSchema" },
      rule: "legacy.type-missing",
    },
  ],
  [
    "convert.untyped",
    {
      via: "json→legacy",
      input: jobj({ type: "array" }),
      lint: { schema: obj({ type: "ARRAY" }), target: "responseSchema" },
      rule: "legacy.array-items-missing",
    },
  ],
  [
    "convert.untyped",
    {
      via: "legacy→json",
      input: obj({ type: "ARRAY" }),
      lint: { schema: obj({ type: "ARRAY" }), target: "responseSchema" },
      rule: "legacy.array-items-missing",
    },
  ],
  [
    "convert.unsupported-keyword",
    {
      via: "json→legacy",
      input: jobj({ type: "string", not: { enum: ["a"] } }),
      lint: { schema: obj({ type: "STRING", not: { enum: ["a"] } }), target: "responseSchema" },
      rule: "legacy.unknown-field",
    },
  ],
  [
    "convert.unsupported-keyword",
    {
      via: "json→legacy",
      input: jobj({ type: "string", pattern: "^a" }),
      lint: { schema: obj({ type: "STRING", pattern: "^a" }), target: "responseSchema" },
      rule: null,
      why: "pattern is a field of the legacy Schema (the linter warns that it is not enforced); the converter's IR has no pattern, and it refuses rather than drop a constraint silently",
    },
  ],
  [
    "convert.unsupported-field",
    {
      via: "legacy→json",
      input: obj({ type: "OBJECT", additionalProperties: { type: "STRING" } }),
      lint: { schema: obj({ type: "OBJECT", additionalProperties: { type: "STRING" } }), target: "responseSchema" },
      rule: "legacy.unknown-field",
    },
  ],
  [
    "convert.bad-value",
    {
      via: "json→legacy",
      input: jobj({ type: "strin" }),
      lint: { schema: obj({ type: "STRIN" }), target: "responseSchema" },
      rule: "legacy.type",
    },
  ],
  [
    "convert.bad-value",
    {
      via: "legacy→json",
      input: obj({ type: "STRIN" }),
      lint: { schema: obj({ type: "STRIN" }), target: "responseSchema" },
      rule: "legacy.type",
    },
  ],
  [
    "convert.enum-value",
    {
      via: "json→legacy",
      input: jobj({ enum: [true] }),
      lint: { schema: obj({ type: "STRING", format: "enum", enum: [true] }), target: "responseSchema" },
      rule: "legacy.enum-value",
    },
  ],
  [
    "convert.enum-value",
    {
      via: "legacy→json",
      input: obj({ type: "STRING", format: "enum", enum: [1] }),
      lint: { schema: obj({ type: "STRING", format: "enum", enum: [1] }), target: "responseSchema" },
      rule: "legacy.enum-value",
    },
  ],
  [
    "convert.unresolved-ref",
    {
      via: "json→legacy",
      input: jobj({ $ref: "other.json#/Thing" }),
      lint: { schema: jobj({ $ref: "other.json#/Thing" }), target: "responseJsonSchema" },
      rule: "schema.unresolved-ref",
    },
  ],
  [
    "convert.boolean-schema",
    {
      via: "json→legacy",
      input: jobj(true as unknown as object),
      lint: { schema: obj(true as unknown as object), target: "responseSchema" },
      rule: null,
      why: "the linter walks only object subschemas; a boolean where the legacy Schema message is expected has no quoted 400 on record",
    },
  ],
];

/** Converter warnings: what each says, and the lint rule that agrees (null: the converter's own, with why). */
const CONVERTER_WARNINGS: [string, { rule: string | null; why: string }][] = [
  [
    "ts.boolean-literal",
    {
      rule: null,
      why: "the converter widens `true`/`false` to boolean: Gemini enums hold strings (and numbers in JSON)",
    },
  ],
  [
    "ts.template-literal",
    {
      rule: null,
      why: "the converter widens a template literal type to string: no keyword the converter emits says the pattern",
    },
  ],
  ["ts.symbol-key", { rule: null, why: "a symbol-keyed property has no JSON form and is left out" }],
  [
    "jsdoc.unsupported-constraint",
    {
      rule: "schema.unsupported-keyword",
      why: "a JSDoc constraint with no Gemini keyword is dropped; sent, the linter would warn it is ignored",
    },
  ],
  [
    "legacy.format-dropped",
    {
      rule: null,
      why: "the legacy format Gemini has refused (gemini-cli#3178) is left out, so there is nothing for the linter to see",
    },
  ],
];

/** Codes that are not about a schema: the CLI's usage problems, and the fallback for a TypeScript type kind the
 * converter does not classify (no type reaches it today, so there is no input to give). */
const NOT_ABOUT_SCHEMAS = ["ts.file-not-found", "ts.type-not-found", "ts.unsupported"];

const convert = (r: Refusal): Diagnostic[] => {
  if (r.via === "json→legacy") return jsonSchemaToResponseSchema(r.input).diagnostics;
  if (r.via === "legacy→json") return responseSchemaToJsonSchema(r.input).diagnostics;
  const ts = r.input as string;
  return r.lint.target === "responseJsonSchema" || r.lint.target === "parametersJsonSchema"
    ? toResponseJsonSchema(ts, "Root", { target: r.lint.target }).diagnostics
    : toResponseSchema(ts, "Root", { target: r.lint.target }).diagnostics;
};

describe("(b) every converter refusal is a lint error, or says why not", () => {
  it.each(REFUSALS)("%s (%#)", (code, r) => {
    const refused = convert(r);
    expect(refused.filter((d) => d.severity === "error").map((d) => d.code)).toContain(code);
    const errors = lintSchema(r.lint.schema, { target: r.lint.target })
      .filter((d) => d.severity === "error")
      .map((d) => d.code);
    if (r.rule) expect(errors).toContain(r.rule);
    else {
      expect(r.why, "a refusal the linter does not back must say why").toBeTruthy();
      expect(errors, `the linter now errors here: map ${code} to that rule`).toEqual([]);
    }
  });
});

describe("(c) the tables cover every code the converter can produce", () => {
  const files = [
    "from-typescript",
    "ts-to-ir",
    "jsdoc",
    "finalize",
    "emit-legacy",
    "emit-json-schema",
    "parse-json-schema",
    "parse-legacy",
    "convert-dialects",
  ];
  const found = new Set(
    files.flatMap((f) =>
      [
        ...readFileSync(join(SCHEMA_SOURCES, `${f}.ts`), "utf8").matchAll(
          /"((?:ts|jsdoc|legacy|convert)\.[a-z0-9-]+)"/g,
        ),
      ].map((m) => m[1]!),
    ),
  );

  it("finds the codes in the source", () => {
    expect(found.size).toBeGreaterThan(20);
  });

  it.each([...found].sort())("%s is in a table", (code) => {
    const tables = [
      REFUSALS.some(([c]) => c === code),
      CONVERTER_WARNINGS.some(([c]) => c === code),
      NOT_ABOUT_SCHEMAS.includes(code),
    ];
    expect(
      tables.filter(Boolean),
      `${code} must be in exactly one of REFUSALS, CONVERTER_WARNINGS, NOT_ABOUT_SCHEMAS`,
    ).toHaveLength(1);
  });

  it.each(CONVERTER_WARNINGS.filter(([, w]) => w.rule))("warning %s agrees with its lint rule", (code, w) => {
    const sent = jobj({ type: "string", pattern: "^a" });
    expect(lintSchema(sent, { target: "responseJsonSchema" }).map((d) => d.code)).toContain(w.rule);
    const converted = toResponseJsonSchema("export interface Root {\n  /** @pattern ^a */\n  x: string;\n}", "Root");
    expect(converted.diagnostics.map((d) => d.code)).toContain(code);
  });
});

/** The (a) check on one conversion: no lint error on what was emitted, every lint warning also the converter's. */
function agrees(result: { schema?: object; diagnostics: Diagnostic[] }, target: Target): void {
  if (!result.schema) {
    expect(
      result.diagnostics.some((d) => d.severity === "error"),
      "a refusal carries an error",
    ).toBe(true);
    return;
  }
  const findings = lintSchema(result.schema, { target });
  expect(
    findings.filter((d) => d.severity === "error"),
    JSON.stringify(result.schema),
  ).toEqual([]);
  const reported = new Set(result.diagnostics.map((d) => d.code));
  expect(
    findings.filter((d) => !reported.has(d.code)).map((d) => `${d.code} ${d.location.pointer}`),
    "lint warnings the converter did not report",
  ).toEqual([]);
}

const JSON_TARGETS = ["responseJsonSchema", "parametersJsonSchema"] as const;
const LEGACY_TARGETS = ["responseSchema", "parameters"] as const;

describe("(a) what to-schema emits lints clean for its target", () => {
  describe.each(cases())("converter case %s", (name) => {
    const project = createProject();
    project.addSourceFileAtPath(join(FIXTURES, name, "input.ts"));
    it.each(JSON_TARGETS)("%s", (target) => agrees(toResponseJsonSchema(project, "Root", { target }), target));
    it.each(LEGACY_TARGETS)("%s", (target) => agrees(toResponseSchema(project, "Root", { target }), target));
  });

  it("a refusal for parametersJsonSchema alone is the linter's: parameters must describe an object", () => {
    const result = toResponseJsonSchema('export type Root = "a" | "b";', "Root", { target: "parametersJsonSchema" });
    expect(result.schema).toBeUndefined();
    const emitted = toResponseJsonSchema('export type Root = "a" | "b";', "Root").schema!;
    const lintErrors = lintSchema(emitted, { target: "parametersJsonSchema" })
      .filter((d) => d.severity === "error")
      .map((d) => d.code);
    expect(lintErrors.length).toBeGreaterThan(0);
    expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toEqual(lintErrors);
  });
});

// Generated TypeScript: object types built from the kinds the converter takes, each property optional or not.
const leaf = fc.constantFrom(
  "string",
  "number",
  "boolean",
  "Date",
  '"a" | "b"',
  "1 | 2",
  "string | null",
  "number[]",
  '"" | "x"',
  "{ n: number }",
);
const typeText: fc.Arbitrary<string> = fc.letrec<{ t: string }>((tie) => ({
  t: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    tie("t").map((t) => `(${t})[]`),
    fc
      .array(fc.tuple(fc.boolean(), tie("t")), { minLength: 1, maxLength: 3 })
      .map((ps) => `{ ${ps.map(([opt, t], i) => `p${i}${opt ? "?" : ""}: ${t}`).join("; ")} }`),
    fc.tuple(tie("t"), tie("t")).map(([a, b]) => `${a} | ${b}`),
  ),
})).t;

describe("(a) property: generated TypeScript types", () => {
  const project = createProject();
  it("convert to each target with no lint error and no unreported lint warning", () => {
    fc.assert(
      fc.property(typeText, (t) => {
        project.createSourceFile(join(FIXTURES, "__generated__.ts"), `export type Root = { value: ${t} };\n`, {
          overwrite: true,
        });
        for (const target of JSON_TARGETS) agrees(toResponseJsonSchema(project, "Root", { target }), target);
        for (const target of LEGACY_TARGETS) agrees(toResponseSchema(project, "Root", { target }), target);
      }),
      { numRuns: 40, seed: 12 },
    );
  });
});
