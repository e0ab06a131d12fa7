// Where the evidence of several rules comes from, named once. Paths of recorded requests are relative to
// ../shared/fixtures/real; Discovery is the Gemini API's own discovery document (../shared/upstream/discovery).

export const DISCOVERY =
  "https://generativelanguage.googleapis.com/$discovery/rest?version=v1beta (../shared/upstream/discovery/generativelanguage.v1beta.20260325.json)";

/** Discovery, GenerationConfig._responseJsonSchema: the keywords responseJsonSchema supports. */
export const JSON_SCHEMA_SUPPORT_QUOTE =
  "While the full JSON Schema may be sent, not all features are supported. Specifically, only the following properties are supported: - `$id` - `$defs` - `$ref` - `$anchor` - `type` - `format` - `title` - `description` - `enum` (for strings and numbers) - `items` - `prefixItems` - `minItems` - `maxItems` - `minimum` - `maximum` - `anyOf` - `oneOf` (interpreted the same as `anyOf`) - `properties` - `additionalProperties` - `required`";

export const DISCOVERY_RESPONSE_JSON_SCHEMA = `${DISCOVERY}, GenerationConfig._responseJsonSchema`;

/** Legacy schemas with lower-case type names in requests the API answered 200. */
export const LOWERCASE_TYPE_FILES = [
  "request/pydantic-ai-test_gemini_native_output_multiple.json",
  "request/pydantic-ai-test_gemini_tool_config_any_with_tool_without_args-i0.json",
  "request/llm-gemini-test_prompt_with_pydantic_schema.json",
  "request/llm-gemini-test_tools-i0.json",
  "request/llm-gemini-test_tools_with_gemini_3_thought_signatures-i1.json",
  "request/llm-gemini-hist-test_prompt_with_pydantic_schema.json",
];

/** A legacy schema under proto field names (`any_of`, `property_ordering`) the API answered 200 (gemini-2.0-flash). */
export const SNAKE_CASE_SCHEMA_FILES = ["request/pydantic-ai-test_google_native_output_multiple.json"];
