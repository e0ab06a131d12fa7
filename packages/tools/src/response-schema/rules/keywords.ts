// Keywords outside what Gemini takes. responseJsonSchema is a free JSON value: Gemini accepts keywords it does not
// support and ignores them, so they are warnings (the model may return values outside them). The legacy Schema is a
// protobuf message: a key that is no field of it (under its JSON or proto name) makes the request fail.
import { JSON_SCHEMA_KEYWORDS, LEGACY_FIELDS, LEGACY_OTHER_FIELDS } from "../json-schema-types.ts";
import { child } from "./context.ts";
import { schemaFieldName } from "./field-names.ts";
import { targetsOf, type RuleDefinition } from "./rule.ts";
import {
  DISCOVERY,
  DISCOVERY_RESPONSE_JSON_SCHEMA,
  JSON_SCHEMA_SUPPORT_QUOTE,
  SNAKE_CASE_SCHEMA_FILES,
} from "./sources.ts";

/** Keywords that only annotate: ignoring them changes nothing the model may return. */
const ANNOTATIONS = new Set([
  "$schema",
  "$comment",
  "examples",
  "example",
  "default",
  "deprecated",
  "readOnly",
  "writeOnly",
  "$vocabulary",
  "$dynamicAnchor",
]);
/** Handled by their own rules. */
const OWN_RULE = new Set(["const", "definitions"]);
const SUPPORTED = new Set<string>(JSON_SCHEMA_KEYWORDS);

const JSON_HINTS: Record<string, string> = {
  allOf: "merge the schemas into one object",
  not: "list the allowed values with enum instead",
  nullable: 'use anyOf with {"type": "null"}',
  exclusiveMinimum: "use minimum",
  exclusiveMaximum: "use maximum",
  patternProperties: "use additionalProperties",
  additionalItems: "use items (2020-12) after prefixItems",
};

export const unsupportedKeyword: RuleDefinition = {
  id: "schema.unsupported-keyword",
  severity: "warning",
  dialects: ["responseJsonSchema"],
  targets: targetsOf("responseJsonSchema"),
  summary:
    "A JSON Schema keyword outside the list Gemini supports: it is accepted and ignored, so the model may return values it excludes.",
  evidence: [
    { kind: "reference", quote: JSON_SCHEMA_SUPPORT_QUOTE, source: DISCOVERY_RESPONSE_JSON_SCHEMA },
    {
      kind: "accepted",
      what: "pattern, minLength and maxLength (not on the list) in responseJsonSchema and parametersJsonSchema, answered 200",
      files: [
        "request/js-genai-Client_Tests_generateContent_ML_Dev_should_generate_content_with_given_valid_json_schema_in_responseJsonSchema-i0.json",
        "request/js-genai-Chats_Tests_chat_automatic_function_calling_test_chat_automatic_function_calling-i1.json",
      ],
    },
  ],
  check(doc, report) {
    for (const s of doc.subschemas)
      for (const key of Object.keys(s.schema)) {
        if (SUPPORTED.has(key) || ANNOTATIONS.has(key) || OWN_RULE.has(key)) continue;
        report(
          child(s.pointer, key),
          `"${key}" is not supported by ${doc.target} and is ignored, so the model may return values it excludes`,
          JSON_HINTS[key] ?? "validate it on the response yourself, or say it in the description",
        );
      }
  },
};

const LEGACY_KNOWN = new Set<string>(LEGACY_FIELDS);
const LEGACY_WEAK = new Set<string>(LEGACY_OTHER_FIELDS);
const LEGACY_HINTS: Record<string, string> = {
  $ref: "the legacy dialect has no references: inline them (jsonSchemaToResponseSchema does)",
  $defs: "the legacy dialect has no references: inline them (jsonSchemaToResponseSchema does)",
  definitions: "the legacy dialect has no references: inline them (jsonSchemaToResponseSchema does)",
  additionalProperties: "the legacy dialect cannot describe maps: use responseJsonSchema",
  prefixItems: "the legacy dialect cannot describe tuples: use responseJsonSchema",
  oneOf: "use anyOf",
  const: 'use {"type": "STRING", "format": "enum", "enum": [value]}',
  $schema: "remove it",
};

export const legacyUnknownField: RuleDefinition = {
  id: "legacy.unknown-field",
  severity: "error",
  dialects: ["responseSchema"],
  targets: targetsOf("responseSchema"),
  summary:
    "A key that is no field of the legacy Schema message under its JSON name or its proto name (both are accepted); the API fails the request.",
  evidence: [
    {
      kind: "error-message",
      message: `Invalid JSON payload received. Unknown name "$schema" at 'generation_config.response_schema': Cannot find field.`,
      source: "https://github.com/QuantumNous/new-api/pull/1037",
    },
    {
      kind: "error-message",
      message: `Invalid JSON payload received. Unknown name "uniqueItems" at 'request.tools[0].function_declarations[83].parameters.properties[0].value.items.properties[3].value': Cannot find field.`,
      source: "https://github.com/decolua/9router/pull/3018",
    },
    {
      kind: "accepted",
      what: "proto field names any_of and property_ordering in responseSchema (gemini-2.0-flash), answered 200",
      files: SNAKE_CASE_SCHEMA_FILES,
    },
  ],
  check(doc, report) {
    for (const s of doc.subschemas)
      for (const key of Object.keys(s.schema)) {
        const name = schemaFieldName(key);
        if (LEGACY_KNOWN.has(name) || LEGACY_WEAK.has(name)) continue;
        report(
          child(s.pointer, key),
          `the legacy Schema has no field "${key}"; Gemini rejects the request`,
          LEGACY_HINTS[key] ?? "remove it, or use responseJsonSchema",
        );
      }
  },
};

/** Fields of the Schema message whose effect on generation nothing published states. */
const UNENFORCED = new Set(["minLength", "maxLength", "pattern", "minProperties", "maxProperties"]);

export const legacyUnenforcedField: RuleDefinition = {
  id: "legacy.unenforced-field",
  severity: "warning",
  dialects: ["responseSchema"],
  targets: targetsOf("responseSchema"),
  summary:
    "A string-length, pattern or property-count constraint: a field of the Schema message, accepted, but nothing says generation keeps to it.",
  evidence: [
    {
      kind: "reference",
      quote: "Optional. Pattern of the Type.STRING to restrict a string to a regular expression.",
      source: `${DISCOVERY}, Schema.pattern`,
    },
    {
      kind: "error-message",
      message: "Unable to submit request because one or more response schemas specified unsupported field min_length",
      source: "https://github.com/googleapis/python-aiplatform/issues/4510",
    },
  ],
  conflict:
    "Google's reference lists these fields on Schema, but a 501 quoted from Vertex AI (2024) called min_length unsupported in response schemas, and nothing published says whether the Gemini API enforces them in structured output.",
  check(doc, report) {
    for (const s of doc.subschemas)
      for (const key of Object.keys(s.schema))
        if (UNENFORCED.has(schemaFieldName(key)))
          report(
            child(s.pointer, key),
            `"${key}" is accepted but may not be enforced in structured output`,
            "validate it on the response yourself",
          );
  },
};

export const keywordRules: readonly RuleDefinition[] = [unsupportedKeyword, legacyUnknownField, legacyUnenforcedField];
