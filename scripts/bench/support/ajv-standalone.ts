// ajv's standalone validators as the benches' baseline: the strict validator of every resource, as ajv's standaloneCode
// writes them (one ES module, no ajv at run time), compiled at bench time from validatorSchemas() of the project's spec
// with the tests' ajv set-up (validatorAjv in test/support/ajv-keywords.ts: options and keywords). The generator no
// longer emits them (the runtime does not load them); this is the module it used to write to
// packages/runtime/generated/validators/strict.js.
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Ajv, ValidateFunction } from "ajv";
import standaloneCodeModule from "ajv/dist/standalone/index.js";
import { loadSpec } from "../../../packages/tools/src/spec/load.ts";
import { schemaId } from "../../../packages/tools/src/generate/json-schema.ts";
import { validatorSchemas } from "../../../packages/tools/src/generate/validators/validator-schemas.ts";
import { validatorAjv } from "../../../test/support/ajv-keywords.ts";
import { ROOT } from "./corpus.ts";

// ajv's standalone entry is CommonJS with a default export; under ESM interop it may arrive wrapped.
const standaloneCode = ((standaloneCodeModule as unknown as { default?: unknown }).default ?? standaloneCodeModule) as (
  ajv: Ajv,
  refsOrFunc: Record<string, string>,
) => string;

export interface StandaloneModule {
  /** The module file (in a temporary directory: call `remove` when done). */
  path: string;
  bytes: number;
  remove(): void;
}

/** Writes the strict standalone validators of every resource, exported by resource name, to a temporary module. */
export async function writeStrictStandalone(): Promise<StandaloneModule> {
  const { ir, diagnostics } = await loadSpec(join(ROOT, "spec"), ROOT);
  if (!ir) throw new Error(`the spec does not load: ${JSON.stringify(diagnostics.slice(0, 3))}`);
  const ajv = validatorAjv({ code: { source: true, esm: true } });
  for (const schema of validatorSchemas(ir, "strict").values()) ajv.addSchema(schema as object);
  const exports = Object.fromEntries([...ir.resources.keys()].map((name) => [name, schemaId(name, "strict")]));
  const dir = mkdtempSync(join(tmpdir(), "gtk-ajv-standalone-"));
  const path = join(dir, "strict.mjs");
  writeFileSync(path, standaloneCode(ajv, exports));
  return { path, bytes: statSync(path).size, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The standalone strict validator of one resource, loaded in this process (the module's file is removed after). */
export async function strictStandaloneValidator(resource: string): Promise<ValidateFunction> {
  const module = await writeStrictStandalone();
  try {
    const validators = (await import(pathToFileURL(module.path).href)) as Record<string, ValidateFunction>;
    const validate = validators[resource];
    if (!validate) throw new Error(`no standalone validator for ${resource}`);
    return validate;
  } finally {
    module.remove();
  }
}
