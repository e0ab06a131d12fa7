// The empty-string enum value in the JSON Schema dialect (responseJsonSchema, parametersJsonSchema). Every quoted 400
// names the legacy `parameters` path, so whether the JSON fields reject it too is not settled: a warning that says so.
import { child } from "./context.ts";
import type { RuleDefinition } from "./rule.ts";

export const jsonEnumEmptyValue: RuleDefinition = {
  id: "schema.enum-empty-value",
  severity: "warning",
  dialects: ["responseJsonSchema"],
  targets: ["responseJsonSchema", "parametersJsonSchema"],
  summary: "An enum value that is the empty string, which Gemini rejects in the legacy dialect and may reject here.",
  evidence: [
    {
      kind: "error-message",
      message:
        "GenerateContentRequest.tools[...].function_declarations[0].parameters.properties[proxyFilesConfig].properties[options].items.properties[cacheMaxAge].enum[0]: cannot be empty",
      source: "https://github.com/stape-io/stape-mcp-server/issues/35",
    },
    {
      kind: "error-message",
      message:
        "GenerateContentRequest.tools[6].function_declarations[0].parameters.properties[action].enum[3]: cannot be empty",
      source: "https://github.com/sbroenne/mcp-server-excel/issues/607",
    },
  ],
  conflict:
    "The 400s were reported through Gemini-based MCP clients, and Gemini CLI sends MCP tool schemas as parametersJsonSchema since google-gemini/gemini-cli#4176, yet every quoted message names the legacy `parameters` path; in stape-io/stape-mcp-server#35 the maintainer could not reproduce the error with Gemini CLI or Antigravity. No recorded or quoted request shows the JSON fields accepting or rejecting it.",
  check(doc, report) {
    for (const s of doc.subschemas) {
      const e = s.get("enum");
      if (e === undefined || !Array.isArray(e.value)) continue;
      e.value.forEach((v, i) => {
        if (v === "")
          report(
            child(s.pointer, e.key, i),
            `enum value ${i} is the empty string; Gemini rejects it in the legacy dialect ("cannot be empty") and reports of the JSON fields disagree`,
            "leave it out and make the property optional instead",
          );
      });
    }
  },
};

export const JSON_ENUM_RULES: readonly RuleDefinition[] = [jsonEnumEmptyValue];
