// A whole GenerationConfig, under JSON or proto field names (`responseMimeType` / `response_mime_type`): which
// schemas it carries (each linted for its own target) and the rules on the config itself — a schema needs a JSON
// (or enum) response MIME type, and only one of the two schema fields may be set.
import { isObject, type Json, type JsonObject } from "../json-schema-types.ts";
import { child, type Field, type LintDocument } from "./context.ts";
import { configFieldName, configSpellingsOf } from "./field-names.ts";
import type { RuleDefinition, Target } from "./rule.ts";
import { DISCOVERY } from "./sources.ts";

/** The fields that make an object a GenerationConfig to the linter (rather than a bare schema). */
const CONFIG_FIELDS = new Set(["responseMimeType", "responseSchema", "responseJsonSchema", "_responseJsonSchema"]);
export const SCHEMA_MIME_TYPES = ["application/json", "text/x.enum"];

/** Schema-carrying fields of a GenerationConfig and the target each is linted for. */
const SCHEMA_FIELDS: readonly [string, Target][] = [
  ["responseSchema", "responseSchema"],
  ["responseJsonSchema", "responseJsonSchema"],
  ["_responseJsonSchema", "responseJsonSchema"],
];

export const isGenerationConfig = (v: unknown): v is JsonObject =>
  isObject(v) && Object.keys(v).some((k) => CONFIG_FIELDS.has(configFieldName(k)));

/** Field `name` (JSON name) of a GenerationConfig under whichever spelling the input used. */
export function configField(config: JsonObject, name: string): Field | undefined {
  for (const key of configSpellingsOf(name)) if (config[key] !== undefined) return { key, value: config[key]! };
  return undefined;
}

/** Every schema the config carries: where it is (pointer, with the input's spelling) and its target. */
export function configSchemas(config: JsonObject, base = ""): { root: Json; pointer: string; target: Target }[] {
  return SCHEMA_FIELDS.flatMap(([name, target]) => {
    const got = configField(config, name);
    return got ? [{ root: got.value, pointer: child(base, got.key), target }] : [];
  });
}

const configOf = (doc: LintDocument): JsonObject | undefined => (isObject(doc.root) ? doc.root : undefined);
const jsonSchemaField = (config: JsonObject) =>
  configField(config, "responseJsonSchema") ?? configField(config, "_responseJsonSchema");

export const bothSchemas: RuleDefinition = {
  id: "config.both-schemas",
  severity: "error",
  scope: "generationConfig",
  dialects: ["responseJsonSchema", "responseSchema"],
  targets: ["responseJsonSchema", "responseSchema"],
  summary: "A GenerationConfig with both responseSchema and responseJsonSchema set, which Google's reference forbids.",
  evidence: [
    {
      kind: "reference",
      quote:
        "This is an alternative to `response_schema` that accepts [JSON Schema](https://json-schema.org/). If set, `response_schema` must be omitted, but `response_mime_type` is required.",
      source: `${DISCOVERY}, GenerationConfig._responseJsonSchema`,
    },
  ],
  check(doc, report) {
    const config = configOf(doc);
    if (!config) return;
    const json = jsonSchemaField(config);
    if (json && configField(config, "responseSchema"))
      report(
        child(doc.base, json.key),
        `responseSchema and ${json.key} are both set; Gemini accepts only one`,
        "keep one of them",
      );
  },
};

export const mimeType: RuleDefinition = {
  id: "config.mime-type",
  severity: "error",
  scope: "generationConfig",
  dialects: ["responseJsonSchema", "responseSchema"],
  targets: ["responseJsonSchema", "responseSchema"],
  summary:
    "A response schema without a response MIME type that goes with it (application/json, or text/x.enum), which Google's reference requires.",
  evidence: [
    {
      kind: "reference",
      quote:
        "If set, a compatible `response_mime_type` must also be set. Compatible MIME types: `application/json`: Schema for JSON response.",
      source: `${DISCOVERY}, GenerationConfig.responseSchema`,
    },
    {
      kind: "reference",
      quote: "`text/x.enum`: ENUM as a string response in the response candidates.",
      source: `${DISCOVERY}, GenerationConfig.responseMimeType`,
    },
  ],
  check(doc, report) {
    const config = configOf(doc);
    if (!config || (!configField(config, "responseSchema") && !jsonSchemaField(config))) return;
    const mime = configField(config, "responseMimeType");
    if (mime !== undefined && typeof mime.value === "string" && SCHEMA_MIME_TYPES.includes(mime.value)) return;
    report(
      mime === undefined ? doc.base : child(doc.base, mime.key),
      mime === undefined
        ? "a response schema is set but responseMimeType is not"
        : `${mime.key} ${JSON.stringify(mime.value)} does not go with a response schema`,
      'set "responseMimeType": "application/json" (or "text/x.enum" for a single string enum)',
    );
  },
};

export const generationConfigRules: readonly RuleDefinition[] = [bothSchemas, mimeType];
