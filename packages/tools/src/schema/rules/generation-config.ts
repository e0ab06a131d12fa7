// Checks on a whole GenerationConfig: a schema needs a JSON (or enum) response MIME type, and only one of the two
// schema fields may be set.
import { error, type Diagnostic } from "../../diagnostics.ts";
import { isObject, type JsonObject } from "../json-schema-types.ts";

export const CONFIG_KEYS = ["responseMimeType", "responseSchema", "responseJsonSchema", "_responseJsonSchema"] as const;
export const SCHEMA_MIME_TYPES = ["application/json", "text/x.enum"];

export const isGenerationConfig = (v: unknown): v is JsonObject => isObject(v) && CONFIG_KEYS.some((k) => k in v);

export function checkGenerationConfig(config: JsonObject, file?: string): Diagnostic[] {
  const loc = (pointer: string) => ({ ...(file ? { file } : {}), pointer });
  const out: Diagnostic[] = [];
  const jsonKey = "responseJsonSchema" in config ? "responseJsonSchema" : "_responseJsonSchema" in config ? "_responseJsonSchema" : undefined;
  const hasLegacy = config.responseSchema !== undefined;
  if (hasLegacy && jsonKey)
    out.push(error("config.both-schemas", `responseSchema and ${jsonKey} are both set; Gemini accepts only one`, loc(`/${jsonKey}`), "keep one of them"));
  if (hasLegacy || jsonKey) {
    const mime = config.responseMimeType;
    if (typeof mime !== "string" || !SCHEMA_MIME_TYPES.includes(mime))
      out.push(
        error(
          "config.mime-type",
          mime === undefined ? "a response schema is set but responseMimeType is not" : `responseMimeType ${JSON.stringify(mime)} does not go with a response schema`,
          loc(mime === undefined ? "" : "/responseMimeType"),
          'set "responseMimeType": "application/json" (or "text/x.enum" for a single string enum)',
        ),
      );
  }
  return out;
}
