// Rules of a FunctionDeclaration (tools[].functionDeclarations[]): its parameter schema must describe an object, the
// two spellings of a schema (legacy `parameters` / JSON `parametersJsonSchema`, likewise for the response) exclude
// each other, and its name follows the characters and length Google documents. The schema rule runs wherever a
// parameters schema is linted (lint-schema --target, lintRequest); the declaration rules need the whole request.
import { isObject, type Json, type JsonObject } from "../json-schema-types.ts";
import { requestOf } from "../../request/document.ts";
import type { DeclarationView } from "../../request/view.ts";
import type { LintDocument } from "./context.ts";
import { type Evidence, type Report, type RuleDefinition } from "./rule.ts";

const DISCOVERY =
  "Discovery generativelanguage v1beta 20260325 (../shared/upstream/discovery/generativelanguage.v1beta.20260325.json)";
const FUNCTION_FIELDS = ["parameters", "parametersJsonSchema", "response", "responseJsonSchema"] as const;

// --- parameters must describe an object ---------------------------------------------------------------------------

/** Resolve a local `#/$defs/X` or `#/definitions/X` reference against the root. */
function resolveLocal(root: JsonObject, ref: string): Json | undefined {
  const m = /^#\/(\$defs|definitions)\/([^/]+)$/.exec(ref);
  const defs = m ? root[m[1]!] : undefined;
  return m && isObject(defs) ? defs[decodeURIComponent(m[2]!).replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
}

const isObjectTypeName = (t: Json | undefined) => typeof t === "string" && t.toUpperCase() === "OBJECT";

/** Whether a schema only admits objects: an object type (any case; a type list of object and null), a local $ref to
 * one, or an anyOf/oneOf whose every branch does. */
function describesObject(s: Json, root: JsonObject, seen = new Set<Json>()): boolean {
  if (!isObject(s) || seen.has(s)) return false;
  seen.add(s);
  const type = s.type;
  if (isObjectTypeName(type)) return true;
  if (Array.isArray(type)) return type.some(isObjectTypeName) && type.every((t) => isObjectTypeName(t) || t === "null");
  if (type !== undefined) return false;
  if (typeof s.$ref === "string") {
    const target = resolveLocal(root, s.$ref);
    return target !== undefined && describesObject(target, root, seen);
  }
  for (const key of ["anyOf", "any_of", "oneOf"]) {
    const branches = s[key];
    if (Array.isArray(branches) && branches.length > 0) return branches.every((b) => describesObject(b, root, seen));
  }
  return false;
}

export const parametersObject: RuleDefinition = {
  id: "function.parameters-object",
  severity: "error",
  dialects: ["responseJsonSchema", "responseSchema"],
  targets: ["parametersJsonSchema", "parameters"],
  summary:
    "A function's parameter schema whose root does not describe an object (type object, or a $ref / anyOf leading only to objects).",
  evidence: [
    {
      kind: "reference",
      quote: "The schema must describe an object where the properties are the parameters to the function.",
      source: `${DISCOVERY}: FunctionDeclaration.parametersJsonSchema`,
    },
    {
      kind: "error-message",
      message:
        "Unable to submit request because terminal_last_command functionDeclaration parameters schema should be of type OBJECT",
      source: "https://github.com/diegosouzapw/OmniRoute/pull/3360",
      model: "Gemini on Vertex AI (legacy `parameters` with properties but no type)",
    },
    {
      kind: "accepted",
      files: [
        "request/pydantic-ai-test_gemini_drop_exclusive_maximum-i1.json",
        "request/pydantic-ai-test_gemini_tool_config_any_with_tool_without_args-i0.json",
      ],
      what: 'parameters_json_schema with "type": "object", and legacy parameters with "type": "object" (lower case), answered 200',
    },
  ],
  check(doc: LintDocument, report: Report) {
    if (!isObject(doc.root) || describesObject(doc.root, doc.root)) return;
    const given = doc.root.type;
    report(
      doc.base,
      given === undefined
        ? "a function's parameters schema has no type; it must describe an object"
        : `a function's parameters schema has type ${JSON.stringify(given)}; it must describe an object`,
      'give the root "type": "object" and put each parameter under "properties"',
    );
  },
};

// --- declaration rules (scope "request") -------------------------------------------------------------------------

function eachDeclaration(doc: LintDocument, visit: (d: DeclarationView) => void): void {
  for (const d of requestOf(doc)?.declarations ?? []) visit(d);
}

const EXCLUSIVE_PAIRS = [
  ["parameters", "parametersJsonSchema"],
  ["response", "responseJsonSchema"],
] as const;

export const schemaFieldsExclusive: RuleDefinition = {
  id: "function.schema-fields-exclusive",
  severity: "error",
  scope: "request",
  dialects: ["responseJsonSchema", "responseSchema"],
  targets: [...FUNCTION_FIELDS],
  summary:
    "A function declaration that sets both parameters and parametersJsonSchema, or both response and responseJsonSchema.",
  evidence: [
    {
      kind: "reference",
      quote: "This field is mutually exclusive with `parameters`.",
      source: `${DISCOVERY}: FunctionDeclaration.parametersJsonSchema`,
    },
    {
      kind: "reference",
      quote: "This field is mutually exclusive with `response`.",
      source: `${DISCOVERY}: FunctionDeclaration.responseJsonSchema`,
    },
    {
      kind: "accepted",
      files: [
        "request/js-genai-MCP_related_client_Tests_generateContent_ML_Dev_test_with_greeter_server__structured_output__error_thrown_by_t-i0.json",
      ],
      what: "a declaration with parametersJsonSchema and responseJsonSchema (one of each pair) answered 200",
    },
  ],
  check(doc, report) {
    eachDeclaration(doc, (d) => {
      for (const [legacy, json] of EXCLUSIVE_PAIRS) {
        const a = d.get(legacy);
        const b = d.get(json);
        if (a && b)
          report(
            b.pointer,
            `${a.key} and ${b.key} are both set; a function declaration takes only one of them`,
            `keep ${b.key} (JSON Schema) or ${a.key} (legacy Schema), not both`,
          );
      }
    });
  },
};

/** Characters Google lists for a function name; the 400s add that it starts with a letter or an underscore. */
const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;
const NAME_MAX_REFERENCE = 128;
const NAME_MAX_OBSERVED = 64;

const NAME_REFERENCE: Evidence = {
  kind: "reference",
  quote: "Must be a-z, A-Z, 0-9, or contain underscores, colons, dots, and dashes, with a maximum length of 128.",
  source: `${DISCOVERY}: FunctionDeclaration.name`,
};
const NAME_ERROR_WITH_COLONS: Evidence = {
  kind: "error-message",
  message:
    "Invalid function name. Must start with a letter or an underscore. Must be a-z, A-Z, 0-9, or contain underscores (_), dots (.), colons (:), or dashes (-), with a maximum length of 64.",
  source: "https://github.com/kaitranntt/ccs/issues/25",
};
const NAME_ERROR_OLDER: Evidence = {
  kind: "error-message",
  message:
    "Invalid function name. Must start with a letter or an underscore. Must be alphameric (a-z, A-Z, 0-9), underscores (_), dots (.) or dashes (-), with a maximum length of 64.",
  source: "https://github.com/google-gemini/gemini-cli/issues/6704",
  model: "gemini-2.5-pro",
};

function nameOf(d: DeclarationView): { value: unknown; pointer: string } {
  const found = d.get("name");
  return found ? { value: found.value, pointer: found.pointer } : { value: undefined, pointer: d.pointer };
}

export const nameCharacters: RuleDefinition = {
  id: "function.name-invalid",
  severity: "error",
  scope: "request",
  dialects: ["responseJsonSchema", "responseSchema"],
  targets: [...FUNCTION_FIELDS],
  summary:
    "A function name that is missing or empty, does not start with a letter or an underscore, or has a character other than letters, digits, _ . : -.",
  evidence: [
    NAME_REFERENCE,
    NAME_ERROR_WITH_COLONS,
    NAME_ERROR_OLDER,
    {
      kind: "accepted",
      files: ["request/pydantic-ai-test_gemini_drop_exclusive_maximum-i1.json"],
      what: "a declaration named get_chinese_zodiac answered 200",
    },
  ],
  check(doc, report) {
    eachDeclaration(doc, (d) => {
      const { value, pointer } = nameOf(d);
      if (typeof value !== "string" || value === "")
        report(pointer, "a function declaration needs a non-empty name", "name the function, e.g. get_weather");
      else if (!NAME_PATTERN.test(value))
        report(
          pointer,
          `function name ${JSON.stringify(value)} is not allowed: it must start with a letter or _ and use only a-z, A-Z, 0-9, _ . : -`,
          "replace the other characters, e.g. by _",
        );
    });
  },
};

export const nameTooLong: RuleDefinition = {
  id: "function.name-too-long",
  severity: "error",
  scope: "request",
  dialects: ["responseJsonSchema", "responseSchema"],
  targets: [...FUNCTION_FIELDS],
  summary: `A function name longer than ${NAME_MAX_REFERENCE} characters, past every limit Google states.`,
  evidence: [NAME_REFERENCE, NAME_ERROR_WITH_COLONS],
  check(doc, report) {
    eachDeclaration(doc, (d) => {
      const { value, pointer } = nameOf(d);
      if (typeof value === "string" && value.length > NAME_MAX_REFERENCE)
        report(
          pointer,
          `function name is ${value.length} characters long; the limit is ${NAME_MAX_REFERENCE}`,
          `shorten it to ${NAME_MAX_OBSERVED} characters or fewer`,
        );
    });
  },
};

export const nameLengthConflict: RuleDefinition = {
  id: "function.name-length-conflict",
  severity: "warning",
  scope: "request",
  dialects: ["responseJsonSchema", "responseSchema"],
  targets: [...FUNCTION_FIELDS],
  summary: `A function name of ${NAME_MAX_OBSERVED + 1} to ${NAME_MAX_REFERENCE} characters, which the reference allows and the API's own 400 message forbids.`,
  conflict: `Discovery gives a maximum length of ${NAME_MAX_REFERENCE}; every published 400 for an invalid name says ${NAME_MAX_OBSERVED}. No recording shows a longer name accepted.`,
  evidence: [NAME_REFERENCE, NAME_ERROR_WITH_COLONS, NAME_ERROR_OLDER],
  check(doc, report) {
    eachDeclaration(doc, (d) => {
      const { value, pointer } = nameOf(d);
      if (typeof value === "string" && value.length > NAME_MAX_OBSERVED && value.length <= NAME_MAX_REFERENCE)
        report(
          pointer,
          `function name is ${value.length} characters long: the reference allows ${NAME_MAX_REFERENCE}, the API's 400 message says ${NAME_MAX_OBSERVED}`,
          `shorten it to ${NAME_MAX_OBSERVED} characters or fewer`,
        );
    });
  },
};

export const functionRules: readonly RuleDefinition[] = [
  parametersObject,
  schemaFieldsExclusive,
  nameCharacters,
  nameTooLong,
  nameLengthConflict,
];
