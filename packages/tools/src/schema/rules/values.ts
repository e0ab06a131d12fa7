// Value-level rules: enum members, const, and type names.
import { error, warning, type Diagnostic } from "../../diagnostics.ts";
import { LEGACY_TYPES } from "../json-schema-types.ts";
import { at, child, type Rule } from "./context.ts";

const JSON_TYPES = new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);

export const enumValues: Rule = {
  ids: ["schema.enum-value", "legacy.enum-value"],
  dialects: ["responseJsonSchema", "responseSchema"],
  check: (doc) => {
    const out: Diagnostic[] = [];
    const legacy = doc.dialect === "responseSchema";
    for (const s of doc.subschemas) {
      const values = s.schema.enum;
      if (values === undefined) continue;
      if (!Array.isArray(values)) {
        out.push(error(legacy ? "legacy.enum-value" : "schema.enum-value", "enum must be an array", at(doc, child(s.pointer, "enum"))));
        continue;
      }
      values.forEach((v, i) => {
        const ok = legacy ? typeof v === "string" : typeof v === "string" || typeof v === "number";
        if (!ok)
          out.push(
            error(
              legacy ? "legacy.enum-value" : "schema.enum-value",
              `enum value ${JSON.stringify(v)} is not ${legacy ? "a string" : "a string or a number"}`,
              at(doc, child(s.pointer, "enum", i)),
              v === null ? 'drop null from enum and allow it with anyOf: [{…enum…}, {"type": "null"}]' : typeof v === "boolean" ? 'use {"type": "boolean"}' : "use string values",
            ),
          );
      });
    }
    return out;
  },
};

export const constRule: Rule = {
  ids: ["schema.const"],
  dialects: ["responseJsonSchema"],
  check: (doc) =>
    doc.subschemas
      .filter((s) => s.schema.const !== undefined)
      .map((s) =>
        warning("schema.const", "`const` is not supported by responseJsonSchema and is ignored", at(doc, child(s.pointer, "const")), `use "enum": [${JSON.stringify(s.schema.const)}]`),
      ),
};

export const typeNames: Rule = {
  ids: ["schema.type", "legacy.type"],
  dialects: ["responseJsonSchema", "responseSchema"],
  check: (doc) => {
    const out: Diagnostic[] = [];
    for (const s of doc.subschemas) {
      const t = s.schema.type;
      if (t === undefined) continue;
      if (doc.dialect === "responseSchema") {
        if (typeof t !== "string" || !(LEGACY_TYPES as readonly string[]).includes(t)) {
          const upper = typeof t === "string" ? t.toUpperCase() : undefined;
          out.push(
            error(
              "legacy.type",
              `type ${JSON.stringify(t)} is not a value of the Type enum (${LEGACY_TYPES.join(", ")})`,
              at(doc, child(s.pointer, "type")),
              upper && (LEGACY_TYPES as readonly string[]).includes(upper) ? `write "${upper}"` : Array.isArray(t) ? 'use one type and "nullable": true' : undefined,
            ),
          );
        }
        continue;
      }
      const names = Array.isArray(t) ? t : [t];
      names.forEach((n, i) => {
        if (typeof n !== "string" || !JSON_TYPES.has(n))
          out.push(
            error("schema.type", `unknown type ${JSON.stringify(n)}`, at(doc, Array.isArray(t) ? child(s.pointer, "type", i) : child(s.pointer, "type")), `use one of ${[...JSON_TYPES].join(", ")}`),
          );
      });
    }
    return out;
  },
};
