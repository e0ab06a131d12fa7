// The schemas output: the strict JSON Schemas of the spec (../json-schema.ts) as packages/runtime/generated/schemas/,
// one file per resource, enum and any type, plus bundle.json with all of them under $defs.
import { stableStringify } from "../../util/stable-json.ts";
import type { EmittedFile, GenerateContext } from "../context.ts";
import { allSchemas, bundleSchema } from "../json-schema.ts";

const json = (value: unknown): EmittedFile => ({ kind: "json", content: stableStringify(value) });

export function emitSchemas(ctx: GenerateContext): Map<string, EmittedFile> {
  const files = new Map<string, EmittedFile>();
  const schemas = allSchemas(ctx.ir, "strict");
  for (const [name, schema] of schemas) files.set(`schemas/${name}.json`, json(schema));
  files.set("schemas/bundle.json", json(bundleSchema(schemas, "strict")));
  return files;
}
