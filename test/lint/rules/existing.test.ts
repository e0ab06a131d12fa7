// The rules the linter had before issue 12, now with evidence: per rule a failing and a passing case, each row
// naming the evidence it rests on (a source or recorded file the rule itself cites, checked below). Passing rows
// include the constructs the API was seen to accept (lower-case types, proto field names, description beside $ref).
import { describe, expect, it } from "vitest";
import type { Json } from "../../../packages/tools/src/response-schema/json-schema-types.ts";
import { lintDocument, type LintDocument } from "../../../packages/tools/src/response-schema/rules/context.ts";
import { RULE_DEFINITIONS } from "../../../packages/tools/src/response-schema/rules/index.ts";
import {
  runRule,
  TARGET_DIALECT,
  type Evidence,
  type Target,
} from "../../../packages/tools/src/response-schema/rules/rule.ts";
import {
  LOWERCASE_TYPE_FILES,
  SNAKE_CASE_SCHEMA_FILES,
} from "../../../packages/tools/src/response-schema/rules/sources.ts";

interface Row {
  rule: string;
  target: Target;
  given: Json;
  /** Pointers of the findings, in order; [] for the passing case. */
  want: string[];
  /** A source URL, recorded file or source name the rule's evidence gives. */
  evidence: string;
}

const DISCOVERY = "GenerationConfig._responseJsonSchema";
const REF_MESSAGE = "https://github.com/anomalyco/opencode/issues/12295";
const LOWER = LOWERCASE_TYPE_FILES[0]!;
const obj = (properties: Record<string, Json>, extra: Record<string, Json> = {}): Json => ({
  type: "object",
  properties,
  ...extra,
});

const ROWS: [string, Row][] = [
  // schema.unsupported-keyword
  [
    "JSON minLength is reported",
    {
      rule: "schema.unsupported-keyword",
      target: "responseJsonSchema",
      given: obj({ s: { type: "string", minLength: 1 } }),
      want: ["/properties/s/minLength"],
      evidence: DISCOVERY,
    },
  ],
  [
    "JSON supported keywords pass",
    {
      rule: "schema.unsupported-keyword",
      target: "parametersJsonSchema",
      given: obj({ s: { type: "string", enum: ["a"] } }, { required: ["s"] }),
      want: [],
      evidence: DISCOVERY,
    },
  ],
  // legacy.unknown-field
  [
    "legacy $schema fails",
    {
      rule: "legacy.unknown-field",
      target: "responseSchema",
      given: { $schema: "x", type: "OBJECT" },
      want: ["/$schema"],
      evidence: "https://github.com/QuantumNous/new-api/pull/1037",
    },
  ],
  [
    "legacy uniqueItems fails in parameters",
    {
      rule: "legacy.unknown-field",
      target: "parameters",
      given: obj({ t: { type: "ARRAY", items: { type: "STRING" }, uniqueItems: true } }),
      want: ["/properties/t/uniqueItems"],
      evidence: "https://github.com/decolua/9router/pull/3018",
    },
  ],
  [
    "legacy proto names any_of, property_ordering pass",
    {
      rule: "legacy.unknown-field",
      target: "responseSchema",
      given: { type: "OBJECT", properties: { r: { any_of: [{ type: "STRING" }] } }, property_ordering: ["r"] },
      want: [],
      evidence: SNAKE_CASE_SCHEMA_FILES[0]!,
    },
  ],
  // legacy.unenforced-field
  [
    "legacy pattern is reported",
    {
      rule: "legacy.unenforced-field",
      target: "responseSchema",
      given: { type: "STRING", pattern: "^a" },
      want: ["/pattern"],
      evidence: "https://github.com/googleapis/python-aiplatform/issues/4510",
    },
  ],
  [
    "legacy min_length (proto name) is reported",
    {
      rule: "legacy.unenforced-field",
      target: "parameters",
      given: obj({ s: { type: "STRING", min_length: 1 } }),
      want: ["/properties/s/min_length"],
      evidence: "https://github.com/googleapis/python-aiplatform/issues/4510",
    },
  ],
  [
    "legacy maxItems passes",
    {
      rule: "legacy.unenforced-field",
      target: "responseSchema",
      given: { type: "ARRAY", items: { type: "STRING" }, maxItems: 2 },
      want: [],
      evidence: "https://github.com/googleapis/python-aiplatform/issues/4510",
    },
  ],
  // schema.enum-value
  [
    "JSON boolean and null enum members are reported",
    {
      rule: "schema.enum-value",
      target: "responseJsonSchema",
      given: { enum: [true, null, "a", 1] },
      want: ["/enum/0", "/enum/1"],
      evidence: DISCOVERY,
    },
  ],
  [
    "JSON string and number enum members pass",
    {
      rule: "schema.enum-value",
      target: "parametersJsonSchema",
      given: obj({ n: { type: "number", enum: [1, 2] } }),
      want: [],
      evidence: DISCOVERY,
    },
  ],
  // legacy.enum-value
  [
    "legacy numeric enum members fail",
    {
      rule: "legacy.enum-value",
      target: "parameters",
      given: obj({ n: { type: "STRING", enum: [1, "2"] } }),
      want: ["/properties/n/enum/0"],
      evidence: "https://github.com/google-gemini/gemini-cli/issues/4120",
    },
  ],
  [
    "legacy string enum members pass",
    {
      rule: "legacy.enum-value",
      target: "responseSchema",
      given: { type: "string", enum: ["CityLocation"] },
      want: [],
      evidence: "https://github.com/google-gemini/gemini-cli/issues/4120",
    },
  ],
  // schema.const
  [
    "JSON const is reported",
    {
      rule: "schema.const",
      target: "responseJsonSchema",
      given: obj({ k: { const: "a" } }),
      want: ["/properties/k/const"],
      evidence: DISCOVERY,
    },
  ],
  [
    "JSON single-value enum passes",
    {
      rule: "schema.const",
      target: "responseJsonSchema",
      given: obj({ k: { type: "string", enum: ["a"] } }),
      want: [],
      evidence: DISCOVERY,
    },
  ],
  // schema.type
  [
    "JSON unknown type name is reported",
    {
      rule: "schema.type",
      target: "responseJsonSchema",
      given: { type: ["string", "date"] },
      want: ["/type/1"],
      evidence: DISCOVERY,
    },
  ],
  [
    "JSON type list of known names passes",
    {
      rule: "schema.type",
      target: "responseJsonSchema",
      given: { type: ["string", "null"] },
      want: [],
      evidence: DISCOVERY,
    },
  ],
  // legacy.type
  [
    "legacy type list fails",
    {
      rule: "legacy.type",
      target: "responseSchema",
      given: obj({ a: { type: ["string", "null"] } }),
      want: ["/properties/a/type"],
      evidence: "https://github.com/Helicone/helicone/pull/5585",
    },
  ],
  [
    "legacy unknown type name fails",
    {
      rule: "legacy.type",
      target: "parameters",
      given: obj({ a: { type: "date" } }),
      want: ["/properties/a/type"],
      evidence: "https://github.com/simonw/llm-gemini/issues/49",
    },
  ],
  [
    "legacy lower-case type names pass",
    {
      rule: "legacy.type",
      target: "responseSchema",
      given: obj({ name: { type: "string" }, age: { type: "integer" } }),
      want: [],
      evidence: LOWER,
    },
  ],
  [
    "legacy upper-case and NULL pass",
    {
      rule: "legacy.type",
      target: "parameters",
      given: { type: "OBJECT", properties: { a: { any_of: [{ type: "STRING" }, { type: "NULL" }] } } },
      want: [],
      evidence: "https://github.com/vercel/ai/pull/17210",
    },
  ],
  // schema.format-unenforced
  [
    "JSON format email is reported",
    {
      rule: "schema.format-unenforced",
      target: "responseJsonSchema",
      given: obj({ e: { type: "string", format: "email" } }),
      want: ["/properties/e/format"],
      evidence: "Schema.format",
    },
  ],
  [
    "JSON format date-time, date, time pass",
    {
      rule: "schema.format-unenforced",
      target: "responseJsonSchema",
      given: obj({
        a: { type: "string", format: "date-time" },
        b: { type: "string", format: "date" },
        c: { type: "string", format: "time" },
      }),
      want: [],
      evidence: DISCOVERY,
    },
  ],
  // schema.unresolved-ref
  [
    "JSON $ref to a missing $defs entry fails",
    {
      rule: "schema.unresolved-ref",
      target: "parametersJsonSchema",
      given: obj({ a: { $ref: "#/$defs/Nope" } }),
      want: ["/properties/a/$ref"],
      evidence: "https://github.com/google-gemini/gemini-cli/issues/13326",
    },
  ],
  [
    "JSON $ref to $defs passes",
    {
      rule: "schema.unresolved-ref",
      target: "responseJsonSchema",
      given: { $defs: { A: { type: "string" } }, ...(obj({ a: { $ref: "#/$defs/A" } }) as object) },
      want: [],
      evidence: "https://github.com/google-gemini/gemini-cli/issues/13326",
    },
  ],
  // schema.ref-siblings
  [
    "JSON type beside $ref fails",
    {
      rule: "schema.ref-siblings",
      target: "responseJsonSchema",
      given: { $defs: { A: { type: "string" } }, ...(obj({ a: { $ref: "#/$defs/A", type: "string" } }) as object) },
      want: ["/properties/a"],
      evidence: REF_MESSAGE,
    },
  ],
  [
    "JSON description and default beside $ref are not this rule's",
    {
      rule: "schema.ref-siblings",
      target: "responseJsonSchema",
      given: {
        $defs: { A: { type: "string" } },
        ...(obj({ a: { $ref: "#/$defs/A", description: "d", default: "x" } }) as object),
      },
      want: [],
      evidence: REF_MESSAGE,
    },
  ],
  // schema.ref-annotation-siblings
  [
    "JSON description beside $ref is reported",
    {
      rule: "schema.ref-annotation-siblings",
      target: "parametersJsonSchema",
      given: { $defs: { A: { type: "string" } }, ...(obj({ a: { $ref: "#/$defs/A", description: "d" } }) as object) },
      want: ["/properties/a"],
      evidence: REF_MESSAGE,
    },
  ],
  [
    "JSON $ref alone passes",
    {
      rule: "schema.ref-annotation-siblings",
      target: "parametersJsonSchema",
      given: { $defs: { A: { type: "string" } }, ...(obj({ a: { $ref: "#/$defs/A" } }) as object) },
      want: [],
      evidence: DISCOVERY,
    },
  ],
  // schema.definitions
  [
    "JSON draft-07 definitions is reported",
    {
      rule: "schema.definitions",
      target: "responseJsonSchema",
      given: { definitions: { A: { type: "string" } }, ...(obj({ a: { $ref: "#/definitions/A" } }) as object) },
      want: ["/definitions", "/properties/a/$ref"],
      evidence: DISCOVERY,
    },
  ],
  [
    "JSON $defs passes",
    {
      rule: "schema.definitions",
      target: "responseJsonSchema",
      given: { $defs: { A: { type: "string" } }, ...(obj({ a: { $ref: "#/$defs/A" } }) as object) },
      want: [],
      evidence: DISCOVERY,
    },
  ],
  // schema.required-cycle
  [
    "JSON recursion through a required property fails",
    {
      rule: "schema.required-cycle",
      target: "responseJsonSchema",
      given: {
        $defs: { N: { type: "object", properties: { next: { $ref: "#/$defs/N" } }, required: ["next"] } },
        $ref: "#/$defs/N",
      },
      want: ["/$defs/N"],
      evidence: DISCOVERY,
    },
  ],
  [
    "JSON recursion through an optional property passes",
    {
      rule: "schema.required-cycle",
      target: "responseJsonSchema",
      given: { $defs: { N: { type: "object", properties: { next: { $ref: "#/$defs/N" } } } }, $ref: "#/$defs/N" },
      want: [],
      evidence: DISCOVERY,
    },
  ],
  // config.both-schemas
  [
    "config with both schema fields fails",
    {
      rule: "config.both-schemas",
      target: "responseJsonSchema",
      given: {
        responseMimeType: "application/json",
        responseSchema: { type: "STRING" },
        responseJsonSchema: { type: "string" },
      },
      want: ["/responseJsonSchema"],
      evidence: DISCOVERY,
    },
  ],
  [
    "config with one schema under proto names passes",
    {
      rule: "config.both-schemas",
      target: "responseSchema",
      given: { response_mime_type: "application/json", response_schema: { type: "string" } },
      want: [],
      evidence: DISCOVERY,
    },
  ],
  // config.mime-type
  [
    "config schema with text/plain fails",
    {
      rule: "config.mime-type",
      target: "responseSchema",
      given: { response_mime_type: "text/plain", response_schema: { type: "STRING" } },
      want: ["/response_mime_type"],
      evidence: "GenerationConfig.responseSchema",
    },
  ],
  [
    "config schema with no MIME type fails",
    {
      rule: "config.mime-type",
      target: "responseJsonSchema",
      given: { responseJsonSchema: { type: "string" } },
      want: [""],
      evidence: "GenerationConfig.responseSchema",
    },
  ],
  [
    "config schema with text/x.enum passes",
    {
      rule: "config.mime-type",
      target: "responseSchema",
      given: { responseMimeType: "text/x.enum", responseSchema: { type: "STRING", enum: ["a"] } },
      want: [],
      evidence: "GenerationConfig.responseMimeType",
    },
  ],
  [
    "config under proto names with JSON passes",
    {
      rule: "config.mime-type",
      target: "responseSchema",
      given: { response_mime_type: "application/json", response_schema: { type: "object" } },
      want: [],
      evidence: "GenerationConfig.responseSchema",
    },
  ],
];

const rule = (id: string) => RULE_DEFINITIONS.find((r) => r.id === id)!;
const mentions = (e: Evidence): string[] => (e.kind === "accepted" ? [...(e.files ?? []), e.source ?? ""] : [e.source]);

function documentFor(row: Row): LintDocument {
  const scope = rule(row.rule).scope ?? "schema";
  return scope === "schema"
    ? lintDocument(row.given, "", TARGET_DIALECT[row.target], row.target)
    : { dialect: TARGET_DIALECT[row.target], target: row.target, root: row.given, base: "", subschemas: [] };
}

describe("existing rules, one failing and one passing case each", () => {
  it.each(ROWS)("%s", (_name, row) => {
    const r = rule(row.rule);
    expect(r, row.rule).toBeDefined();
    expect(r.targets).toContain(row.target);
    expect(runRule(r, documentFor(row)).map((d) => d.location.pointer)).toEqual(row.want);
  });

  it.each(ROWS)("%s: cites evidence the rule gives", (_name, row) => {
    const all = rule(row.rule).evidence.flatMap(mentions);
    expect(
      all.some((m) => m.includes(row.evidence)),
      `${row.rule} cites ${row.evidence}`,
    ).toBe(true);
  });

  it("every rule id here has a failing and a passing row", () => {
    const ids = new Set(ROWS.map(([, r]) => r.rule));
    for (const id of ids) {
      const rows = ROWS.filter(([, r]) => r.rule === id).map(([, r]) => r.want.length > 0);
      expect(rows, id).toContain(true);
      expect(rows, id).toContain(false);
    }
  });
});
