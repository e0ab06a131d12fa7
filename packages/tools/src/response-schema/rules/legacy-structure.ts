// Structure rules of the legacy `Schema` message: every node needs a type (or anyOf), every ARRAY needs items, and
// `required` may name only properties the same node defines. Gemini answers 400 to each, naming the field.
import { isObject } from "../json-schema-types.ts";
import { child, typeOf } from "./context.ts";
import { SAME_SCHEMA_MESSAGE } from "./legacy-enums.ts";
import { targetsOf, type RuleDefinition } from "./rule.ts";

const LEGACY_TARGETS = targetsOf("responseSchema");

export const legacyRequiredUndefined: RuleDefinition = {
  id: "legacy.required-undefined",
  severity: "error",
  dialects: ["responseSchema"],
  targets: LEGACY_TARGETS,
  summary: "`required` names a property the same node does not define under `properties`.",
  evidence: [
    {
      kind: "error-message",
      message:
        "GenerateContentRequest.tools[0].function_declarations[9].parameters.required[0]: property is not defined",
      source: "https://github.com/probelabs/probe/issues/569",
    },
    {
      kind: "accepted",
      files: [
        "request/llm-gemini-test_tools_with_gemini_3_thought_signatures-i1.json",
        "request/js-genai-MCP_related_client_Tests_generateContent_ML_Dev_can_take_mixed_tools_when_AFC_is_disabled-i0.json",
      ],
      what: "parameters whose required names only defined properties were answered 200",
    },
    SAME_SCHEMA_MESSAGE,
  ],
  check(doc, report) {
    for (const s of doc.subschemas) {
      const required = s.get("required");
      if (required === undefined || !Array.isArray(required.value)) continue;
      const props = s.get("properties")?.value;
      const defined = isObject(props) ? props : {};
      required.value.forEach((name, i) => {
        if (typeof name === "string" && !Object.hasOwn(defined, name))
          report(
            child(s.pointer, required.key, i),
            `required names "${name}", which is not among this node's properties; Gemini rejects it ("property is not defined")`,
            `define "${name}" under properties, or drop it from required`,
          );
      });
    }
  },
};

export const legacyArrayItemsMissing: RuleDefinition = {
  id: "legacy.array-items-missing",
  severity: "error",
  dialects: ["responseSchema"],
  targets: LEGACY_TARGETS,
  summary: "An ARRAY node without `items`.",
  evidence: [
    {
      kind: "error-message",
      message:
        "GenerateContentRequest.tools[0].function_declarations[3].parameters.properties[tags].items: missing field.",
      source: "https://github.com/kkrishnan90/gemini-desktop/pull/7",
    },
    SAME_SCHEMA_MESSAGE,
  ],
  check(doc, report) {
    for (const s of doc.subschemas)
      if (typeOf(s) === "ARRAY" && s.get("items") === undefined)
        report(
          s.pointer,
          'an ARRAY without items; Gemini rejects it ("items: missing field")',
          'describe the elements, e.g. "items": {"type": "STRING"}',
        );
  },
};

export const legacyTypeMissing: RuleDefinition = {
  id: "legacy.type-missing",
  severity: "error",
  dialects: ["responseSchema"],
  targets: LEGACY_TARGETS,
  summary: "A node with neither `type` nor `anyOf`.",
  evidence: [
    {
      kind: "error-message",
      message:
        "GenerateContentRequest.tools[0].function_declarations[0].parameters.properties[command].type: must be specified when not using one_of, any_of or all_of fields",
      source: "https://github.com/danny-avila/LibreChat/issues/6971",
    },
    {
      kind: "reference",
      quote: "Required. Data type.",
      source: "../shared/upstream/discovery/generativelanguage.v1beta.20260325.json (Schema.type)",
    },
    {
      kind: "accepted",
      files: ["request/pydantic-ai-test_google_native_output_multiple.json"],
      what: "a node with any_of and no type was answered 200",
    },
    SAME_SCHEMA_MESSAGE,
  ],
  check(doc, report) {
    for (const s of doc.subschemas)
      if (s.get("type") === undefined && s.get("anyOf") === undefined)
        report(
          s.pointer,
          'this node has neither type nor anyOf; Gemini rejects it ("type: must be specified")',
          'add "type" (STRING, NUMBER, INTEGER, BOOLEAN, ARRAY, OBJECT or NULL)',
        );
  },
};

export const LEGACY_STRUCTURE_RULES: readonly RuleDefinition[] = [
  legacyRequiredUndefined,
  legacyArrayItemsMissing,
  legacyTypeMissing,
];
