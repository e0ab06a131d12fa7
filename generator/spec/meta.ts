// Checking spec files against spec/meta/spec.schema.json. Every violation becomes a Diagnostic with the file and
// the JSON Pointer of the offending value; ajv runs with allErrors so one pass reports everything.
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { error, type Diagnostic } from "../diagnostics.ts";

export const META_SCHEMA_PATH = fileURLToPath(new URL("../../spec/meta/spec.schema.json", import.meta.url));

export type FileKind =
  | "importedResource"
  | "importedService"
  | "importedMethods"
  | "overlayResource"
  | "overlayEnum"
  | "overlayMethods"
  | "overlayCorrections";

let validators: Map<FileKind, ValidateFunction> | undefined;

function compile(): Map<FileKind, ValidateFunction> {
  const meta = JSON.parse(readFileSync(META_SCHEMA_PATH, "utf8")) as { $id: string };
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  ajv.addSchema(meta);
  const kinds: FileKind[] = ["importedResource", "importedService", "importedMethods", "overlayResource", "overlayEnum", "overlayMethods", "overlayCorrections"];
  return new Map(kinds.map((k) => [k, ajv.getSchema(`${meta.$id}#/$defs/${k}`)!]));
}

/** Only the most useful error per location: ajv reports every failed branch of if/then and $ref chains. */
function describe(e: ErrorObject): string {
  switch (e.keyword) {
    case "additionalProperties":
    case "unevaluatedProperties": {
      const p = (e.params as { additionalProperty?: string; unevaluatedProperty?: string });
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
