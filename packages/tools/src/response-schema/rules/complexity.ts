// Size and complexity: Gemini turns an output schema into a decoding constraint and refuses one with "too many
// states for serving". Google gives no numbers ("There is no exact guidance"), so these are warnings at sizes the
// public reports put near the failures:
//   - serialized schema: 14,600 bytes of tool schemas passed and 49,300 failed (receptron/MulmoChat#123), ~77 KB
//     failed in ANY mode (radishbuild/field-notes), ~200,000 characters failed (googleapis/python-genai#660) →
//     warn from 40,000 characters;
//   - one enum: about 100 values failed on Gemini 2.0 Flash and 260 still failed later (googleapis/python-genai#950)
//     → warn from 100 values.
// They apply to the schemas the model writes against (responses and function parameters), not to a function's
// `response` schema, which describes what the caller sends back.
import { child } from "./context.ts";
import type { Dialect, Evidence, RuleDefinition, Target } from "./rule.ts";

export const LARGE_SCHEMA_CHARACTERS = 40_000;
export const LARGE_ENUM_VALUES = 100;

const TOO_MANY_STATES: Evidence = {
  kind: "error-message",
  message:
    "The specified schema produces a constraint that has too many states for serving.  Typical causes of this error are schemas with lots of text (for example, very long property or enum names), schemas with long array length limits (especially when nested), or schemas using complex value matchers (for example, integers or numbers with minimum/maximum bounds or strings with complex formats like date-time)",
  source: "https://github.com/googleapis/python-genai/issues/660",
};
const DOCS_ON_COMPLEXITY: Evidence = {
  kind: "reference",
  quote:
    "A complex schema can result in an InvalidArgument: 400 error. Complexity might come from long property names, long array length limits, enums with many values, objects with lots of optional properties, or a combination of these factors.",
  source:
    "https://ai.google.dev/gemini-api/docs/structured-output (quoted in https://github.com/googleapis/python-genai/issues/950)",
};
const CONFLICT =
  "Google states no limit; schemas of the same size have passed and failed depending on their shape, model and function-calling mode, so the thresholds are taken from the smallest reported failures.";

const TARGETS: Record<Dialect, readonly Target[]> = {
  responseJsonSchema: ["responseJsonSchema", "parametersJsonSchema"],
  responseSchema: ["responseSchema", "parameters"],
};
const PREFIX: Record<Dialect, string> = { responseJsonSchema: "schema", responseSchema: "legacy" };

function largeSchema(dialect: Dialect): RuleDefinition {
  return {
    id: `${PREFIX[dialect]}.large-schema`,
    severity: "warning",
    dialects: [dialect],
    targets: TARGETS[dialect],
    summary: `A schema whose JSON text is ${LARGE_SCHEMA_CHARACTERS.toLocaleString("en")} characters or more, the size at which Gemini has refused schemas as having "too many states".`,
    evidence: [
      TOO_MANY_STATES,
      DOCS_ON_COMPLEXITY,
      {
        kind: "accepted",
        source: "https://github.com/receptron/MulmoChat/issues/123",
        what: "about 14,600 bytes of tool schemas were answered 200 (about 49,300 bytes failed with INVALID_ARGUMENT)",
      },
    ],
    conflict: CONFLICT,
    check(doc, report) {
      const size = JSON.stringify(doc.root).length;
      if (size >= LARGE_SCHEMA_CHARACTERS)
        report(
          doc.base,
          `this schema is ${size} characters of JSON; Gemini may refuse it as having "too many states for serving"`,
          "shorten descriptions and names, split it, or move rarely needed parts out",
        );
    },
  };
}

function largeEnum(dialect: Dialect): RuleDefinition {
  return {
    id: `${PREFIX[dialect]}.large-enum`,
    severity: "warning",
    dialects: [dialect],
    targets: TARGETS[dialect],
    summary: `An enum with ${LARGE_ENUM_VALUES} values or more; about that many were refused as too complex on Gemini 2.0 Flash (googleapis/python-genai#950), and Google gives no number.`,
    evidence: [DOCS_ON_COMPLEXITY, TOO_MANY_STATES],
    conflict: CONFLICT,
    check(doc, report) {
      for (const s of doc.subschemas) {
        const e = s.get("enum");
        if (e !== undefined && Array.isArray(e.value) && e.value.length >= LARGE_ENUM_VALUES)
          report(
            child(s.pointer, e.key),
            `this enum has ${e.value.length} values; Gemini may refuse the schema as too complex`,
            "group the values, or take a string and check it against the list yourself",
          );
      }
    },
  };
}

export const COMPLEXITY_RULES: readonly RuleDefinition[] = [
  largeSchema("responseJsonSchema"),
  largeSchema("responseSchema"),
  largeEnum("responseJsonSchema"),
  largeEnum("responseSchema"),
];
