// A recursion Gemini cannot unroll: a cycle of `$ref`s in which every step goes through required properties
// (array items and anyOf members do not break it; an optional property or additionalProperties does).
import { error, type Diagnostic } from "../../diagnostics.ts";
import { cycles } from "../graph.ts";
import { isObject, type Json } from "../json-schema-types.ts";
import { at, type LintDocument, type Rule } from "./context.ts";
import { resolveRef } from "./refs.ts";

function requiredRefs(doc: LintDocument, s: Json, out: string[]): void {
  if (!isObject(s)) return;
  if (typeof s.$ref === "string") {
    const target = resolveRef(doc, s.$ref);
    if (target !== undefined) out.push(target);
  }
  const required = new Set(Array.isArray(s.required) ? s.required : []);
  if (isObject(s.properties)) for (const [name, p] of Object.entries(s.properties)) if (required.has(name)) requiredRefs(doc, p, out);
  for (const key of ["items", "prefixItems", "anyOf", "oneOf", "allOf"]) {
    const v = s[key];
    if (Array.isArray(v)) v.forEach((x) => requiredRefs(doc, x, out));
    else requiredRefs(doc, v ?? null, out);
  }
}

const nodeAt = (doc: LintDocument, pointer: string) => doc.subschemas.find((s) => s.pointer === pointer)?.schema;
const label = (doc: LintDocument, pointer: string) => `#${pointer.slice(doc.base.length)}`;

export const cycleRule: Rule = {
  ids: ["schema.required-cycle"],
  dialects: ["responseJsonSchema"],
  check: (doc) => {
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
    const out: Diagnostic[] = [];
    for (const cycle of cycles(graph)) {
      out.push(
        error(
          "schema.required-cycle",
          `recursion ${cycle.map((p) => label(doc, p)).join(" -> ")} passes only through required properties; Gemini unrolls recursion only through optional ones`,
          at(doc, cycle[0]!),
          `make a property on the cycle optional (drop it from "required")`,
        ),
      );
    }
    return out;
  },
};
