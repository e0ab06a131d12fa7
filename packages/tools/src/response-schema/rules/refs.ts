// `$ref` rules: a reference must resolve inside the document, and what may stand beside it. Google's reference allows
// only `$`-keywords beside `$ref`; the one server message ever quoted allows exactly description and default. Where
// the two agree (any other keyword) it is an error; where they disagree (description, default) a warning.
import { parsePointer } from "../../util/json-pointer.ts";
import { isObject, type Json } from "../json-schema-types.ts";
import { child, type LintDocument } from "./context.ts";
import { targetsOf, type RuleDefinition } from "./rule.ts";
import { DISCOVERY_RESPONSE_JSON_SCHEMA, JSON_SCHEMA_SUPPORT_QUOTE } from "./sources.ts";

/** Resolve a local `$ref` ("#", "#/json/pointer" or "#anchor") to the pointer of its target inside doc.root. */
export function resolveRef(doc: LintDocument, ref: string): string | undefined {
  if (!ref.startsWith("#")) return undefined;
  let fragment: string;
  try {
    fragment = decodeURIComponent(ref.slice(1));
  } catch {
    return undefined;
  }
  if (fragment === "" || fragment.startsWith("/")) {
    let node: Json | undefined = doc.root;
    let segments: string[];
    try {
      segments = parsePointer(fragment);
    } catch {
      return undefined;
    }
    for (const seg of segments) {
      node = isObject(node) ? node[seg] : Array.isArray(node) ? node[Number(seg)] : undefined;
      if (node === undefined) return undefined;
    }
    return isObject(node) ? doc.base + fragment : undefined;
  }
  return doc.subschemas.find((s) => s.schema.$anchor === fragment)?.pointer;
}

const REF_SIBLINGS_REFERENCE = {
  kind: "reference",
  quote: "If `$ref` is set on a sub-schema, no other properties, except for than those starting as a `$`, may be set.",
  source: DISCOVERY_RESPONSE_JSON_SCHEMA,
} as const;
const REF_SIBLINGS_MESSAGE = {
  kind: "error-message",
  message:
    "$ref 'QuestionOption' was set alongside unsupported fields. If a schema node has $ref set, then only description and default can be set alongside it",
  source: "https://github.com/anomalyco/opencode/issues/12295",
} as const;
/** Siblings the quoted server message allows although the reference does not. */
const MESSAGE_ALLOWS = new Set(["description", "default"]);

const siblingsOf = (schema: Record<string, Json>) => Object.keys(schema).filter((k) => !k.startsWith("$"));
const wrapHint = (ref: Json, siblings: string[]) =>
  `wrap the reference: {"anyOf": [{"$ref": ${JSON.stringify(ref)}}], ${siblings.map((k) => `${JSON.stringify(k)}: …`).join(", ")}}`;

export const unresolvedRef: RuleDefinition = {
  id: "schema.unresolved-ref",
  severity: "error",
  dialects: ["responseJsonSchema"],
  targets: targetsOf("responseJsonSchema"),
  summary: "A `$ref` that does not resolve inside the schema (Gemini resolves only local references).",
  evidence: [
    {
      kind: "error-message",
      message: "reference to undefined schema at properties.target_object.anyOf.1",
      source: "https://github.com/google-gemini/gemini-cli/issues/13326",
    },
  ],
  check(doc, report) {
    for (const s of doc.subschemas) {
      const ref = s.schema.$ref;
      if (ref !== undefined && (typeof ref !== "string" || resolveRef(doc, ref) === undefined))
        report(
          child(s.pointer, "$ref"),
          `$ref ${JSON.stringify(ref)} does not resolve inside this schema`,
          "point it at an entry of $defs, e.g. #/$defs/Name",
        );
    }
  },
};

export const refSiblings: RuleDefinition = {
  id: "schema.ref-siblings",
  severity: "error",
  dialects: ["responseJsonSchema"],
  targets: targetsOf("responseJsonSchema"),
  summary:
    "A keyword other than description, default or a `$`-keyword beside `$ref`: both Google's reference and the server's message forbid it.",
  evidence: [REF_SIBLINGS_REFERENCE, REF_SIBLINGS_MESSAGE],
  check(doc, report) {
    for (const s of doc.subschemas) {
      if (s.schema.$ref === undefined) continue;
      const siblings = siblingsOf(s.schema).filter((k) => !MESSAGE_ALLOWS.has(k));
      if (siblings.length)
        report(
          s.pointer,
          `$ref has sibling keywords (${siblings.join(", ")}); Gemini rejects keywords beside $ref`,
          wrapHint(s.schema.$ref, siblings),
        );
    }
  },
};

export const refAnnotationSiblings: RuleDefinition = {
  id: "schema.ref-annotation-siblings",
  severity: "warning",
  dialects: ["responseJsonSchema"],
  targets: targetsOf("responseJsonSchema"),
  summary:
    "description or default beside `$ref`: Google's reference forbids it, the server's own message allows exactly these two.",
  evidence: [REF_SIBLINGS_REFERENCE, REF_SIBLINGS_MESSAGE],
  conflict:
    "The reference allows only `$`-keywords beside `$ref`; the 400 Gemini returned names description and default as the two fields allowed beside it.",
  check(doc, report) {
    for (const s of doc.subschemas) {
      if (s.schema.$ref === undefined) continue;
      const siblings = siblingsOf(s.schema).filter((k) => MESSAGE_ALLOWS.has(k));
      if (siblings.length)
        report(
          s.pointer,
          `$ref has ${siblings.join(" and ")} beside it, which the server allows but Google's reference does not`,
          wrapHint(s.schema.$ref, siblings),
        );
    }
  },
};

export const draft07Definitions: RuleDefinition = {
  id: "schema.definitions",
  severity: "warning",
  dialects: ["responseJsonSchema"],
  targets: targetsOf("responseJsonSchema"),
  summary:
    "draft-07 `definitions`, or a `$ref` into it: Google lists `$defs` but not `definitions`, and no published result says whether such references resolve.",
  evidence: [{ kind: "reference", quote: JSON_SCHEMA_SUPPORT_QUOTE, source: DISCOVERY_RESPONSE_JSON_SCHEMA }],
  conflict: "Evidence is missing either way: no quoted 400 and no accepted request uses `definitions`.",
  check(doc, report) {
    const hint = 'rename "definitions" to "$defs" and "#/definitions/" to "#/$defs/" in every $ref';
    for (const s of doc.subschemas) {
      if (s.pointer === doc.base && isObject(s.schema.definitions))
        report(
          child(s.pointer, "definitions"),
          "draft-07 `definitions` is not on Gemini's list of keywords (`$defs` is)",
          hint,
        );
      const ref = s.schema.$ref;
      if (typeof ref === "string" && ref.startsWith("#/definitions/") && resolveRef(doc, ref) !== undefined)
        report(child(s.pointer, "$ref"), `$ref ${ref} points into draft-07 \`definitions\``, 'use "#/$defs/…"');
    }
  },
};

export const refRules: readonly RuleDefinition[] = [
  unresolvedRef,
  refSiblings,
  refAnnotationSiblings,
  draft07Definitions,
];
