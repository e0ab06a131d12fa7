// The validator schemas as data for the runtime's reference checker (runtime/reference/): the lenient schemas of
// validatorSchemas() (./schema.ts) as one JSON text in a string constant, plus the base64 check of bytes fields from
// its one source (./keywords.ts). A string literal costs next to nothing to import; the runtime parses it only when a
// value first needs issues built, instead of loading the 760 KiB ajv standalone modules at start-up. Strict behaviour
// is derived from the lenient schemas (a drift keyword stands where the strict schema rejects), so one copy is enough.
import type { EmittedFile, GenerateContext } from "../context.ts";
import { BYTES_CHECK_SOURCE } from "./keywords.ts";
import { validatorSchemas } from "./schema.ts";

const DECLARATIONS = `/** The lenient validator schemas by name (resources, enums, any types), as JSON text: parse on first use. */
export declare const LENIENT_SCHEMAS: string;

/** The base64 check of bytes fields (the x-gemini-bytes keyword). */
export declare function isBytes(value: string): boolean;
`;

/** A JS string literal in single quotes: JSON text then needs only its backslashes escaped (and any `'`). */
function singleQuoted(text: string): string {
  return `'${text.replace(/[\\']/g, "\\$&")}'`;
}

export function emitReference(ctx: GenerateContext): Map<string, EmittedFile> {
  const schemas = Object.fromEntries(validatorSchemas(ctx.ir, "lenient"));
  const source = [
    "// Reference data for runtime/reference/. See generator/generate/validators/reference.ts.",
    `export const LENIENT_SCHEMAS = ${singleQuoted(JSON.stringify(schemas))};`,
    `export const isBytes = ${BYTES_CHECK_SOURCE};`,
    "",
  ].join("\n");
  return new Map<string, EmittedFile>([
    ["validators/reference.js", { kind: "js", content: source }],
    ["validators/reference.d.ts", { kind: "ts", content: DECLARATIONS }],
  ]);
}
