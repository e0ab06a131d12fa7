// Value-level rules: enum members, const, type names and format values.
import { LEGACY_TYPES } from "../json-schema-types.ts";
import { child, typeOf } from "./context.ts";
import { targetsOf, type RuleDefinition } from "./rule.ts";
import {
  DISCOVERY,
  DISCOVERY_RESPONSE_JSON_SCHEMA,
  JSON_SCHEMA_SUPPORT_QUOTE,
  LOWERCASE_TYPE_FILES,
} from "./sources.ts";

const JSON_TYPES = new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);
const LEGACY_TYPE_NAMES = new Set<string>(LEGACY_TYPES);

const enumHint = (v: unknown) =>
  v === null
    ? 'drop null from enum and allow it with anyOf: [{…enum…}, {"type": "null"}]'
    : typeof v === "boolean"
      ? 'use {"type": "boolean"}'
      : "use string values";

export const jsonEnumValue: RuleDefinition = {
  id: "schema.enum-value",
  severity: "warning",
  dialects: ["responseJsonSchema"],
  targets: targetsOf("responseJsonSchema"),
  summary:
    "An enum that is not a list, or an enum member that is neither a string nor a number (Google documents enum for strings and numbers only).",
  evidence: [{ kind: "reference", quote: "`enum` (for strings and numbers)", source: DISCOVERY_RESPONSE_JSON_SCHEMA }],
  conflict:
    "Google names the supported member types but no published request shows what Gemini does with a boolean or null member (rejected or ignored).",
  check(doc, report) {
    for (const s of doc.subschemas) {
      const got = s.get("enum");
      if (got === undefined) continue;
      if (!Array.isArray(got.value)) {
        report(child(s.pointer, got.key), "enum is not a list", "write the allowed values as a JSON array");
        continue;
      }
      got.value.forEach((v, i) => {
        if (typeof v !== "string" && typeof v !== "number")
          report(
            child(s.pointer, got.key, i),
            `enum value ${JSON.stringify(v)} is neither a string nor a number, which is all Gemini documents for enum`,
            enumHint(v),
          );
      });
    }
  },
};

export const legacyEnumValue: RuleDefinition = {
  id: "legacy.enum-value",
  severity: "error",
  dialects: ["responseSchema"],
  targets: targetsOf("responseSchema"),
  summary:
    "A legacy enum that is not a list of strings: Schema.enum is a repeated string field, and any other member fails the request.",
  evidence: [
    {
      kind: "error-message",
      message:
        "Invalid value at 'request.tools[0].function_declarations[188].parameters.properties[3].value.enum[0]' (TYPE_STRING), 1",
      source: "https://github.com/google-gemini/gemini-cli/issues/4120",
    },
  ],
  check(doc, report) {
    for (const s of doc.subschemas) {
      const got = s.get("enum");
      if (got === undefined) continue;
      if (!Array.isArray(got.value)) {
        report(
          child(s.pointer, got.key),
          "enum must be a list of strings",
          "write the allowed values as a JSON array of strings",
        );
        continue;
      }
      got.value.forEach((v, i) => {
        if (typeof v !== "string")
          report(
            child(s.pointer, got.key, i),
            `enum value ${JSON.stringify(v)} is not a string; Gemini rejects the request`,
            enumHint(v),
          );
      });
    }
  },
};

export const jsonConst: RuleDefinition = {
  id: "schema.const",
  severity: "warning",
  dialects: ["responseJsonSchema"],
  targets: targetsOf("responseJsonSchema"),
  summary: "`const`, which is not on the list of keywords Gemini supports: accepted and ignored.",
  evidence: [{ kind: "reference", quote: JSON_SCHEMA_SUPPORT_QUOTE, source: DISCOVERY_RESPONSE_JSON_SCHEMA }],
  check(doc, report) {
    for (const s of doc.subschemas) {
      const got = s.get("const");
      if (got !== undefined)
        report(
          child(s.pointer, got.key),
          "`const` is not supported by Gemini and is ignored",
          `use "enum": [${JSON.stringify(got.value)}]`,
        );
    }
  },
};

export const jsonType: RuleDefinition = {
  id: "schema.type",
  severity: "warning",
  dialects: ["responseJsonSchema"],
  targets: targetsOf("responseJsonSchema"),
  summary: "A type name that is not one of JSON Schema's seven.",
  evidence: [{ kind: "reference", quote: JSON_SCHEMA_SUPPORT_QUOTE, source: DISCOVERY_RESPONSE_JSON_SCHEMA }],
  conflict:
    "Google lists `type` as supported but no published request shows whether an unknown type name is rejected or ignored.",
  check(doc, report) {
    for (const s of doc.subschemas) {
      const got = s.get("type");
      if (got === undefined) continue;
      const names = Array.isArray(got.value) ? got.value : [got.value];
      names.forEach((n, i) => {
        if (typeof n !== "string" || !JSON_TYPES.has(n))
          report(
            Array.isArray(got.value) ? child(s.pointer, got.key, i) : child(s.pointer, got.key),
            `unknown type ${JSON.stringify(n)}`,
            `use one of ${[...JSON_TYPES].join(", ")}`,
          );
      });
    }
  },
};

export const legacyType: RuleDefinition = {
  id: "legacy.type",
  severity: "error",
  dialects: ["responseSchema"],
  targets: targetsOf("responseSchema"),
  summary:
    "A type that is not one name of the Type enum, in any case (lower-case names are accepted): a list of types, or a name the enum lacks, refused the way `null` was before NULL joined the enum.",
  evidence: [
    {
      kind: "error-message",
      message: `Invalid JSON payload received. Unknown name "type" at 'generation_config.response_schema.properties[2].value': Proto field is not repeating, cannot start list.`,
      source: "https://github.com/Helicone/helicone/pull/5585",
    },
    {
      kind: "error-message",
      message: `Invalid value at 'generation_config.response_schema.properties[4].value.any_of[1].type' (type.googleapis.com/google.ai.generativelanguage.v1beta.Type), "null"`,
      source: "https://github.com/simonw/llm-gemini/issues/49",
    },
    {
      kind: "accepted",
      what: "lower-case type names (object, string, integer) in responseSchema and function parameters, answered 200",
      files: LOWERCASE_TYPE_FILES,
    },
    {
      kind: "accepted",
      what: "lower-case type names in Google's own REST function-calling sample",
      source: "https://github.com/google-gemini/cookbook/blob/main/quickstarts/rest/Function_calling_REST.ipynb",
    },
    {
      kind: "accepted",
      what: "a live request with lower-case types in responseSchema to Gemini 2.5 Flash answered 200",
      source: "https://github.com/vercel/ai/pull/17210",
    },
  ],
  check(doc, report) {
    for (const s of doc.subschemas) {
      const got = s.get("type");
      if (got === undefined) continue;
      const name = typeOf(s);
      if (name !== undefined && LEGACY_TYPE_NAMES.has(name)) continue;
      report(
        child(s.pointer, got.key),
        Array.isArray(got.value)
          ? `type is a list (${JSON.stringify(got.value)}); the legacy Schema takes one type`
          : `type ${JSON.stringify(got.value)} is not a value of the Type enum (${LEGACY_TYPES.join(", ")})`,
        Array.isArray(got.value)
          ? 'use one type and "nullable": true, or anyOf'
          : `use one of ${LEGACY_TYPES.join(", ")}`,
      );
    }
  },
};

/** Formats Gemini's JSON-schema support is taken to act on (see the rule's conflict). */
const JSON_FORMATS = new Set(["date-time", "date", "time"]);

export const jsonFormat: RuleDefinition = {
  id: "schema.format-unenforced",
  severity: "warning",
  dialects: ["responseJsonSchema"],
  targets: targetsOf("responseJsonSchema"),
  summary: "A string format other than date-time, date or time: accepted, but nothing says generation keeps to it.",
  evidence: [
    { kind: "reference", quote: JSON_SCHEMA_SUPPORT_QUOTE, source: DISCOVERY_RESPONSE_JSON_SCHEMA },
    {
      kind: "reference",
      quote:
        "Optional. The format of the data. Any value is allowed, but most do not trigger any special functionality.",
      source: `${DISCOVERY}, Schema.format`,
    },
  ],
  conflict:
    "Google lists `format` as supported for responseJsonSchema without naming values; for the legacy Schema it says most values do nothing. Which values are enforced is not published.",
  check(doc, report) {
    for (const s of doc.subschemas) {
      const got = s.get("format");
      if (got === undefined || (typeof got.value === "string" && JSON_FORMATS.has(got.value))) continue;
      report(
        child(s.pointer, got.key),
        `format ${JSON.stringify(got.value)} is accepted but may not be enforced`,
        "validate it on the response yourself, or say it in the description",
      );
    }
  },
};

export const valueRules: readonly RuleDefinition[] = [
  jsonEnumValue,
  legacyEnumValue,
  jsonConst,
  jsonType,
  legacyType,
  jsonFormat,
];
