// A recursion Gemini cannot unroll: a cycle of `$ref`s in which every step goes through required properties
// (array items and anyOf members do not break it; an optional property or additionalProperties does).
import { cycles } from "../graph.ts";
import { isObject, type Json } from "../json-schema-types.ts";
import type { LintDocument } from "./context.ts";
import { resolveRef } from "./refs.ts";
import { targetsOf, type RuleDefinition } from "./rule.ts";
import { DISCOVERY_RESPONSE_JSON_SCHEMA } from "./sources.ts";

function requiredRefs(doc: LintDocument, s: Json, out: string[]): void {
  if (!isObject(s)) return;
  if (typeof s.$ref === "string") {
    const target = resolveRef(doc, s.$ref);
    if (target !== undefined) out.push(target);
  }
  const required = new Set(Array.isArray(s.required) ? s.required : []);
  if (isObject(s.properties))
    for (const [name, p] of Object.entries(s.properties)) if (required.has(name)) requiredRefs(doc, p, out);
  for (const key of ["items", "prefixItems", "anyOf", "oneOf", "allOf"]) {
    const v = s[key];
    if (Array.isArray(v)) v.forEach((x) => requiredRefs(doc, x, out));
    else requiredRefs(doc, v ?? null, out);
  }
}

const nodeAt = (doc: LintDocument, pointer: string) => doc.subschemas.find((s) => s.pointer === pointer)?.schema;
const label = (doc: LintDocument, pointer: string) => `#${pointer.slice(doc.base.length)}`;

export const requiredCycle: RuleDefinition = {
  id: "schema.required-cycle",
  severity: "error",
  dialects: ["responseJsonSchema"],
  targets: targetsOf("responseJsonSchema"),
  summary:
    "A recursion of `$ref`s whose every step is a required property (or array items / anyOf members), which Google says is not allowed.",
  evidence: [
    {
      kind: "reference",
      quote:
        "Cyclic references are unrolled to a limited degree and, as such, may only be used within non-required properties. (Nullable properties are not sufficient.)",
      source: DISCOVERY_RESPONSE_JSON_SCHEMA,
    },
  ],
  check(doc, report) {
    const targets = new Set<string>();
    for (const s of doc.subschemas) {
      const ref = s.schema.$ref;
      const t = typeof ref === "string" ? resolveRef(doc, ref) : undefined;
      if (t !== undefined) targets.add(t);
    }
    const graph = new Map<string, string[]>();
    for (const t of targets) {
      const edges: string[] = [];
      requiredRefs(doc, nodeAt(doc, t) ?? null, edges);
      graph.set(t, edges);
    }
    for (const cycle of cycles(graph))
      report(
        cycle[0]!,
        `recursion ${cycle.map((p) => label(doc, p)).join(" -> ")} passes only through required properties; Gemini unrolls recursion only through optional ones`,
        `make a property on the cycle optional (drop it from "required")`,
      );
  },
};

export const cycleRules: readonly RuleDefinition[] = [requiredCycle];
