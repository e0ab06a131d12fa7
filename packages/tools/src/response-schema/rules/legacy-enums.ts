// Enum rules of the legacy `Schema` message (responseSchema, and a function's parameters/response): Gemini rejects
// an empty string among the values, `enum` on a node that is not a STRING, and `format: "enum"` with no values.
// Fields are read with `s.get` (JSON or proto name) and types with `typeOf` (any case).
import { child, typeOf, type Subschema } from "./context.ts";
import { targetsOf, type Evidence, type RuleDefinition } from "./rule.ts";

/** Every legacy target is the same `Schema` message, so a rule Gemini applies to one holds for the others. */
export const SAME_SCHEMA_MESSAGE: Evidence = {
  kind: "reference",
  quote: '"$ref": "Schema"',
  source:
    "../shared/upstream/discovery/generativelanguage.v1beta.20260325.json (GenerationConfig.responseSchema, FunctionDeclaration.parameters and FunctionDeclaration.response each say so)",
};

const LEGACY_TARGETS = targetsOf("responseSchema");

const enumValues = (s: Subschema) => {
  const got = s.get("enum");
  return got && Array.isArray(got.value) ? { key: got.key, values: got.value } : undefined;
};

export const legacyEnumEmptyValue: RuleDefinition = {
  id: "legacy.enum-empty-value",
  severity: "error",
  dialects: ["responseSchema"],
  targets: LEGACY_TARGETS,
  summary: "An enum value that is the empty string.",
  evidence: [
    {
      kind: "error-message",
      message:
        "GenerateContentRequest.tools[0].function_declarations[5].parameters.properties[actions].items.properties[op].enum[3]: cannot be empty",
      source: "https://github.com/Smana/runlore/pull/40",
    },
    {
      kind: "error-message",
      message:
        "GenerateContentRequest.tools[0].function_declarations[15].parameters.properties[time].enum[0]: cannot be empty",
      source: "https://github.com/google-gemini/gemini-cli/issues/3401",
      model: "gemini-2.5-flash",
    },
    SAME_SCHEMA_MESSAGE,
  ],
  check(doc, report) {
    for (const s of doc.subschemas) {
      const e = enumValues(s);
      e?.values.forEach((v, i) => {
        if (v === "")
          report(
            child(s.pointer, e.key, i),
            `enum value ${i} is the empty string, which Gemini rejects ("cannot be empty")`,
            "leave it out and make the property optional instead",
          );
      });
    }
  },
};

export const legacyEnumNotString: RuleDefinition = {
  id: "legacy.enum-not-string",
  severity: "error",
  dialects: ["responseSchema"],
  targets: LEGACY_TARGETS,
  summary: "`enum` on a node whose type is not STRING (or that has no type).",
  evidence: [
    {
      kind: "error-message",
      message:
        "GenerateContentRequest.tools[0].function_declarations[11].parameters.properties[accountability].enum: only allowed for STRING type",
      source: "https://github.com/directus/directus/issues/27100",
    },
    {
      kind: "error-message",
      message:
        "GenerateContentRequest.generation_config.response_schema.properties[value].enum: only allowed for STRING type",
      source: "https://github.com/vercel/ai/pull/12944",
    },
    {
      kind: "reference",
      quote: "Optional. Possible values of the element of Type.STRING with enum format.",
      source: "../shared/upstream/discovery/generativelanguage.v1beta.20260325.json (Schema.enum)",
    },
    {
      kind: "accepted",
      files: [
        "request/pydantic-ai-test_gemini_native_output_multiple.json",
        "request/pydantic-ai-test_google_native_output_multiple.json",
      ],
      what: 'enum on a node typed "string" (lower case) and "STRING" was answered 200',
    },
  ],
  check(doc, report) {
    for (const s of doc.subschemas) {
      const e = s.get("enum");
      if (e === undefined) continue;
      const type = s.get("type");
      // A type that is not a string at all is legacy.type's finding; here only a missing or non-STRING name.
      if (type !== undefined && typeof type.value !== "string") continue;
      if (typeOf(s) === "STRING") continue;
      report(
        child(s.pointer, e.key),
        type === undefined
          ? "enum on a node without a type; Gemini allows enum only on STRING"
          : `enum on a node of type ${JSON.stringify(type.value)}; Gemini allows enum only on STRING`,
        type === undefined
          ? 'add "type": "STRING" (the values must be strings)'
          : "use a STRING with string values, or drop enum and list the values in the description",
      );
    }
  },
};

export const legacyEnumFormatEmpty: RuleDefinition = {
  id: "legacy.enum-format-empty",
  severity: "error",
  dialects: ["responseSchema"],
  targets: LEGACY_TARGETS,
  summary: 'A STRING with `format: "enum"` but no enum values (Gemini 3 rejects it; earlier models let it pass).',
  evidence: [
    {
      kind: "error-message",
      message:
        "INVALID_ARGUMENT: GenerateContentRequest.tools[0].function_declarations[N].parameters.properties[X].enum: should be non-empty for STRING type with enum format",
      source: "https://github.com/elastic/kibana/pull/286302",
      model: "Gemini 3.x (the thread says gemini-2.5-pro accepted it)",
    },
    SAME_SCHEMA_MESSAGE,
  ],
  check(doc, report) {
    for (const s of doc.subschemas) {
      const format = s.get("format");
      if (typeof format?.value !== "string" || format.value.toLowerCase() !== "enum" || typeOf(s) !== "STRING")
        continue;
      const e = s.get("enum");
      if (e !== undefined && (!Array.isArray(e.value) || e.value.length > 0)) continue;
      report(
        child(s.pointer, e?.key ?? format.key),
        e === undefined
          ? 'format "enum" without an enum list; Gemini 3 rejects it'
          : 'format "enum" with an empty enum list; Gemini 3 rejects it',
        'list the values in enum, or drop "format": "enum" for a free string',
      );
    }
  },
};

export const LEGACY_ENUM_RULES: readonly RuleDefinition[] = [
  legacyEnumEmptyValue,
  legacyEnumNotString,
  legacyEnumFormatEmpty,
];
