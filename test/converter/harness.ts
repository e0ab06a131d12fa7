// Shared by the converter tests: the fixture folders, reading/refreshing expected files (UPDATE_FIXTURES=1), and an
// Ajv 2020-12 validator in strict mode that knows Gemini's non-standard `propertyOrdering` keyword.
import { existsSync, readdirSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { Diagnostic } from "../../packages/tools/src/diagnostics.ts";

export const FIXTURES = import.meta.dirname;
export const UPDATE = process.env.UPDATE_FIXTURES === "1";

export const cases = (): string[] =>
  readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(FIXTURES, d.name, "input.ts")))
    .map((d) => d.name)
    .sort();

export const readJson = (file: string): unknown => JSON.parse(readFileSync(file, "utf8"));
export const readJsonIfExists = (file: string): unknown => (existsSync(file) ? readJson(file) : undefined);

/** Compare `actual` with the expected file, or (UPDATE_FIXTURES=1) rewrite the file; undefined means "no file". */
export function expectedFile(file: string, actual: unknown): unknown {
  if (UPDATE) {
    if (actual === undefined) rmSync(file, { force: true });
    else writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
  }
  return readJsonIfExists(file);
}

/** Diagnostics in fixture form: file:line:col relative to the case folder. */
export const located = (dir: string, ds: readonly Diagnostic[]) =>
  ds.map((d) => ({
    code: d.code,
    severity: d.severity,
    at: `${d.location.file ? relative(dir, d.location.file) : ""}:${d.location.line}:${d.location.column}`,
    message: d.message,
  }));

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export function makeAjv(): Ajv2020 {
  // Strict mode, except strictTuples: it demands minItems == prefixItems length, which optional tuple elements
  // (`[string, number?]` → minItems 1) legitimately break.
  const ajv = new Ajv2020({ strict: true, strictTuples: false, allErrors: true });
  addFormats(ajv);
  ajv.addKeyword({ keyword: "propertyOrdering", schemaType: "array" });
  return ajv;
}
