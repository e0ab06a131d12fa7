// `$ref` rules: a reference must resolve inside the document, point at `$defs` (not draft-07 `definitions`), and
// carry no sibling keywords other than `$`-keywords (Gemini rejects those siblings).
import { error, type Diagnostic } from "../../diagnostics.ts";
import { parsePointer } from "../../util/json-pointer.ts";
import { isObject, type Json } from "../json-schema-types.ts";
import { at, child, type LintDocument, type Rule } from "./context.ts";

/** Resolve a local `$ref` ("#", "#/json/pointer" or "#anchor") to the pointer of its target inside doc.root. */
export function resolveRef(doc: LintDocument, ref: string): string | undefined {
  if (!ref.startsWith("#")) return undefined;
  const fragment = decodeURIComponent(ref.slice(1));
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

export const refRules: Rule = {
  ids: ["schema.ref-siblings", "schema.unresolved-ref", "schema.definitions"],
  dialects: ["responseJsonSchema"],
  check: (doc) => {
    const out: Diagnostic[] = [];
    for (const s of doc.subschemas) {
      if (s.pointer === doc.base && isObject(s.schema.definitions))
        out.push(
          error("schema.definitions", "draft-07 `definitions` is not a keyword Gemini knows; references into it do not resolve", at(doc, child(s.pointer, "definitions")), 'rename "definitions" to "$defs" and "#/definitions/" to "#/$defs/" in every $ref'),
        );
      const ref = s.schema.$ref;
      if (ref === undefined) continue;
      if (typeof ref !== "string" || resolveRef(doc, ref) === undefined) {
        out.push(error("schema.unresolved-ref", `$ref ${JSON.stringify(ref)} does not resolve inside this schema`, at(doc, child(s.pointer, "$ref")), "point it at an entry of $defs, e.g. #/$defs/Name"));
      } else if (ref.startsWith("#/definitions/")) {
        out.push(error("schema.definitions", `$ref ${ref} points into draft-07 \`definitions\``, at(doc, child(s.pointer, "$ref")), 'use "#/$defs/…"'));
      }
      const siblings = Object.keys(s.schema).filter((k) => !k.startsWith("$"));
      if (siblings.length)
        out.push(
          error(
            "schema.ref-siblings",
            `$ref has sibling keywords (${siblings.join(", ")}); Gemini allows only $-keywords next to $ref`,
            at(doc, s.pointer),
            `wrap the reference: {"anyOf": [{"$ref": ${JSON.stringify(ref)}}], ${siblings.map((k) => JSON.stringify(k) + ": …").join(", ")}}`,
          ),
        );
    }
    return out;
  },
};
