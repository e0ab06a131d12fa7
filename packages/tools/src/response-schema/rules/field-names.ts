// JSON name → proto field name of every legacy `Schema` field and every `GenerationConfig` field, as in
// spec/imported/resources/{Schema,GenerationConfig}.json (test/lint/framework-fields.test.ts keeps them equal).
// The protobuf JSON mapping accepts a field under either name, so the linter reads both; kept as a table here so
// linting needs no spec load at run time.

export const SCHEMA_FIELD_PROTO_NAMES: Readonly<Record<string, string>> = {
  anyOf: "any_of",
  default: "default",
  description: "description",
  enum: "enum",
  example: "example",
  format: "format",
  items: "items",
  maxItems: "max_items",
  maxLength: "max_length",
  maxProperties: "max_properties",
  maximum: "maximum",
  minItems: "min_items",
  minLength: "min_length",
  minProperties: "min_properties",
  minimum: "minimum",
  nullable: "nullable",
  pattern: "pattern",
  properties: "properties",
  propertyOrdering: "property_ordering",
  required: "required",
  title: "title",
  type: "type",
};

/** Note the two JSON-schema fields: `responseJsonSchema` is proto `response_json_schema_ordered`, while
 * `_responseJsonSchema` is proto `response_json_schema`. */
export const GENERATION_CONFIG_FIELD_PROTO_NAMES: Readonly<Record<string, string>> = {
  _responseJsonSchema: "response_json_schema",
  candidateCount: "candidate_count",
  enableAffectiveDialog: "enable_affective_dialog",
  enableEnhancedCivicAnswers: "enable_enhanced_civic_answers",
  frequencyPenalty: "frequency_penalty",
  imageConfig: "image_config",
  logprobs: "logprobs",
  maxOutputTokens: "max_output_tokens",
  mediaResolution: "media_resolution",
  presencePenalty: "presence_penalty",
  responseJsonSchema: "response_json_schema_ordered",
  responseLogprobs: "response_logprobs",
  responseMimeType: "response_mime_type",
  responseModalities: "response_modalities",
  responseSchema: "response_schema",
  seed: "seed",
  speechConfig: "speech_config",
  stopSequences: "stop_sequences",
  temperature: "temperature",
  thinkingConfig: "thinking_config",
  topK: "top_k",
  topP: "top_p",
};

const PROTO_TO_JSON_SCHEMA = new Map(Object.entries(SCHEMA_FIELD_PROTO_NAMES).map(([json, proto]) => [proto, json]));
const PROTO_TO_JSON_CONFIG = new Map(
  Object.entries(GENERATION_CONFIG_FIELD_PROTO_NAMES).map(([json, proto]) => [proto, json]),
);

/** The keys a legacy Schema field may come under: its JSON name, then its proto name when that differs. */
export function spellingsOf(jsonName: string): string[] {
  const proto = SCHEMA_FIELD_PROTO_NAMES[jsonName];
  return proto && proto !== jsonName ? [jsonName, proto] : [jsonName];
}

/** The JSON name of a key of a legacy Schema (itself when it is one, or when unknown). */
export const schemaFieldName = (key: string): string => PROTO_TO_JSON_SCHEMA.get(key) ?? key;

/** The keys a GenerationConfig field may come under. */
export function configSpellingsOf(jsonName: string): string[] {
  const proto = GENERATION_CONFIG_FIELD_PROTO_NAMES[jsonName];
  return proto && proto !== jsonName ? [jsonName, proto] : [jsonName];
}

/** The JSON name of a key of a GenerationConfig. */
export const configFieldName = (key: string): string => PROTO_TO_JSON_CONFIG.get(key) ?? key;
