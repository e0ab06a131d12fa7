// Google's OpenAPI 3 export: the only upstream source with explicit `required` lists. Also read: writeOnly
// (input only) and x-google-immutable.
import { error, type Diagnostic } from "../diagnostics.ts";

export interface OpenApiFacts {
  /** schema name → field name → flags */
  fields: Map<string, Map<string, { required?: true; inputOnly?: true; immutable?: true }>>;
  sha256: string;
  file: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

export function readOpenApi(
  value: unknown,
  file: string,
  sha256: string,
): { facts?: OpenApiFacts; diagnostics: Diagnostic[] } {
  const schemas = isObject(value) && isObject(value["components"]) ? value["components"]["schemas"] : undefined;
  if (!isObject(value) || typeof value["openapi"] !== "string" || !isObject(schemas))
    return {
      diagnostics: [
        error("openapi.shape", 'not an OpenAPI 3 document with "components.schemas"', { file, pointer: "" }),
      ],
    };
  const fields: OpenApiFacts["fields"] = new Map();
  for (const [name, schema] of Object.entries(schemas)) {
    if (!isObject(schema)) continue;
    const flags = new Map<string, { required?: true; inputOnly?: true; immutable?: true }>();
    const get = (f: string) => {
      let entry = flags.get(f);
      if (!entry) flags.set(f, (entry = {}));
      return entry;
    };
    if (Array.isArray(schema["required"]))
      for (const f of schema["required"]) if (typeof f === "string") get(f).required = true;
    for (const [f, p] of Object.entries(isObject(schema["properties"]) ? schema["properties"] : {})) {
      if (!isObject(p)) continue;
      if (p["writeOnly"] === true) get(f).inputOnly = true;
      if (p["x-google-immutable"] === true) get(f).immutable = true;
    }
    if (flags.size > 0) fields.set(name, flags);
  }
  return { facts: { fields, sha256, file }, diagnostics: [] };
}
