// Checking spec files against spec/meta/spec.schema.json. Every violation becomes a Diagnostic with the file and
// the JSON Pointer of the offending value; ajv runs with allErrors so one pass reports everything.
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { error, type Diagnostic } from "../diagnostics.ts";
import { SHIPPED_SPEC_DIR } from "../paths.ts";

export const META_SCHEMA_PATH = join(SHIPPED_SPEC_DIR, "meta", "spec.schema.json");

export type FileKind =
  | "importedResource"
  | "importedService"
  | "importedMethods"
  | "overlayResource"
  | "overlayEnum"
  | "overlayMethods"
  | "overlayCorrections";

export const FILE_KINDS: readonly FileKind[] = [
  "importedResource",
  "importedService",
  "importedMethods",
  "overlayResource",
  "overlayEnum",
  "overlayMethods",
  "overlayCorrections",
];

export const META_AJV_OPTIONS = {
  allErrors: true,
  strict: true,
  strictRequired: false,
  allowUnionTypes: true,
} as const;

/** ajv's standalone code for the meta-schema, written by scripts/precompile-meta.ts (see meta-precompile.ts). */
export const PRECOMPILED_META_PATH = fileURLToPath(new URL("./meta-validators.cjs", import.meta.url));

const require = createRequire(import.meta.url);

/** What precompiled validators must have been built from: this meta-schema text, with this ajv version. */
export function metaKey(metaText: string): string {
  const ajvVersion = (require("ajv/package.json") as { version: string }).version;
  return `sha256:${createHash("sha256").update(`ajv ${ajvVersion}\0${metaText}`).digest("hex")}`;
}

let validators: Map<FileKind, ValidateFunction> | undefined;

function compile(): Map<FileKind, ValidateFunction> {
  const text = readFileSync(META_SCHEMA_PATH, "utf8");
  // Compiling the meta-schema costs ~0.1 s at every load; the precompiled validators are used unless they were built
  // from another meta-schema or ajv version (then test/spec/meta-precompiled.test.ts fails until they are rebuilt).
  if (existsSync(PRECOMPILED_META_PATH)) {
    const precompiled = require(PRECOMPILED_META_PATH) as Record<string, ValidateFunction> & { META_KEY: string };
    if (precompiled.META_KEY === metaKey(text)) return new Map(FILE_KINDS.map((k) => [k, precompiled[k]!]));
  }
  const meta = JSON.parse(text) as { $id: string };
  const ajv = new Ajv2020(META_AJV_OPTIONS);
  ajv.addSchema(meta);
  return new Map(FILE_KINDS.map((k) => [k, ajv.getSchema(`${meta.$id}#/$defs/${k}`)!]));
}

/** Only the most useful error per location: ajv reports every failed branch of if/then and $ref chains. */
function describe(e: ErrorObject): string {
  switch (e.keyword) {
    case "additionalProperties":
    case "unevaluatedProperties": {
      const p = e.params as { additionalProperty?: string; unevaluatedProperty?: string };
      return `unknown property "${p.additionalProperty ?? p.unevaluatedProperty}"`;
    }
    case "required":
      return `missing property "${(e.params as { missingProperty: string }).missingProperty}"`;
    case "enum":
      return `must be one of ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`;
    case "not":
      return e.schemaPath.includes("typeSpec")
        ? 'properties do not fit the type: "ref" goes with types ref and any, "values" with type enum, neither with other types'
        : "a field is either repeated or a map, not both";
    case "const":
      return `must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
    default:
      return e.message ?? e.keyword;
  }
}

export function checkFile(kind: FileKind, value: unknown, file: string): Diagnostic[] {
  validators ??= compile();
  const validate = validators.get(kind)!;
  if (validate(value)) return [];
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of validate.errors ?? []) {
    // "if" restates a failed "then"; "propertyNames" restates the failure of the name it carries.
    if (e.keyword === "if" || e.keyword === "propertyNames") continue;
    let ptr = e.instancePath;
    if (e.propertyName !== undefined) ptr += `/${e.propertyName.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    if (e.keyword === "additionalProperties" || e.keyword === "unevaluatedProperties") {
      const p = e.params as { additionalProperty?: string; unevaluatedProperty?: string };
      ptr += `/${(p.additionalProperty ?? p.unevaluatedProperty ?? "").replace(/~/g, "~0").replace(/\//g, "~1")}`;
    }
    const message = e.propertyName !== undefined ? `property name "${e.propertyName}" ${describe(e)}` : describe(e);
    const key = `${ptr}\0${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(error(`spec.meta.${e.keyword}`, message, { file, pointer: ptr }));
  }
  return out;
}
