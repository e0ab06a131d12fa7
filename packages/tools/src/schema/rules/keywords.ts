// Keywords outside what Gemini accepts. responseJsonSchema: Gemini ignores what it does not know, so an assertion
// keyword it lacks is a warning (the model may return values outside it). responseSchema is a protobuf message:
// an unknown field name makes the request fail, so it is an error.
import { error, warning, type Diagnostic } from "../../diagnostics.ts";
import { JSON_SCHEMA_KEYWORDS, LEGACY_FIELDS, LEGACY_OTHER_FIELDS } from "../json-schema-types.ts";
import { at, child, type Rule } from "./context.ts";

/** Keywords that only annotate: ignoring them changes nothing the model may return. */
const ANNOTATIONS = new Set(["$schema", "$comment", "examples", "example", "default", "deprecated", "readOnly", "writeOnly", "$vocabulary", "$dynamicAnchor"]);
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

export const jsonKeywords: Rule = {
  ids: ["schema.unsupported-keyword"],
  dialects: ["responseJsonSchema"],
  check: (doc) => {
    const out: Diagnostic[] = [];
    for (const s of doc.subschemas) {
      for (const key of Object.keys(s.schema)) {
        if (SUPPORTED.has(key) || ANNOTATIONS.has(key) || OWN_RULE.has(key)) continue;
        out.push(
          warning(
            "schema.unsupported-keyword",
            `"${key}" is not supported by responseJsonSchema and is ignored, so the model may return values it excludes`,
            at(doc, child(s.pointer, key)),
            JSON_HINTS[key] ?? "validate it on the response yourself, or say it in the description",
          ),
        );
      }
    }
    return out;
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

export const legacyFields: Rule = {
  ids: ["legacy.unknown-field", "legacy.unenforced-field"],
  dialects: ["responseSchema"],
  check: (doc) => {
    const out: Diagnostic[] = [];
    for (const s of doc.subschemas) {
      for (const key of Object.keys(s.schema)) {
        if (LEGACY_KNOWN.has(key)) continue;
        if (LEGACY_WEAK.has(key)) {
          if (key !== "default" && key !== "example")
            out.push(warning("legacy.unenforced-field", `"${key}" is accepted by the API but not enforced in structured output`, at(doc, child(s.pointer, key)), "validate it on the response yourself"));
          continue;
        }
        out.push(error("legacy.unknown-field", `the legacy Schema has no field "${key}"; Gemini rejects the request`, at(doc, child(s.pointer, key)), LEGACY_HINTS[key] ?? "remove it, or use responseJsonSchema"));
      }
    }
    return out;
  },
};
