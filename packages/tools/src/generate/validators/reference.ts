// The validator schemas as data for the runtime's reference checker (packages/runtime/src/reference/): the lenient
// schemas of validatorSchemas() (./validator-schemas.ts), one export per named schema (resource, enum, any type) holding its JSON
// text and the schemas its `$ref`s name (../linked.ts), so a bundle carries the schemas of the validators it uses and no
// others. The runtime parses a schema only
// when a value first needs issues built, instead of loading compiled validator code at start-up. Strict
// behaviour is derived from the lenient schemas (a drift keyword stands where the strict schema rejects), so one copy is
// enough.
import type { EmittedFile, GenerateContext } from "../context.ts";
import { linkedExports } from "../linked.ts";
import { validatorSchemas } from "./validator-schemas.ts";

/** What the declarations declare besides the schemas (a schema of the same name would clash). */
const OWN_NAMES = ["LinkedData"];

/** Keys under which a schema holds named subschemas (property names, not keywords), as ./validator-schemas.ts reads them. */
const NAMED = new Set(["properties", "$defs", "dependentSchemas", "patternProperties"]);

/** The names a schema's `$ref`s point to (`Part.json` → Part), wherever they are in it. */
export function referencedSchemas(schema: unknown, named = false, out = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const s of schema) referencedSchemas(s, false, out);
  else if (schema !== null && typeof schema === "object")
    for (const [key, value] of Object.entries(schema)) {
      if (!named && key === "$ref") {
        if (typeof value !== "string" || !value.endsWith(".json"))
          throw new Error(`reference data: unsupported $ref ${JSON.stringify(value)}`);
        out.add(value.slice(0, -".json".length));
      } else referencedSchemas(value, !named && NAMED.has(key), out);
    }
  return out;
}

/** Each schema's entry is the library's LinkedData: its JSON text (its `$id` is its name) and the schemas it names. */
const DECLARATIONS = `import type { LinkedData } from "../../src/linked.js";
`;

/** A schema as its entry holds it: without its `$id`, which only repeats the entry's name (the runtime's owner). */
export function referenceData(schema: unknown): unknown {
  const { $id: _, ...rest } = schema as Record<string, unknown>;
  return rest;
}

export function emitReference(ctx: GenerateContext): Map<string, EmittedFile> {
  const schemas = [...validatorSchemas(ctx.ir, "lenient")].map(([name, schema]) => ({
    name,
    data: referenceData(schema),
    refs: referencedSchemas(schema),
  }));
  const source = [
    "// Reference data for packages/runtime/src/reference/. See packages/tools/src/generate/validators/reference.ts.",
    linkedExports(schemas, OWN_NAMES),
  ].join("\n");
  const declarations = [
    DECLARATIONS,
    ...schemas.map(({ name }) => `export declare const ${name}: LinkedData;`),
    "",
  ].join("\n");
  return new Map<string, EmittedFile>([
    ["validators/reference.js", { kind: "js", content: source }],
    ["validators/reference.d.ts", { kind: "ts", content: declarations }],
  ]);
}
