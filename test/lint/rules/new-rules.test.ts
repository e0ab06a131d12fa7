// The rules issue 12 adds for 400s the linter used to miss (legacy enums and structure, the JSON dialect's empty
// enum value, the maxItems budget) and the size/complexity warnings. Each row runs one rule on one schema sent in
// one target and names the evidence it rests on (a source or recorded file the rule itself cites, checked below).
// Finally, no schema in a request the API answered 200 (../shared/fixtures/real) gets an error from these rules.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintDocument } from "../../../packages/tools/src/response-schema/rules/context.ts";
import { COMPLEXITY_RULES } from "../../../packages/tools/src/response-schema/rules/complexity.ts";
import { JSON_ENUM_RULES } from "../../../packages/tools/src/response-schema/rules/json-enums.ts";
import { LEGACY_ENUM_RULES } from "../../../packages/tools/src/response-schema/rules/legacy-enums.ts";
import { LEGACY_STRUCTURE_RULES } from "../../../packages/tools/src/response-schema/rules/legacy-structure.ts";
import { MAX_ITEMS_RULES } from "../../../packages/tools/src/response-schema/rules/max-items-budget.ts";
import {
  runRule,
  TARGET_DIALECT,
  type RuleDefinition,
  type Target,
} from "../../../packages/tools/src/response-schema/rules/rule.ts";
import { RULE_DEFINITIONS } from "../../../packages/tools/src/response-schema/rules/index.ts";
import type { Json } from "../../../packages/tools/src/response-schema/json-schema-types.ts";
import { CORPUS_DIR, corpusEntries } from "../../support/corpus.ts";
import { hasShared } from "../../support/shared.ts";

const NEW_RULES: readonly RuleDefinition[] = [
  ...LEGACY_ENUM_RULES,
  ...LEGACY_STRUCTURE_RULES,
  ...JSON_ENUM_RULES,
  ...MAX_ITEMS_RULES,
  ...COMPLEXITY_RULES,
];
const rule = (id: string) => NEW_RULES.find((r) => r.id === id)!;

interface Row {
  rule: string;
  target: Target;
  given: Json;
  /** Pointers of the findings, in order; [] for the passing case. */
  want: string[];
  /** A source URL or recorded file the rule's evidence names. */
  evidence: string;
}

/** n arrays of strings, each with maxItems m, as properties a0…a(n-1). */
const arrays = (n: number, m: number): Json => ({
  type: "object",
  properties: Object.fromEntries(
    Array.from({ length: n }, (_, i) => [`a${i}`, { type: "array", items: { type: "string" }, maxItems: m }]),
  ),
});
const longEnum = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`);

const ROWS: [string, Row][] = [
  // legacy.enum-empty-value
  [
    "legacy empty enum value fails",
    {
      rule: "legacy.enum-empty-value",
      target: "parameters",
      given: { type: "OBJECT", properties: { kind: { type: "STRING", format: "enum", enum: ["", "shell"] } } },
      want: ["/properties/kind/enum/0"],
      evidence: "https://github.com/Smana/runlore/pull/40",
    },
  ],
  [
    "legacy empty enum value under any_of fails with the proto spelling kept",
    {
      rule: "legacy.enum-empty-value",
      target: "responseSchema",
      given: { any_of: [{ type: "STRING", enum: ["a", ""] }, { type: "NULL" }] },
      want: ["/any_of/0/enum/1"],
      evidence: "https://github.com/google-gemini/gemini-cli/issues/3401",
    },
  ],
  [
    "legacy non-empty enum values pass",
    {
      rule: "legacy.enum-empty-value",
      target: "parameters",
      given: { type: "OBJECT", properties: { kind: { type: "STRING", enum: ["shell", "prompt"] } } },
      want: [],
      evidence: "https://github.com/Smana/runlore/pull/40",
    },
  ],
  // legacy.enum-not-string
  [
    "legacy enum on INTEGER fails",
    {
      rule: "legacy.enum-not-string",
      target: "parameters",
      given: { type: "OBJECT", properties: { level: { type: "INTEGER", enum: ["1", "2"] } } },
      want: ["/properties/level/enum"],
      evidence: "https://github.com/directus/directus/issues/27100",
    },
  ],
  [
    "legacy enum without a type fails",
    {
      rule: "legacy.enum-not-string",
      target: "responseSchema",
      given: { type: "OBJECT", properties: { value: { enum: ["foo", "bar"] } } },
      want: ["/properties/value/enum"],
      evidence: "https://github.com/vercel/ai/pull/12944",
    },
  ],
  [
    "legacy enum on lower-case string passes",
    {
      rule: "legacy.enum-not-string",
      target: "responseSchema",
      given: { type: "object", properties: { kind: { type: "string", enum: ["CityLocation"] } } },
      want: [],
      evidence: "request/pydantic-ai-test_gemini_native_output_multiple.json",
    },
  ],
  [
    "legacy enum on STRING passes",
    {
      rule: "legacy.enum-not-string",
      target: "responseSchema",
      given: { type: "STRING", format: "enum", enum: ["EAST", "WEST"] },
      want: [],
      evidence: "request/pydantic-ai-test_google_native_output_multiple.json",
    },
  ],
  // legacy.enum-format-empty
  [
    "legacy format enum with an empty list fails",
    {
      rule: "legacy.enum-format-empty",
      target: "parameters",
      given: { type: "OBJECT", properties: { q: { type: "STRING", format: "enum", enum: [] } } },
      want: ["/properties/q/enum"],
      evidence: "https://github.com/elastic/kibana/pull/286302",
    },
  ],
  [
    "legacy format enum without a list fails",
    {
      rule: "legacy.enum-format-empty",
      target: "parameters",
      given: { type: "OBJECT", properties: { q: { type: "string", format: "enum" } } },
      want: ["/properties/q/format"],
      evidence: "https://github.com/elastic/kibana/pull/286302",
    },
  ],
  [
    "legacy format enum with values passes",
    {
      rule: "legacy.enum-format-empty",
      target: "parameters",
      given: { type: "OBJECT", properties: { q: { type: "STRING", format: "enum", enum: ["a"] } } },
      want: [],
      evidence: "https://github.com/elastic/kibana/pull/286302",
    },
  ],
  // legacy.required-undefined
  [
    "legacy required naming an undefined property fails",
    {
      rule: "legacy.required-undefined",
      target: "parameters",
      given: { type: "OBJECT", properties: { a: { type: "STRING" } }, required: ["a", "b"] },
      want: ["/required/1"],
      evidence: "https://github.com/probelabs/probe/issues/569",
    },
  ],
  [
    "legacy required without properties fails",
    {
      rule: "legacy.required-undefined",
      target: "parameters",
      given: { type: "OBJECT", properties: { items: { type: "ARRAY", items: { type: "OBJECT", required: ["id"] } } } },
      want: ["/properties/items/items/required/0"],
      evidence: "https://github.com/probelabs/probe/issues/569",
    },
  ],
  [
    "legacy required naming defined properties passes",
    {
      rule: "legacy.required-undefined",
      target: "parameters",
      given: { properties: { x: { type: "integer" }, y: { type: "integer" } }, required: ["x", "y"], type: "object" },
      want: [],
      evidence: "request/llm-gemini-test_tools_with_gemini_3_thought_signatures-i1.json",
    },
  ],
  // legacy.array-items-missing
  [
    "legacy array without items fails",
    {
      rule: "legacy.array-items-missing",
      target: "parameters",
      given: { type: "OBJECT", properties: { tags: { type: "ARRAY" } } },
      want: ["/properties/tags"],
      evidence: "https://github.com/kkrishnan90/gemini-desktop/pull/7",
    },
  ],
  [
    "legacy lower-case array without items fails",
    {
      rule: "legacy.array-items-missing",
      target: "responseSchema",
      given: { type: "array" },
      want: [""],
      evidence: "https://github.com/kkrishnan90/gemini-desktop/pull/7",
    },
  ],
  [
    "legacy array with items passes",
    {
      rule: "legacy.array-items-missing",
      target: "parameters",
      given: { type: "OBJECT", properties: { tags: { type: "ARRAY", items: { type: "STRING" } } } },
      want: [],
      evidence: "https://github.com/kkrishnan90/gemini-desktop/pull/7",
    },
  ],
  // legacy.type-missing
  [
    "legacy property without type fails",
    {
      rule: "legacy.type-missing",
      target: "parameters",
      given: { type: "OBJECT", properties: { command: { description: "what to run" } } },
      want: ["/properties/command"],
      evidence: "https://github.com/danny-avila/LibreChat/issues/6971",
    },
  ],
  [
    "legacy node with any_of and no type passes",
    {
      rule: "legacy.type-missing",
      target: "responseSchema",
      given: { type: "OBJECT", properties: { result: { any_of: [{ type: "STRING" }, { type: "INTEGER" }] } } },
      want: [],
      evidence: "request/pydantic-ai-test_google_native_output_multiple.json",
    },
  ],
  // schema.enum-empty-value (JSON dialect; warning: the evidence conflicts)
  [
    "JSON empty enum value warns in parametersJsonSchema",
    {
      rule: "schema.enum-empty-value",
      target: "parametersJsonSchema",
      given: { type: "object", properties: { action: { type: "string", enum: ["list", ""] } } },
      want: ["/properties/action/enum/1"],
      evidence: "https://github.com/sbroenne/mcp-server-excel/issues/607",
    },
  ],
  [
    "JSON empty enum value warns inside anyOf in responseJsonSchema",
    {
      rule: "schema.enum-empty-value",
      target: "responseJsonSchema",
      given: { anyOf: [{ type: "string", enum: [""] }, { type: "null" }] },
      want: ["/anyOf/0/enum/0"],
      evidence: "https://github.com/stape-io/stape-mcp-server/issues/35",
    },
  ],
  [
    "JSON non-empty enum values pass",
    {
      rule: "schema.enum-empty-value",
      target: "parametersJsonSchema",
      given: { type: "string", enum: ["list", "open"] },
      want: [],
      evidence: "https://github.com/sbroenne/mcp-server-excel/issues/607",
    },
  ],
  // schema.max-items-budget (error) and schema.max-items-budget-near (warning), on the thread's data points
  [
    "one array of 972 is over the budget",
    {
      rule: "schema.max-items-budget",
      target: "parametersJsonSchema",
      given: arrays(1, 972),
      want: [""],
      evidence: "https://github.com/googleapis/python-genai/issues/2170",
    },
  ],
  [
    "eight arrays of 120 (960) are over the budget",
    {
      rule: "schema.max-items-budget",
      target: "parametersJsonSchema",
      given: arrays(8, 120),
      want: [""],
      evidence: "https://github.com/googleapis/python-genai/issues/2170",
    },
  ],
  [
    "one array of 971 is not over the budget",
    {
      rule: "schema.max-items-budget",
      target: "parametersJsonSchema",
      given: arrays(1, 971),
      want: [],
      evidence: "https://github.com/googleapis/python-genai/issues/2170",
    },
  ],
  [
    "eight arrays of 119 (952) are not over the budget",
    {
      rule: "schema.max-items-budget",
      target: "responseJsonSchema",
      given: arrays(8, 119),
      want: [],
      evidence: "https://github.com/vercel/ai/issues/21192",
    },
  ],
  [
    "fifty arrays of 19 (950) are not over the budget",
    {
      rule: "schema.max-items-budget",
      target: "responseJsonSchema",
      given: arrays(50, 19),
      want: [],
      evidence: "https://github.com/googleapis/python-genai/issues/2170",
    },
  ],
  [
    "one array of 971 is near the budget",
    {
      rule: "schema.max-items-budget-near",
      target: "parametersJsonSchema",
      given: arrays(1, 971),
      want: [""],
      evidence: "https://github.com/googleapis/python-genai/issues/2170",
    },
  ],
  [
    "ten arrays of 80 (800) are near the budget",
    {
      rule: "schema.max-items-budget-near",
      target: "responseJsonSchema",
      given: arrays(10, 80),
      want: [""],
      evidence: "https://github.com/vercel/ai/issues/21192",
    },
  ],
  [
    "ten arrays of 70 (700) are not near the budget",
    {
      rule: "schema.max-items-budget-near",
      target: "responseJsonSchema",
      given: arrays(10, 70),
      want: [],
      evidence: "https://github.com/googleapis/python-genai/issues/2170",
    },
  ],
  [
    "a sum over the budget is the error's, not the warning's",
    {
      rule: "schema.max-items-budget-near",
      target: "parametersJsonSchema",
      given: arrays(1, 972),
      want: [],
      evidence: "https://github.com/googleapis/python-genai/issues/2170",
    },
  ],
  // size and complexity warnings
  [
    "a 40,000-character JSON schema warns",
    {
      rule: "schema.large-schema",
      target: "responseJsonSchema",
      given: { type: "string", description: "x".repeat(40_000) },
      want: [""],
      evidence: "https://github.com/googleapis/python-genai/issues/660",
    },
  ],
  [
    "a small JSON schema passes the size check",
    {
      rule: "schema.large-schema",
      target: "responseJsonSchema",
      given: { type: "string", description: "x".repeat(1_000) },
      want: [],
      evidence: "https://github.com/receptron/MulmoChat/issues/123",
    },
  ],
  [
    "a 40,000-character legacy schema warns",
    {
      rule: "legacy.large-schema",
      target: "parameters",
      given: { type: "STRING", description: "x".repeat(40_000) },
      want: [""],
      evidence: "https://github.com/googleapis/python-genai/issues/660",
    },
  ],
  [
    "a small legacy schema passes the size check",
    {
      rule: "legacy.large-schema",
      target: "responseSchema",
      given: { type: "STRING" },
      want: [],
      evidence: "https://github.com/receptron/MulmoChat/issues/123",
    },
  ],
  [
    "a JSON enum of 100 values warns",
    {
      rule: "schema.large-enum",
      target: "responseJsonSchema",
      given: { type: "string", enum: longEnum(100) },
      want: ["/enum"],
      evidence: "https://ai.google.dev/gemini-api/docs/structured-output",
    },
  ],
  [
    "a JSON enum of 99 values passes",
    {
      rule: "schema.large-enum",
      target: "parametersJsonSchema",
      given: { type: "string", enum: longEnum(99) },
      want: [],
      evidence: "https://github.com/googleapis/python-genai/issues/660",
    },
  ],
  [
    "a legacy enum of 100 values under the proto spelling warns",
    {
      rule: "legacy.large-enum",
      target: "responseSchema",
      given: { any_of: [{ type: "STRING", enum: longEnum(100) }] },
      want: ["/any_of/0/enum"],
      evidence: "https://ai.google.dev/gemini-api/docs/structured-output",
    },
  ],
  [
    "a legacy enum of 99 values passes",
    {
      rule: "legacy.large-enum",
      target: "responseSchema",
      given: { type: "STRING", enum: longEnum(99) },
      want: [],
      evidence: "https://github.com/googleapis/python-genai/issues/660",
    },
  ],
];

const citedBy = (r: RuleDefinition): string[] =>
  r.evidence.flatMap((e) =>
    e.kind === "accepted" ? [...(e.files ?? []), ...(e.source ? [e.source] : [])] : [e.source],
  );

describe("issue 12's new schema rules, each on a failing and a passing case", () => {
  it.each(ROWS)("%s", (_name, row) => {
    const r = rule(row.rule);
    expect(r.targets, `${r.id} applies to ${row.target}`).toContain(row.target);
    expect(
      citedBy(r).some((c) => c.startsWith(row.evidence)),
      `${r.id} cites ${row.evidence}`,
    ).toBe(true);
    const found = runRule(r, lintDocument(row.given, "", TARGET_DIALECT[row.target], row.target, "given.json"));
    expect(found.map((d) => d.location.pointer)).toEqual(row.want);
    for (const d of found) {
      expect(d).toMatchObject({ code: r.id, severity: r.severity, location: { file: "given.json" } });
      expect(d.hint, `${r.id} says how to fix it`).toBeTruthy();
    }
  });

  it("every new rule has a failing and a passing row", () => {
    for (const r of NEW_RULES) {
      const rows = ROWS.filter(([, row]) => row.rule === r.id);
      expect(
        rows.some(([, row]) => row.want.length > 0),
        `${r.id} fails somewhere`,
      ).toBe(true);
      expect(
        rows.some(([, row]) => row.want.length === 0),
        `${r.id} passes somewhere`,
      ).toBe(true);
    }
  });

  it("every new rule is registered, and a warning that is not about ignored input says how its evidence conflicts", () => {
    for (const r of NEW_RULES) {
      expect(RULE_DEFINITIONS, `${r.id} is in the registry`).toContain(r);
      if (r.severity === "warning") expect(r.conflict, `${r.id} explains its conflict`).toBeTruthy();
    }
  });

  it("the budget message names the sum and the largest arrays", () => {
    const [d] = runRule(
      rule("schema.max-items-budget"),
      lintDocument(arrays(8, 120), "/generationConfig/responseJsonSchema", "responseJsonSchema", "responseJsonSchema"),
    );
    expect(d?.location.pointer).toBe("/generationConfig/responseJsonSchema");
    expect(d?.message).toContain("add up to 960 over 8 arrays");
    expect(d?.message).toContain("#/generationConfig/responseJsonSchema/properties/a0/maxItems = 120");
  });

  it("the near-budget warning says when the sum is where observations disagree", () => {
    const [d] = runRule(
      rule("schema.max-items-budget-near"),
      lintDocument(arrays(1, 965), "", "responseJsonSchema", "parametersJsonSchema"),
    );
    expect(d?.message).toContain("both passed (1 × 971) and failed (8 × 120)");
  });
});

/** Every schema of an accepted request, with the target it was sent in (both spellings of each field). */
function schemasOf(body: unknown): { target: Target; pointer: string; schema: Json }[] {
  const out: { target: Target; pointer: string; schema: Json }[] = [];
  if (typeof body !== "object" || body === null) return out;
  const b = body as Record<string, Json>;
  const pick = (obj: Record<string, Json>, base: string, fields: [string, Target][]) => {
    for (const [key, target] of fields)
      if (obj[key] !== undefined) out.push({ target, pointer: `${base}/${key}`, schema: obj[key]! });
  };
  for (const key of ["generationConfig", "generation_config"]) {
    const g = b[key];
    if (g && typeof g === "object" && !Array.isArray(g))
      pick(g, `/${key}`, [
        ["responseSchema", "responseSchema"],
        ["response_schema", "responseSchema"],
        ["responseJsonSchema", "responseJsonSchema"],
        ["response_json_schema", "responseJsonSchema"],
        ["_responseJsonSchema", "responseJsonSchema"],
      ]);
  }
  const tools = Array.isArray(b.tools) ? b.tools : [];
  tools.forEach((t, i) => {
    if (!t || typeof t !== "object" || Array.isArray(t)) return;
    for (const key of ["functionDeclarations", "function_declarations"]) {
      const decls = t[key];
      if (Array.isArray(decls))
        decls.forEach((f, j) => {
          if (f && typeof f === "object" && !Array.isArray(f))
            pick(f, `/tools/${i}/${key}/${j}`, [
              ["parameters", "parameters"],
              ["parametersJsonSchema", "parametersJsonSchema"],
              ["parameters_json_schema", "parametersJsonSchema"],
              ["response", "response"],
              ["responseJsonSchema", "responseJsonSchema"],
              ["response_json_schema", "responseJsonSchema"],
            ]);
        });
    }
  });
  return out;
}

describe.skipIf(!hasShared)("the new rules on requests the API answered 200", () => {
  it("give no error to any schema in them", () => {
    const errors: string[] = [];
    let schemas = 0;
    for (const entry of corpusEntries()) {
      if (entry.role !== "request" || entry.status !== 200) continue;
      const body: unknown = JSON.parse(readFileSync(join(CORPUS_DIR, entry.file), "utf8"));
      for (const { target, pointer, schema } of schemasOf(body)) {
        schemas++;
        const doc = lintDocument(schema, pointer, TARGET_DIALECT[target], target, entry.file);
        for (const r of NEW_RULES.filter((x) => x.targets.includes(target) && x.dialects.includes(doc.dialect)))
          for (const d of runRule(r, doc))
            if (d.severity === "error") errors.push(`${entry.file}#${d.location.pointer}: ${d.code} ${d.message}`);
      }
    }
    expect(schemas, "the corpus has accepted requests with schemas").toBeGreaterThan(100);
    expect(errors).toEqual([]);
  });
});
