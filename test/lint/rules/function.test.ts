// The FunctionDeclaration rules (rules/function.ts): a failing and a passing case per rule, each row naming the
// evidence it rests on (a source or recorded file the rule itself cites). The schema rule runs on a bare parameters
// schema; the declaration rules run on a request holding the declaration, with pointers into that request.
import { describe, expect, it } from "vitest";
import { requestDocument } from "../../../packages/tools/src/request/document.ts";
import { viewRequest } from "../../../packages/tools/src/request/view.ts";
import type { Json, JsonObject } from "../../../packages/tools/src/response-schema/json-schema-types.ts";
import { lintDocument } from "../../../packages/tools/src/response-schema/rules/context.ts";
import { functionRules } from "../../../packages/tools/src/response-schema/rules/function.ts";
import { RULE_DEFINITIONS } from "../../../packages/tools/src/response-schema/rules/index.ts";
import {
  runRule,
  TARGET_DIALECT,
  type RuleDefinition,
  type Target,
} from "../../../packages/tools/src/response-schema/rules/rule.ts";

const rule = (id: string) => functionRules.find((r) => r.id === id)!;

interface Row {
  rule: string;
  /** A parameters schema (with `target`) for the schema rule; a whole request for the declaration rules. */
  given: Json;
  target?: Target;
  /** Pointers of the findings, in order; [] for the passing case. */
  want: string[];
  /** A source URL or recorded file the rule's evidence names. */
  evidence: string;
}

/** A request declaring one function. */
const declaring = (declaration: JsonObject): JsonObject => ({
  contents: [{ role: "user", parts: [{ text: "hi" }] }],
  tools: [{ functionDeclarations: [declaration] }],
});
const OBJECT_PARAMS = { type: "object", properties: { city: { type: "string" } } };
const DISCOVERY = "Discovery generativelanguage v1beta";

const ROWS: [string, Row][] = [
  // function.parameters-object
  [
    "parametersJsonSchema of type string fails",
    {
      rule: "function.parameters-object",
      target: "parametersJsonSchema",
      given: { type: "string" },
      want: [""],
      evidence: DISCOVERY,
    },
  ],
  [
    "legacy parameters with properties but no type fails",
    {
      rule: "function.parameters-object",
      target: "parameters",
      given: { properties: { cmd: { type: "STRING" } } },
      want: [""],
      evidence: "https://github.com/diegosouzapw/OmniRoute/pull/3360",
    },
  ],
  [
    "parametersJsonSchema as a $ref to an array fails",
    {
      rule: "function.parameters-object",
      target: "parametersJsonSchema",
      given: { $defs: { L: { type: "array", items: {} } }, $ref: "#/$defs/L" },
      want: [""],
      evidence: DISCOVERY,
    },
  ],
  [
    "parametersJsonSchema of type object passes",
    {
      rule: "function.parameters-object",
      target: "parametersJsonSchema",
      given: OBJECT_PARAMS,
      want: [],
      evidence: "request/pydantic-ai-test_gemini_drop_exclusive_maximum-i1.json",
    },
  ],
  [
    "legacy parameters with lower-case object passes",
    {
      rule: "function.parameters-object",
      target: "parameters",
      given: { type: "object", properties: {} },
      want: [],
      evidence: "request/pydantic-ai-test_gemini_tool_config_any_with_tool_without_args-i0.json",
    },
  ],
  [
    "parametersJsonSchema as a $ref to an object, or an anyOf of objects, passes",
    {
      rule: "function.parameters-object",
      target: "parametersJsonSchema",
      given: { $defs: { P: { anyOf: [OBJECT_PARAMS, { type: ["object", "null"] }] } }, $ref: "#/$defs/P" },
      want: [],
      evidence: DISCOVERY,
    },
  ],
  // function.schema-fields-exclusive
  [
    "parameters beside parameters_json_schema fails",
    {
      rule: "function.schema-fields-exclusive",
      given: declaring({ name: "f", parameters: { type: "OBJECT" }, parameters_json_schema: OBJECT_PARAMS }),
      want: ["/tools/0/functionDeclarations/0/parameters_json_schema"],
      evidence: DISCOVERY,
    },
  ],
  [
    "response beside responseJsonSchema fails",
    {
      rule: "function.schema-fields-exclusive",
      given: declaring({ name: "f", response: { type: "STRING" }, responseJsonSchema: { type: "string" } }),
      want: ["/tools/0/functionDeclarations/0/responseJsonSchema"],
      evidence: DISCOVERY,
    },
  ],
  [
    "parameters set to null (read as not set) beside parametersJsonSchema passes",
    {
      rule: "function.schema-fields-exclusive",
      given: declaring({ name: "f", parameters: null, parametersJsonSchema: OBJECT_PARAMS }),
      want: [],
      evidence: DISCOVERY,
    },
  ],
  [
    "parametersJsonSchema beside responseJsonSchema passes",
    {
      rule: "function.schema-fields-exclusive",
      given: declaring({ name: "f", parametersJsonSchema: OBJECT_PARAMS, responseJsonSchema: { type: "string" } }),
      want: [],
      evidence:
        "request/js-genai-MCP_related_client_Tests_generateContent_ML_Dev_test_with_greeter_server__structured_output__error_thrown_by_t-i0.json",
    },
  ],
  // function.name-invalid
  [
    "a name with a space fails",
    {
      rule: "function.name-invalid",
      given: declaring({ name: "get weather" }),
      want: ["/tools/0/functionDeclarations/0/name"],
      evidence: "https://github.com/kaitranntt/ccs/issues/25",
    },
  ],
  [
    "a name starting with a digit fails",
    {
      rule: "function.name-invalid",
      given: declaring({ name: "2fast" }),
      want: ["/tools/0/functionDeclarations/0/name"],
      evidence: "https://github.com/google-gemini/gemini-cli/issues/6704",
    },
  ],
  [
    "a declaration without a name fails at the declaration (tools sent as one object)",
    {
      rule: "function.name-invalid",
      given: { tools: { function_declarations: [{ description: "x" }] } },
      want: ["/tools/function_declarations/0"],
      evidence: DISCOVERY,
    },
  ],
  [
    "a name with _ . : - passes",
    {
      rule: "function.name-invalid",
      given: declaring({ name: "default_api:mcp.tool-1" }),
      want: [],
      evidence: "https://github.com/kaitranntt/ccs/issues/25",
    },
  ],
  [
    "a plain snake_case name passes",
    {
      rule: "function.name-invalid",
      given: declaring({ name: "get_chinese_zodiac" }),
      want: [],
      evidence: "request/pydantic-ai-test_gemini_drop_exclusive_maximum-i1.json",
    },
  ],
  // function.name-too-long (past both limits) and function.name-length-conflict (between them)
  [
    "a 129-character name fails",
    {
      rule: "function.name-too-long",
      given: declaring({ name: "f".repeat(129) }),
      want: ["/tools/0/functionDeclarations/0/name"],
      evidence: DISCOVERY,
    },
  ],
  [
    "a 128-character name is not past the reference's limit",
    { rule: "function.name-too-long", given: declaring({ name: "f".repeat(128) }), want: [], evidence: DISCOVERY },
  ],
  [
    "a 65-character name warns",
    {
      rule: "function.name-length-conflict",
      given: declaring({ name: "f".repeat(65) }),
      want: ["/tools/0/functionDeclarations/0/name"],
      evidence: "https://github.com/kaitranntt/ccs/issues/25",
    },
  ],
  [
    "a 64-character name passes",
    {
      rule: "function.name-length-conflict",
      given: declaring({ name: "f".repeat(64) }),
      want: [],
      evidence: "https://github.com/google-gemini/gemini-cli/issues/6704",
    },
  ],
  [
    "a 129-character name is the error's, not the warning's",
    {
      rule: "function.name-length-conflict",
      given: declaring({ name: "f".repeat(129) }),
      want: [],
      evidence: DISCOVERY,
    },
  ],
];

const citedBy = (r: RuleDefinition): string[] =>
  r.evidence.flatMap((e) =>
    e.kind === "accepted" ? [...(e.files ?? []), ...(e.source ? [e.source] : [])] : [e.source],
  );

function run(r: RuleDefinition, row: Row) {
  if ((r.scope ?? "schema") === "schema")
    return runRule(r, lintDocument(row.given, "", TARGET_DIALECT[row.target!], row.target!, "given.json"));
  return runRule(r, requestDocument(viewRequest(row.given as JsonObject), "given.json"));
}

describe("function declaration rules, each on a failing and a passing case", () => {
  it.each(ROWS)("%s", (_name, row) => {
    const r = rule(row.rule);
    if (row.target) expect(r.targets, `${r.id} applies to ${row.target}`).toContain(row.target);
    expect(
      citedBy(r).some((c) => c.startsWith(row.evidence)),
      `${r.id} cites ${row.evidence}`,
    ).toBe(true);
    const found = run(r, row);
    expect(found.map((d) => d.location.pointer)).toEqual(row.want);
    for (const d of found) {
      expect(d).toMatchObject({ code: r.id, severity: r.severity, location: { file: "given.json" } });
      expect(d.hint, `${r.id} says how to fix it`).toBeTruthy();
    }
  });

  it("every function rule has a failing and a passing row, is registered, and a warning says how its evidence conflicts", () => {
    for (const r of functionRules) {
      const rows = ROWS.filter(([, row]) => row.rule === r.id);
      expect(
        rows.some(([, row]) => row.want.length > 0),
        `${r.id} fails somewhere`,
      ).toBe(true);
      expect(
        rows.some(([, row]) => row.want.length === 0),
        `${r.id} passes somewhere`,
      ).toBe(true);
      expect(RULE_DEFINITIONS, `${r.id} is in the registry`).toContain(r);
      if (r.severity === "warning") expect(r.conflict, `${r.id} explains its conflict`).toBeTruthy();
    }
  });

  it("says which key of a pair was given, in the input's spelling", () => {
    const [d] = run(
      rule("function.schema-fields-exclusive"),
      ROWS.find(([name]) => name === "parameters beside parameters_json_schema fails")![1],
    );
    expect(d?.message).toBe(
      "parameters and parameters_json_schema are both set; a function declaration takes only one of them",
    );
  });
});
