// The lint framework: subschemas read a field under either spelling and report it under the key the input used;
// typeOf reads a type in any case; dispatch runs a rule only on its dialects and targets; the field-name tables
// equal the spec; the registry holds rules whose severity agrees with their evidence; lint-schema's --target and
// --rules.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../packages/tools/src/cli/main.ts";
import type { CliIo } from "../../packages/tools/src/cli/command.ts";
import type { Json } from "../../packages/tools/src/response-schema/json-schema-types.ts";
import { lintSchema } from "../../packages/tools/src/response-schema/lint.ts";
import { collectSubschemas, lintDocument, typeOf } from "../../packages/tools/src/response-schema/rules/context.ts";
import {
  GENERATION_CONFIG_FIELD_PROTO_NAMES,
  SCHEMA_FIELD_PROTO_NAMES,
} from "../../packages/tools/src/response-schema/rules/field-names.ts";
import { RULE_DEFINITIONS } from "../../packages/tools/src/response-schema/rules/index.ts";
import {
  appliesTo,
  runRule,
  TARGETS,
  type Dialect,
  type RuleDefinition,
  type Target,
} from "../../packages/tools/src/response-schema/rules/rule.ts";
import { CORPUS_DIR } from "../support/corpus.ts";
import { hasShared, PROJECT_ROOT } from "../support/shared.ts";

describe("subschemas under either spelling", () => {
  const CASES: [string, { given: Json; dialect: Dialect; want: string[] }][] = [
    [
      "legacy any_of is walked",
      {
        given: { any_of: [{ type: "STRING" }, { type: "NULL" }] },
        dialect: "responseSchema",
        want: ["", "/any_of/0", "/any_of/1"],
      },
    ],
    [
      "legacy anyOf is walked",
      { given: { anyOf: [{ type: "STRING" }] }, dialect: "responseSchema", want: ["", "/anyOf/0"] },
    ],
    [
      "legacy properties and items",
      {
        given: { type: "OBJECT", properties: { a: { type: "ARRAY", items: { type: "STRING" } } } },
        dialect: "responseSchema",
        want: ["", "/properties/a", "/properties/a/items"],
      },
    ],
    [
      "JSON any_of is no keyword, not walked",
      { given: { any_of: [{ type: "string" }] }, dialect: "responseJsonSchema", want: [""] },
    ],
    [
      "JSON $defs and prefixItems",
      {
        given: { $defs: { A: { type: "string" } }, prefixItems: [{ $ref: "#/$defs/A" }] },
        dialect: "responseJsonSchema",
        want: ["", "/$defs/A", "/prefixItems/0"],
      },
    ],
  ];
  it.each(CASES)("%s", (_name, { given, dialect, want }) =>
    expect(collectSubschemas(given, "", dialect).map((s) => s.pointer)).toEqual(want),
  );

  const GETS: [
    string,
    { given: Json; dialect: Dialect; name: string; want: { key: string; value: Json } | undefined },
  ][] = [
    [
      "JSON name",
      {
        given: { propertyOrdering: ["a"] },
        dialect: "responseSchema",
        name: "propertyOrdering",
        want: { key: "propertyOrdering", value: ["a"] },
      },
    ],
    [
      "proto name",
      {
        given: { property_ordering: ["a"] },
        dialect: "responseSchema",
        name: "propertyOrdering",
        want: { key: "property_ordering", value: ["a"] },
      },
    ],
    [
      "proto name max_items",
      { given: { max_items: 3 }, dialect: "responseSchema", name: "maxItems", want: { key: "max_items", value: 3 } },
    ],
    ["absent", { given: { type: "STRING" }, dialect: "responseSchema", name: "enum", want: undefined }],
    [
      "JSON dialect reads only the JSON Schema keyword",
      { given: { property_ordering: ["a"] }, dialect: "responseJsonSchema", name: "propertyOrdering", want: undefined },
    ],
  ];
  it.each(GETS)("get: %s", (_name, { given, dialect, name, want }) =>
    expect(collectSubschemas(given, "", dialect)[0]!.get(name)).toEqual(want),
  );

  const TYPES: [string, { given: Json; want: string | undefined }][] = [
    ["upper case", { given: { type: "OBJECT" }, want: "OBJECT" }],
    ["lower case", { given: { type: "object" }, want: "OBJECT" }],
    ["mixed case", { given: { type: "String" }, want: "STRING" }],
    ["a list is no single type", { given: { type: ["string", "null"] }, want: undefined }],
    ["no type", { given: { anyOf: [] }, want: undefined }],
  ];
  it.each(TYPES)("typeOf: %s", (_name, { given, want }) =>
    expect(typeOf(collectSubschemas(given, "", "responseSchema")[0]!)).toBe(want),
  );
});

describe("findings keep the input's spelling", () => {
  const CASES: [string, { given: Json; target: Target; want: string[] }][] = [
    [
      "an unknown field under any_of",
      {
        given: { any_of: [{ type: "STRING", uniqueItems: true }] },
        target: "responseSchema",
        want: ["legacy.unknown-field /any_of/0/uniqueItems"],
      },
    ],
    [
      "a bad enum member under any_of",
      {
        given: { type: "object", properties: { a: { any_of: [{ type: "STRING", enum: [1] }] } } },
        target: "parameters",
        want: ["legacy.enum-value /properties/a/any_of/0/enum/0"],
      },
    ],
    [
      "a snake_case GenerationConfig: the schema inside, under response_schema",
      {
        given: {
          response_mime_type: "application/json",
          response_schema: { type: "object", properties: { a: { type: "string", minLength: 1 } } },
        },
        target: "responseJsonSchema",
        want: ["legacy.unenforced-field /response_schema/properties/a/minLength"],
      },
    ],
    [
      "a snake_case GenerationConfig with no MIME type",
      { given: { response_schema: { type: "STRING" } }, target: "responseJsonSchema", want: ["config.mime-type "] },
    ],
    [
      "a GenerationConfig's response_json_schema is the JSON dialect",
      {
        given: { response_mime_type: "application/json", response_json_schema: { type: "string", const: "x" } },
        target: "responseJsonSchema",
        want: ["schema.const /response_json_schema/const"],
      },
    ],
  ];
  it.each(CASES)("%s", (_name, { given, target, want }) =>
    expect(lintSchema(given, { target }).map((d) => `${d.code} ${d.location.pointer}`)).toEqual(want),
  );
});

describe("dispatch by dialect and target", () => {
  const probe: RuleDefinition = {
    id: "schema.probe",
    severity: "warning",
    dialects: ["responseSchema"],
    targets: ["parameters"],
    summary: "Reports every schema root.",
    evidence: [{ kind: "reference", quote: "q", source: "s" }],
    check: (doc, report) => report(doc.base, `seen as ${doc.target}`),
  };
  const CASES: [string, { target: Target; want: boolean }][] = [
    ["its own target", { target: "parameters", want: true }],
    ["another target of its dialect", { target: "responseSchema", want: false }],
    ["a target of the other dialect", { target: "parametersJsonSchema", want: false }],
  ];
  it.each(CASES)("%s", (_name, { target, want }) =>
    expect(
      appliesTo(probe, "schema", target === "parametersJsonSchema" ? "responseJsonSchema" : "responseSchema", target),
    ).toBe(want),
  );

  it("a report becomes a Diagnostic with the rule's id, severity and the document's file", () => {
    expect(runRule(probe, lintDocument({}, "/x", "responseSchema", "parameters", "f.json"))).toEqual([
      {
        code: "schema.probe",
        severity: "warning",
        message: "seen as parameters",
        location: { file: "f.json", pointer: "/x" },
      },
    ]);
  });

  it("target wins over dialect, and the dialect alone picks its response target", () => {
    const schema = { type: "object", properties: { a: { type: "string", enum: [true] } } };
    expect(lintSchema(schema, { dialect: "responseJsonSchema", target: "parameters" }).map((d) => d.code)).toEqual([
      "legacy.enum-value",
    ]);
    expect(lintSchema(schema, { dialect: "responseSchema" }).map((d) => d.code)).toEqual(["legacy.enum-value"]);
    expect(lintSchema(schema).map((d) => d.code)).toEqual(["schema.enum-value"]);
  });
});

describe("field-name tables equal the spec", () => {
  const fieldsOf = (name: string) =>
    Object.fromEntries(
      Object.entries(
        (
          JSON.parse(readFileSync(join(PROJECT_ROOT, "spec/imported/resources", `${name}.json`), "utf8")) as {
            fields: Record<string, { protoName: string }>;
          }
        ).fields,
      ).map(([k, f]) => [k, f.protoName]),
    );
  it.each([
    ["Schema", SCHEMA_FIELD_PROTO_NAMES],
    ["GenerationConfig", GENERATION_CONFIG_FIELD_PROTO_NAMES],
  ] as const)("%s", (name, table) => expect(table).toEqual(fieldsOf(name)));
});

describe("the registry", () => {
  it("has unique ids", () => expect(new Set(RULE_DEFINITIONS.map((r) => r.id)).size).toBe(RULE_DEFINITIONS.length));

  it.each(RULE_DEFINITIONS.map((r) => [r.id, r] as const))("%s: evidence agrees with severity", (_id, r) => {
    expect(r.evidence.length).toBeGreaterThan(0);
    expect(r.dialects.length).toBeGreaterThan(0);
    expect(r.targets.length).toBeGreaterThan(0);
    for (const t of r.targets) expect(TARGETS).toContain(t);
    expect(r.summary.trim()).not.toBe("");
    // A conflict (or missing evidence) makes a warning; an error rests on a quoted 400 or a sentence of Google's.
    if (r.conflict !== undefined) expect(r.severity).toBe("warning");
    if (r.severity === "error")
      expect(r.evidence.some((e) => e.kind === "error-message" || e.kind === "reference")).toBe(true);
    for (const e of r.evidence) {
      if (e.kind === "accepted")
        expect(e.files?.length || e.source, "accepted evidence names files or a source").toBeTruthy();
      if (e.kind === "error-message") expect(e.source).toMatch(/^https:\/\//);
    }
  });

  it.skipIf(!hasShared)("every recorded file a rule cites is in ../shared/fixtures/real", () => {
    const missing = RULE_DEFINITIONS.flatMap((r) =>
      r.evidence.flatMap((e) =>
        (e.kind === "accepted" ? (e.files ?? []) : [])
          .filter((f) => !existsSync(join(CORPUS_DIR, f)))
          .map((f) => `${r.id}: ${f}`),
      ),
    );
    expect(missing).toEqual([]);
  });
});

function io(stdin = ""): CliIo & { out: string; err: string } {
  const o = {
    out: "",
    err: "",
    cwd: PROJECT_ROOT,
    stdout: (t: string) => void (o.out += t),
    stderr: (t: string) => void (o.err += t),
    stdin: async () => stdin,
  };
  return o;
}

describe("lint-schema --target and --rules", () => {
  const CASES: [string, { argv: string[]; stdin: Json; want: { code: number; findings: string[] } }][] = [
    [
      "--target parameters checks the legacy dialect",
      {
        argv: ["--target", "parameters"],
        stdin: { type: "object", properties: { n: { type: "STRING", enum: [1] } } },
        want: { code: 1, findings: ["legacy.enum-value"] },
      },
    ],
    [
      "--dialect openapi is the responseSchema target",
      { argv: ["--dialect", "openapi"], stdin: { type: "object" }, want: { code: 0, findings: [] } },
    ],
    [
      "--target parametersJsonSchema checks the JSON dialect",
      {
        argv: ["--target", "parametersJsonSchema"],
        stdin: { type: "object", properties: { n: { type: "integer", const: 1 } } },
        want: { code: 0, findings: ["schema.const"] },
      },
    ],
  ];
  it.each(CASES)("%s", async (_name, { argv, stdin, want }) => {
    const x = io(JSON.stringify(stdin));
    const code = await main(["lint-schema", "-", "--json", ...argv], x);
    const report = JSON.parse(x.out) as {
      ok: boolean;
      findings: { code: string; severity: string; location: { pointer: string } }[];
    };
    expect({ code, findings: report.findings.map((f) => f.code) }).toEqual(want);
    expect(report.ok).toBe(code === 0);
  });

  it("refuses a --dialect that disagrees with --target", async () => {
    const x = io("{}");
    expect(await main(["lint-schema", "-", "--dialect", "json", "--target", "parameters"], x)).toBe(2);
    expect(x.err).toContain("--target parameters");
  });

  it("needs a schema unless --rules", async () => {
    const x = io();
    expect(await main(["lint-schema"], x)).toBe(2);
    expect(x.err).toContain("--rules");
  });

  it("--rules prints the rules page without a schema", async () => {
    const x = io();
    expect(await main(["lint-schema", "--rules"], x)).toBe(0);
    for (const r of RULE_DEFINITIONS) expect(x.out).toContain(`### \`${r.id}\``);
  });
});
